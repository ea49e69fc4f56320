import {
  BUDGET_HEADER_RULES,
  BudgetRole,
  HEADER_MAX_LENGTH,
  INDICATOR_HEADER_RULES,
  IndicatorRole,
  RoleRule,
} from "../vocabulary/headers";
import { memoize } from "../memo";
import { headerKey, splitWeight } from "../text";
import { SheetRows } from "./sheet-rows";
import { IndicatorColumns } from "./types";

export type IndicatorHeader = {
  columns: IndicatorColumns;
  lastRow: number;
  labelWeight: number | null;
};
/** `planned`: the columns a budget row may be scored against, the preferred first. */
export type BudgetHeader = {
  columns: Partial<Record<BudgetRole, number>>;
  planned: number[];
  executed: number;
};

/** Header names hold none of these; data cells often do. */
const NOT_A_HEADER = /[0-9%‰≥≤<>=]/;

/** The role a header cell names, on its header key; null for data and notes. */
function roleOf<R>(rules: RoleRule<R>[], text: string): R | null {
  if (text === "" || text.length > 40) return null;
  // `2023年度指标值` names the same column as `年度指标值`.
  const key = headerKey(text).replace(/^\d{4}年/, "");
  if (key === "" || key.length > HEADER_MAX_LENGTH || NOT_A_HEADER.test(key)) return null;
  return rules.find((rule) => rule.pattern.test(key) && !rule.unless?.test(key))?.role ?? null;
}

/** Detection asks about every cell of every row; header names repeat. */
export const indicatorRole = memoize((text: string): IndicatorRole | null =>
  roleOf(INDICATOR_HEADER_RULES, text)
);
export const budgetRole = memoize((text: string): BudgetRole | null =>
  roleOf(BUDGET_HEADER_RULES, text)
);

/**
 * The column of each role in a row. Where two cells name one role, the shorter name is the
 * column's own (`实际完成值` over a block label `绩效指标完成情况`, `得分` over `绩效指标评分`);
 * on a tie the leftmost. A header cell merged down from the row above counts for this row too.
 */
function rolesOf<R extends string>(
  rows: SheetRows,
  row: number,
  role: (text: string) => R | null
): Partial<Record<R, number>> {
  const columns: Partial<Record<R, number>> = {};
  const lengths: Partial<Record<R, number>> = {};
  for (let c = rows.left; c <= rows.right; c++) {
    const text = rows.text(row, c);
    const found = role(text);
    if (found === null) continue;
    const length = headerKey(text).length;
    if (columns[found] === undefined || length < (lengths[found] as number)) {
      columns[found] = c;
      lengths[found] = length;
    }
  }
  return columns;
}

/** An indicator header: a target, an actual and a label column (一级, 二级 or the name). */
export function indicatorHeaderAt(rows: SheetRows, row: number): IndicatorHeader | null {
  const columns = rolesOf(rows, row, indicatorRole);
  const hasTarget = columns.target !== undefined || columns.adjustedTarget !== undefined;
  const hasLabel =
    columns.name !== undefined || columns.level1 !== undefined || columns.level2 !== undefined;
  if (!hasTarget || columns.actual === undefined || !hasLabel) return null;
  let lastRow = row;
  // Two-row headers: 年度指标值 over 指标性质 | 指标值 | 度量单位.
  const below = row + 1;
  if (below <= rows.bottom && isHeaderContinuation(rows, below)) {
    const lower = rolesOf(rows, below, indicatorRole);
    for (const [role, col] of Object.entries(lower) as [IndicatorRole, number][]) {
      for (const [r, c] of Object.entries(columns) as [IndicatorRole, number][])
        if (c === col) delete columns[r];
      columns[role] = col;
    }
    lastRow = below;
  }
  if (columns.name === undefined) columns.name = guessNameColumn(rows, columns);
  return { columns, lastRow, labelWeight: blockLabelWeight(rows, row, columns) };
}

/**
 * A lower header row: every cell of its own is a header name (at least two of them), or
 * every cell is merged down from the header above.
 */
function isHeaderContinuation(rows: SheetRows, below: number): boolean {
  if (rows.rowIsEmpty(below)) return false;
  const own = rows.ownTexts(below);
  return (
    own.length === 0 || (own.length >= 2 && own.every((cell) => indicatorRole(cell.text) !== null))
  );
}

/** Without a 三级指标 header, the name is the column just left of the target. */
function guessNameColumn(rows: SheetRows, columns: IndicatorColumns): number {
  const used = new Set(Object.values(columns));
  const target = columns.direction ?? columns.target ?? columns.adjustedTarget ?? rows.left;
  for (let c = target - 1; c >= rows.left; c--) if (!used.has(c)) return c;
  return columns.level2 ?? columns.level1 ?? target;
}

/** `年度绩效目标（80分）` left of the header names states the block's weight. */
function blockLabelWeight(rows: SheetRows, row: number, columns: IndicatorColumns): number | null {
  const first = Math.min(...Object.values(columns).filter((c): c is number => c !== undefined));
  for (let c = rows.left; c < first; c++) {
    const weight = splitWeight(rows.text(row, c)).weight;
    if (weight !== null) return weight;
  }
  return null;
}

/**
 * A budget header: the executed amount and the amount it is scored against — the adjusted
 * budget where the form has one (Sichuan), else the full-year budget, else the initial one.
 */
export function budgetHeaderAt(rows: SheetRows, row: number): BudgetHeader | null {
  const columns = rolesOf(rows, row, budgetRole);
  const planned = [columns.adjustedBudget, columns.planned, columns.initialBudget].filter(
    (c): c is number => c !== undefined
  );
  if (columns.executed === undefined || planned.length === 0) return null;
  return { columns, planned, executed: columns.executed };
}
