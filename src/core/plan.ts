import { cellAddress } from "./address";
import { Flag, IndicatorFlag, TableResult } from "./evaluate";
import { GridView, SheetGrid } from "./grid";
import { isDismissed, markCounts, markedNotes, openFlags } from "./marks";
import { Grade } from "./policy";

/** Colours as ARGB, the form .xlsx styles take (Office.js takes them as `#RRGGBB`). */
export const COLORS = {
  unfinished: "FFF8CBAD",
  weak: "FFFFE699",
  vague: "FFD9D2E9",
  mismatch: "FFFF8F8F",
  header: "FFE2EFDA",
} as const;

export type HighlightKind = "unfinished" | "weak" | "vague" | "mismatch";

/** A cell the tool owns: written on rescore, emptied again on clear. */
export type OutputCell = {
  sheet: string;
  row: number;
  col: number;
  value: string | number;
  numberFormat?: string;
  bold?: boolean;
  fill?: string;
  wrap?: boolean;
  /** An internal link, for the summary sheet. */
  link?: { sheet: string; row: number; col: number };
};

/** A fill on a cell the user filled: the value stays, the original fill is remembered. */
export type Highlight = {
  sheet: string;
  row: number;
  col: number;
  kind: HighlightKind;
  fill: string;
};

export type TablePlan = {
  sheet: string;
  range: string;
  scoreCol: number;
  remarkCol: number;
  outputs: OutputCell[];
  highlights: Highlight[];
};

export type PlanProblem = { sheet: string; range: string; message: string };

export type WritePlan = {
  tables: TablePlan[];
  /** Widths (in characters) for the output columns, per sheet. */
  widths: { sheet: string; col: number; width: number }[];
  summary: { name: string; cells: OutputCell[]; widths: number[] };
  problems: PlanProblem[];
};

export const SUMMARY_SHEET = "复核汇总";
export const HEADERS = { score: "复核得分", remark: "复核意见" } as const;
/** Excel's last column (XFD). */
const LAST_COLUMN = 16383;

const LEGEND: [HighlightKind, string, string][] = [
  ["unfinished", "未完成", "完成值未达到目标值"],
  ["weak", "目标偏低", "完成值远超目标值，目标值设置偏低"],
  ["vague", "目标不明确", "目标值无可衡量的水平"],
  ["mismatch", "得分不符", "填报得分与复核得分不符"],
];

/** Flags counted in the summary sheet, with their column titles. */
export const FLAG_TITLES: [Flag, string][] = [
  ["unfinished", "未完成"],
  ["weak-target", "目标偏低"],
  ["vague-target", "目标不明确"],
  ["score-mismatch", "得分不符"],
  ["total-mismatch", "总分不符"],
  ["weight-mismatch", "分值不符"],
  ["qualitative-tier", "定性档次不符"],
  ["missing-reason", "缺偏差原因"],
  ["unreadable", "无法识别"],
  ["too-few-indicators", "个性指标不足"],
  ["missing-dimension", "缺少维度"],
  ["unit-mismatch", "单位不可比"],
  ["unfilled", "未填报"],
];

/** The summary's columns after the flags: findings the reviewer checked, and dismissed. */
export const MARK_TITLES = ["已核实", "已忽略"] as const;

/** A grade, or what stands in its place for a table that could not be scored. */
export type GradeText = Grade | "未填报" | "未评分";

export function gradeText(table: TableResult): GradeText {
  if (table.grade !== null) return table.grade;
  return table.flags.includes("unfilled") ? "未填报" : "未评分";
}

const SCORE_FORMAT = "0.00";

/**
 * Plans the write-back: two columns right of each table (复核得分, 复核意见) in the first
 * columns that are empty in all of the table's rows, highlights on flagged rows, a legend per
 * table, and the 复核汇总 sheet. Grids must be read from the workbook without earlier annotations.
 * The reviewer's marks come on the results (`applyMarks`): a dismissed finding is neither
 * highlighted nor counted, and the 复核意见 column says which findings were checked or dismissed.
 */
export type PlanOptions = {
  highlight: boolean;
  /**
   * Protected sheets: neither host writes into one (Excel cannot; the file host keeps the same
   * rule), so their tables are scored, listed in the summary and reported, but not annotated.
   */
  lockedSheets?: ReadonlySet<string>;
  /** The workbook's sheet names once earlier annotations are out: the summary sheet takes a name none of them has. */
  sheetNames?: readonly string[];
};

export function planWriteBack(
  tables: TableResult[],
  sheets: SheetGrid[],
  options: PlanOptions = { highlight: true }
): WritePlan {
  const views = new Map(sheets.map((s) => [s.name, new GridView(s)]));
  const plan: WritePlan = {
    tables: [],
    widths: [],
    summary: summaryPlan(tables, freeSheetName(SUMMARY_SHEET, options.sheetNames ?? [])),
    problems: [],
  };
  for (const table of tables) {
    const view = views.get(table.sheet);
    if (!view) continue;
    if (options.lockedSheets?.has(table.sheet)) {
      plan.problems.push({ sheet: table.sheet, range: table.range, message: lockedMessage(table) });
      continue;
    }
    const tablePlan = planTable(table, view, options);
    if (typeof tablePlan === "string") {
      plan.problems.push({ sheet: table.sheet, range: table.range, message: tablePlan });
      continue;
    }
    plan.tables.push(tablePlan);
    for (const [col, width] of [
      [tablePlan.scoreCol, 10],
      [tablePlan.remarkCol, 42],
    ] as const) {
      if (!plan.widths.some((w) => w.sheet === table.sheet && w.col === col))
        plan.widths.push({ sheet: table.sheet, col, width });
    }
  }
  return plan;
}

function lockedMessage(table: TableResult): string {
  return `工作表“${table.sheet}”受保护，表格 ${table.range} 的复核结果未写入表旁（已列入复核汇总）；撤销工作表保护后可重新复核。`;
}

function planTable(table: TableResult, view: GridView, options: PlanOptions): TablePlan | string {
  const t = table.detected;
  const writeRows = new Set<number>();
  for (const block of t.blocks) writeRows.add(block.headerRow);
  for (const i of table.indicators) writeRows.add(i.row - 1);
  if (t.budget) writeRows.add(t.budget.row);
  if (t.total) writeRows.add(t.total.row);
  const legendRows = options.highlight ? legendRowsOf(table) : [];
  for (const r of legendRows) writeRows.add(r);

  const found = findOutputColumns(
    view,
    t.top,
    Math.max(t.bottom, ...legendRows),
    t.right + 1,
    writeRows
  );
  if (typeof found === "string") return `工作表“${table.sheet}”的表格 ${table.range}：${found}`;
  const { scoreCol, remarkCol } = found;
  const outputs: OutputCell[] = [];
  const highlights: Highlight[] = [];
  const out = (row: number, col: number, value: string | number, extra: Partial<OutputCell> = {}) =>
    outputs.push({ sheet: table.sheet, row, col, value, ...extra });
  const marked = new Set<string>();
  const mark = (row: number, col: number, kind: HighlightKind) => {
    if (!options.highlight || marked.has(`${row},${col}`)) return;
    marked.add(`${row},${col}`);
    highlights.push({ sheet: table.sheet, row, col, kind, fill: COLORS[kind] });
  };

  for (const block of t.blocks) {
    out(block.headerRow, scoreCol, HEADERS.score, { bold: true, fill: COLORS.header });
    out(block.headerRow, remarkCol, HEADERS.remark, { bold: true, fill: COLORS.header });
  }
  if (table.budget && t.budget) {
    out(t.budget.row, scoreCol, table.budget.score, { numberFormat: SCORE_FORMAT });
    if (table.budget.notes.length)
      out(t.budget.row, remarkCol, markedNotes(table.budget.notes, table).join("；"), {
        wrap: true,
      });
    // The table's score-mismatch flag is the budget row's: indicators carry their own.
    if (openFlags(table).includes("score-mismatch") && t.budget.reported)
      mark(t.budget.reported.row, t.budget.reported.col, "mismatch");
  }
  for (const i of table.indicators) {
    const row = i.row - 1;
    // An unscored (unfilled) table gets no row scores: a column of zeros would read as a verdict.
    if (table.total !== null) out(row, scoreCol, i.score, { numberFormat: SCORE_FORMAT });
    if (i.notes.length) out(row, remarkCol, markedNotes(i.notes, i).join("；"), { wrap: true });
    const flags = openFlags(i);
    const kind = rowHighlight(flags);
    if (kind) {
      if (i.cells.target) mark(i.cells.target.row, i.cells.target.col, kind);
      if (i.cells.actual) mark(i.cells.actual.row, i.cells.actual.col, kind);
    }
    if ((flags.includes("score-mismatch") || flags.includes("qualitative-tier")) && i.cells.score) {
      mark(i.cells.score.row, i.cells.score.col, "mismatch");
    }
  }
  if (t.total) {
    if (table.total !== null)
      out(t.total.row, scoreCol, table.total, { numberFormat: SCORE_FORMAT, bold: true });
    const onBudgetRow = new Set(t.budget ? table.budget?.notes : []);
    const rest = table.notes.filter((n) => !onBudgetRow.has(n));
    const grade = table.grade === null ? [] : [`等级：${table.grade}`];
    out(t.total.row, remarkCol, [...grade, ...markedNotes(rest, table)].join("；"), {
      bold: true,
      wrap: true,
    });
    if (openFlags(table).includes("total-mismatch") && t.total.reported)
      mark(t.total.reported.row, t.total.reported.col, "mismatch");
  }
  legendRows.forEach((row, k) => {
    const [kind, label, meaning] = LEGEND[k];
    out(row, scoreCol, label, { fill: COLORS[kind] });
    out(row, remarkCol, meaning);
  });
  return { sheet: table.sheet, range: table.range, scoreCol, remarkCol, outputs, highlights };
}

/** One fill per row, the most serious flag first. */
function rowHighlight(flags: IndicatorFlag[]): HighlightKind | null {
  if (flags.includes("unfinished")) return "unfinished";
  if (flags.includes("weak-target")) return "weak";
  if (flags.includes("vague-target")) return "vague";
  return null;
}

/** The legend takes four rows above the table's first block where the title rows leave room, else four rows below it. */
function legendRowsOf(table: TableResult): number[] {
  const t = table.detected;
  const first = Math.min(t.budget?.firstRow ?? Infinity, ...t.blocks.map((b) => b.headerRow));
  const start = first - t.top >= LEGEND.length ? first - LEGEND.length : t.bottom + 1;
  return LEGEND.map((_, k) => start + k);
}

function findOutputColumns(
  view: GridView,
  top: number,
  bottom: number,
  from: number,
  writeRows: Set<number>
): { scoreCol: number; remarkCol: number } | string {
  // Only merges that cover a row written can block a column.
  const rows = [...writeRows].sort((a, b) => a - b);
  const coversWrittenRow = (m: { top: number; bottom: number }) => {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < m.top) lo = mid + 1;
      else hi = mid;
    }
    return lo < rows.length && rows[lo] <= m.bottom;
  };
  const merges = view.grid.merges.filter(
    (m) => m.bottom >= top && m.top <= bottom && m.right >= from && coversWrittenRow(m)
  );
  let blockedByMerge = false;
  const free = (col: number) => {
    for (let r = top; r <= bottom; r++) if (view.rawValue(r, col) !== null) return false;
    if (merges.some((m) => col >= m.left && col <= m.right)) {
      blockedByMerge = true;
      return false;
    }
    return true;
  };
  for (let c = from; c < LAST_COLUMN; c++) {
    if (free(c) && free(c + 1)) return { scoreCol: c, remarkCol: c + 1 };
  }
  return blockedByMerge
    ? "右侧各列被合并单元格或已填内容占满，无法写入复核列；请取消跨越表格右侧的合并单元格后重试。"
    : "右侧直到最后一列都已有内容，无法写入复核列。";
}

/** `复核汇总`, or `复核汇总 (2)` when the user already has a sheet by that name (Excel compares names without case). */
export function freeSheetName(name: string, taken: readonly string[]): string {
  const names = new Set(taken.map((n) => n.toLowerCase()));
  let candidate = name;
  for (let k = 2; names.has(candidate.toLowerCase()); k++) candidate = `${name} (${k})`;
  return candidate;
}

/** The 复核汇总 sheet's cells for these tables, under the given name. */
export function summaryPlan(tables: TableResult[], name: string): WritePlan["summary"] {
  const cells: OutputCell[] = [];
  const header = [
    "工作表",
    "项目或目标",
    "表格位置",
    "复核总分",
    "填报总分",
    "等级",
    ...FLAG_TITLES.map(([, title]) => title),
    ...MARK_TITLES,
  ];
  header.forEach((value, col) =>
    cells.push({ sheet: name, row: 0, col, value, bold: true, fill: COLORS.header })
  );
  tables.forEach((table, k) => {
    const row = k + 1;
    const counts = FLAG_TITLES.map(([flag]) => countFlag(table, flag));
    const marked = markCounts(table);
    const link = { sheet: table.sheet, row: table.detected.top, col: table.detected.left };
    const values: (string | number)[] = [
      table.sheet,
      tableName(table),
      table.range,
      table.total ?? "",
      table.reportedTotal ?? "未填",
      gradeText(table),
      ...counts,
      marked.checked,
      marked.dismissed,
    ];
    values.forEach((value, col) =>
      cells.push({
        sheet: name,
        row,
        col,
        value,
        ...(col === 0 ? { link } : {}),
        ...(col === 3 ? { numberFormat: SCORE_FORMAT } : {}),
      })
    );
  });
  return {
    name,
    cells,
    widths: [14, 36, 12, 10, 10, 6, ...FLAG_TITLES.map(() => 10), ...MARK_TITLES.map(() => 8)],
  };
}

export function tableName(table: TableResult): string {
  const goals = [
    ...new Set(table.indicators.map((i) => i.goal).filter((g): g is string => g !== null)),
  ];
  return table.projectName ?? (goals.length === 1 ? goals[0] : null) ?? table.title ?? table.sheet;
}

/** Rows carrying a flag, or 1 for a table-level flag; a finding the reviewer dismissed is not counted. */
export function countFlag(table: TableResult, flag: Flag): number {
  const carries = (result: { flags: Flag[]; marks?: TableResult["marks"] }) =>
    result.flags.includes(flag) && !isDismissed(result, flag);
  return table.indicators.filter(carries).length + (carries(table) ? 1 : 0);
}

export function linkAddress(link: { sheet: string; row: number; col: number }): string {
  return `'${link.sheet.replace(/'/g, "''")}'!${cellAddress(link.row, link.col)}`;
}
