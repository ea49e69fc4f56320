import {
  BUDGET_BLOCK_LABEL,
  BUDGET_ROW_LABELS,
  GOAL_LABEL,
  TOTAL_LABELS,
} from "../vocabulary/headers";
import { parseCell } from "../parse";
import { ReadCell, numberOf, pointsOf } from "../read-cell";
import { compact, headerKey, splitWeight } from "../text";
import { BudgetHeader, budgetHeaderAt, indicatorHeaderAt } from "./headers";
import { SheetRows } from "./sheet-rows";
import { BudgetBlock } from "./types";

/** A budget block has one header and a handful of rows: 年度资金总额 and its parts. */
const MAX_BUDGET_ROWS = 8;

type BudgetRowCandidate = { row: number; label: string; total: boolean };

/** Reads the budget execution block under its header. */
export function readBudgetBlock(
  rows: SheetRows,
  headerRow: number,
  header: BudgetHeader
): BudgetBlock {
  const { columns } = header;
  // Per row, the first of the planned columns that holds something (调整后预算数 left blank falls back).
  const planned = (r: number) =>
    header.planned.find((c) => !rows.isEmpty(r, c)) ?? header.planned[0];
  const candidates: BudgetRowCandidate[] = [];
  let lastRow = headerRow;
  for (let r = headerRow + 1; r <= Math.min(rows.bottom, headerRow + MAX_BUDGET_ROWS); r++) {
    if (rows.rowIsEmpty(r) || indicatorHeaderAt(rows, r) || budgetHeaderAt(rows, r)) break;
    if (rows.hasLabel(r, GOAL_LABEL) || rows.hasLabel(r, TOTAL_LABELS.strong)) break;
    const label = labelLeftOf(rows, r, Math.min(...header.planned));
    const hasNumbers =
      rows.numberAt(r, planned(r)) !== null || rows.numberAt(r, header.executed) !== null;
    const key = headerKey(label);
    if (!hasNumbers && !BUDGET_ROW_LABELS.total.test(key) && !BUDGET_ROW_LABELS.part.test(key))
      break;
    candidates.push({ row: r, label, total: BUDGET_ROW_LABELS.total.test(key) });
    lastRow = r;
  }
  const chosen =
    candidates.find((c) => c.total) ??
    candidates.find((c) => rows.numberAt(c.row, planned(c.row)) !== null) ??
    candidates[0];
  const row = chosen?.row ?? headerRow;
  const weightCell = columns.weight !== undefined ? pointsOf(rows.read(row, columns.weight)) : null;
  const amounts = chosen
    ? amountsOf(rows, chosen, candidates, planned, header.executed)
    : { planned: null, executed: null, summedRows: null };
  return {
    row,
    columns: Object.values(columns).filter((c): c is number => c !== undefined),
    label: chosen?.label ?? "",
    weight: weightCell ?? statedBudgetWeight(rows, headerRow, lastRow, columns.score),
    ...amounts,
    reported: chosen && columns.score !== undefined ? rows.read(row, columns.score) : null,
    firstRow: headerRow,
    lastRow,
  };
}

/**
 * The amounts of the total row; where a form leaves the total row at 0 or empty and puts the
 * money in its `其中` rows, their sum.
 */
function amountsOf(
  rows: SheetRows,
  chosen: BudgetRowCandidate,
  candidates: BudgetRowCandidate[],
  plannedCol: (row: number) => number,
  executedCol: number
): Pick<BudgetBlock, "planned" | "executed" | "summedRows"> {
  const planned = rows.read(chosen.row, plannedCol(chosen.row));
  const executed = rows.read(chosen.row, executedCol);
  const plannedValue = numberOf(planned);
  if (!chosen.total || (plannedValue !== null && plannedValue > 0))
    return { planned, executed, summedRows: null };
  const parts = candidates.filter(
    (c) => c.row > chosen.row && (numberOf(rows.read(c.row, plannedCol(c.row))) ?? 0) > 0
  );
  if (parts.length === 0) return { planned, executed, summedRows: null };
  const sum = (col: (row: number) => number): ReadCell => {
    const cents = parts.reduce(
      (s, c) => s + Math.round((numberOf(rows.read(c.row, col(c.row))) ?? 0) * 100),
      0
    );
    const value = cents / 100;
    return {
      row: parts[0].row,
      col: col(parts[0].row),
      text: String(value),
      parsed: parseCell(value),
    };
  };
  return {
    planned: sum(plannedCol),
    executed: sum(() => executedCol),
    summedRows: parts.map((p) => p.row),
  };
}

/** The weight the block states: `预算执行情况（万元）（20分）`, else `得分（20分*执行率）`. */
function statedBudgetWeight(
  rows: SheetRows,
  first: number,
  last: number,
  scoreCol: number | undefined
): number | null {
  for (let r = first; r <= last; r++) {
    for (let c = rows.left; c <= rows.right; c++) {
      const text = rows.text(r, c);
      const weight = BUDGET_BLOCK_LABEL.test(headerKey(text)) ? splitWeight(text).weight : null;
      if (weight !== null) return weight;
    }
  }
  if (scoreCol === undefined) return null;
  const match = /(\d+(?:\.\d+)?)\s*分/.exec(compact(rows.text(first, scoreCol)));
  return match ? Number(match[1]) : null;
}

/** The rightmost text left of a column, skipping a block label merged down from above. */
function labelLeftOf(rows: SheetRows, row: number, col: number): string {
  for (let c = col - 1; c >= rows.left; c--) {
    const text = rows.text(row, c);
    if (
      text === "" ||
      BUDGET_BLOCK_LABEL.test(headerKey(text)) ||
      rows.read(row, c).parsed.kind === "number"
    )
      continue;
    return text;
  }
  return "";
}
