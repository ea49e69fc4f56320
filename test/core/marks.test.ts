import { DismissReasonRequiredError, FindingNotFoundError } from "../../src/core/errors";
import { TableResult, evaluateWorkbook } from "../../src/core/evaluate";
import { SheetGrid } from "../../src/core/grid";
import {
  Mark,
  applyMarks,
  changeMarks,
  refuseStaleChange,
  stamped,
  tableRow,
} from "../../src/core/marks";
import { COLORS, FLAG_TITLES, countFlag, planWriteBack } from "../../src/core/plan";
import { TableSpec, layoutTable, toGrid } from "../helpers/layouts";
import { referenceTable } from "../helpers/reference";

function scored(spec: TableSpec = referenceTable("jiuye")): {
  grid: SheetGrid;
  table: TableResult;
} {
  const grid = toGrid(layoutTable(spec));
  return { grid, table: evaluateWorkbook([grid])[0] };
}

const indicatorAt = (table: TableResult, row: number) =>
  table.indicators.find((i) => i.row === row)!;

/** Rows of the jiuye layout: 10 weak target, 14 unfinished, 23 unfinished and vague. */
const SHEET = "自评表";
const dismiss = (
  row: number,
  flag: Mark["flag"],
  reason = "已电话核实，系统统计口径不同"
): Mark => ({
  sheet: SHEET,
  row,
  flag,
  status: "dismissed",
  reason,
});
const check = (row: number, flag: Mark["flag"]): Mark => ({
  sheet: SHEET,
  row,
  flag,
  status: "checked",
  reason: "",
});

describe("a finding knows its sentence", () => {
  test("each flag names the note that gives its reason; a note on how a value was read is no finding", () => {
    const { table } = scored(referenceTable("buzhu"));
    const row = indicatorAt(table, 10);
    expect(row.notes).toEqual(["完成值“0”未写单位，按“人”读取", "未完成：完成 0 人，目标 12人"]);
    expect(row.findings).toEqual([{ flag: "unfinished", note: "未完成：完成 0 人，目标 12人" }]);
    const mismatch = scored({ ...referenceTable("jiguan"), reportedTotal: 90 }).table;
    expect(mismatch.findings).toEqual([
      { flag: "total-mismatch", note: expect.stringContaining("填报总分 90") },
    ]);
  });
});

describe("setting and taking off a mark", () => {
  test("dismissing needs a reason: refused with one sentence in each language", () => {
    for (const reason of ["", "  "]) {
      const error = (() => {
        try {
          changeMarks([], dismiss(14, "unfinished", reason));
        } catch (e) {
          return e as DismissReasonRequiredError;
        }
        throw new Error("accepted");
      })();
      expect(error).toBeInstanceOf(DismissReasonRequiredError);
      expect(error.message).toBe("忽略一条复核发现须写明理由；未做任何修改。");
      expect(error.english).toBe("a reason is needed to dismiss a finding; nothing was changed");
    }
    expect(changeMarks([], check(10, "weak-target"))).toEqual([check(10, "weak-target")]);
  });

  test("a finding holds one mark: a new one replaces it, status null takes it off, others stay", () => {
    const first = changeMarks([check(10, "weak-target")], dismiss(14, "unfinished"));
    const replaced = changeMarks(first, check(14, "unfinished"));
    expect(replaced).toEqual([check(10, "weak-target"), check(14, "unfinished")]);
    const off = changeMarks(replaced, { sheet: SHEET, row: 14, flag: "unfinished", status: null });
    expect(off).toEqual([check(10, "weak-target")]);
  });

  test("a mark set now carries its date; one taken off carries none", () => {
    const now = new Date("2024-03-01T08:00:00Z");
    expect(stamped(check(10, "weak-target"), now)).toEqual({
      ...check(10, "weak-target"),
      at: "2024-03-01T08:00:00.000Z",
    });
    const off = { sheet: SHEET, row: 10, flag: "weak-target" as const, status: null };
    expect(stamped(off, now)).toEqual(off);
  });
});

describe("marks on the results", () => {
  test("each mark lands on its finding; one whose finding is gone is stale, kept and told", () => {
    const { table } = scored();
    const gone = dismiss(14, "weak-target");
    const elsewhere = { ...dismiss(14, "unfinished"), sheet: "其他" };
    const marks = [dismiss(14, "unfinished"), check(10, "weak-target"), gone, elsewhere];
    const { tables, stale } = applyMarks([table], marks, (sheet) => sheet === SHEET);
    const [marked] = tables;
    expect(indicatorAt(marked, 14).marks).toEqual([
      { flag: "unfinished", status: "dismissed", reason: "已电话核实，系统统计口径不同" },
    ]);
    expect(indicatorAt(marked, 10).marks).toEqual([
      { flag: "weak-target", status: "checked", reason: "" },
    ]);
    expect(indicatorAt(marked, 11).marks).toBeUndefined();
    // The sheet not judged (a live rescore of another sheet) neither applies nor stales its marks.
    expect(stale).toEqual([gone]);
    expect(applyMarks([table], marks).stale).toEqual([gone, elsewhere]);
    // The engine's results are not changed in place.
    expect(indicatorAt(table, 14).marks).toBeUndefined();
  });

  test("a table's own findings are marked on its first row", () => {
    const { table } = scored({ ...referenceTable("jiguan"), reportedTotal: 90 });
    const mark = dismiss(tableRow(table), "total-mismatch");
    const { tables, stale } = applyMarks([table], [mark]);
    expect(tables[0].marks).toEqual([
      { flag: "total-mismatch", status: "dismissed", reason: mark.reason },
    ]);
    expect(stale).toEqual([]);
  });

  test("a mark just set on a finding the results do not have is refused; taking one off is not", () => {
    const gone = dismiss(14, "weak-target");
    expect(() => refuseStaleChange(gone, [gone])).toThrow(FindingNotFoundError);
    expect(() => refuseStaleChange(gone, [gone])).toThrow(
      "工作表“自评表”第 14 行已没有这条复核发现（可能在重新复核后已消失），未做标记。"
    );
    expect(() =>
      refuseStaleChange({ sheet: SHEET, row: 14, flag: "weak-target", status: null }, [gone])
    ).not.toThrow();
  });
});

describe("what the sheet shows", () => {
  const reason = "已电话核实，系统统计口径不同";

  function planned(marks: Mark[], spec?: TableSpec) {
    const { grid, table } = scored(spec);
    const [marked] = applyMarks([table], marks).tables;
    const plan = planWriteBack([marked], [grid]);
    const t = plan.tables[0];
    const remark = (row: number) =>
      t.outputs.find((o) => o.row === row - 1 && o.col === t.remarkCol)?.value;
    const fill = (cell: { row: number; col: number } | null) =>
      t.highlights.find((h) => h.row === cell!.row && h.col === cell!.col)?.fill;
    return { plan, table: marked, remark, fill };
  }

  test("a dismissed finding is not highlighted and its reason replaces the sentence", () => {
    const before = planned([]);
    const row = indicatorAt(before.table, 14);
    expect(before.fill(row.cells.target)).toBe(COLORS.unfinished);
    expect(before.remark(14)).toBe("未完成：完成 3,564人，目标 9,000人");

    const after = planned([dismiss(14, "unfinished")]);
    expect(after.fill(row.cells.target)).toBeUndefined();
    expect(after.fill(row.cells.actual)).toBeUndefined();
    expect(after.remark(14)).toBe(`已忽略：${reason}`);
  });

  test("a checked finding keeps its highlight, its sentence marked as checked", () => {
    const { fill, remark, table } = planned([check(10, "weak-target")]);
    expect(fill(indicatorAt(table, 10).cells.actual)).toBe(COLORS.weak);
    expect(remark(10)).toBe("已核实：完成值为目标值的 1.96 倍，目标值设置偏低");
  });

  test("on a row with two findings only the dismissed one goes: the other keeps its fill and sentence", () => {
    const { fill, remark, table } = planned([dismiss(23, "unfinished")]);
    expect(fill(indicatorAt(table, 23).cells.target)).toBe(COLORS.vague);
    expect(remark(23)).toBe(`目标值“有效推进”无可衡量的水平，指标不明确；已忽略：${reason}`);
  });

  test("a dismissed table finding: no red on the reported total, the reason beside the grade", () => {
    const spec = { ...referenceTable("jiguan"), reportedTotal: 90 };
    const before = planned([], spec);
    const total = before.table.detected.total!;
    expect(before.fill(total.reported)).toBe(COLORS.mismatch);
    const after = planned([dismiss(tableRow(before.table), "total-mismatch")], spec);
    expect(after.fill(total.reported)).toBeUndefined();
    expect(after.remark(total.row + 1)).toBe(`等级：优；已忽略：${reason}`);
  });

  test("复核汇总 counts the findings left and the marks: 已核实 and 已忽略", () => {
    const marks = [dismiss(14, "unfinished"), dismiss(23, "unfinished"), check(10, "weak-target")];
    const { plan, table } = planned(marks);
    const { plan: unmarked, table: plain } = planned([]);
    expect(countFlag(plain, "unfinished")).toBe(2);
    expect(countFlag(table, "unfinished")).toBe(0);
    expect(countFlag(table, "weak-target")).toBe(countFlag(plain, "weak-target"));
    const row = (p: typeof plan, r: number) =>
      p.summary.cells.filter((c) => c.row === r).map((c) => c.value);
    const header = row(plan, 0);
    expect(header.slice(-2)).toEqual(["已核实", "已忽略"]);
    const at = (title: string) => header.indexOf(title);
    const unfinished = at(FLAG_TITLES.find(([f]) => f === "unfinished")![1]);
    expect(row(unmarked, 1)[unfinished]).toBe(2);
    expect(row(plan, 1)[unfinished]).toBe(0);
    expect(row(plan, 1).slice(-2)).toEqual([1, 2]);
    expect(row(unmarked, 1).slice(-2)).toEqual([0, 0]);
    expect(plan.summary.widths).toHaveLength(header.length);
  });
});
