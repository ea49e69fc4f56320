import { CellRange } from "../core/address";

export type Cell = { sheet: string; row: number; col: number };

/** A stretch of one column, rows `top` to `bottom`, and the cells of it to write or read, by row. */
export type Segment<T extends Cell> = {
  sheet: string;
  col: number;
  top: number;
  bottom: number;
  cells: Map<number, T>;
};

/**
 * A gap of more empty rows than this starts a new segment: a few hundred bytes of a new
 * operation cost less than a long run of "leave unchanged" entries.
 */
const LONGEST_GAP = 64;

/**
 * Groups cells into stretches of their columns, so that one range operation carries a whole
 * stretch (its other cells left unchanged). A stretch never crosses a merged area: Excel
 * refuses a write into part of one, so a cell on a merged row goes alone.
 */
export function columnSegments<T extends Cell>(
  cells: T[],
  mergesOf: (sheet: string) => CellRange[]
): Segment<T>[] {
  const byColumn = new Map<string, T[]>();
  for (const cell of cells) {
    const key = `${cell.col}\u0000${cell.sheet}`;
    const list = byColumn.get(key);
    if (list) list.push(cell);
    else byColumn.set(key, [cell]);
  }
  const segments: Segment<T>[] = [];
  for (const column of byColumn.values()) {
    const { sheet, col } = column[0];
    const blocked = mergedRows(mergesOf(sheet), col);
    let current: Segment<T> | null = null;
    for (const cell of column.sort((a, b) => a.row - b.row)) {
      const alone = blocked.covers(cell.row, cell.row);
      const joins =
        current !== null &&
        !alone &&
        cell.row - current.bottom <= LONGEST_GAP &&
        !blocked.covers(current.bottom + 1, cell.row);
      if (joins) {
        current!.bottom = cell.row;
        current!.cells.set(cell.row, cell);
      } else {
        current = {
          sheet,
          col,
          top: cell.row,
          bottom: cell.row,
          cells: new Map([[cell.row, cell]]),
        };
        segments.push(current);
        if (alone) current = null;
      }
    }
  }
  return segments;
}

/** The rows of a column that merged areas cover, asked as "does any row from a to b lie in one". */
function mergedRows(merges: CellRange[], col: number) {
  const spans = merges
    .filter((m) => m.left <= col && col <= m.right)
    .map((m) => [m.top, m.bottom] as const)
    .sort((a, b) => a[0] - b[0]);
  // The furthest bottom row among the spans starting at or before each one.
  const reach: number[] = [];
  spans.forEach(([, bottom], k) => reach.push(Math.max(bottom, k > 0 ? reach[k - 1] : -1)));
  return {
    covers(from: number, to: number): boolean {
      // How many spans start at or before `to`, by binary search over the starts.
      let low = 0;
      let high = spans.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (spans[mid][0] <= to) low = mid + 1;
        else high = mid;
      }
      return low > 0 && reach[low - 1] >= from;
    },
  };
}

/** One value per row of the segment: the cell's, or `other` for the rows between. */
export function segmentColumn<T extends Cell, V>(
  segment: Segment<T>,
  pick: (cell: T) => V,
  other: V
): V[][] {
  const out: V[][] = [];
  for (let row = segment.top; row <= segment.bottom; row++) {
    const cell = segment.cells.get(row);
    out.push([cell ? pick(cell) : other]);
  }
  return out;
}

/** Consecutive rows of a segment among the chosen cells: each run is one range. */
export function rowRuns<T extends Cell>(segment: Segment<T>, chosen: (cell: T) => boolean): T[][] {
  const runs: T[][] = [];
  let run: T[] = [];
  for (let row = segment.top; row <= segment.bottom + 1; row++) {
    const cell = segment.cells.get(row);
    if (cell && chosen(cell)) run.push(cell);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  return runs;
}
