import { CellValue } from "../core/grid";

/**
 * Formula errors come back from Value2 as the COM error codes 0x800A0000 + xlErr (Excel's
 * numbering); the engine reads them as the text the other hosts give.
 */
const ERROR_BASE = -2146828288;
const ERRORS: Record<number, string> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
  2045: "#SPILL!",
  2046: "#CONNECT!",
  2047: "#BLOCKED!",
  2048: "#UNKNOWN!",
  2049: "#FIELD!",
  2050: "#CALC!",
  2051: "#BUSY!",
};

/** The error text for a numeric error code, or null for any other number. */
export function errorText(value: number): string | null {
  return ERRORS[value - ERROR_BASE] ?? null;
}

/** The code WPS gives for an error text (for writing test workbooks). */
export function errorCode(text: string): number | null {
  const found = Object.entries(ERRORS).find(([, t]) => t === text);
  return found ? ERROR_BASE + Number(found[0]) : null;
}

/** One cell as the engine reads it: empty is null, an error code its text. */
export function cellValue(value: unknown): CellValue {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "number") return errorText(value) ?? value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

type ItemReader = { Item(row: number, col: number): unknown };

const isItemReader = (value: unknown): value is ItemReader =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as { Item?: unknown }).Item === "function";

/**
 * A whole range's Value2 as rows × cols: a 2-D array, a scalar for one cell, or (some builds)
 * an object read with `.Item(r, c)`, 1-based.
 */
export function valueGrid(value: unknown, rows: number, cols: number): CellValue[][] {
  if (Array.isArray(value))
    return Array.from({ length: rows }, (_, r) => {
      const line: unknown = value[r];
      return Array.from({ length: cols }, (_, c) =>
        cellValue(Array.isArray(line) ? line[c] : c === 0 ? line : null)
      );
    });
  if (isItemReader(value))
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => cellValue(value.Item(r + 1, c + 1)))
    );
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => (r === 0 && c === 0 ? cellValue(value) : null))
  );
}

/** A text value written so that it stays text: WPS, as Excel, reads a written string as if typed. */
export function asTyped(value: CellValue): CellValue {
  return typeof value === "string" && value !== "" ? `'${value}` : value;
}

/** Colours: the engine's ARGB text and WPS's BGR number (`r + g*256 + b*65536`). */
export function argbToBgr(argb: string): number {
  const rgb = parseInt(argb.slice(-6), 16);
  const [r, g, b] = [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255];
  return r + g * 256 + b * 65536;
}

export function bgrToArgb(bgr: number): string {
  const [r, g, b] = [bgr & 255, (bgr >> 8) & 255, (bgr >> 16) & 255];
  return `FF${[r, g, b].map((n) => n.toString(16).padStart(2, "0").toUpperCase()).join("")}`;
}

/** White, which a cell without a fill also reports. */
export const WHITE = 16777215;
