import { readFileSync, readdirSync, statSync } from "fs";
import { join, relative } from "path";

/** The page's Content-Security-Policy and the code's reach: nothing leaves the machine. */
const ROOT = join(__dirname, "..");
const template = readFileSync(join(ROOT, "src/taskpane/taskpane.html"), "utf8");
/** The page as the build writes it with the default Office.js origin (webpack.config.js). */
const html = template.replace(/<%= officeJsOrigin %>/g, "https://appsforoffice.microsoft.com");

function policy(): Map<string, string[]> {
  const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  if (!content) throw new Error("no Content-Security-Policy on the pane page");
  return new Map(
    content
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values])
  );
}

test("the pane page loads scripts only from itself and the Office.js CDN, and allows no eval", () => {
  const csp = policy();
  expect(csp.get("default-src")).toEqual(["'self'"]);
  expect(csp.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  expect(csp.get("connect-src")).toEqual(["'self'"]);
  expect(csp.get("object-src")).toEqual(["'none'"]);
  for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
  expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
  const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
  expect(scripts).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
});

test("the Office.js origin is one build setting, used by both the script and the policy", () => {
  expect(template.match(/<%= officeJsOrigin %>/g)).toHaveLength(2);
  expect(template).not.toContain("appsforoffice.microsoft.com");
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

test("no code evaluates strings or talks to the network", () => {
  const offending = sources(join(ROOT, "src")).flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return [
      /\beval\s*\(/,
      /new Function\s*\(/,
      /\bfetch\s*\(/,
      /XMLHttpRequest/,
      /WebSocket/,
      /sendBeacon/,
      /require\(['"](https?|net|dgram|child_process)['"]\)/,
      /from '(https?|net|dgram|child_process)'/,
    ]
      .filter((pattern) => pattern.test(text))
      .map((pattern) => `${relative(ROOT, file)}: ${pattern}`);
  });
  expect(offending).toEqual([]);
});
