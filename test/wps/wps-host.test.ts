import {
  DamagedStateError,
  HiddenSheetError,
  NewerStateVersionError,
  NoTableError,
  ProtectedSheetError,
  SelfEvalError,
  WorkbookStructureProtectedError,
} from "../../src/core/errors";
import { COLORS, SUMMARY_SHEET } from "../../src/core/plan";
import { defaultSettings, policyFromSettings } from "../../src/core/settings";
import { STATE_SHEET, stateFromRows } from "../../src/core/state";
import { readGrids } from "../../src/file/read-workbook";
import { clearXlsx, rescoreXlsx } from "../../src/file/write-back";
import { Book } from "../../src/wps/book";
import { readWorkbook } from "../../src/wps/read-workbook";
import { argbToBgr } from "../../src/wps/values";
import {
  clearWorkbook,
  markFinding,
  rescoreWorkbook,
  selectCells,
  watchEdits,
  writeRemark,
} from "../../src/wps/wps-host";
import { wpsGateway } from "../../src/wps/wps-gateway";
import { FakeWps, FakeWpsOptions, fakeWpsFromGrids, snapshotWps } from "../helpers/fake-wps";
import { layoutTable, toGrid } from "../helpers/layouts";
import { expectedWorkbooks, referenceTable, referenceWorkbook } from "../helpers/reference";
import { dumpXlsx } from "../helpers/workbook-dump";
import { fakeWpsFromXlsx, xlsxFromFakeWps } from "../helpers/wps-workbooks";

const settings = defaultSettings();
const bgr = (argb: string) => argbToBgr(argb);

async function fakeWith(file: string, options: FakeWpsOptions = {}): Promise<FakeWps> {
  return fakeWpsFromXlsx(new FakeWps(options), referenceWorkbook(file));
}

function at(fake: FakeWps, sheet: string, address: string) {
  const col = address.charCodeAt(0) - 65;
  const row = Number(address.slice(1)) - 1;
  return fake.sheet(sheet).peek(row, col);
}

describe("rescore in WPS", () => {
  test("writes the same scores, grade, highlights and summary as the file host", async () => {
    const fake = await fakeWith("wuhan-jiuye.xlsx");
    const outcome = rescoreWorkbook(fake.application, settings);
    expect(outcome.tables[0].total).toBe(96.79);
    expect(at(fake, "自评表", "H8")?.value).toBe("复核得分");
    expect(at(fake, "自评表", "H16")?.value).toBe(0.79);
    expect(at(fake, "自评表", "H16")?.numberFormat).toBe("0.00");
    expect(at(fake, "自评表", "I16")?.value).toBe("未完成：完成 3,564人，目标 9,000人");
    expect(at(fake, "自评表", "I30")?.value).toBe("等级：优");
    expect(at(fake, "自评表", "E16")?.fill).toBe(bgr(COLORS.unfinished));
    expect(at(fake, "自评表", "F19")?.fill).toBe(bgr(COLORS.weak));
    expect(fake.sheet(STATE_SHEET).visible).toBe(2);
    const summary = fake.sheet(SUMMARY_SHEET);
    expect(summary.peek(1, 3)?.value).toBe(96.79);
    expect(summary.peek(1, 0)?.value).toBe("自评表");
    expect(summary.peek(1, 0)?.formula).toBe(`=HYPERLINK("#'自评表'!A1","自评表")`);

    // The CLI writes the same cells and fills.
    const file = await rescoreXlsx(
      referenceWorkbook("wuhan-jiuye.xlsx"),
      policyFromSettings(settings)
    );
    const other = await fakeWpsFromXlsx(new FakeWps(), file.data);
    const outputs = (f: FakeWps) =>
      [...f.sheet("自评表").cells]
        .filter(
          ([key, c]) => Number(key.split(",")[1]) >= 7 && (c.value !== null || c.fill !== null)
        )
        .map(([key, c]) => [key, c.value, c.fill])
        .sort();
    expect(outputs(fake)).toEqual(outputs(other));
    // Adding sheets activates them in WPS: the user stays on the sheet they were on, unasked.
    expect(fake.active?.name).toBe("自评表");
    expect(fake.prompts).toBe(0);
  });

  test("rescoring twice equals rescoring once; clear gives back every cell and fill exactly", async () => {
    const fake = await fakeWith("national-buzhu.xlsx");
    // A fill and a bold cell of the user's where the tool highlights and writes: both come back.
    const original = snapshotWps(fake);
    rescoreWorkbook(fake.application, settings);
    const once = snapshotWps(fake);
    expect(once).not.toEqual(original);
    rescoreWorkbook(fake.application, settings);
    expect(snapshotWps(fake)).toEqual(once);
    expect(clearWorkbook(fake.application)).toBe(true);
    expect(snapshotWps(fake)).toEqual(original);
    expect(clearWorkbook(fake.application)).toBe(false);
  });

  test("a user's own fill under a highlight, and a look where output goes, are put back by clear", async () => {
    const fake = await fakeWith("wuhan-jiuye.xlsx");
    fake.sheet("自评表").cell(15, 4).fill = 0x00ccff;
    fake.sheet("自评表").cell(15, 7).numberFormat = "@";
    fake.sheet("自评表").cell(15, 7).bold = true;
    const original = snapshotWps(fake);
    rescoreWorkbook(fake.application, settings);
    expect(at(fake, "自评表", "E16")?.fill).toBe(bgr(COLORS.unfinished));
    clearWorkbook(fake.application);
    expect(snapshotWps(fake)).toEqual(original);
  });

  test("highlighting can be switched off", async () => {
    const fake = await fakeWith("wuhan-jiuye.xlsx");
    rescoreWorkbook(fake.application, { ...settings, highlight: false });
    const fills = [...fake.sheet("自评表").cells.values()].filter(
      (c) => c.fill !== null && c.fill !== bgr(COLORS.header)
    );
    expect(fills).toEqual([]);
  });

  test("the three shapes of Value2 give the same rescore", async () => {
    const results = [];
    for (const value2 of ["array", "object"] as const) {
      const fake = await fakeWith("wuhan-dept.xlsx", { value2 });
      results.push(rescoreWorkbook(fake.application, settings).tables.map((t) => t.total));
      results.push(snapshotWps(fake));
    }
    expect(results[0]).toEqual([
      expectedWorkbooks().find((e) => e.file === "wuhan-dept.xlsx")!.total,
    ]);
    expect(results[2]).toEqual(results[0]);
    expect(results[3]).toEqual(results[1]);
    // One cell: Value2 is a scalar.
    const single = new FakeWps();
    single.add("一格").put(0, 0, [["只有一格"]]);
    const read = readWorkbook(new Book(single.application));
    expect(read.grids[0].values).toEqual([["只有一格"]]);
  });

  test("formula errors, mixed number formats and merged areas are read as the file host reads them", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const grid = (await readGrids(referenceWorkbook("wuhan-jiguan.xlsx")))[0];
    fake.sheet("自评表").cell(9, 5).value = null;
    fake.sheet("自评表").cell(9, 5).error = "#DIV/0!";
    fake.sheet("自评表").cell(10, 5).numberFormat = "0.0%";
    const read = readWorkbook(new Book(fake.application)).grids[0];
    const cell = (g: typeof grid, r: number, c: number) =>
      g.values[r - g.origin.row][c - g.origin.col];
    expect(cell(read, 9, 5)).toBe("#DIV/0!");
    expect(read.numberFormats![10 - read.origin.row][5 - read.origin.col]).toBe("0.0%");
    expect(read.numberFormats![11 - read.origin.row][5 - read.origin.col]).toBe(
      grid.numberFormats?.[11 - grid.origin.row]?.[5 - grid.origin.col] ?? "General"
    );
    const key = (m: { top: number; left: number; bottom: number; right: number }) =>
      `${m.top},${m.left},${m.bottom},${m.right}`;
    expect(read.merges.map(key).sort()).toEqual(grid.merges.map(key).sort());
    expect(grid.merges.length).toBeGreaterThan(0);
  });
});

describe("nothing half-written", () => {
  test("a protected sheet is scored and summarised, never written into", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    fake.sheet("自评表").protectContents = true;
    const before = (snapshotWps(fake) as { name: string }[]).find((s) => s.name === "自评表");
    const outcome = rescoreWorkbook(fake.application, settings);
    expect(outcome.plans).toEqual([]);
    expect(outcome.problems.map((p) => p.message)).toEqual([
      expect.stringContaining("工作表“自评表”受保护"),
    ]);
    expect((snapshotWps(fake) as { name: string }[]).find((s) => s.name === "自评表")).toEqual(
      before
    );
    expect(fake.sheet(SUMMARY_SHEET).peek(1, 0)?.value).toBe("自评表");
  });

  test("workbook structure protection: one sentence up front, for rescore and clear, nothing changed", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    rescoreWorkbook(fake.application, settings);
    fake.protectStructure = true;
    const before = snapshotWps(fake);
    const error = (() => {
      try {
        return rescoreWorkbook(fake.application, settings);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WorkbookStructureProtectedError);
    expect((error as Error).message).toContain("工作簿结构受保护");
    expect(() => clearWorkbook(fake.application)).toThrow(WorkbookStructureProtectedError);
    expect(snapshotWps(fake)).toEqual(before);
  });

  test("a sheet protected since it was annotated: rescore and clear say so and change nothing", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    rescoreWorkbook(fake.application, settings);
    fake.sheet("自评表").protectContents = true;
    const before = snapshotWps(fake);
    expect(() => rescoreWorkbook(fake.application, settings)).toThrow(ProtectedSheetError);
    expect(() => clearWorkbook(fake.application)).toThrow(ProtectedSheetError);
    expect(snapshotWps(fake)).toEqual(before);
  });

  test("a live rescore of one sheet writes 复核汇总 again, current, beside the other sheets' rows", () => {
    const grid = toGrid(layoutTable(referenceTable("jiguan")));
    const fake = fakeWpsFromGrids(new FakeWps(), [
      { ...grid, name: "项目1" },
      { ...grid, name: "项目2" },
    ]);
    const whole = rescoreWorkbook(fake.application, settings);
    const summary = () => fake.sheet(SUMMARY_SHEET);
    expect([summary().peek(1, 3)?.value, summary().peek(2, 3)?.value]).toEqual([98.9, 98.9]);
    const indicator = whole.tables[1].indicators[0];
    fake.sheet("项目2").cell(indicator.cells.actual!.row, indicator.cells.actual!.col).value =
      "1人";
    const live = rescoreWorkbook(
      fake.application,
      settings,
      undefined,
      "项目2",
      whole.tables.slice(0, 1)
    );
    const total = live.tables[0].total!;
    expect(total).toBeLessThan(98.9);
    expect([summary().peek(1, 0)?.value, summary().peek(1, 3)?.value]).toEqual(["项目1", 98.9]);
    expect([summary().peek(2, 0)?.value, summary().peek(2, 3)?.value]).toEqual(["项目2", total]);
    clearWorkbook(fake.application);
    expect(fake.sheets.map((s) => s.name)).toEqual(["项目1", "项目2"]);
  });

  test("a workbook with no table: a clear message and no change", () => {
    const fake = new FakeWps();
    fake.add("封面").put(0, 0, [["2023 年度自评材料"]]);
    const before = snapshotWps(fake);
    expect(() => rescoreWorkbook(fake.application, settings)).toThrow(NoTableError);
    expect(snapshotWps(fake)).toEqual(before);
  });

  test("an output cell someone typed over is kept by clear and by rescore", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    rescoreWorkbook(fake.application, settings);
    const sheet = fake.sheet("自评表");
    sheet.cell(9, 8).value = "已电话核实";
    rescoreWorkbook(fake.application, settings);
    expect(sheet.peek(9, 8)?.value).toBe("已电话核实");
    expect(sheet.peek(9, 9)?.value).toBe(3.06);
    clearWorkbook(fake.application);
    expect(sheet.peek(9, 8)?.value).toBe("已电话核实");
    expect(sheet.peek(9, 9)?.value ?? null).toBeNull();
  });
});

describe("one record for every host", () => {
  test("a workbook annotated by the CLI is cleared in WPS to the original values, formats and fills", async () => {
    const original = referenceWorkbook("wuhan-buzhu.xlsx");
    const annotated = await rescoreXlsx(original, policyFromSettings(settings));
    const fake = await fakeWpsFromXlsx(new FakeWps(), annotated.data);
    expect(fake.has(STATE_SHEET)).toBe(true);
    const expected = await fakeWpsFromXlsx(new FakeWps(), original);
    expect(clearWorkbook(fake.application)).toBe(true);
    expect(snapshotWps(fake)).toEqual(snapshotWps(expected));
  });

  test("a workbook annotated in WPS is cleared by the CLI", async () => {
    const fake = await fakeWpsFromXlsx(new FakeWps(), referenceWorkbook("wuhan-buzhu.xlsx"));
    const before = await dumpXlsx(await xlsxFromFakeWps(fake));
    rescoreWorkbook(fake.application, settings);
    const annotated = await xlsxFromFakeWps(fake);
    expect(await dumpXlsx(annotated)).not.toEqual(before);
    const cleared = await clearXlsx(annotated);
    expect(cleared.cleared).toBe(true);
    expect(await dumpXlsx(cleared.data)).toEqual(before);
  });

  test("a sheet renamed after annotating is found and cleared", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const original = snapshotWps(fake);
    rescoreWorkbook(fake.application, settings);
    fake.sheet("自评表").name = "自评表（已审）";
    expect(clearWorkbook(fake.application)).toBe(true);
    fake.sheet("自评表（已审）").name = "自评表";
    expect(snapshotWps(fake)).toEqual(original);
  });

  test("the record: very hidden, version number a number, sheet names text — a sheet called 2023 stays a name", () => {
    const fake = fakeWpsFromGrids(new FakeWps(), [
      { ...toGrid(layoutTable(referenceTable("jiguan"))), name: "2023" },
    ]);
    rescoreWorkbook(fake.application, settings);
    const state = fake.sheet(STATE_SHEET);
    expect(state.visible).toBe(2);
    expect(state.peek(0, 0)?.value).toBe("selfeval-state");
    expect(typeof state.peek(0, 1)?.value).toBe("number");
    const rows = state.usedRange().bottom;
    for (let r = 1; r <= rows; r++)
      expect(state.peek(r, 1)?.value).toBe(
        state.peek(r, 0)?.value === "sheet" ? SUMMARY_SHEET : "2023"
      );
    const read = Array.from({ length: rows + 1 }, (_, r) =>
      Array.from({ length: 5 }, (_, c) => state.peek(r, c)?.value ?? null)
    );
    const records = stateFromRows(read);
    expect(new Set(records.map((r) => r.kind))).toEqual(
      new Set(["output", "highlight", "width", "sheet"])
    );
    expect(fake.sheet(SUMMARY_SHEET).peek(1, 0)?.value).toBe("2023");
    expect(clearWorkbook(fake.application)).toBe(true);
    expect(fake.has(STATE_SHEET)).toBe(false);
  });

  test("a damaged record or one from a newer version: a clear message and no change", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    rescoreWorkbook(fake.application, settings);
    const version = fake.sheet(STATE_SHEET).peek(0, 1)?.value as number;
    fake.sheet(STATE_SHEET).cell(1, 3).value = "{not json";
    const before = snapshotWps(fake);
    expect(() => clearWorkbook(fake.application)).toThrow(DamagedStateError);
    expect(() => rescoreWorkbook(fake.application, settings)).toThrow(DamagedStateError);
    expect(snapshotWps(fake)).toEqual(before);
    fake.sheet(STATE_SHEET).cell(0, 1).value = version + 1;
    expect(() => clearWorkbook(fake.application)).toThrow(NewerStateVersionError);
  });
});

describe("the reviewer’s remarks", () => {
  async function annotated() {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const outcome = rescoreWorkbook(fake.application, settings);
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

  test("go into the 审核意见 column and a comment, and survive rescore and clear", async () => {
    const { fake, place } = await annotated();
    expect(writeRemark(fake.application, place, "请补充偏差原因")).toBe("comment");
    const sheet = fake.sheet("自评表");
    expect(sheet.peek(place.row, place.col)?.value).toBe("请补充偏差原因");
    expect(sheet.peek(place.headerRows[0], place.col)?.value).toBe("审核意见");
    expect(sheet.comments.get("D10")).toBe("请补充偏差原因");
    rescoreWorkbook(fake.application, settings);
    clearWorkbook(fake.application);
    expect(sheet.peek(place.row, place.col)?.value).toBe("请补充偏差原因");
    expect(sheet.peek(place.row, place.col - 2)?.value ?? null).toBeNull();
  });

  test("never write over a cell someone typed in; a second remark goes on past the first and into the comment below it", async () => {
    const { fake, place } = await annotated();
    const sheet = fake.sheet("自评表");
    sheet.put(place.row, place.col, [["单位自己的说明"]]);
    sheet.comments.set("D10", "单位的批注");
    writeRemark(fake.application, place, "请补充偏差原因");
    writeRemark(fake.application, place, "=已与单位核实");
    expect([0, 1, 2].map((k) => sheet.peek(place.row, place.col + k)?.value)).toEqual([
      "单位自己的说明",
      "请补充偏差原因",
      "=已与单位核实",
    ]);
    expect(sheet.comments.get("D10")).toBe("单位的批注\n请补充偏差原因\n=已与单位核实");
  });

  test("on a protected sheet: one sentence, nothing written", async () => {
    const { fake, place } = await annotated();
    fake.sheet("自评表").protectContents = true;
    expect(() => writeRemark(fake.application, place, "请核实")).toThrow(ProtectedSheetError);
    expect(fake.sheet("自评表").peek(place.row, place.col)?.value ?? null).toBeNull();
  });
});

describe("selection and edits", () => {
  test("selecting an indicator activates its sheet and selects its cells", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    fake.add("其他");
    fake.active = fake.sheet("其他");
    selectCells(fake.application, "自评表", "D10:G10");
    expect(fake.selection).toEqual({ sheet: "自评表", address: "D10:G10" });
    expect(fake.active?.name).toBe("自评表");
  });

  test("selecting cells on a hidden sheet says so in one sentence, and selects nothing", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    fake.add("其他");
    fake.sheet("自评表").visible = 0;
    let error: unknown;
    try {
      selectCells(fake.application, "自评表", "E10:F10");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HiddenSheetError);
    expect((error as Error).message).toBe(
      "工作表“自评表”已隐藏，无法选中其中的单元格；请先取消隐藏该工作表。"
    );
    expect(fake.selection).toBeNull();
  });

  test.each(["sync", "deferred"] as const)(
    "edits are reported until watching stops; the tool's own writes are not (events delivered %s)",
    async (events) => {
      const fake = await fakeWith("wuhan-jiguan.xlsx", { events });
      const seen: string[] = [];
      const stop = watchEdits(fake.application, (sheet, address) =>
        seen.push(`${sheet}!${address}`)
      );
      rescoreWorkbook(fake.application, settings);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen).toEqual([]);
      fake.edit("自评表", "D11", "开展集体学习");
      // A cell the tool has just written: its change is taken for the tool's own for a second.
      fake.edit("自评表", "F10", "180人");
      await new Promise((resolve) => setTimeout(resolve, 1100));
      fake.edit("自评表", "F10", "181人");
      stop();
      fake.edit("自评表", "F11", "1人");
      expect(seen).toEqual(["自评表!D11", "自评表!F10"]);
      expect(fake.listeners).toEqual([]);
    }
  );
});

describe("the gateway", () => {
  test("is the WPS kind, reaches the host, and rejects with the host's error", async () => {
    const fake = await fakeWith("wuhan-jiguan.xlsx");
    const gateway = wpsGateway(() => fake.application);
    expect(gateway.kind).toBe("wps");
    const outcome = await gateway.rescore(settings, () => undefined);
    expect(outcome.tables).toHaveLength(1);
    fake.protectStructure = true;
    const error = await gateway.clear().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SelfEvalError);
    expect(error).toBeInstanceOf(WorkbookStructureProtectedError);
  });
});

describe("a reviewer’s marks in WPS", () => {
  test("a finding marked 忽略 stays dismissed through rescores, is kept in the record, and is gone after clear", async () => {
    const fake = await fakeWith("wuhan-jiuye.xlsx");
    const original = snapshotWps(fake);
    const first = rescoreWorkbook(fake.application, settings);
    const indicator = first.tables[0].indicators.find((i) => i.flags.includes("unfinished"))!;
    const reason = "已电话核实：统计口径含灵活就业";
    const change = {
      sheet: "自评表",
      row: indicator.row,
      flag: "unfinished" as const,
      status: "dismissed" as const,
      reason,
    };
    const marked = markFinding(fake.application, change, settings);
    const markedRow = marked.tables[0].indicators.find((i) => i.row === indicator.row)!;
    expect(markedRow.marks).toEqual([
      expect.objectContaining({ flag: "unfinished", status: "dismissed", reason }),
    ]);
    const once = snapshotWps(fake);
    const again = rescoreWorkbook(fake.application, settings);
    expect(snapshotWps(fake)).toEqual(once);
    expect(again.tables[0].indicators.find((i) => i.row === indicator.row)!.marks).toEqual(
      markedRow.marks
    );
    // The target and actual are no longer filled, and the 复核意见 says why.
    const cells = fake.sheet("自评表");
    const { target, actual } = indicator.cells;
    expect([
      cells.peek(target!.row, target!.col)?.fill ?? null,
      cells.peek(actual!.row, actual!.col)?.fill ?? null,
    ]).toEqual([null, null]);
    const remarkCol = again.plans[0].remarkCol;
    expect(String(cells.peek(indicator.row - 1, remarkCol)?.value)).toContain(`已忽略：${reason}`);
    expect(clearWorkbook(fake.application)).toBe(true);
    expect(snapshotWps(fake)).toEqual(original);
    const fresh = rescoreWorkbook(fake.application, settings);
    expect(fresh.tables[0].indicators.find((i) => i.row === indicator.row)!.marks).toBeUndefined();
  });
});
