import { CellRange } from "../core/address";

/**
 * Reading a property of a whole range at once: WPS, as Excel, gives null when the cells
 * differ. Such a range is read again column by column, and a column that still differs in
 * halves, so the calls grow with the number of alike runs, not with the number of cells.
 */
export function eachUniform<T>(
  area: CellRange,
  read: (area: CellRange) => T | null,
  found: (area: CellRange, value: T) => void,
  /** What a single cell that still reads null is taken for. */
  fallback: T
): void {
  const value = read(area);
  if (value !== null) {
    found(area, value);
    return;
  }
  if (area.left === area.right && gallop(area, read, found, fallback)) return;
  const parts = splitByColumnThenRows(area);
  if (!parts) found(area, fallback);
  else for (const part of parts) eachUniform(part, read, found, fallback);
}

/**
 * A column whose cells differ: blocks of 1, 2, 4… cells are read from both ends in turn, so a
 * change near either end (a table's formats change in its header and total rows) is found in
 * calls that grow with its distance from that end, not with the column's length. False when
 * the blocks meet first.
 */
function gallop<T>(
  area: CellRange,
  read: (area: CellRange) => T | null,
  found: (area: CellRange, value: T) => void,
  fallback: T
): boolean {
  const rows = area.bottom - area.top + 1;
  for (let size = 1; size * 2 < rows; size *= 2) {
    const head = { ...area, bottom: area.top + size - 1 };
    if (read(head) === null) {
      eachUniform(head, read, found, fallback);
      eachUniform({ ...area, top: head.bottom + 1 }, read, found, fallback);
      return true;
    }
    const tail = { ...area, top: area.bottom - size + 1 };
    if (read(tail) === null) {
      eachUniform(tail, read, found, fallback);
      eachUniform({ ...area, bottom: tail.top - 1 }, read, found, fallback);
      return true;
    }
  }
  return false;
}

export function splitByColumnThenRows(area: CellRange): CellRange[] | null {
  if (area.right > area.left)
    return Array.from({ length: area.right - area.left + 1 }, (_, k) => ({
      ...area,
      left: area.left + k,
      right: area.left + k,
    }));
  return halve(area);
}

/** Two halves along the longer side, or null for one cell. */
export function halve(area: CellRange): CellRange[] | null {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (rows === 1 && cols === 1) return null;
  if (rows >= cols) {
    const mid = area.top + Math.floor(rows / 2) - 1;
    return [
      { ...area, bottom: mid },
      { ...area, top: mid + 1 },
    ];
  }
  const mid = area.left + Math.floor(cols / 2) - 1;
  return [
    { ...area, right: mid },
    { ...area, left: mid + 1 },
  ];
}

export const contains = (outer: CellRange, inner: CellRange) =>
  outer.top <= inner.top &&
  outer.left <= inner.left &&
  outer.bottom >= inner.bottom &&
  outer.right >= inner.right;

/** Consecutive cells of one column that share a key: one range operation each. */
export function columnRuns<T extends { sheet: string; row: number; col: number }>(
  cells: T[],
  key: (cell: T) => string
): T[][] {
  const sorted = [...cells].sort(
    (a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : 0) || a.col - b.col || a.row - b.row
  );
  const runs: T[][] = [];
  for (const cell of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (
      last &&
      last.sheet === cell.sheet &&
      last.col === cell.col &&
      last.row + 1 === cell.row &&
      key(last) === key(cell)
    )
      run.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

export const runArea = (run: { row: number; col: number }[]): CellRange => ({
  top: run[0].row,
  left: run[0].col,
  bottom: run[run.length - 1].row,
  right: run[0].col,
});
