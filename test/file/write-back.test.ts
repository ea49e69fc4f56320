import ExcelJS from "exceljs";
import { cellAddress } from "../../src/core/address";
import {
  DamagedStateError,
  DismissReasonRequiredError,
  FindingNotFoundError,
  MissingAnnotatedSheetError,
  NewerStateVersionError,
} from "../../src/core/errors";
import { Mark } from "../../src/core/marks";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { COLORS, SUMMARY_SHEET } from "../../src/core/plan";
import { describePolicy, policyFor } from "../../src/core/policy";
import { STATE_COLUMNS, STATE_SHEET, StateRecord, stateFromRows } from "../../src/core/state";
import { readGrids } from "../../src/file/read-workbook";
import { clearXlsx, markXlsx, rescoreXlsx } from "../../src/file/write-back";
import { layoutTable, workbookBuffer } from "../helpers/layouts";
import { expectedWorkbooks, referenceTable, referenceWorkbook } from "../helpers/reference";
import { dumpLook, dumpXlsx, loadXlsx } from "../helpers/workbook-dump";
import { summaryXlsx } from "../../src/file/summary-xlsx";
import { summarizeFile } from "../../src/report/summary";
import { partsOf } from "../helpers/package";
import { worksheetOrderViolations } from "../helpers/schema-order";

const wuhan = policyFor("wuhan");
const rescore = async (data: Uint8Array) => (await rescoreXlsx(data, wuhan)).data;
const clear = async (data: Uint8Array) => (await clearXlsx(data)).data;

function fillOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.style.fill;
  return fill && fill.type === "pattern" ? (fill.fgColor?.argb ?? null) : null;
}

/** The row whose 三级指标 (column D) starts with the given text. */
function rowOf(sheet: ExcelJS.Worksheet, name: string): number {
  const row = sheet
    .getColumn(4)
    .values.findIndex((v) => typeof v === "string" && v.startsWith(name));
  if (row < 1) throw new Error(`no row ${name}`);
  return row;
}

describe("rescore writes scores, grade, highlights and a summary beside each table", () => {
  test("jiuye: the first two empty columns right of the table hold 复核得分 and 复核意见", async () => {
    const workbook = await loadXlsx(await rescore(referenceWorkbook("wuhan-jiuye.xlsx")));
    const sheet = workbook.getWorksheet("自评表")!;
    expect(sheet.getCell("H8").value).toBe("复核得分");
    expect(sheet.getCell("I8").value).toBe("复核意见");
    expect(sheet.getCell("H7").value).toBe(20);
    expect(sheet.getCell("H16").value).toBe(0.79);
    expect(sheet.getCell("H16").numFmt).toBe("0.00");
    expect(sheet.getCell("I16").value).toBe("未完成：完成 3,564人，目标 9,000人");
    expect(sheet.getCell("I17").value).toBe("完成值为目标值的 3.44 倍，目标值设置偏低");
    expect(sheet.getCell("H30").value).toBe(96.79);
    expect(sheet.getCell("I30").value).toBe("等级：优");
    // Highlights on target and actual: unfinished, weak, vague.
    expect([fillOf(sheet.getCell("E16")), fillOf(sheet.getCell("F16"))]).toEqual([
      COLORS.unfinished,
      COLORS.unfinished,
    ]);
    expect([fillOf(sheet.getCell("E19")), fillOf(sheet.getCell("F19"))]).toEqual([
      COLORS.weak,
      COLORS.weak,
    ]);
    expect(fillOf(sheet.getCell("E26"))).toBe(COLORS.vague);
    expect(fillOf(sheet.getCell("E25"))).toBe(COLORS.unfinished);
    expect(fillOf(sheet.getCell("E9"))).toBeNull();
    // The legend.
    const legend = [2, 3, 4, 5].map((r) => [
      sheet.getCell(`H${r}`).value,
      fillOf(sheet.getCell(`H${r}`)),
    ]);
    expect(legend).toEqual([
      ["未完成", COLORS.unfinished],
      ["目标偏低", COLORS.weak],
      ["目标不明确", COLORS.vague],
      ["得分不符", COLORS.mismatch],
    ]);
    expect(workbook.getWorksheet(STATE_SHEET)!.state).toBe("veryHidden");
  });

  test("every reference workbook: each row’s computed score on its row, the total on the total row", async () => {
    for (const expected of expectedWorkbooks()) {
      const original = referenceWorkbook(expected.file);
      const [table] = evaluateWorkbook(await readGrids(original));
      const workbook = await loadXlsx(await rescore(original));
      const sheet = workbook.getWorksheet(expected.sheet)!;
      const scoreCol = table.detected.right + 2;
      for (const i of table.indicators) expect(sheet.getCell(i.row, scoreCol).value).toBe(i.score);
      expect(sheet.getCell(table.detected.total!.row + 1, scoreCol).value).toBe(expected.total);
      expect(sheet.getCell(table.detected.total!.row + 1, scoreCol + 1).value).toBe("等级：优");
      expect(sheet.getCell(table.budget!.row, scoreCol).value).toBe(expected.budgetScore);
    }
  });

  test("a reported score that differs is marked, and the summary counts it", async () => {
    const spec = referenceTable("jiguan");
    const rows = spec.blocks[0].rows.map((r, i) => (i === 1 ? { ...r, reportedScore: 4 } : r));
    const input = await workbookBuffer([
      layoutTable({ ...spec, blocks: [{ ...spec.blocks[0], rows }], reportedTotal: 99.84 }),
    ]);
    const workbook = await loadXlsx(await rescore(input));
    const sheet = workbook.getWorksheet("自评表")!;
    const row = rowOf(sheet, "参与");
    expect(fillOf(sheet.getCell(row, 7))).toBe(COLORS.mismatch);
    expect(sheet.getCell(row, 9).value).toBe(
      "未完成：完成 153人，目标 200人；填报得分 4 与复核得分 3.06 不符"
    );
    const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    const values = (summary.getRow(2).values as unknown[]).slice(1);
    const at = (title: string) => values[header.indexOf(title)];
    expect(at("复核总分")).toBe(98.9);
    expect(at("填报总分")).toBe(99.84);
    expect(at("等级")).toBe("优");
    expect(at("得分不符")).toBe(1);
    expect(at("总分不符")).toBe(1);
    expect(at("未完成")).toBe(1);
    expect(at("目标偏低")).toBe(2);
    expect(summary.getCell("A2").value).toEqual({
      formula: `HYPERLINK("#'自评表'!A1","自评表")`,
      result: "自评表",
    });
  });

  test("the summary lists every table of a workbook with many sheets", async () => {
    const specs = ["dept", "jiguan", "jiuye", "buzhu"].map(referenceTable);
    const input = await workbookBuffer(
      specs.map((s, i) => layoutTable(s, { sheetName: `表${i + 1}` }))
    );
    const summary = (await loadXlsx(await rescore(input))).getWorksheet(SUMMARY_SHEET)!;
    const rows = [2, 3, 4, 5].map((r) => [summary.getCell(r, 1).text, summary.getCell(r, 4).value]);
    expect(rows).toEqual(specs.map((s, i) => [`表${i + 1}`, s.reportedTotal]));
  });
});

describe("nothing the user typed changes, and every change can be taken back", () => {
  test.each(expectedWorkbooks().map((e) => e.file))(
    "%s: only output columns and highlight fills differ",
    async (file) => {
      const original = referenceWorkbook(file);
      const before = await dumpXlsx(original);
      const after = await dumpXlsx(await rescore(original));
      const [table] = evaluateWorkbook(await readGrids(original));
      const outputCols = new Set(
        [table.detected.right + 1, table.detected.right + 2].map((c) => String.fromCharCode(65 + c))
      );
      const sheet = (d: typeof before) => d.sheets.find((s) => s.name === table.sheet)!;
      expect(sheet(after).merges).toEqual(sheet(before).merges);
      for (const [address, cell] of Object.entries(sheet(before).cells)) {
        const was = JSON.parse(cell);
        const now = JSON.parse(sheet(after).cells[address]);
        expect(now.value).toEqual(was.value);
        const { fill: _nowFill, ...nowRest } = now.style;
        const { fill: _wasFill, ...wasRest } = was.style;
        expect(nowRest).toEqual(wasRest);
      }
      for (const address of Object.keys(sheet(after).cells)) {
        if (!(address in sheet(before).cells))
          expect(outputCols.has(address.replace(/\d+/, ""))).toBe(true);
      }
      expect(after.sheets.map((s) => s.name)).toEqual([
        ...before.sheets.map((s) => s.name),
        SUMMARY_SHEET,
        STATE_SHEET,
      ]);
    }
  );

  test.each(expectedWorkbooks().map((e) => e.file))(
    "%s: rescoring twice equals rescoring once",
    async (file) => {
      const once = await rescore(referenceWorkbook(file));
      expect(await dumpXlsx(await rescore(once))).toEqual(await dumpXlsx(once));
    }
  );

  test.each(expectedWorkbooks().map((e) => e.file))(
    "%s: clear after rescore gives back the original",
    async (file) => {
      const original = referenceWorkbook(file);
      expect(await dumpXlsx(await clear(await rescore(original)))).toEqual(
        await dumpXlsx(original)
      );
      expect(await dumpXlsx(await clear(await rescore(await rescore(original))))).toEqual(
        await dumpXlsx(original)
      );
    }
  );

  test("formulas, number formats, fills, widths and other sheets survive rescore and clear", async () => {
    const input = await workbookBuffer([layoutTable(referenceTable("jiuye"))], (workbook) => {
      const sheet = workbook.getWorksheet("自评表")!;
      const target = sheet.getCell(rowOf(sheet, "工勤人员"), 5);
      target.style = {
        ...target.style,
        fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } },
      };
      sheet.getColumn(4).width = 48;
      const notes = workbook.addWorksheet("附表");
      notes.getCell("A1").value = 2.5;
      notes.getCell("A2").value = 3.25;
      notes.getCell("A3").value = { formula: "SUM(A1:A2)", result: 5.75 };
      notes.getCell("A3").numFmt = "0.000";
      notes.mergeCells("B1:C2");
      notes.getCell("B1").value = "合并说明";
    });
    const rescored = await rescore(input);
    const workbook = await loadXlsx(rescored);
    const notes = workbook.getWorksheet("附表")!;
    expect(notes.getCell("A3").value).toEqual({ formula: "SUM(A1:A2)", result: 5.75 });
    expect(notes.getCell("A3").numFmt).toBe("0.000");
    expect(workbook.getWorksheet("自评表")!.getColumn(4).width).toBe(48);
    const sheet = workbook.getWorksheet("自评表")!;
    const row = rowOf(sheet, "工勤人员");
    expect(fillOf(sheet.getCell(row, 5))).toBe(COLORS.unfinished);
    const restored = await loadXlsx(await clear(rescored));
    expect(fillOf(restored.getWorksheet("自评表")!.getCell(row, 5))).toBe("FF00B0F0");
    expect(await dumpXlsx(await clear(rescored))).toEqual(await dumpXlsx(input));
  });

  test("a user sheet called 复核汇总 is left alone", async () => {
    const input = await workbookBuffer([
      layoutTable(referenceTable("jiguan")),
      { name: SUMMARY_SHEET, cells: [[{ v: "我的笔记" }]], merges: [] },
    ]);
    const workbook = await loadXlsx(await rescore(input));
    expect(workbook.getWorksheet(SUMMARY_SHEET)!.getCell("A1").value).toBe("我的笔记");
    expect(workbook.getWorksheet(`${SUMMARY_SHEET} (2)`)!.getCell("A1").value).toBe("工作表");
    expect(await dumpXlsx(await clear(await rescore(input)))).toEqual(await dumpXlsx(input));
  });
});

describe("a damaged annotation record", () => {
  test("is refused with a clear sentence instead of a half restore", async () => {
    const workbook = await loadXlsx(await rescore(referenceWorkbook("wuhan-jiguan.xlsx")));
    workbook.getWorksheet(STATE_SHEET)!.getCell("D2").value = "{not json";
    const damaged = new Uint8Array(await workbook.xlsx.writeBuffer());
    await expect(clearXlsx(damaged)).rejects.toThrow("已损坏");
    await expect(rescoreXlsx(damaged, wuhan)).rejects.toThrow("已损坏");
  });
});

describe("what people type beside the table is theirs", () => {
  test("a remark typed in the 审核意见 column stays put through rescore and clear, and the output does not move", async () => {
    const once = await loadXlsx(await rescore(referenceWorkbook("wuhan-jiguan.xlsx")));
    const sheet = once.getWorksheet("自评表")!;
    sheet.getCell("J8").value = "审核意见";
    sheet.getCell("J10").value = "三支一扶人数未完成，请补充原因";
    const withRemark = new Uint8Array(await once.xlsx.writeBuffer());
    const again = await loadXlsx(await rescore(withRemark));
    expect(again.getWorksheet("自评表")!.getCell("J10").value).toBe(
      "三支一扶人数未完成，请补充原因"
    );
    expect(again.getWorksheet("自评表")!.getCell("H10").value).toBe(3.06);
    const cleared = await loadXlsx(await clear(withRemark));
    expect(cleared.getWorksheet("自评表")!.getCell("J10").value).toBe(
      "三支一扶人数未完成，请补充原因"
    );
    expect(cleared.getWorksheet("自评表")!.getCell("H10").value).toBeNull();
  });

  test("an output cell someone typed over is kept by clear, and rescore writes beside it", async () => {
    const once = await loadXlsx(await rescore(referenceWorkbook("wuhan-jiguan.xlsx")));
    once.getWorksheet("自评表")!.getCell("I10").value = "已电话核实，人数以财政口径为准";
    const typed = new Uint8Array(await once.xlsx.writeBuffer());
    const cleared = (await loadXlsx(await clear(typed))).getWorksheet("自评表")!;
    expect(cleared.getCell("I10").value).toBe("已电话核实，人数以财政口径为准");
    expect(cleared.getCell("H10").value).toBeNull();
    const again = (await loadXlsx(await rescore(typed))).getWorksheet("自评表")!;
    expect(again.getCell("I10").value).toBe("已电话核实，人数以财政口径为准");
    expect(again.getCell("J10").value).toBe(3.06);
  });
});

describe("the annotation record does not trust itself", () => {
  const annotatedWorkbook = async () =>
    loadXlsx(await rescore(referenceWorkbook("wuhan-jiguan.xlsx")));
  const save = async (workbook: ExcelJS.Workbook) =>
    new Uint8Array(await workbook.xlsx.writeBuffer());

  test.each([null, "null"])(
    "a highlight row whose style is %p: refused as damaged (no TypeError), nothing changed",
    async (style) => {
      const workbook = await annotatedWorkbook();
      const state = workbook.getWorksheet(STATE_SHEET)!;
      expect(state.getCell("A2").value).toBe("highlight");
      state.getCell("D2").value = style;
      const damaged = await save(workbook);
      await expect(clearXlsx(damaged)).rejects.toBeInstanceOf(DamagedStateError);
      await expect(rescoreXlsx(damaged, wuhan)).rejects.toBeInstanceOf(DamagedStateError);
    }
  );

  test("a record from a newer version is refused with its own sentence", async () => {
    const workbook = await annotatedWorkbook();
    workbook.getWorksheet(STATE_SHEET)!.getCell("B1").value = 5;
    const newer = await save(workbook);
    await expect(clearXlsx(newer)).rejects.toBeInstanceOf(NewerStateVersionError);
    await expect(rescoreXlsx(newer, wuhan)).rejects.toThrow("更新版本");
  });

  test("a version-1 record (one cell a row, one written value) is cleared by its own rules", async () => {
    const original = referenceWorkbook("wuhan-jiguan.xlsx");
    const workbook = await loadXlsx(await rescore(original));
    const records = recordOf(workbook);
    workbook.removeWorksheet(workbook.getWorksheet(STATE_SHEET)!.id);
    const state = workbook.addWorksheet(STATE_SHEET, { state: "veryHidden" });
    // As version 1 wrote it (git history of src/core/state.ts, before runs).
    state.addRow([
      "selfeval-state",
      1,
      "本工作表由绩效自评复核助手维护，用于撤销复核标注，请勿修改。",
    ]);
    for (const r of records) {
      if (r.kind === "sheet-xml" || r.kind === "mark") continue;
      if (r.kind === "sheet") state.addRow([r.kind, r.sheet, null, null]);
      else if (r.kind === "width")
        state.addRow([
          r.kind,
          r.sheet,
          r.col,
          JSON.stringify({ width: r.width, points: r.points }),
        ]);
      else if (r.kind === "output")
        state.addRow([
          r.kind,
          r.sheet,
          cellAddress(r.row, r.col),
          JSON.stringify(r.style),
          JSON.stringify(r.written ?? null),
        ]);
      else state.addRow([r.kind, r.sheet, cellAddress(r.row, r.col), JSON.stringify(r.style)]);
    }
    expect(records.some((r) => r.kind === "output" && typeof r.written === "string")).toBe(true);
    const v1 = await save(workbook);
    expect(await dumpXlsx(await clear(v1))).toEqual(await dumpXlsx(original));
  });
});

/** The record as it stands in a workbook loaded by exceljs. */
function recordOf(workbook: ExcelJS.Workbook): StateRecord[] {
  const rows: unknown[][] = [];
  workbook.getWorksheet(STATE_SHEET)!.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: STATE_COLUMNS }, (_, c) => row.getCell(c + 1).value ?? null);
  });
  return stateFromRows(Array.from(rows, (r) => r ?? []));
}

describe("a sheet renamed after annotating", () => {
  const renamed = "自评表（已审）";
  async function renameIn(data: Uint8Array, from: string, to: string): Promise<Uint8Array> {
    const workbook = await loadXlsx(data);
    workbook.getWorksheet(from)!.name = to;
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  test("clear finds it by what the tool wrote there and takes every annotation out", async () => {
    const original = referenceWorkbook("wuhan-jiguan.xlsx");
    const annotated = await renameIn(await rescore(original), "自评表", renamed);
    const result = await clearXlsx(annotated);
    expect(result.cleared).toBe(true);
    expect(await dumpXlsx(await renameIn(result.data, renamed, "自评表"))).toEqual(
      await dumpXlsx(original)
    );
  });

  test("rescore takes the old annotations out of it first", async () => {
    const original = referenceWorkbook("wuhan-jiguan.xlsx");
    const annotated = await renameIn(await rescore(original), "自评表", renamed);
    // The rename went through another program (exceljs), which renumbered the cell formats: what shows is the same.
    expect(await dumpLook(await rescore(annotated))).toEqual(
      await dumpLook(await rescore(await renameIn(original, "自评表", renamed)))
    );
  });

  test("an annotated sheet that is gone: clear says which, and changes nothing", async () => {
    const specs = ["jiguan", "jiuye"].map(referenceTable);
    const input = await workbookBuffer(
      specs.map((s, i) => layoutTable(s, { sheetName: `表${i + 1}` }))
    );
    const workbook = await loadXlsx(await rescore(input));
    workbook.removeWorksheet(workbook.getWorksheet("表1")!.id);
    const without = new Uint8Array(await workbook.xlsx.writeBuffer());
    const error = await clearXlsx(without).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingAnnotatedSheetError);
    expect((error as Error).message).toContain("“表1” 已不存在");
    await expect(rescoreXlsx(without, wuhan)).rejects.toBeInstanceOf(MissingAnnotatedSheetError);

    // What the sentence offers: an empty sheet by that name stands in, and the rest clears.
    workbook.addWorksheet("表1");
    const standIn = await clearXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const cleared = (await dumpLook(standIn.data)).sheets.filter((s) => s.name !== "表1");
    const expected = (await dumpLook(input)).sheets.filter((s) => s.name !== "表1");
    expect(cleared).toEqual(expected);
  });
});

describe("the tool's own sheets print readably", () => {
  const PRINT = '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>';

  test("复核汇总 in an annotated workbook prints on landscape A4, one page wide", async () => {
    const { data } = await rescoreXlsx(referenceWorkbook("wuhan-jiuye.xlsx"), wuhan);
    const parts = partsOf(data);
    const id = new RegExp(`<sheet [^>]*name="${SUMMARY_SHEET}"[^>]*r:id="([^"]+)"`).exec(
      parts["xl/workbook.xml"]
    )![1];
    const target = new RegExp(
      `Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`
    ).exec(parts["xl/_rels/workbook.xml.rels"])!;
    const summary = parts[`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`];
    expect(summary).toContain(PRINT);
    expect(summary).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(worksheetOrderViolations(summary)).toEqual([]);
  });

  test("the --summary workbook prints the same way, its header row on every page", async () => {
    const grids = await readGrids(referenceWorkbook("wuhan-jiuye.xlsx"));
    const rows = summarizeFile("a.xlsx", evaluateWorkbook(grids, { policy: wuhan })).rows;
    const parts = partsOf(await summaryXlsx(rows, [], describePolicy(wuhan)));
    expect(parts["xl/worksheets/sheet1.xml"]).toContain(PRINT);
    expect(worksheetOrderViolations(parts["xl/worksheets/sheet1.xml"])).toEqual([]);
    expect(parts["xl/workbook.xml"]).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'复核汇总'!$1:$1</definedName>`
    );
  });
});

describe("a reviewer’s marks", () => {
  const input = referenceWorkbook("wuhan-jiuye.xlsx");
  const reason = "已电话核实：统计口径含灵活就业";
  const dismissed: Mark = {
    sheet: "自评表",
    row: 16,
    flag: "unfinished",
    status: "dismissed",
    reason,
    at: "2024-03-01T08:00:00.000Z",
  };
  /** The 复核汇总 row of the table: each column's title and value. */
  const summaryOf = (workbook: ExcelJS.Workbook) => {
    const summary = workbook.getWorksheet(SUMMARY_SHEET)!;
    const titles = summary.getRow(1).values as unknown[];
    const values = summary.getRow(2).values as unknown[];
    return Object.fromEntries(Array.from(titles, (t, k) => [String(t), values[k]]));
  };

  test("a finding marked 忽略 stays dismissed through two rescores, and clear gives back every part", async () => {
    const plain = await rescoreXlsx(input, wuhan);
    const marked = await markXlsx(plain.data, dismissed, wuhan);
    const row = (r: typeof marked) => r.tables[0].indicators.find((i) => i.row === 16)!;
    expect(row(marked).marks).toEqual([
      { flag: "unfinished", status: "dismissed", reason, at: dismissed.at },
    ]);
    const once = await rescoreXlsx(marked.data, wuhan);
    const twice = await rescoreXlsx(once.data, wuhan);
    expect(row(twice).marks).toEqual(row(marked).marks);
    expect(Buffer.from(twice.data).equals(Buffer.from(marked.data))).toBe(true);

    const workbook = await loadXlsx(twice.data);
    const sheet = workbook.getWorksheet("自评表")!;
    expect(sheet.getCell("I16").value).toBe(`已忽略：${reason}`);
    expect([fillOf(sheet.getCell("E16")), fillOf(sheet.getCell("F16"))]).toEqual([null, null]);
    // Another unfinished row keeps its fill and its sentence.
    expect(fillOf(sheet.getCell("E25"))).toBe(COLORS.unfinished);
    const before = summaryOf(await loadXlsx(plain.data));
    const after = summaryOf(workbook);
    expect(after["未完成"]).toBe((before["未完成"] as number) - 1);
    expect([after["已核实"], after["已忽略"]]).toEqual([0, 1]);

    const cleared = await clearXlsx(twice.data);
    expect(partsOf(cleared.data)).toEqual(partsOf(input));
    // Nothing of the mark is left: a rescore of the cleared copy shows the finding again.
    const again = await rescoreXlsx(cleared.data, wuhan);
    expect(row(again).marks).toBeUndefined();
    expect(Buffer.from(again.data).equals(Buffer.from(plain.data))).toBe(true);
  });

  test("a checked finding keeps its fill; taking the mark off gives the workbook as never marked", async () => {
    const plain = await rescoreXlsx(input, wuhan);
    const checked = await markXlsx(
      plain.data,
      { ...dismissed, status: "checked", reason: "" },
      wuhan
    );
    const sheet = (await loadXlsx(checked.data)).getWorksheet("自评表")!;
    expect(sheet.getCell("I16").value).toBe("已核实：未完成：完成 3,564人，目标 9,000人");
    expect(fillOf(sheet.getCell("E16"))).toBe(COLORS.unfinished);
    const off = await markXlsx(checked.data, { ...dismissed, status: null }, wuhan);
    expect(Buffer.from(off.data).equals(Buffer.from(plain.data))).toBe(true);
  });

  test("a mark whose finding went away is kept in the record and told as stale, and applies again when it comes back", async () => {
    const weak: Mark = { ...dismissed, row: 19, flag: "weak-target" };
    const marked = await markXlsx(input, weak, wuhan);
    expect(marked.staleMarks).toEqual([]);
    const loose = await rescoreXlsx(marked.data, policyFor("wuhan", { weakRatio: 100 }));
    expect(loose.staleMarks).toEqual([weak]);
    const back = await rescoreXlsx(loose.data, wuhan);
    expect(back.staleMarks).toEqual([]);
    expect(back.tables[0].indicators.find((i) => i.row === 19)!.marks).toEqual([
      { flag: "weak-target", status: "dismissed", reason, at: weak.at },
    ]);
  });

  test("refused with one sentence and nothing written: a dismissal without a reason, a finding the workbook does not have", async () => {
    await expect(markXlsx(input, { ...dismissed, reason: " " }, wuhan)).rejects.toBeInstanceOf(
      DismissReasonRequiredError
    );
    await expect(
      markXlsx(input, { ...dismissed, flag: "weak-target" }, wuhan)
    ).rejects.toBeInstanceOf(FindingNotFoundError);
  });
});
