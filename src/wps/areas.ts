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
  const parts = splitByColumnThenRows(area);
  if (!parts) found(area, fallback);
  else for (const part of parts) eachUniform(part, read, found, fallback);
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
