import { GOAL_LABEL, GRADE_WORDS, TOTAL_LABELS } from "../vocabulary/headers";
import { indicatorHeaderAt } from "./headers";
import { ReadCell, numberOf, pointsOf } from "../read-cell";
import { compact, headerKey } from "../text";
import { SheetRows } from "./sheet-rows";
import { IndicatorBlock, TotalRow } from "./types";

/** A table has 100 points: a larger number in a total row is its 分值 or something else. */
const MAX_TOTAL = 100;

export type Totals = { total: TotalRow | null; subtotal: TotalRow | null; lastRow: number };

type TotalCandidate = TotalRow & { strong: boolean; statedWeight: number | null };

export function isTotalRow(rows: SheetRows, row: number): boolean {
  return rows.hasLabel(row, TOTAL_LABELS.strong) || rows.hasLabel(row, TOTAL_LABELS.weak);
}

/** The next row with anything in it, or null at the end of the sheet. */
export function nextNonEmpty(rows: SheetRows, row: number): number | null {
  for (let r = row + 1; r <= rows.bottom; r++) if (!rows.rowIsEmpty(r)) return r;
  return null;
}

/**
 * A `合计` that closes one block of a department table rather than the table: the next row
 * starts another 年度目标 block.
 */
export function isBlockSubtotal(rows: SheetRows, row: number): boolean {
  if (!rows.hasLabel(row, TOTAL_LABELS.weak) || rows.hasLabel(row, TOTAL_LABELS.strong))
    return false;
  const next = nextNonEmpty(rows, row);
  return (
    next !== null && (rows.hasLabel(next, GOAL_LABEL) || indicatorHeaderAt(rows, next) !== null)
  );
}

/**
 * Reads the total rows that close a table, starting at the first (a `合计` may be followed by
 * `自评总分`). The table's total is the row that includes the budget score: a `自评总分` or
 * `总分` row, else a `合计` that is not only the indicators' subtotal.
 */
export function readTotals(
  rows: SheetRows,
  first: number,
  blocks: IndicatorBlock[],
  hasBudget: boolean
): Totals {
  const candidates: TotalCandidate[] = [];
  let lastRow = first;
  for (let r = first; r <= rows.bottom; r++) {
    if (rows.rowIsEmpty(r)) continue;
    if (!isTotalRow(rows, r)) break;
    candidates.push(readTotalCandidate(rows, r, blocks));
    lastRow = r;
  }
  const indicatorWeights = blocks
    .flatMap((b) => b.rows)
    .reduce((sum, row) => sum + Math.round((row.weight ?? 0) * 100), 0);
  const isSubtotal = (c: TotalCandidate) =>
    !c.strong &&
    hasBudget &&
    ((c.statedWeight !== null &&
      Math.round(c.statedWeight * 100) === indicatorWeights &&
      indicatorWeights < MAX_TOTAL * 100) ||
      candidates.some((other) => other.strong && other.row > c.row));
  const strong = candidates.filter((c) => c.strong);
  const total = strong[strong.length - 1] ?? candidates.find((c) => !isSubtotal(c)) ?? null;
  const subtotal = candidates.find((c) => c !== total && isSubtotal(c)) ?? null;
  return { total: total && asTotalRow(total), subtotal: subtotal && asTotalRow(subtotal), lastRow };
}

function asTotalRow({ row, label, reported, reportedGrade }: TotalCandidate): TotalRow {
  return { row, label, reported, reportedGrade };
}

function readTotalCandidate(
  rows: SheetRows,
  row: number,
  blocks: IndicatorBlock[]
): TotalCandidate {
  const own = rows.ownTexts(row);
  const labelCell =
    own.find((o) => TOTAL_LABELS.strong.test(headerKey(o.text))) ??
    own.find((o) => TOTAL_LABELS.weak.test(headerKey(o.text)));
  const label = labelCell?.text ?? "";
  const lastBlock = blocks[blocks.length - 1];
  const weightCol = lastBlock?.columns.weight;
  const statedWeight = weightCol !== undefined ? pointsOf(rows.read(row, weightCol)) : null;
  return {
    row,
    label,
    strong: TOTAL_LABELS.strong.test(headerKey(label)),
    statedWeight,
    reported: reportedTotal(rows, row, lastBlock, labelCell?.col ?? rows.left),
    reportedGrade: own.map((o) => compact(o.text)).find((t) => GRADE_WORDS.test(t)) ?? null,
  };
}

/**
 * The score column's number, else the rightmost number right of the label that can be a
 * total (a row shifted by a column puts the score under 分值); a lone 100 under 分值 is the
 * table's points, not its score.
 */
function reportedTotal(
  rows: SheetRows,
  row: number,
  block: IndicatorBlock | undefined,
  labelCol: number
): ReadCell | null {
  const canBeTotal = (cell: ReadCell) => {
    const value = numberOf(cell);
    return value !== null && value >= 0 && value <= MAX_TOTAL;
  };
  const scoreCol = block?.columns.score;
  if (scoreCol !== undefined) {
    const cell = rows.read(row, scoreCol);
    if (canBeTotal(cell)) return cell;
  }
  const numbers: ReadCell[] = [];
  for (let c = labelCol + 1; c <= rows.right; c++) {
    const cell = rows.read(row, c);
    if (canBeTotal(cell)) numbers.push(cell);
  }
  const last = numbers[numbers.length - 1];
  if (
    !last ||
    (numbers.length === 1 && last.col === block?.columns.weight && numberOf(last) === MAX_TOTAL)
  )
    return null;
  return last;
}
