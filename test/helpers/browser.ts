import { createReadStream, existsSync, statSync } from "fs";
import { AddressInfo } from "net";
import { createServer, Server } from "http";
import { extname, join, normalize } from "path";
import { Browser, chromium } from "playwright-core";

/** Debian's Chromium, started the way this machine allows (no sandbox as root, no background network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serves a folder on 127.0.0.1, as the add-in's host would, with the headers a page gets there. */
export async function serveFolder(
  root: string,
  headers: Record<string, string> = {}
): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent((request.url ?? "/").split("?")[0])).replace(
      /^(\.\.[/\\])+/,
      ""
    );
    const file = join(root, path === "/" ? "taskpane.html" : path);
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      ...headers,
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}
