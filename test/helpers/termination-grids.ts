/**
 * Sheets for the termination test (test/core/termination.test.ts): random grids made mostly of
 * the words that steer table detection, the sheets that once sent it into an endless loop,
 * and the messages between the test and the worker thread that runs them.
 */
import fc from "fast-check";
import { CellRange, rangeAddress } from "../../src/core/address";
import { CellValue, SheetGrid } from "../../src/core/grid";

export const HEADER_WORDS = [
  "一级指标",
  "二级指标",
  "三级指标",
  "指标名称",
  "年度指标值",
  "目标值",
  "实际完成值",
  "完成值",
  "分值",
  "权重",
  "得分",
  "指标性质",
  "度量单位",
  "预算数",
  "全年预算数",
  "执行数",
  "全年执行数",
  "执行率",
];
export const LABELS = [
  "目标1",
  "年度目标2：",
  "年度目标 3：（20分）",
  "合计",
  "总分",
  "自评总分",
  "总分值",
  "合计得分",
  "其中：财政拨款",
  "偏差原因",
  "其他需要说明事项",
  "产出指标（50分）",
];
export const VALUES: CellValue[] = ["≥95%", 100, 0, "无", 23, "2023年12月", "/", "20%"];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: fc.constantFrom("", " ") },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.integer({ min: -10, max: 200 }), fc.string({ maxLength: 6 })),
  }
);

/** Up to `count` merged areas inside the grid, none overlapping another (Excel allows no overlap). */
function merges(
  origin: { row: number; col: number },
  rows: number,
  cols: number
): fc.Arbitrary<CellRange[]> {
  const area = fc.record({
    top: fc.nat({ max: rows - 1 }),
    left: fc.nat({ max: cols - 1 }),
    height: fc.integer({ min: 1, max: 4 }),
    width: fc.integer({ min: 1, max: 4 }),
  });
  return fc.array(area, { maxLength: 6 }).map((areas) => {
    const kept: CellRange[] = [];
    for (const a of areas) {
      const range = {
        top: origin.row + a.top,
        left: origin.col + a.left,
        bottom: origin.row + Math.min(rows - 1, a.top + a.height - 1),
        right: origin.col + Math.min(cols - 1, a.left + a.width - 1),
      };
      const single = range.top === range.bottom && range.left === range.right;
      const overlaps = kept.some(
        (k) =>
          range.top <= k.bottom &&
          k.top <= range.bottom &&
          range.left <= k.right &&
          k.left <= range.right
      );
      if (!single && !overlaps) kept.push(range);
    }
    return kept;
  });
}

/** A sheet of up to 40 × 12 cells, anywhere near the top left, with a few merged areas. */
export const sheetGrid: fc.Arbitrary<SheetGrid> = fc
  .record({
    rows: fc.integer({ min: 1, max: 40 }),
    cols: fc.integer({ min: 1, max: 12 }),
    origin: fc.record({ row: fc.nat({ max: 5 }), col: fc.nat({ max: 3 }) }),
  })
  .chain(({ rows, cols, origin }) =>
    fc.record({
      name: fc.constant("自评表"),
      origin: fc.constant(origin),
      values: fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      merges: merges(origin, rows, cols),
    })
  );

/**
 * The smallest sheets that hung the detector: a closed table (header, one indicator, a 总分
 * row left of the indicator names) followed by a row holding only a goal label. A goal label
 * after a closed table opened a table with no header, and finishing that table never ended.
 */
export const HUNG_SHEETS: SheetGrid[] = ["目标1", "年度目标2："].map((label) => ({
  name: "自评表",
  origin: { row: 0, col: 0 },
  values: [
    [null, "三级指标", "目标值", "完成值", "分值", "得分"],
    [null, "培训人数", "100人", "100人", 100, 100],
    ["总分", null, null, null, 100, 100],
    [label, null, null, null, null, null],
  ],
  merges: [],
}));

/** What the test asks the worker thread to run. */
export type TerminationRun =
  | { kind: "random"; seed: number; numRuns: number; caseLimitMs: number }
  | { kind: "fixed"; grids: SheetGrid[]; caseLimitMs: number };

/** What the worker thread tells the test: loaded, about to run a sheet, all done, or a failed case. */
export type TerminationReport =
  | { kind: "ready" }
  | { kind: "case"; index: number; grid: SheetGrid }
  | { kind: "done"; cases: number }
  | { kind: "failed"; message: string };

/** A sheet as a reader can check it: origin, merges, then one line per row (1-based Excel rows). */
export function showGrid(grid: SheetGrid): string {
  const width = Math.max(0, ...grid.values.map((r) => r.length));
  const lines = [
    `sheet at row ${grid.origin.row + 1}, column ${grid.origin.col + 1}; ${grid.values.length} × ${width}; merges: ${grid.merges.map(rangeAddress).join(", ") || "none"}`,
    ...grid.values.map(
      (row, i) =>
        `  ${String(grid.origin.row + i + 1).padStart(3)} | ${row.map((v) => (v === null ? "·" : JSON.stringify(v))).join(" | ")}`
    ),
    `JSON: ${JSON.stringify(grid)}`,
  ];
  return lines.join("\n");
}
