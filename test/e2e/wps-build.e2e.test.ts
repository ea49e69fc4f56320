/**
 * The built WPS add-in (dist/wps, after `npm run build`): every file WPS and an intranet
 * server need, a ribbon WPS can read, no Office.js anywhere, and JavaScript an ES2018
 * browser can parse (the Chromium inside WPS is of an undocumented age).
 */
import { parse } from "acorn";
import { execFileSync } from "child_process";
import { existsSync, readFileSync, readdirSync } from "fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { join, relative } from "path";
import { useTempDir } from "../helpers/temp";

const DIST = join(__dirname, "..", "..", "dist", "wps");
const read = (name: string) => readFileSync(join(DIST, name), "utf8");
const tempDir = useTempDir();

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(folder, e.name)) : [join(folder, e.name)]
  );
}

beforeAll(() => {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/wps is missing: run `npm run build` first");
});

test("dist/wps holds the pages, the ribbon, the manifest, the icons, the publish page and both deployment lists", () => {
  const files = readdirSync(DIST);
  for (const name of [
    "index.html",
    "taskpane.html",
    "ribbon.xml",
    "manifest.xml",
    "publish.html",
    "publish.js",
    "jsplugins.xml",
    "jsplugins-offline.xml",
  ])
    expect(files).toContain(name);
  expect(files.some((f) => /^selfeval_\d+\.\d+\.\d+\.7z$/.test(f))).toBe(true);
  expect(readdirSync(join(DIST, "assets"))).toContain("icon-32.png");
  // Each page loads its own script, which is there.
  for (const page of ["index.html", "taskpane.html"]) {
    const scripts = [...read(page).matchAll(/<script[^>]*\bsrc="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(existsSync(join(DIST, src))).toBe(true);
  }
});

test("ribbon.xml is well-formed CustomUI with 一键复核 and 复核助手, each calling OnAction", () => {
  const xml = read("ribbon.xml");
  expect(XMLValidator.validate(xml)).toBe(true);
  const ui = new XMLParser({ ignoreAttributes: false }).parse(xml).customUI;
  expect(ui["@_xmlns"]).toBe("http://schemas.microsoft.com/office/2006/01/customui");
  expect(ui["@_onLoad"]).toBe("OnAddinLoad");
  const buttons = [ui.ribbon.tabs.tab.group.button].flat() as Record<string, string>[];
  expect(buttons.map((b) => [b["@_label"], b["@_onAction"]])).toEqual([
    ["一键复核", "OnAction"],
    ["复核助手", "OnAction"],
  ]);
});

test("the manifest and the deployment lists are Kingsoft's shapes, pointing at the served folder", () => {
  expect(new XMLParser().parse(read("manifest.xml")).JsPlugin.Name).toBe("selfeval");
  const online = new XMLParser({ ignoreAttributes: false }).parse(read("jsplugins.xml"));
  expect(online.jsplugins.jspluginonline).toMatchObject({ "@_name": "selfeval", "@_type": "et" });
  const offline = new XMLParser({ ignoreAttributes: false }).parse(read("jsplugins-offline.xml"));
  expect(offline.jsplugins.jsplugin["@_url"]).toMatch(/selfeval_\d+\.\d+\.\d+\.7z$/);
  expect(
    offline.jsplugins.jsplugin["@_url"].startsWith(online.jsplugins.jspluginonline["@_url"])
  ).toBe(true);
});

test("no page of it loads Office.js, and every script parses as ES2018", () => {
  for (const name of readdirSync(DIST).filter((f) => /\.(html|js)$/.test(f))) {
    const text = read(name);
    expect([name, /office(\.debug)?\.js|appsforoffice/i.test(text)]).toEqual([name, false]);
    if (name.endsWith(".js"))
      expect(() => parse(text, { ecmaVersion: 2018, sourceType: "script" })).not.toThrow();
  }
});

test("7-Zip (Debian's 7zip, not the build's own) unpacks the offline package into selfeval_<version>/, each file the one in dist/wps", () => {
  const archive = readdirSync(DIST).find((f) => f.endsWith(".7z"))!;
  const into = tempDir();
  execFileSync("7zz", ["x", "-y", `-o${into}`, join(DIST, archive)], { stdio: "ignore" });
  const folder = archive.replace(/\.7z$/, "");
  expect(readdirSync(into)).toEqual([folder]);
  const unpacked = filesUnder(join(into, folder)).map((f) => relative(join(into, folder), f));
  expect(unpacked).toEqual(
    expect.arrayContaining([
      "index.html",
      "taskpane.html",
      "ribbon.xml",
      "manifest.xml",
      "assets/icon-32.png",
    ])
  );
  for (const name of unpacked)
    expect([
      name,
      readFileSync(join(into, folder, name)).equals(readFileSync(join(DIST, name))),
    ]).toEqual([name, true]);
  expect(unpacked.some((f) => /publish|jsplugins|\.7z$/.test(f))).toBe(false);
});
