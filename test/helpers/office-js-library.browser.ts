/**
 * The Office.js client library in the browser tests: run in a hidden frame of its own, so that
 * its globals stay apart from the double's.
 */
import type { ClientWindow } from "./office-js-library";

// The library's text, bundled as a string (webpack `asset/source`).
const source: string = require("@microsoft/office-js/dist/excel-web-16.00.js");

export function loadClientLibrary(): ClientWindow {
  const frame = document.createElement("iframe");
  frame.style.display = "none";
  document.documentElement.appendChild(frame);
  const window = frame.contentWindow as unknown as { eval(code: string): void } & ClientWindow;
  window.eval(source);
  return window;
}
