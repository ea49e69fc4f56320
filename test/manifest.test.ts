import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { RESCORE_COMMAND } from "../src/commands/commands";

/** Offline checks of manifest.xml: well-formed, every resource it names exists, the least permission. */
const ROOT = join(__dirname, "..");
const text = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const manifest = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(
  text
).OfficeApp;

test("is well-formed XML", () => {
  expect(XMLValidator.validate(text)).toBe(true);
});

test("asks for ReadWriteDocument, the least permission that can write back", () => {
  expect(manifest.Permissions).toBe("ReadWriteDocument");
});

test("declares ExcelApi 1.7 (getRangeByIndexes) and the shared runtime; newer sets are checked at run time", () => {
  const sets = [manifest.Requirements.Sets.Set]
    .flat()
    .map((s: Record<string, string>) => `${s["@Name"]} ${s["@MinVersion"]}`);
  expect(sets).toEqual(["ExcelApi 1.7", "SharedRuntime 1.1"]);
});

test("every resid it uses is defined, and every icon it names is in assets/", () => {
  const used = [...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  const defined = new Set(
    [...text.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1])
  );
  expect(used.filter((id) => !defined.has(id))).toEqual([]);
  const icons = [...text.matchAll(/https:\/\/localhost:3000\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  expect(icons.length).toBeGreaterThan(3);
  expect(icons.filter((icon) => !existsSync(join(ROOT, icon)))).toEqual([]);
});

test("the ribbon calls the command the code registers, and opens the pane page", () => {
  expect(text).toContain(`<FunctionName>${RESCORE_COMMAND}</FunctionName>`);
  expect(text).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
  expect(manifest.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});

test("under the shared runtime no action names a TaskpaneId (docs: configure-your-add-in-to-use-a-shared-runtime)", () => {
  expect(text).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
  expect(text).not.toMatch(/<TaskpaneId>/);
});
