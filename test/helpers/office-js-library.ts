/**
 * The Office.js client library (npm `@microsoft/office-js`, Excel on the web's build) in a
 * jsdom window of its own, apart from the globals the double installs. The browser tests swap
 * this module for office-js-library.browser.ts.
 */
import { readFileSync } from "fs";
import { JSDOM } from "jsdom";
import type { ClientContext } from "./office-js-client";

export type ClientWindow = { Excel: { RequestContext: new () => ClientContext } };

export const CLIENT_LIBRARY = require.resolve("@microsoft/office-js/dist/excel-web-16.00.js");

export function loadClientLibrary(): ClientWindow {
  const { window } = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/",
  });
  window.eval(readFileSync(CLIENT_LIBRARY, "utf8"));
  return window as unknown as ClientWindow;
}
