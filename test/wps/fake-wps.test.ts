/**
 * The double follows what Kingsoft's documentation and public add-ins say of WPS 表格's ET object model; each test
 * names the fact it checks.
 */
import { FakeWps } from "../helpers/fake-wps";
import { WpsApplication, WpsWorksheet } from "../../src/wps/object-model";

function workbook(options = {}) {
  const fake = new FakeWps(options);
  fake.add("自评表").put(1, 1, [
    ["指标", "目标值"],
    ["人数", 200],
  ]);
  fake.add("空表");
  return fake;
}

test("the double is typed by the host's model, itself picked from et-jsapi-declare", () => {
  // Compile-time: where the generated types are right, a real Et.Worksheet is a WpsWorksheet.
  const fromGenerated = (sheet: Et.Worksheet): WpsWorksheet => sheet;
  const app: WpsApplication = new FakeWps().application;
  expect(typeof fromGenerated).toBe("function");
  expect(app).toBeDefined();
});

test("“1-based”: Worksheets.Item(1) is the first sheet; Item(0) does not exist; a name works too", () => {
  const app = workbook().application;
  const sheets = app.ActiveWorkbook.Worksheets;
  expect(sheets.Count).toBe(2);
  expect(sheets.Item(1).Name).toBe("自评表");
  expect(sheets.Item("空表").Name).toBe("空表");
  expect(() => sheets.Item(0)).toThrow();
});

test("“calls are synchronous, each crossing a process boundary”: every get, set and method call counts one", () => {
  const fake = workbook();
  const app = fake.application;
  const sheet = app.ActiveWorkbook.Worksheets.Item(1); // 3 calls
  const range = sheet.Range("B2:C3"); // 1
  void range.Value2; // 1
  range.Interior.Color = 255; // 2
  expect(fake.calls).toBe(7);
});

test("“Value2 reads a whole range: a 2-D array, one cell a scalar, some builds an object read with .Item(r, c)”", () => {
  const array = workbook().application.ActiveWorkbook.Worksheets.Item(1);
  expect(array.Range("B2:C3").Value2).toEqual([
    ["指标", "目标值"],
    ["人数", 200],
  ]);
  expect(array.Range("C3").Value2).toBe(200);
  const object = workbook({ value2: "object" }).application.ActiveWorkbook.Worksheets.Item(1);
  const value = object.Range("B2:C3").Value2 as { Item(r: number, c: number): unknown };
  expect(Array.isArray(value)).toBe(false);
  expect(value.Item(1, 1)).toBe("指标");
  expect(value.Item(2, 2)).toBe(200);
});

test("“UsedRange of an empty sheet gives A1 with Value2 null”", () => {
  const used = workbook().application.ActiveWorkbook.Worksheets.Item("空表").UsedRange;
  expect(used.Address()).toBe("$A$1");
  expect(used.Value2).toBeNull();
});

test("“formula errors read back as numeric codes (−2146826281 for #DIV/0!)”", () => {
  const fake = workbook();
  fake.sheet("自评表").cell(2, 2).error = "#DIV/0!";
  expect(fake.application.ActiveWorkbook.Worksheets.Item(1).Range("C3").Value2).toBe(-2146826281);
});

test("“Interior.Color = r + g*256 + b*65536 (BGR)”; a mixed range reads null", () => {
  const fake = workbook();
  const sheet = fake.application.ActiveWorkbook.Worksheets.Item(1);
  sheet.Range("B2").Interior.Color = 0x0000ff; // red in BGR
  expect(fake.sheet("自评表").peek(1, 1)?.fill).toBe(255);
  expect(sheet.Range("B2:C2").Interior.Color).toBeNull();
});

test("“writes take effect at once, with no batching”: a read right after a write sees it", () => {
  const sheet = workbook().application.ActiveWorkbook.Worksheets.Item(1);
  sheet.Range("D2:D3").Value2 = [["'2023"], ["2023"]];
  expect(sheet.Range("D2:D3").Value2).toEqual([["2023"], [2023]]);
});

test("NumberFormat of a range whose formats differ reads null (unconfirmed for WPS, as Excel gives it)", () => {
  const fake = workbook();
  fake.sheet("自评表").cell(2, 2).numberFormat = "0.00";
  const sheet = fake.application.ActiveWorkbook.Worksheets.Item(1);
  expect(sheet.Range("C3").NumberFormat).toBe("0.00");
  expect(sheet.Range("B3:C3").NumberFormat).toBeNull();
});

test("“Visible: -1 visible, 0 hidden, 2 very hidden”: a hidden sheet cannot be activated, a very hidden one not deleted", () => {
  const fake = workbook();
  const sheet = fake.application.ActiveWorkbook.Worksheets.Item("空表");
  expect(sheet.Visible).toBe(-1);
  sheet.Visible = 2;
  expect(() => sheet.Activate()).toThrow();
  expect(() => sheet.Delete()).toThrow();
  sheet.Visible = 0;
  sheet.Delete();
  expect(fake.has("空表")).toBe(false);
});

test("“use numeric constants: Application.Enum is missing on older builds”: the double has none", () => {
  expect((workbook().application as unknown as { Enum?: unknown }).Enum).toBeUndefined();
});

test("“ApiEvent SheetChange (sheet, target)” reaches listeners until they are removed", () => {
  const fake = workbook();
  const seen: string[] = [];
  const listener = (sheet: WpsWorksheet, target: { Address(): string }) =>
    seen.push(`${sheet.Name}!${target.Address()}`);
  fake.application.ApiEvent.AddApiEventListener("SheetChange", listener);
  fake.edit("自评表", "C3", 180);
  fake.application.ApiEvent.RemoveApiEventListener("SheetChange", listener);
  fake.edit("自评表", "C3", 190);
  expect(seen).toEqual(["自评表!$C$3"]);
});
