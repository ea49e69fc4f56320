import { evaluateWorkbook } from "../../src/core/evaluate";
import { planWriteBack } from "../../src/core/plan";
import { layoutTable, toGrid } from "../helpers/layouts";
import { referenceTable } from "../helpers/reference";

const LAST = 16383;

function planFor(change: (grid: ReturnType<typeof toGrid>) => void) {
  const grid = toGrid(layoutTable(referenceTable("jiguan")));
  change(grid);
  const tables = evaluateWorkbook([grid]);
  return { plan: planWriteBack(tables, [grid]), table: tables[0] };
}

/** Widens the grid so that column `col` exists on every row. */
function widen(grid: ReturnType<typeof toGrid>, col: number) {
  grid.values = grid.values.map((line) => [
    ...line,
    ...Array(Math.max(0, col + 1 - line.length)).fill(null),
  ]);
}

describe("where the output columns go", () => {
  test("the first two columns right of the table", () => {
    const { plan } = planFor(() => undefined);
    expect(plan.tables[0]).toMatchObject({ scoreCol: 7, remarkCol: 8 });
    expect(plan.problems).toEqual([]);
  });

  test("past a column the user filled in any of the table’s rows", () => {
    const { plan } = planFor((grid) => {
      widen(grid, 8);
      grid.values[12][8] = "备注";
    });
    expect(plan.tables[0]).toMatchObject({ scoreCol: 9, remarkCol: 10 });
  });

  test("past a merged cell that spans the output columns on a row it writes", () => {
    const { plan, table } = planFor((grid) => {
      const total = table0Total(grid);
      grid.merges.push({ top: total, bottom: total, left: 6, right: 12 });
    });
    expect(plan.tables[0].scoreCol).toBe(13);
    expect(table.total).toBe(98.9);
  });

  test("a table whose rows are filled up to the last column gets a clear answer, other work goes on", () => {
    const { plan } = planFor((grid) => {
      widen(grid, LAST);
      for (let c = 7; c <= LAST; c++) grid.values[10][c] = c % 2 ? "x" : null;
      for (let c = 8; c <= LAST; c += 2) grid.values[11][c] = "y";
    });
    expect(plan.tables).toEqual([]);
    expect(plan.problems).toEqual([
      {
        sheet: "自评表",
        range: expect.any(String),
        message: expect.stringContaining("右侧直到最后一列都已有内容，无法写入复核列"),
      },
    ]);
    expect(plan.summary.cells.some((c) => c.value === 98.9)).toBe(true);
  });

  test("a merged cell across every output column gets its own clear answer", () => {
    const { plan } = planFor((grid) => {
      const total = table0Total(grid);
      grid.merges.push({ top: total, bottom: total, left: 6, right: LAST });
    });
    expect(plan.problems[0].message).toContain("合并单元格");
  });
});

function table0Total(grid: ReturnType<typeof toGrid>): number {
  return grid.values.findIndex((line) => line[0] === "总分");
}

test("without highlights there are no fills and no legend, only the two columns", () => {
  const grid = toGrid(layoutTable(referenceTable("jiuye")));
  const tables = evaluateWorkbook([grid]);
  const plan = planWriteBack(tables, [grid], { highlight: false });
  expect(plan.tables[0].highlights).toEqual([]);
  expect(plan.tables[0].outputs.every((o) => Number.isInteger(o.row) && o.row >= 0)).toBe(true);
  expect(plan.tables[0].outputs.some((o) => o.value === "未完成")).toBe(false);
  const withHighlights = planWriteBack(tables, [grid]);
  expect(withHighlights.tables[0].highlights.length).toBeGreaterThan(5);
  expect(withHighlights.tables[0].outputs.some((o) => o.value === "未完成")).toBe(true);
});

describe("the annotation record", () => {
  const { stateFromRows, stateToRows } = jest.requireActual(
    "../../src/core/state"
  ) as typeof import("../../src/core/state");

  test("keeps one row per run of alike cells and reads back every cell", () => {
    const style = { fillColor: null, numberFormat: "General", bold: false, wrapText: false };
    const records = [
      ...[10, 8, 9, 11].map((row) => ({
        kind: "output" as const,
        sheet: "表",
        row,
        col: 7,
        style,
        written: row * 1.5,
      })),
      {
        kind: "output" as const,
        sheet: "表",
        row: 9,
        col: 8,
        style,
        written: "未完成：完成 3人，目标 5人",
      },
      { kind: "highlight" as const, sheet: "表", row: 9, col: 4, style: { fillColor: "FF00B0F0" } },
      { kind: "width" as const, sheet: "表", col: 7, width: null },
      { kind: "sheet" as const, sheet: "复核汇总" },
    ];
    const rows = stateToRows(records);
    expect(rows.slice(1).map((r) => r[2])).toEqual(["E10", "H9:H12", "I10", 7, null]);
    const back = stateFromRows(rows);
    const key = (r: { kind: string; sheet: string }) => JSON.stringify(r);
    expect(back.map(key).sort()).toEqual(records.map(key).sort());
  });

  test("splits a run whose written text would not fit in one cell", () => {
    const style = { fillColor: null };
    const long = "x".repeat(9000);
    const records = [0, 1, 2, 3, 4].map((row) => ({
      kind: "output" as const,
      sheet: "S",
      row,
      col: 1,
      style,
      written: long,
    }));
    const rows = stateToRows(records).slice(1);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.every((r) => String(r[4]).length < 32767)).toBe(true);
    expect(stateFromRows(stateToRows(records))).toHaveLength(5);
  });
});

describe("where table notes are written", () => {
  test("budget notes on the budget row, the others beside the grade, none lost when the budget block is missing", () => {
    const grid = toGrid(layoutTable(referenceTable("jiguan")));
    grid.values = grid.values.map((line) =>
      line.map((v) => (typeof v === "string" ? v.replace("（20分）", "").replace("20分*", "") : v))
    );
    const [table] = evaluateWorkbook([grid]);
    const plan = planWriteBack([table], [grid]);
    const remark = (row: number) =>
      plan.tables[0].outputs.find((o) => o.row === row && o.col === plan.tables[0].remarkCol)
        ?.value;
    expect(remark(table.detected.budget!.row)).toBe(
      "表中未写明预算执行分值，按 100 减指标分值计为 20 分"
    );
    expect(remark(table.detected.total!.row)).toBe("等级：优");

    const budgetRows = new Set([table.detected.budget!.firstRow, table.detected.budget!.row]);
    const noBudget = {
      ...grid,
      values: grid.values.map((line, r) => (budgetRows.has(r) ? line.map(() => null) : line)),
      merges: grid.merges.filter((m) => !budgetRows.has(m.top)),
    };
    const [bare] = evaluateWorkbook([noBudget]);
    const barePlan = planWriteBack([bare], [noBudget]);
    const total = barePlan.tables[0].outputs.find(
      (o) => o.row === bare.detected.total!.row && o.col === barePlan.tables[0].remarkCol
    )?.value;
    expect(total).toContain("缺少“预算执行”维度的指标");
  });
});

test("an unfilled table gets no row scores, only the reason beside its total", () => {
  const { plan, table } = planFor((grid) => {
    // Empty every actual (F) and score (G) from the first indicator row through the total.
    for (const line of grid.values.slice(6, 20)) line.splice(5, 2, null, null);
  });
  expect(table.flags).toEqual(["unfilled"]);
  const scores = plan.tables[0].outputs.filter(
    (o) => o.col === plan.tables[0].scoreCol && typeof o.value === "number"
  );
  expect(scores).toEqual([]);
  expect(plan.tables[0].outputs.map((o) => o.value)).toContain(
    "表中指标既无完成值也无得分，尚未填报，未评分"
  );
});
