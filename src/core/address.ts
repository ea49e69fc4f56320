/** A1-style addresses. Rows and columns are 0-based inside the engine, 1-based for people. */

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export type CellRange = { top: number; left: number; bottom: number; right: number };

export function rangeAddress(range: CellRange): string {
  const start = cellAddress(range.top, range.left);
  const end = cellAddress(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** Parses "B3", "B3:D7" or "Sheet!B3:D7" (the sheet part is ignored). */
export function parseRange(text: string): CellRange {
  const bare = text.includes("!") ? text.slice(text.lastIndexOf("!") + 1) : text;
  const [a, b = a] = bare.replace(/\$/g, "").split(":");
  const start = parseCell(a);
  const end = parseCell(b);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function parseCell(text: string): { row: number; col: number } {
  const cell = cellOrNull(text);
  if (!cell) throw new RangeError(`Not a cell address: ${text}`);
  return cell;
}

/** "B3" as a 0-based cell, or null when the text is not a cell address (a cell's `r` in a file may be anything). */
export function cellOrNull(text: string): { row: number; col: number } | null {
  const match = /^([A-Za-z]{1,3})([1-9]\d*)$/.exec(text.trim());
  return match ? { row: Number(match[2]) - 1, col: columnIndex(match[1]) } : null;
}
