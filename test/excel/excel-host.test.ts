import {
  CellEditModeError,
  DamagedStateError,
  DismissReasonRequiredError,
  FindingNotFoundError,
  HiddenSheetError,
  MergedAreasUnavailableError,
  MissingAnnotatedSheetError,
  NewerStateVersionError,
  NoTableError,
  ProtectedSheetError,
  WorkbookStructureProtectedError,
} from "../../src/core/errors";
import { Mark } from "../../src/core/marks";
import { COLORS, SUMMARY_SHEET } from "../../src/core/plan";
import { defaultSettings, policyFromSettings } from "../../src/core/settings";
import { STATE_SHEET, marksOf } from "../../src/core/state";
import {
  clearOpenWorkbook,
  markFinding,
  rescoreOpenWorkbook,
  selectCells,
  watchEdits,
  writeRemark,
} from "../../src/excel/excel-host";
import { readWorkbook } from "../../src/excel/read-workbook";
import { readGrids } from "../../src/file/read-workbook";
import { clearXlsx, markXlsx, rescoreXlsx } from "../../src/file/write-back";
import { FakeExcel, fakeFromGrids } from "../helpers/fake-excel";
import { fakeFromXlsx, snapshot, xlsxFromFake } from "../helpers/fake-workbooks";
import { layoutTable, toGrid } from "../helpers/layouts";
import { expectedWorkbooks, referenceTable, referenceWorkbook } from "../helpers/reference";
import { dumpXlsx, loadXlsx } from "../helpers/workbook-dump";

const settings = defaultSettings();
const hex = (argb: string) => `#${argb.slice(-6)}`;

async function fakeWith(file: string, options = {}): Promise<FakeExcel> {
  const fake = new FakeExcel(options);
  fakeFromGrids(fake, await readGrids(referenceWorkbook(file)));
  fake.install();
  return fake;
}

afterEach(() => FakeExcel.uninstall());

describe("the test double behaves like Excel where it matters", () => {
  // This test reads before load and sync on purpose: the double must refuse it as Excel does.
  /* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read */
  test("a property read before load and sync fails; after them it reads", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow("PropertyNotLoaded");
      sheets.load("items/name");
      expect(() => sheets.items).toThrow("PropertyNotLoaded");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["自评表"]);
      const range = sheets.items[0].getRange("A1");
      range.load("values");
      expect(() => range.values).toThrow("PropertyNotLoaded");
      await context.sync();
      expect(range.values[0][0]).toContain("自评表");
      expect(() => range.numberFormat).toThrow("PropertyNotLoaded");
    });
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs.every((s) => s.request > 0)).toBe(true);
  }); /* eslint-enable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read */

  test("a request or a response over the limit is refused", async () => {
    const load = () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("自评表").getRange("A1:G24").load("values");
        await context.sync();
      });
    // The sizes of this request and its response, as the real client serialises the request.
    const measured = await fakeWith("wuhan-jiguan.xlsx");
    await load();
    const [{ request, response }] = measured.syncs;
    expect(response).toBeGreaterThan(request);
    FakeExcel.uninstall();
    const small = await fakeWith("wuhan-jiguan.xlsx", { payloadLimit: request - 1 });
    await expect(load()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(small.refused).toHaveLength(1);
    FakeExcel.uninstall();
    const fake = await fakeWith("wuhan-jiguan.xlsx", { payloadLimit: response - 1 });
    await expect(load()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(fake.refused).toHaveLength(1);
  });
});

describe("rescore in Excel", () => {
  test("writes the same scores, grade, highlights and summary as the file host", async () => {
    const fake = await fakeWith("wuhan-jiuye.xlsx");
    const outcome = await rescoreOpenWorkbook(settings);
    expect(outcome.tables[0].total).toBe(96.79);
    const sheet = fake.workbook.sheet("自评表");
    const at = (address: string) => {
      const col = address.charCodeAt(0) - 65;
      const row = Number(address.slice(1)) - 1;
      return sheet.peek(row, col);
    };
    expect(at("H8")?.value).toBe("复核得分");
    expect(at("H16")?.value).toBe(0.79);
    expect(at("I16")?.value).toBe("未完成：完成 3,564人，目标 9,000人");
    expect(at("H30")?.value).toBe(96.79);
    expect(at("I30")?.value).toBe("等级：优");
    expect(at("E16")?.fill).toBe(hex(COLORS.unfinished));
    expect(at("F19")?.fill).toBe(hex(COLORS.weak));
    expect(fake.workbook.sheet(STATE_SHEET).visibility).toBe("VeryHidden");
    expect(fake.workbook.sheet(SUMMARY_SHEET).peek(1, 3)?.value).toBe(96.79);
    expect(fake.workbook.sheet(SUMMARY_SHEET).peek(1, 0)?.link).toBe("'自评表'!A1");

    // The file host writes the same cells.
    const file = await rescoreXlsx(
      referenceWorkbook("wuhan-jiuye.xlsx"),
      policyFromSettings(settings)
    );
    const other = new FakeExcel();
    await fakeFromXlsx(other, file.data);
    const outputs = (f: FakeExcel) =>
      [...f.workbook.sheet("自评表").cells]
        .filter(([key]) => Number(key.split(",")[1]) >= 7)
        .map(([key, c]) => [key, c.value, c.fill])
        .sort();
    expect(outputs(fake)).toEqual(outputs(other));
  });

  test("a write or style-load batch Excel refuses for its size is halved and sent again, to the same result", async () => {
    const unlimited = await fakeWith("wuhan-jiguan.xlsx");
    await rescoreOpenWorkbook(settings);
    const expected = snapshot(unlimited);
    FakeExcel.uninstall();
    // Far below Excel on the web's 5 MB: every kind of batch meets the limit.
    const fake = await fakeWith("wuhan-jiguan.xlsx", { payloadLimit: 20_000 });
    await rescoreOpenWorkbook(settings);
    expect(fake.refused.length).toBeGreaterThan(0);
    expect(snapshot(fake)).toEqual(expected);
    expect(await clearOpenWorkbook()).toBe(true);
  });

  test("the number of syncs does not grow with the number of sheets, and every request, as the real client builds it, stays under 4 MB", async () => {
    const counts: number[] = [];
    const grid = toGrid(layoutTable(referenceTable("jiguan")));
    for (const sheets of [1, 10, 100, 500]) {
      const fake = new FakeExcel();
      fakeFromGrids(
        fake,
        Array.from({ length: sheets }, (_, k) => ({ ...grid, name: `项目${k + 1}` }))
      );
      fake.install();
      const outcome = await rescoreOpenWorkbook(settings);
      expect(outcome.tables).toHaveLength(sheets);
      expect(outcome.tables.every((t) => t.total === 98.9)).toBe(true);
      counts.push(fake.syncCount);
      expect(fake.refused).toEqual([]);
      expect(Math.max(...fake.syncs.map((s) => s.request))).toBeLessThan(4 * 1024 * 1024);
      FakeExcel.uninstall();
    }
    // One table of 8,400 indicator rows, with its thousands of merged areas.
    const spec = referenceTable("jiuye");
    const rows = Array.from(
      { length: 1 + 8400 / spec.blocks[0].rows.length },
      () => spec.blocks[0].rows
    )
      .flat()
      .slice(0, 8400);
    const fake = new FakeExcel();
    fakeFromGrids(fake, [toGrid(layoutTable({ ...spec, blocks: [{ ...spec.blocks[0], rows }] }))]);
    fake.install();
    await rescoreOpenWorkbook(settings);
    expect(fake.workbook.sheets[0].merges.length).toBeGreaterThan(512);
    expect(fake.refused).toEqual([]);
    expect(Math.max(...fake.syncs.map((s) => s.request))).toBeLessThan(4 * 1024 * 1024);
    counts.push(fake.syncCount);
    // Sheet list, used ranges, cells, merged areas, original looks, widths, writes.
    expect(counts).toEqual([7, 7, 7, 7, 7]);
  });

  test("a sheet with more merged areas than Excel lists at once (512) is read whole, in pieces", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const sheet = fake.workbook.add("合并很多");
    // 600 two-cell merges down columns A:B, each with its value in the top-left cell.
    for (let r = 0; r < 600; r++) {
      sheet.put(r, 0, [[`第${r + 1}项`]]);
      sheet.merges.push({ top: r, left: 0, bottom: r, right: 1 });
    }
    await Excel.run(async (context) => {
      const read = await readWorkbook(context);
      expect(read.grids.find((g) => g.name === "合并很多")!.merges).toHaveLength(600);
    });
    expect(fake.refused).toEqual([]);
  });

  test("a large sheet is read and written in batches under the payload limit", async () => {
    const fake = new FakeExcel();
    const spec = referenceTable("jiuye");
    const many = Array.from({ length: 400 }, () => spec.blocks[0].rows).flat();
    const grid = toGrid(layoutTable({ ...spec, blocks: [{ ...spec.blocks[0], rows: many }] }));
    fakeFromGrids(fake, [grid]);
    fake.install();
    const outcome = await rescoreOpenWorkbook(settings);
    expect(outcome.tables[0].indicators).toHaveLength(many.length);
    expect(fake.syncs.length).toBeGreaterThan(4);
    const largest = Math.max(...fake.syncs.map((s) => Math.max(s.request, s.response)));
    expect(largest).toBeLessThan(5 * 1024 * 1024);
    expect(largest).toBeGreaterThan(1024 * 1024);
  });

  test("a batch Excel refuses for its size is split and tried again", async () => {
    const fake = await fakeWith("wuhan-dept.xlsx", { payloadLimit: 6000 });
    const read = await Excel.run((context) => readWorkbook(context));
    expect(fake.refused.length).toBeGreaterThan(0);
    expect(fake.syncs.every((s) => s.response <= 6000)).toBe(true);
    const [table] = (await import("../../src/core/evaluate")).evaluateWorkbook(read.grids);
    expect(table.total).toBe(99.69);
  });

  test("rescoring twice equals rescoring once; clear gives back the original", async () => {
    const fake = await fakeWith("national-buzhu.xlsx");
    const original = snapshot(fake);
    await rescoreOpenWorkbook(settings);
    const once = snapshot(fake);
    await rescoreOpenWorkbook(settings);
    expect(snapshot(fake)).toEqual(once);
    expect(await clearOpenWorkbook()).toBe(true);
    expect(snapshot(fake)).toEqual(original);
    expect(await clearOpenWorkbook()).toBe(false);
  });

  test("a table filled white keeps its white fill through rescore and clear: white is not no fill", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const sheet = fake.workbook.sheets[0];
    const used = sheet.usedRange()!;
    for (let r = used.top; r <= used.bottom; r++)
      for (let c = used.left; c <= used.right; c++) sheet.cell(r, c).fill = "#FFFFFF";
    const original = snapshot(fake);
    await rescoreOpenWorkbook(settings);
    expect(await clearOpenWorkbook()).toBe(true);
    expect(snapshot(fake)).toEqual(original);
  });

  test("复核汇总 prints on landscape A4, one page wide", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    await rescoreOpenWorkbook(settings);
    expect(fake.workbook.sheet(SUMMARY_SHEET).pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
  });

  test("older hosts without merged areas (before ExcelApi 1.13) are told so, and nothing is written", async () => {
    const fake = await fakeWith("wuhan-dept.xlsx", { apiVersion: 9 });
    await expect(rescoreOpenWorkbook(settings)).rejects.toBeInstanceOf(MergedAreasUnavailableError);
    expect(fake.workbook.has(SUMMARY_SHEET)).toBe(false);
  });

  test("highlighting can be switched off", async () => {
    const fake = await fakeWith("wuhan-jiuye.xlsx");
    await rescoreOpenWorkbook({ ...settings, highlight: false });
    const fills = [...fake.workbook.sheet("自评表").cells.values()].filter(
      (c) => c.fill && c.fill !== hex(COLORS.header)
    );
    expect(fills).toEqual([]);
  });
});

describe("nothing half-written", () => {
  test("a protected sheet is scored and summarised, never written into", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    fake.workbook.sheet("自评表").protected = true;
    const before = (snapshot(fake) as { name: string }[]).find((s) => s.name === "自评表");
    const outcome = await rescoreOpenWorkbook(settings);
    expect(outcome.tables.map((t) => t.total)).toEqual([
      expectedWorkbooks().find((e) => e.file === "wuhan-jiguan.xlsx")!.total,
    ]);
    expect(outcome.plans).toEqual([]);
    expect(outcome.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("工作表“自评表”受保护"),
    ]);
    expect((snapshot(fake) as { name: string }[]).find((s) => s.name === "自评表")).toEqual(before);
    expect(fake.workbook.sheet(SUMMARY_SHEET).peek(1, 0)?.value).toBe("自评表");
  });

  test("workbook structure protection: one sentence up front, for rescore and clear, nothing changed", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    await rescoreOpenWorkbook(settings);
    fake.workbook.structureProtected = true;
    const before = snapshot(fake);
    const error = await rescoreOpenWorkbook(settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookStructureProtectedError);
    expect((error as Error).message).toContain("工作簿结构受保护");
    await expect(clearOpenWorkbook()).rejects.toBeInstanceOf(WorkbookStructureProtectedError);
    expect(snapshot(fake)).toEqual(before);
  });

  test("below ExcelApi 1.13 merged areas cannot be listed: a merge where the output would go is met with one sentence, nothing half-written", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const first = await rescoreOpenWorkbook(settings);
    const { scoreCol } = first.plans[0];
    await clearOpenWorkbook();
    const sheet = fake.workbook.sheet("自评表");
    const row = first.tables[0].indicators[0].row - 1;
    sheet.merges.push({ top: row, left: scoreCol, bottom: row, right: scoreCol + 1 });
    (fake.options as { apiVersion: number }).apiVersion = 12;
    const before = snapshot(fake);
    const error = await rescoreOpenWorkbook(settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MergedAreasUnavailableError);
    expect(snapshot(fake)).toEqual(before);
    // With the merged areas listed, the output moves past the merge.
    (fake.options as { apiVersion: number }).apiVersion = 13;
    const outcome = await rescoreOpenWorkbook(settings);
    expect(outcome.plans[0].scoreCol).toBeGreaterThan(scoreCol + 1);
  });

  test("a sheet of the user’s own named 复核汇总: the summary takes a free name, and theirs is left alone", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    fake.workbook.add("复核汇总").put(0, 0, [["我的笔记"]]);
    await rescoreOpenWorkbook(settings);
    expect(fake.workbook.sheet("复核汇总 (2)").peek(1, 0)?.value).toBe("自评表");
    expect(fake.workbook.sheet("复核汇总").peek(0, 0)?.value).toBe("我的笔记");
    await rescoreOpenWorkbook(settings);
    expect(fake.workbook.sheets.map((s) => s.name).filter((n) => n.startsWith("复核汇总"))).toEqual(
      ["复核汇总", "复核汇总 (2)"]
    );
    await clearOpenWorkbook();
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["自评表", "复核汇总"]);
  });

  test("a sheet protected since it was annotated: rescore and clear say so and change nothing", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    await rescoreOpenWorkbook(settings);
    fake.workbook.sheet("自评表").protected = true;
    const before = snapshot(fake);
    const error = await rescoreOpenWorkbook(settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtectedSheetError);
    expect((error as Error).message).toBe(
      "工作表 “自评表” 受保护，未做任何修改；请先撤销工作表保护再复核。"
    );
    await expect(clearOpenWorkbook()).rejects.toBeInstanceOf(ProtectedSheetError);
    expect(snapshot(fake)).toEqual(before);
  });

  test("a live rescore of one sheet writes 复核汇总 again, current, beside the other sheets' rows", async () => {
    const fake = new FakeExcel();
    const grid = toGrid(layoutTable(referenceTable("jiguan")));
    fakeFromGrids(fake, [
      { ...grid, name: "项目1" },
      { ...grid, name: "项目2" },
    ]);
    fake.install();
    const whole = await rescoreOpenWorkbook(settings);
    const summary = () => fake.workbook.sheet(SUMMARY_SHEET);
    expect([summary().peek(1, 3)?.value, summary().peek(2, 3)?.value]).toEqual([98.9, 98.9]);
    // An actual on 项目2 falls short: its total drops.
    const indicator = whole.tables[1].indicators[0];
    fake.workbook
      .sheet("项目2")
      .cell(indicator.cells.actual!.row, indicator.cells.actual!.col).value = "1人";
    const live = await rescoreOpenWorkbook(settings, undefined, "项目2", whole.tables.slice(0, 1));
    const total = live.tables[0].total!;
    expect(total).toBeLessThan(98.9);
    expect([summary().peek(1, 0)?.value, summary().peek(1, 3)?.value]).toEqual(["项目1", 98.9]);
    expect([summary().peek(2, 0)?.value, summary().peek(2, 3)?.value]).toEqual(["项目2", total]);
    await clearOpenWorkbook();
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["项目1", "项目2"]);
  });

  test("two rescores started together (pane, ribbon, live mode) run one after the other, as one would", async () => {
    const once = await fakeWith("wuhan-jiguan.xlsx");
    await rescoreOpenWorkbook(settings);
    const expected = snapshot(once);
    FakeExcel.uninstall();
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const outcomes = await Promise.all([
      rescoreOpenWorkbook(settings),
      rescoreOpenWorkbook(settings),
      clearOpenWorkbook().then(() => rescoreOpenWorkbook(settings)),
    ]);
    expect(outcomes.map((o) => o.tables.length)).toEqual([1, 1, 1]);
    expect(snapshot(fake)).toEqual(expected);
  });

  test("a cell being edited: the rescore waits for the edit to end (ExcelApi 1.11)", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx", { editMode: true });
    const outcome = await rescoreOpenWorkbook(settings);
    expect(outcome.tables).toHaveLength(1);
    expect(fake.waitedForCellEdit).toBe(1);
    expect(fake.workbook.has(SUMMARY_SHEET)).toBe(true);
  });

  test("a cell being edited on a host before ExcelApi 1.11: a clear message and no change", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx", { editMode: true, apiVersion: 10 });
    const before = snapshot(fake);
    await expect(rescoreOpenWorkbook(settings)).rejects.toBeInstanceOf(CellEditModeError);
    expect(snapshot(fake)).toEqual(before);
  });

  test("a workbook with no table: a clear message and no change", async () => {
    const fake = new FakeExcel();
    fake.workbook.add("封面").put(0, 0, [["2023 年度自评材料"]]);
    fake.install();
    const before = snapshot(fake);
    await expect(rescoreOpenWorkbook(settings)).rejects.toBeInstanceOf(NoTableError);
    expect(snapshot(fake)).toEqual(before);
  });
});

describe("one record for every host", () => {
  test("a workbook annotated by the CLI is cleared in Excel", async () => {
    const original = referenceWorkbook("wuhan-buzhu.xlsx");
    const annotated = await rescoreXlsx(original, policyFromSettings(settings));
    const fake = new FakeExcel();
    await fakeFromXlsx(fake, annotated.data);
    fake.install();
    const expected = new FakeExcel();
    await fakeFromXlsx(expected, original);
    expect(await clearOpenWorkbook()).toBe(true);
    expect(snapshot(fake)).toEqual(snapshot(expected));
  });

  test("a mark set by the file host is kept by an Excel rescore, and one set in Excel by the file host; either clears it", async () => {
    const original = referenceWorkbook("wuhan-jiuye.xlsx");
    const mark: Mark = {
      sheet: "自评表",
      row: 16,
      flag: "unfinished",
      status: "dismissed",
      reason: "已核实口径",
      at: "2024-03-01T08:00:00.000Z",
    };
    const fromFile = await markXlsx(original, mark, policyFromSettings(settings));
    const fake = new FakeExcel();
    await fakeFromXlsx(fake, fromFile.data);
    fake.install();
    const expected = new FakeExcel();
    await fakeFromXlsx(expected, original);
    const outcome = await rescoreOpenWorkbook(settings);
    expect(outcome.tables[0].indicators.find((i) => i.row === 16)!.marks).toEqual([
      { flag: "unfinished", status: "dismissed", reason: "已核实口径", at: mark.at },
    ]);
    const sheet = fake.workbook.sheet("自评表");
    expect(sheet.peek(15, 8)?.value).toBe("已忽略：已核实口径");
    expect(sheet.peek(15, 4)?.fill).toBeNull();

    // Back to the file host: the mark is still there, and a second one set in Excel with it.
    await markFinding({ ...mark, row: 19, flag: "weak-target", status: "checked" }, settings);
    const fromExcel = await rescoreXlsx(await xlsxFromFake(fake), policyFromSettings(settings));
    const marks = fromExcel.tables[0].indicators.flatMap((i) => i.marks ?? []);
    expect(marks.map((m) => [m.flag, m.status])).toEqual([
      ["unfinished", "dismissed"],
      ["weak-target", "checked"],
    ]);
    expect(await clearOpenWorkbook()).toBe(true);
    expect(snapshot(fake)).toEqual(snapshot(expected));
  });

  test("a workbook annotated in Excel is cleared by the CLI", async () => {
    const fake = new FakeExcel();
    await fakeFromXlsx(fake, referenceWorkbook("wuhan-buzhu.xlsx"));
    fake.install();
    const before = await dumpXlsx(await xlsxFromFake(fake));
    await rescoreOpenWorkbook(settings);
    const cleared = await clearXlsx(await xlsxFromFake(fake));
    expect(cleared.cleared).toBe(true);
    expect(await dumpXlsx(cleared.data)).toEqual(before);
  });
});

describe("the reviewer’s marks on findings", () => {
  const reason = "已电话核实：统计口径含灵活就业";
  const dismissed: Mark = {
    sheet: "自评表",
    row: 16,
    flag: "unfinished",
    status: "dismissed",
    reason,
  };
  const cell = (fake: FakeExcel, sheet: string, address: string) =>
    fake.workbook.sheet(sheet).peek(Number(address.slice(1)) - 1, address.charCodeAt(0) - 65);
  /** The 复核汇总 row of the first table: each column's title and value. */
  const summaryOf = (fake: FakeExcel) => {
    const summary = fake.workbook.sheet(SUMMARY_SHEET);
    const width = summary.usedRange()!.right + 1;
    return Object.fromEntries(
      Array.from({ length: width }, (_, c) => [
        summary.peek(0, c)?.value,
        summary.peek(1, c)?.value,
      ])
    );
  };
  /** The marks the record holds, as Excel reads it. */
  const recorded = async () =>
    marksOf((await Excel.run((context) => readWorkbook(context))).state ?? []);

  test("a finding marked 忽略 stays dismissed through two rescores; clear gives every cell back and no mark is left", async () => {
    const fake = await fakeWith("wuhan-jiuye.xlsx");
    const original = snapshot(fake);
    await rescoreOpenWorkbook(settings);
    const unfinished = summaryOf(fake)["未完成"] as number;
    const outcome = await markFinding(dismissed, settings);
    const row16 = outcome.tables[0].indicators.find((i) => i.row === 16)!;
    expect(row16.marks).toEqual([
      { flag: "unfinished", status: "dismissed", reason, at: expect.any(String) },
    ]);
    const marked = snapshot(fake);
    for (let k = 0; k < 2; k++) {
      const again = await rescoreOpenWorkbook(settings);
      expect(again.tables[0].indicators.find((i) => i.row === 16)!.marks).toEqual(row16.marks);
      expect(snapshot(fake)).toEqual(marked);
    }
    expect(cell(fake, "自评表", "I16")?.value).toBe(`已忽略：${reason}`);
    expect([cell(fake, "自评表", "E16")?.fill, cell(fake, "自评表", "F16")?.fill]).toEqual([
      null,
      null,
    ]);
    expect(cell(fake, "自评表", "E25")?.fill).toBe(hex(COLORS.unfinished));
    expect(summaryOf(fake)).toMatchObject({ 未完成: unfinished - 1, 已核实: 0, 已忽略: 1 });
    expect(await recorded()).toEqual([{ ...dismissed, at: row16.marks![0].at }]);

    expect(await clearOpenWorkbook()).toBe(true);
    expect(snapshot(fake)).toEqual(original);
    expect(await recorded()).toEqual([]);
    await rescoreOpenWorkbook(settings);
    expect(cell(fake, "自评表", "I16")?.value).toBe("未完成：完成 3,564人，目标 9,000人");
  });

  test("a checked finding keeps its fill; taking the mark off brings the finding back as it was", async () => {
    const fake = await fakeWith("wuhan-jiuye.xlsx");
    await rescoreOpenWorkbook(settings);
    const plain = snapshot(fake);
    await markFinding({ ...dismissed, status: "checked", reason: "" }, settings);
    expect(cell(fake, "自评表", "I16")?.value).toBe("已核实：未完成：完成 3,564人，目标 9,000人");
    expect(cell(fake, "自评表", "E16")?.fill).toBe(hex(COLORS.unfinished));
    expect(summaryOf(fake)).toMatchObject({ 已核实: 1, 已忽略: 0 });
    await markFinding({ ...dismissed, status: null }, settings);
    expect(snapshot(fake)).toEqual(plain);
    expect(await recorded()).toEqual([]);
  });

  test("refused with one sentence, nothing changed: a dismissal without a reason, a finding the workbook does not have", async () => {
    const fake = await fakeWith("wuhan-jiuye.xlsx");
    await rescoreOpenWorkbook(settings);
    const before = snapshot(fake);
    await expect(markFinding({ ...dismissed, reason: "" }, settings)).rejects.toBeInstanceOf(
      DismissReasonRequiredError
    );
    await expect(
      markFinding({ ...dismissed, flag: "weak-target" }, settings)
    ).rejects.toBeInstanceOf(FindingNotFoundError);
    expect(snapshot(fake)).toEqual(before);
  });

  test("a live rescore of one sheet keeps every sheet's marks", async () => {
    const fake = new FakeExcel();
    const grid = toGrid(layoutTable(referenceTable("jiguan")));
    fakeFromGrids(fake, [
      { ...grid, name: "项目1" },
      { ...grid, name: "项目2" },
    ]);
    fake.install();
    await rescoreOpenWorkbook(settings);
    // Row 8 of this layout is unfinished.
    const one: Mark = { ...dismissed, sheet: "项目1", row: 8 };
    const two: Mark = { ...dismissed, sheet: "项目2", row: 8, status: "checked", reason: "" };
    await markFinding(one, settings);
    const whole = await markFinding(two, settings);
    const kept = await recorded();
    expect(kept.map((m) => m.sheet)).toEqual(["项目1", "项目2"]);
    for (const sheet of ["项目1", "项目2"]) {
      const others = whole.tables.filter((t) => t.sheet !== sheet);
      const live = await rescoreOpenWorkbook(settings, undefined, sheet, others);
      expect(live.tables[0].indicators.find((i) => i.row === 8)!.marks).toHaveLength(1);
      expect(await recorded()).toEqual(kept);
    }
    const remark = (sheet: string) => fake.workbook.sheet(sheet).peek(7, whole.plans[0].remarkCol);
    expect(remark("项目1")?.value).toBe(`已忽略：${reason}`);
    expect(remark("项目2")?.value).toMatch(/^已核实：/);
    expect(summaryOf(fake)).toMatchObject({ 已核实: 0, 已忽略: 1 });
  });
});

describe("the reviewer’s remarks", () => {
  async function annotated() {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const outcome = await rescoreOpenWorkbook(settings);
    const plan = outcome.plans[0];
    const indicator = outcome.tables[0].indicators[1];
    const place = {
      sheet: "自评表",
      row: indicator.row - 1,
      col: plan.remarkCol + 1,
      anchor: indicator.cells.name,
      headerRows: outcome.tables[0].detected.blocks.map((b) => b.headerRow),
    };
    return { fake, place };
  }

  test("a remark that starts with = or - stays the reviewer’s text, not a formula", async () => {
    const { fake, place } = await annotated();
    await writeRemark(place, "=目标值偏低，请核实");
    await writeRemark({ ...place, row: place.row + 1 }, "-5% 的偏差未说明");
    const sheet = fake.workbook.sheet("自评表");
    expect(sheet.peek(place.row, place.col)?.value).toBe("=目标值偏低，请核实");
    expect(sheet.peek(place.row + 1, place.col)?.value).toBe("-5% 的偏差未说明");
  });

  test("never write over a cell someone typed in: the remark moves right to the first free cell", async () => {
    const { fake, place } = await annotated();
    const sheet = fake.workbook.sheet("自评表");
    sheet.put(place.row, place.col, [["单位自己的说明"]]);
    await writeRemark(place, "请补充偏差原因");
    expect(sheet.peek(place.row, place.col)?.value).toBe("单位自己的说明");
    expect(sheet.peek(place.row, place.col + 1)?.value).toBe("请补充偏差原因");
    expect(sheet.peek(place.headerRows[0], place.col + 1)?.value).toBe("审核意见");
    // A second remark on that row goes on past the first, never over it.
    await writeRemark(place, "已与单位核实");
    expect(sheet.peek(place.row, place.col + 1)?.value).toBe("请补充偏差原因");
    expect(sheet.peek(place.row, place.col + 2)?.value).toBe("已与单位核实");
  });

  test("go into the 审核意见 column and a note (ExcelApi 1.18), and survive rescore and clear", async () => {
    const { fake, place } = await annotated();
    expect(await writeRemark(place, "请补充偏差原因")).toBe("note");
    const sheet = fake.workbook.sheet("自评表");
    expect(sheet.peek(place.row, place.col)?.value).toBe("请补充偏差原因");
    expect(sheet.peek(place.headerRows[0], place.col)?.value).toBe("审核意见");
    expect(sheet.notes.get("D10")).toBe("请补充偏差原因");
    await rescoreOpenWorkbook(settings);
    expect(sheet.peek(place.row, place.col)?.value).toBe("请补充偏差原因");
    expect(sheet.peek(place.row, place.col - 2)?.value).toBe(3.06);
    await clearOpenWorkbook();
    expect(fake.workbook.sheet("自评表").peek(place.row, place.col)?.value).toBe("请补充偏差原因");
    expect(fake.workbook.sheet("自评表").peek(place.row, place.col - 2)?.value ?? null).toBeNull();
  });

  test("fall back to a comment (1.10) and to the cell alone (1.9)", async () => {
    const { fake, place } = await annotated();
    (fake.options as { apiVersion: number }).apiVersion = 10;
    expect(await writeRemark(place, "目标值偏低")).toBe("comment");
    expect(await writeRemark(place, "已与单位核实")).toBe("comment");
    expect(fake.workbook.comments.get("'自评表'!D10")).toEqual(["目标值偏低", "已与单位核实"]);
    (fake.options as { apiVersion: number }).apiVersion = 9;
    expect(await writeRemark(place, "已核实")).toBe("cell");
    // Each remark took the next free cell on the row: none was written over.
    expect(
      [0, 1, 2].map((k) => fake.workbook.sheet("自评表").peek(place.row, place.col + k)?.value)
    ).toEqual(["目标值偏低", "已与单位核实", "已核实"]);
  });
});

describe("selection and edits", () => {
  test("selecting an indicator activates its sheet and selects its cells", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    await selectCells("自评表", "D10:G10");
    expect(fake.workbook.selection).toEqual({ sheet: "自评表", address: "D10:G10" });
    expect(fake.workbook.active).toBe("自评表");
  });

  test("selecting cells on a hidden sheet says so in one sentence, and selects nothing", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    fake.workbook.sheet("自评表").visibility = "Hidden";
    const error = await selectCells("自评表", "E10:F10").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HiddenSheetError);
    expect((error as Error).message).toBe(
      "工作表“自评表”已隐藏，无法选中其中的单元格；请先取消隐藏该工作表。"
    );
    expect(fake.workbook.selection).toBeNull();
  });

  test("edits are reported with their sheet and address until watching stops", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const seen: string[] = [];
    const stop = await watchEdits((sheet, address) => seen.push(`${sheet}!${address}`));
    await fake.workbook.edit("自评表", "F10", "180人");
    await stop();
    await fake.workbook.edit("自评表", "F11", "1人");
    expect(seen).toEqual(["自评表!F10"]);
  });
});

describe("edit events that are not the user’s own edit here", () => {
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

  test.each([18, 13])(
    "the add-in’s own writes and a co-author’s edits are not taken for edits (ExcelApi 1.%i)",
    async (apiVersion) => {
      const fake = await fakeWith("wuhan-jiguan.xlsx", { apiVersion });
      const seen: string[] = [];
      const stop = await watchEdits((sheet, address) => seen.push(`${sheet}!${address}`));
      await rescoreOpenWorkbook(settings);
      await settle();
      await fake.workbook.edit("自评表", "F11", "1人", "Remote");
      expect(seen).toEqual([]);
      if (apiVersion < 14) await new Promise((resolve) => setTimeout(resolve, 1100));
      await fake.workbook.edit("自评表", "F10", "180人");
      expect(seen).toEqual(["自评表!F10"]);
      await stop();
    }
  );
});

test("an output cell someone typed over in Excel is kept by clear and by rescore", async () => {
  const fake = await fakeWith("wuhan-jiguan.xlsx");
  await rescoreOpenWorkbook(settings);
  const sheet = fake.workbook.sheet("自评表");
  sheet.cell(9, 8).value = "已电话核实";
  await rescoreOpenWorkbook(settings);
  expect(sheet.peek(9, 8)?.value).toBe("已电话核实");
  expect(sheet.peek(9, 9)?.value).toBe(3.06);
  await clearOpenWorkbook();
  expect(fake.workbook.sheet("自评表").peek(9, 8)?.value).toBe("已电话核实");
  expect(fake.workbook.sheet("自评表").peek(9, 9)?.value ?? null).toBeNull();
});

test("a damaged annotation record: a clear message and no change", async () => {
  const fake = await fakeWith("wuhan-jiguan.xlsx");
  await rescoreOpenWorkbook(settings);
  fake.workbook.sheet(STATE_SHEET).cell(1, 3).value = "{not json";
  const before = snapshot(fake);
  await expect(rescoreOpenWorkbook(settings)).rejects.toThrow("已损坏");
  await expect(clearOpenWorkbook()).rejects.toThrow("已损坏");
  expect(snapshot(fake)).toEqual(before);
});

describe("the annotation record does not trust itself", () => {
  test("a highlight row whose style is empty: refused as damaged (no TypeError), nothing changed", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    await rescoreOpenWorkbook(settings);
    const state = fake.workbook.sheet(STATE_SHEET);
    expect(state.peek(1, 0)?.value).toBe("highlight");
    state.cell(1, 3).value = null;
    const before = snapshot(fake);
    await expect(clearOpenWorkbook()).rejects.toBeInstanceOf(DamagedStateError);
    await expect(rescoreOpenWorkbook(settings)).rejects.toBeInstanceOf(DamagedStateError);
    expect(snapshot(fake)).toEqual(before);
  });

  test("a record from a newer version: its own sentence, nothing changed", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    await rescoreOpenWorkbook(settings);
    fake.workbook.sheet(STATE_SHEET).cell(0, 1).value = 5;
    const before = snapshot(fake);
    await expect(clearOpenWorkbook()).rejects.toBeInstanceOf(NewerStateVersionError);
    expect(snapshot(fake)).toEqual(before);
  });

  test("sheet names are written as text, so Excel keeps a sheet called 2023 a name", async () => {
    const fake = new FakeExcel();
    fakeFromGrids(fake, [{ ...toGrid(layoutTable(referenceTable("jiguan"))), name: "2023" }]);
    fake.install();
    await rescoreOpenWorkbook(settings);
    const state = fake.workbook.sheet(STATE_SHEET);
    const rows = state.usedRange()!.bottom;
    for (let r = 1; r <= rows; r++) expect(state.peek(r, 1)?.numberFormat).toBe("@");
    expect(state.peek(0, 1)?.value).toBe(4);
    expect(state.peek(0, 1)?.numberFormat).toBe("General");
    // The summary names the sheet as text, though Excel parses what is written as if typed.
    expect(fake.workbook.sheet(SUMMARY_SHEET).peek(1, 0)?.value).toBe("2023");
    expect(await clearOpenWorkbook()).toBe(true);
    expect(fake.workbook.has(STATE_SHEET)).toBe(false);
  });
});

describe("a sheet renamed after annotating", () => {
  const renamed = "自评表（已审）";
  const rename = (fake: FakeExcel, from: string, to: string) =>
    (fake.workbook.sheet(from).name = to);

  test("clear in Excel finds it by what the tool wrote there and takes every annotation out", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const original = snapshot(fake);
    await rescoreOpenWorkbook(settings);
    rename(fake, "自评表", renamed);
    expect(await clearOpenWorkbook()).toBe(true);
    rename(fake, renamed, "自评表");
    expect(snapshot(fake)).toEqual(original);
  });

  test("rescore, whole or live on the renamed sheet, takes the old annotations out of it first", async () => {
    const expected = await fakeWith("wuhan-jiguan.xlsx");
    rename(expected, "自评表", renamed);
    await rescoreOpenWorkbook(settings);
    const once = snapshot(expected);
    FakeExcel.uninstall();

    for (const scope of [undefined, renamed]) {
      const fake = await fakeWith("wuhan-jiguan.xlsx");
      await rescoreOpenWorkbook(settings);
      rename(fake, "自评表", renamed);
      await rescoreOpenWorkbook(settings, undefined, scope);
      expect(snapshot(fake)).toEqual(once);
      FakeExcel.uninstall();
    }
  });

  test("a workbook annotated by the CLI and renamed is cleared in Excel, and the reverse", async () => {
    const original = referenceWorkbook("wuhan-buzhu.xlsx");
    const [sheet] = (await readGrids(original)).map((g) => g.name);
    const annotated = await rescoreXlsx(original, policyFromSettings(settings));
    const fake = new FakeExcel();
    await fakeFromXlsx(fake, annotated.data);
    fake.install();
    const expected = new FakeExcel();
    await fakeFromXlsx(expected, original);
    rename(fake, sheet, renamed);
    expect(await clearOpenWorkbook()).toBe(true);
    rename(fake, renamed, sheet);
    expect(snapshot(fake)).toEqual(snapshot(expected));
    FakeExcel.uninstall();

    const excel = new FakeExcel();
    await fakeFromXlsx(excel, original);
    excel.install();
    const before = await dumpXlsx(await xlsxFromFake(excel));
    await rescoreOpenWorkbook(settings);
    rename(excel, sheet, renamed);
    const cleared = await clearXlsx(await xlsxFromFake(excel));
    expect(cleared.cleared).toBe(true);
    const back = await loadXlsx(cleared.data);
    back.getWorksheet(renamed)!.name = sheet;
    expect(await dumpXlsx(new Uint8Array(await back.xlsx.writeBuffer()))).toEqual(before);
  });

  test("an annotated sheet that is gone: clear says which, and changes nothing", async () => {
    const fake = new FakeExcel();
    const grid = toGrid(layoutTable(referenceTable("jiguan")));
    fakeFromGrids(fake, [
      { ...grid, name: "表1" },
      { ...grid, name: "表2" },
    ]);
    fake.install();
    await rescoreOpenWorkbook(settings);
    fake.workbook.sheets = fake.workbook.sheets.filter((s) => s.name !== "表1");
    const before = snapshot(fake);
    const error = await clearOpenWorkbook().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingAnnotatedSheetError);
    expect((error as Error).message).toContain("“表1” 已不存在");
    await expect(rescoreOpenWorkbook(settings, undefined, "表2")).rejects.toBeInstanceOf(
      MissingAnnotatedSheetError
    );
    expect(snapshot(fake)).toEqual(before);
  });
});
