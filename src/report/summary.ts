import { cellAddress } from "../core/address";
import { FindingMark, Flag, TableResult } from "../core/evaluate";
import { CHECKED, DISMISSED } from "../core/marks";
import { FLAG_TITLES, GradeText, countFlag, gradeText, tableName } from "../core/plan";
import { fromCents, toCents } from "../core/rounding";

/** One table of one file, as the reviewers' summary lists it. */
export type SummaryRow = {
  file: string;
  sheet: string;
  range: string;
  unit: string;
  project: string;
  /** Null for a table that could not be scored (not filled in, or no indicators). */
  total: number | null;
  reportedTotal: number | null;
  /** Reported minus computed, to the cent; null where no total was reported. */
  difference: number | null;
  /** The grade, or what stands for it: 未填报, 未评分. */
  grade: GradeText;
  flags: Record<Flag, number>;
  /** How much the table needs a reviewer: higher first. */
  attention: number;
  /** Why the table could not be scored at all, in one sentence; null when it was. */
  error: string | null;
};

/** A file that gave no table to score (unreadable, not .xlsx, no table in it), with the reason. */
export type UnscoredFile = { file: string; error: string };

/** One flagged row or table, with the cell a reviewer should look at. */
export type Finding = {
  /** The reviewer's marks on it, in words (已核实, 已忽略：reason); empty when none. */
  marked: string;
  file: string;
  sheet: string;
  cell: string;
  name: string;
  flags: Flag[];
  reason: string;
};

export type WeakTarget = {
  file: string;
  sheet: string;
  cell: string;
  name: string;
  target: string;
  actual: string;
  ratio: number;
};

/** What a file's rescore gives the summary and the report. */
export type FileSummary = { rows: SummaryRow[]; findings: Finding[]; weakTargets: WeakTarget[] };

/** The weight of each flag in the attention score: mismatched totals and unreadable rows first. */
export const ATTENTION: Record<Flag, number> = {
  "total-mismatch": 100,
  unreadable: 50,
  "score-mismatch": 20,
  "qualitative-tier": 10,
  "weight-mismatch": 10,
  "missing-reason": 8,
  "missing-dimension": 8,
  "too-few-indicators": 6,
  "weak-target": 5,
  "vague-target": 3,
  unfinished: 2,
  "unit-mismatch": 10,
  unfilled: 30,
};

export function summarizeFile(file: string, tables: TableResult[]): FileSummary {
  const rows = tables.map((table) => summaryRow(file, table));
  const findings = tables.flatMap((table) => tableFindings(file, table));
  const weakTargets = tables.flatMap((table) =>
    table.indicators
      .filter((i) => i.flags.includes("weak-target") && i.ratio !== null)
      .map((i) => ({
        file,
        sheet: table.sheet,
        cell: cellAt(i.cells.target ?? i.cells.name),
        name: i.name,
        target: i.target,
        actual: i.actual,
        ratio: i.ratio as number,
      }))
  );
  return { rows, findings, weakTargets };
}

function summaryRow(file: string, table: TableResult): SummaryRow {
  const flags = Object.fromEntries(
    FLAG_TITLES.map(([flag]) => [flag, countFlag(table, flag)])
  ) as Record<Flag, number>;
  const difference =
    table.reportedTotal === null || table.total === null
      ? null
      : fromCents(toCents(table.reportedTotal) - toCents(table.total));
  const attention =
    FLAG_TITLES.reduce((sum, [flag]) => sum + ATTENTION[flag] * flags[flag], 0) +
    Math.round(Math.abs(difference ?? 0) * 10);
  return {
    file,
    sheet: table.sheet,
    range: table.range,
    unit: table.unitName ?? "",
    project: tableName(table),
    total: table.total,
    reportedTotal: table.reportedTotal,
    difference,
    grade: gradeText(table),
    flags,
    attention,
    error: table.error,
  };
}

const cellAt = (cell: { row: number; col: number }) => cellAddress(cell.row, cell.col);

function tableFindings(file: string, table: TableResult): Finding[] {
  const findings: Finding[] = table.indicators
    .filter((i) => i.flags.length > 0)
    .map((i) => ({
      file,
      sheet: table.sheet,
      cell: cellAt(i.cells.target ?? i.cells.name),
      name: i.name,
      flags: i.flags,
      reason: i.notes.join("；"),
      marked: markedText(i.marks),
    }));
  if (table.flags.length > 0 || table.error) {
    const at = table.detected.total?.row ?? table.detected.top;
    findings.unshift({
      file,
      sheet: table.sheet,
      cell: cellAddress(at, table.detected.left),
      name: tableName(table),
      flags: table.flags,
      reason: table.notes.join("；"),
      marked: markedText(table.marks),
    });
  }
  return findings;
}

/**
 * A row's marks as the lists say them, in the words of the 复核意见 column (`未完成 已忽略：reason`,
 * `未完成 已核实`), one per finding marked.
 */
function markedText(marks: FindingMark[] | undefined): string {
  return (marks ?? [])
    .map((m) => {
      const title = FLAG_TITLES.find(([flag]) => flag === m.flag)?.[1] ?? m.flag;
      const words = m.status === "dismissed" ? `${DISMISSED}${m.reason}` : CHECKED.slice(0, -1);
      return `${title} ${words}`;
    })
    .join("；");
}

/** The tables that need a reviewer most come first; then by file and sheet, so the order is stable. */
export function sortForReview(rows: SummaryRow[]): SummaryRow[] {
  return [...rows].sort(
    (a, b) =>
      b.attention - a.attention ||
      (a.total ?? -1) - (b.total ?? -1) ||
      a.file.localeCompare(b.file) ||
      a.sheet.localeCompare(b.sheet)
  );
}

export const SUMMARY_COLUMNS = [
  "文件",
  "工作表",
  "表格位置",
  "单位",
  "项目或目标",
  "复核总分",
  "填报总分",
  "差额",
  "等级",
  ...FLAG_TITLES.map(([, title]) => title),
  "关注度",
  "说明",
];

export function summaryCells(row: SummaryRow): (string | number | null)[] {
  return [
    row.file,
    row.sheet,
    row.range,
    row.unit,
    row.project,
    row.total,
    row.reportedTotal,
    row.difference,
    row.grade,
    ...FLAG_TITLES.map(([flag]) => row.flags[flag]),
    row.attention,
    row.error,
  ];
}

/** A file not scored, as a summary line: its name, 未评分 and the reason, nothing else. */
export function unscoredCells(file: UnscoredFile): (string | number | null)[] {
  const cells: (string | number | null)[] = SUMMARY_COLUMNS.map(() => null);
  cells[SUMMARY_COLUMNS.indexOf("文件")] = file.file;
  cells[SUMMARY_COLUMNS.indexOf("等级")] = "未评分";
  cells[SUMMARY_COLUMNS.indexOf("说明")] = file.error;
  return cells;
}

/**
 * Text a spreadsheet would take for a formula when it opens the CSV: OWASP's CSV-injection
 * list. Names come from submitted workbooks, so such text gets a leading `'` and stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: text neutralised against formulas and quoted where needed; numbers as they are. */
function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? String(value) : value.replace(FORMULA_START, "'$&");
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a byte-order mark, so that Excel opens the Chinese text as UTF-8. */
export function summaryCsv(rows: SummaryRow[], unscored: UnscoredFile[] = []): string {
  const lines = [SUMMARY_COLUMNS, ...rows.map(summaryCells), ...unscored.map(unscoredCells)].map(
    (cells) => cells.map(csvField).join(",")
  );
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
