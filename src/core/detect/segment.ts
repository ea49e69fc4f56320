import { GOAL_LABEL, NARRATIVE_LABEL, NARRATIVE_REASON, TITLE_WORDS } from "../vocabulary/headers";
import { headerKey } from "../text";
import { readBudgetBlock } from "./budget-block";
import { budgetHeaderAt, indicatorHeaderAt } from "./headers";
import { goalOf, readIndicatorBlock } from "./indicator-block";
import { SheetRows } from "./sheet-rows";
import { isBlockSubtotal, isTotalRow, readTotals } from "./total-row";
import { DetectedTable, Goal } from "./types";

/**
 * Where the scan stands. A table exists only once a header (budget or indicator) has been
 * read: `open` tables take more blocks, `closed` ones (after a total, a narrative row or
 * other text) only narrative rows; a goal label waits for the block it names.
 */
type State =
  | { phase: "outside" }
  | { phase: "open"; table: DetectedTable }
  | { phase: "closed"; table: DetectedTable };

/**
 * Cuts a sheet into tables, row by row. Every step moves past at least the row it looked at,
 * so the scan ends on every input.
 */
export function segmentTables(rows: SheetRows): DetectedTable[] {
  const tables: DetectedTable[] = [];
  let state: State = { phase: "outside" };
  let goal: Goal | null = null;
  let lastEnd = rows.top - 1;

  const open = (at: number): DetectedTable => {
    if (state.phase !== "outside") lastEnd = Math.max(lastEnd, state.table.bottom);
    let top = lastEnd + 1;
    while (top < at && rows.rowIsEmpty(top)) top++;
    const table = emptyTable(rows, top, at);
    tables.push(table);
    state = { phase: "open", table };
    return table;
  };

  let r = rows.top;
  while (r <= rows.bottom) {
    const next = step(r);
    r = Math.max(r + 1, next);
  }
  return tables;

  /** Handles the row at `r` and returns the first row not yet handled. */
  function step(r: number): number {
    if (rows.rowIsEmpty(r)) return r + 1;
    const indicatorHeader = indicatorHeaderAt(rows, r);
    if (indicatorHeader) {
      const table = state.phase === "open" ? state.table : open(r);
      const block = readIndicatorBlock(rows, r, indicatorHeader, goal);
      goal = null;
      table.blocks.push(block);
      table.bottom = Math.max(table.bottom, block.lastRow);
      return block.lastRow + 1;
    }
    const budgetHeader = budgetHeaderAt(rows, r);
    if (
      budgetHeader &&
      state.phase === "open" &&
      state.table.budget &&
      state.table.blocks.length === 0 &&
      !titleBetween(state.table.budget.lastRow, r)
    ) {
      // Amounts between a table's budget block and its indicators (a 年度主要任务 list with
      // 预算数 and 执行数 per task) belong to the table and are not its budget.
      return r + 1;
    }
    if (budgetHeader) {
      const continues =
        state.phase === "open" && !state.table.budget && state.table.blocks.length === 0;
      // A goal label seen before a new table's budget belonged to nothing.
      if (!continues) goal = null;
      const table = continues && state.phase === "open" ? state.table : open(r);
      const budget = readBudgetBlock(rows, r, budgetHeader);
      table.budget = budget;
      table.bottom = Math.max(table.bottom, budget.lastRow);
      return budget.lastRow + 1;
    }
    const first = rows.firstOwnText(r);
    if (first && GOAL_LABEL.test(headerKey(first.text))) {
      const found = goalOf(first.text);
      goal = {
        text: found.text ?? rows.nextText(r, first.col) ?? first.text,
        weight: found.weight,
      };
      if (state.phase === "closed") leave(state.table);
      return r + 1;
    }
    if (state.phase === "outside" || (state.phase === "open" && state.table.blocks.length === 0))
      return r + 1;
    const table: DetectedTable = state.table;
    // A department table's block may end with its own 合计 before the next 年度目标.
    if (state.phase === "open" && isBlockSubtotal(rows, r)) return r + 1;
    if (state.phase === "open" && isTotalRow(rows, r)) {
      const totals = readTotals(rows, r, table.blocks, table.budget !== null);
      table.total = totals.total;
      table.subtotal = totals.subtotal;
      table.bottom = totals.lastRow;
      state = { phase: "closed", table };
      return readNarratives(table, totals.lastRow + 1);
    }
    if (first && NARRATIVE_LABEL.test(headerKey(first.text)) && first.col <= table.left + 1) {
      state = { phase: "closed", table };
      return readNarratives(table, r);
    }
    // A table without a total row ends where the next table's title or name rows begin.
    leave(table);
    return r + 1;
  }

  function leave(table: DetectedTable): void {
    lastEnd = Math.max(lastEnd, table.bottom);
    state = { phase: "outside" };
  }

  function titleBetween(from: number, to: number): boolean {
    for (let r = from + 1; r < to; r++) if (rows.hasLabel(r, TITLE_WORDS)) return true;
    return false;
  }

  function readNarratives(table: DetectedTable, from: number): number {
    let r = from;
    while (r <= rows.bottom) {
      const first = rows.firstOwnText(r);
      if (!first || !NARRATIVE_LABEL.test(headerKey(first.text))) break;
      if (NARRATIVE_REASON.test(first.text) && !table.narrativeReason) {
        const text = rows.ownTexts(r).find((own) => own.col > first.col && own.text !== first.text);
        table.narrativeReason = { row: r, col: text?.col ?? first.col + 1, text: text?.text ?? "" };
      }
      table.bottom = r;
      r++;
    }
    return r;
  }
}

function emptyTable(rows: SheetRows, top: number, at: number): DetectedTable {
  return {
    sheet: rows.view.name,
    kind: "project",
    title: null,
    projectName: null,
    unitName: null,
    top,
    left: rows.left,
    bottom: at,
    right: rows.right,
    budget: null,
    blocks: [],
    total: null,
    subtotal: null,
    narrativeReason: null,
  };
}
