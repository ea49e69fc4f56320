import { CellRange, cellAddress } from "./address";
import { isSaneNumber } from "./magnitude";
import { roundHalfUp } from "./rounding";

/** What a cell holds: dates are Excel serial numbers with a date number format, as Office.js gives them. */
export type CellValue = string | number | boolean | null;

/**
 * One worksheet's used range as plain arrays, the only thing hosts hand to the engine.
 * Coordinates are 0-based and absolute: `values[i][j]` is the cell at
 * (origin.row + i, origin.col + j).
 */
export type SheetGrid = {
  name: string;
  origin: { row: number; col: number };
  values: CellValue[][];
  /** Number formats, same shape as values; missing means General. */
  numberFormats?: string[][];
  /** Displayed text from the host, same shape as values; derived from value and format when missing. */
  texts?: string[][];
  /** Merged areas in absolute coordinates. */
  merges: CellRange[];
  hidden?: boolean;
};

/** Read access to a grid by absolute coordinates, with merged areas filled from their top-left cell. */
export class GridView {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly masters = new Map<number, number>();
  private readonly texts: string[][] = [];
  private readonly width: number;

  constructor(readonly grid: SheetGrid) {
    this.name = grid.name;
    this.top = grid.origin.row;
    this.left = grid.origin.col;
    this.bottom = this.top + grid.values.length - 1;
    this.width = grid.values.reduce((max, row) => Math.max(max, row.length), 0);
    this.right = this.left + this.width - 1;
    for (const merge of grid.merges) {
      const master = this.key(merge.top, merge.left);
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let c = merge.left; c <= merge.right; c++) {
          if (r !== merge.top || c !== merge.left) this.masters.set(this.key(r, c), master);
        }
      }
    }
  }

  private key(row: number, col: number): number {
    return row * 20000 + col;
  }

  /** The cell whose content shows at (row, col): the merge's top-left, or the cell itself. */
  private resolve(row: number, col: number): { row: number; col: number } {
    const master = this.masters.get(this.key(row, col));
    if (master === undefined) return { row, col };
    return { row: Math.floor(master / 20000), col: master % 20000 };
  }

  isMergedAway(row: number, col: number): boolean {
    return this.masters.has(this.key(row, col));
  }

  /** Raw value of the cell as the user sees it (merged areas filled). */
  value(row: number, col: number): CellValue {
    const at = this.resolve(row, col);
    return this.rawValue(at.row, at.col);
  }

  rawValue(row: number, col: number): CellValue {
    const line = this.grid.values[row - this.top];
    if (!line) return null;
    const v = line[col - this.left];
    return v === undefined || v === "" ? null : v;
  }

  numberFormat(row: number, col: number): string {
    const at = this.resolve(row, col);
    return this.grid.numberFormats?.[at.row - this.top]?.[at.col - this.left] ?? "General";
  }

  /** Displayed text, trimmed; detection asks for the same cells many times, so rows are cached. */
  text(row: number, col: number): string {
    if (row < this.top || row > this.bottom || col < this.left || col > this.right) return "";
    let line = this.texts[row - this.top];
    if (!line) {
      line = [];
      for (let c = this.left; c <= this.right; c++) line.push(this.computeText(row, c));
      this.texts[row - this.top] = line;
    }
    return line[col - this.left];
  }

  private computeText(row: number, col: number): string {
    const at = this.resolve(row, col);
    const hostText = this.grid.texts?.[at.row - this.top]?.[at.col - this.left];
    if (hostText !== undefined && hostText !== null) return String(hostText).trim();
    const v = this.rawValue(at.row, at.col);
    return v === null ? "" : formatValue(v, this.numberFormat(at.row, at.col)).trim();
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === "";
  }

  rowIsEmpty(row: number, left = this.left, right = this.right): boolean {
    for (let c = left; c <= right; c++) if (!this.isEmpty(row, c)) return false;
    return true;
  }

  address(row: number, col: number): string {
    return cellAddress(row, col);
  }
}

export function isPercentFormat(format: string): boolean {
  return /%/.test(format.replace(/"[^"]*"/g, ""));
}

export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[yd]/i.test(bare) || /m.*[年月]|[年月]/.test(bare);
}

/**
 * Which parts of a date a date format shows: `yyyy"年"m"月"` shows the month, not the day
 * (what Excel stores when someone types 2023年6月). `m` next to `h` or `s` is minutes.
 */
export function datePartsShown(format: string): { month: boolean; day: boolean } {
  const tokens = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "").toLowerCase();
  const day = tokens.includes("d");
  return { day, month: day || /m/.test(tokens.replace(/h+:?m+|m+:?s+/g, "")) };
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function serialToDate(serial: number): { year: number; month: number; day: number } {
  const date = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86400000));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / 86400000;
}

/** The text a spreadsheet would show for a value, for the formats that matter here. */
function formatValue(value: Exclude<CellValue, null>, format = "General"): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // Formatting works on the value (× 100, rounding): an absurd one is shown as it is.
  if (!isSaneNumber(value)) return String(value);
  if (isPercentFormat(format)) {
    const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${roundHalfUp(value * 100, decimals).toFixed(decimals)}%`;
  }
  if (isDateFormat(format)) {
    const d = serialToDate(value);
    const shows = datePartsShown(format);
    return `${d.year}年${shows.month ? `${d.month}月` : ""}${shows.day ? `${d.day}日` : ""}`;
  }
  const decimals = /0\.(0+)/.exec(format)?.[1].length;
  if (decimals !== undefined) {
    const fixed = roundHalfUp(value, decimals).toFixed(decimals);
    return /#,##0/.test(format) ? fixed.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : fixed;
  }
  return String(Number(value.toPrecision(15)));
}
