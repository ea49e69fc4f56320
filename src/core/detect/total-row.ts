import { GRADE_WORDS, TOTAL_LABELS } from '../vocabulary/headers';
import { ReadCell, numberOf } from '../read-cell';
import { compact, headerKey } from '../text';
import { SheetRows } from './sheet-rows';
import { IndicatorBlock, TotalRow } from './types';

/** A table has 100 points: a larger number in a total row is its 分值 or something else. */
const MAX_TOTAL = 100;

export type Totals = { total: TotalRow | null; subtotal: TotalRow | null; lastRow: number };

type Candidate = TotalRow & { strong: boolean; statedWeight: number | null };

export function isTotalRow(rows: SheetRows, row: number): boolean {
  return rows.hasLabel(row, TOTAL_LABELS.strong) || rows.hasLabel(row, TOTAL_LABELS.weak);
}

/**
 * Reads the total rows that close a table, starting at the first (a `合计` may be followed by
 * `自评总分`). The table's total is the row that includes the budget score: a `自评总分` or
 * `总分` row, else a `合计` that is not only the indicators' subtotal.
 */
export function readTotals(rows: SheetRows, first: number, blocks: IndicatorBlock[], hasBudget: boolean): Totals {
  const candidates: Candidate[] = [];
  let lastRow = first;
  for (let r = first; r <= rows.bottom; r++) {
    if (rows.rowIsEmpty(r)) continue;
    if (!isTotalRow(rows, r)) break;
    candidates.push(readCandidate(rows, r, blocks));
    lastRow = r;
  }
  const indicatorWeights = blocks.flatMap((b) => b.rows).reduce((sum, row) => sum + Math.round((row.weight ?? 0) * 100), 0);
  const isSubtotal = (c: Candidate) =>
    !c.strong &&
    hasBudget &&
    ((c.statedWeight !== null && Math.round(c.statedWeight * 100) === indicatorWeights && indicatorWeights < MAX_TOTAL * 100) ||
      candidates.some((other) => other.strong && other.row > c.row));
  const strong = candidates.filter((c) => c.strong);
  const total = strong[strong.length - 1] ?? candidates.find((c) => !isSubtotal(c)) ?? null;
  const subtotal = candidates.find((c) => c !== total && isSubtotal(c)) ?? null;
  return { total: total && plain(total), subtotal: subtotal && plain(subtotal), lastRow };
}

function plain({ row, label, reported, reportedGrade }: Candidate): TotalRow {
  return { row, label, reported, reportedGrade };
}

function readCandidate(rows: SheetRows, row: number, blocks: IndicatorBlock[]): Candidate {
  const own = rows.ownTexts(row);
  const labelCell = own.find((o) => TOTAL_LABELS.strong.test(headerKey(o.text))) ?? own.find((o) => TOTAL_LABELS.weak.test(headerKey(o.text)));
  const label = labelCell?.text ?? '';
  const lastBlock = blocks[blocks.length - 1];
  const weightCol = lastBlock?.columns.weight;
  const statedWeight = weightCol !== undefined ? rows.numberAt(row, weightCol) : null;
  return {
    row,
    label,
    strong: TOTAL_LABELS.strong.test(headerKey(label)),
    statedWeight,
    reported: reportedTotal(rows, row, lastBlock, labelCell?.col ?? rows.left),
    reportedGrade: own.map((o) => compact(o.text)).find((t) => GRADE_WORDS.test(t)) ?? null,
  };
}

/** The score column's number, else the rightmost number right of the label that can be a total. */
function reportedTotal(rows: SheetRows, row: number, block: IndicatorBlock | undefined, labelCol: number): ReadCell | null {
  const canBeTotal = (cell: ReadCell) => {
    const value = numberOf(cell);
    return value !== null && value >= 0 && value <= MAX_TOTAL;
  };
  const scoreCol = block?.columns.score;
  if (scoreCol !== undefined) {
    const cell = rows.read(row, scoreCol);
    if (canBeTotal(cell)) return cell;
  }
  for (let c = rows.right; c > labelCol; c--) {
    if (c === block?.columns.weight) continue;
    const cell = rows.read(row, c);
    if (canBeTotal(cell)) return cell;
  }
  return null;
}
