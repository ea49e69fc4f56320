import { CellRange, cellOrNull, parseRange } from "../core/address";
import { UnsupportedPackageError } from "../core/errors";
import { CellValue, SheetGrid, dateToSerial, isDateFormat } from "../core/grid";
import { itemTexts } from "./shared-strings";
import { StylesPart } from "./styles";
import {
  Tag,
  attribute,
  attributes,
  decodeXstring,
  findElement,
  nextTag,
  textContent,
} from "./xml";

/** Days between the 1900 and 1904 date systems' day zero. */
const DAYS_1900_TO_1904 = 1462;

export type WorksheetContext = { strings: string[]; styles: StylesPart; date1904: boolean };

type ReadCell = { row: number; col: number; value: CellValue; format: string };

/**
 * A worksheet part as the engine's grid: each cell's value as Office.js would give it
 * (shared, inline and rich strings as text, numbers, booleans, error codes, a formula's
 * cached result; merged-away cells empty; dates as 1900-system serials), number formats and
 * merged areas, over the smallest range that holds every value.
 */
export function readWorksheet(
  xml: string,
  part: string,
  name: string,
  hidden: boolean,
  context: WorksheetContext
): SheetGrid {
  const sheetData = findElement(xml, "sheetData", part);
  if (!sheetData) throw new UnsupportedPackageError(part, "no <sheetData>");
  const cells: ReadCell[] = [];
  let end = sheetData.end;
  if (sheetData.kind === "open") {
    let row = -1;
    let col = -1;
    for (let tag = nextTag(xml, sheetData.end, part); tag; tag = nextTag(xml, tag.end, part)) {
      if (tag.kind === "close") {
        if (tag.local === "sheetData") {
          end = tag.end;
          break;
        }
        continue;
      }
      if (tag.local === "row") {
        const r = attribute(xml, tag, "r");
        row = r ? Number(r) - 1 : row + 1;
        col = -1;
        continue;
      }
      if (tag.local !== "c") {
        // Children of a row other than cells (extLst): skip whole.
        if (tag.kind === "open") tag.end = xml.indexOf(`</${tag.name}>`, tag.end);
        continue;
      }
      const reference = attribute(xml, tag, "r");
      const at = reference ? cellOrNull(reference) : null;
      if (reference && !at)
        throw new UnsupportedPackageError(part, `cell reference “${reference}”`);
      col = at ? at.col : col + 1;
      if (at) row = at.row;
      const close = tag.kind === "empty" ? tag.end : xml.indexOf(`</${tag.name}>`, tag.end);
      if (close < 0) throw new UnsupportedPackageError(part, `unclosed cell ${reference ?? ""}`);
      const style = Number(attribute(xml, tag, "s") ?? 0);
      const format = context.styles.numberFormat(style);
      const value = tag.kind === "empty" ? null : cellValue(xml, part, tag, close, format, context);
      if (value !== null && value !== "") cells.push({ row, col, value, format });
      // Go on after the cell: its children are read.
      tag.end = Math.max(tag.end, close);
    }
  }
  return toGrid(name, hidden, cells, readMerges(xml, part, end));
}

function cellValue(
  xml: string,
  part: string,
  tag: Tag,
  close: number,
  format: string,
  context: WorksheetContext
): CellValue {
  const type = attribute(xml, tag, "t") ?? "n";
  if (type === "inlineStr") return itemTexts(xml, part, "is", tag.end, close).join("");
  const v = childText(xml, part, tag.end, close, "v");
  if (v === null) return null;
  switch (type) {
    case "s":
      return context.strings[Number(v)] ?? null;
    case "str":
      return decodeXstring(v);
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return v.trim();
    case "d": {
      const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(time) ? v : dateToSerial(new Date(time));
    }
    default: {
      if (v.trim() === "") return null;
      const n = Number(v);
      if (!Number.isFinite(n)) return v;
      return context.date1904 && isDateFormat(format) ? n + DAYS_1900_TO_1904 : n;
    }
  }
}

/** The text of a cell's child element (`v`), or null when it has none. */
function childText(
  xml: string,
  part: string,
  from: number,
  to: number,
  local: string
): string | null {
  for (
    let tag = nextTag(xml, from, part);
    tag && tag.start < to;
    tag = nextTag(xml, tag.end, part)
  ) {
    if (tag.local !== local) {
      if (tag.kind === "open") tag.end = xml.indexOf(`</${tag.name}>`, tag.end);
      continue;
    }
    if (tag.kind === "empty") return "";
    if (tag.kind === "open")
      return textContent(xml, tag.end, xml.indexOf(`</${tag.name}>`, tag.end));
  }
  return null;
}

function readMerges(xml: string, part: string, from: number): CellRange[] {
  const merges: CellRange[] = [];
  const list = findElement(xml, "mergeCells", part, from);
  if (!list || list.kind === "empty") return merges;
  for (
    let tag = nextTag(xml, list.end, part);
    tag && tag.local === "mergeCell";
    tag = nextTag(xml, tag.end, part)
  ) {
    const ref = attributes(xml, tag).get("ref");
    if (tag.kind === "close" || !ref) continue;
    try {
      merges.push(parseRange(ref));
    } catch {
      throw new UnsupportedPackageError(part, `merged range “${ref}”`);
    }
  }
  return merges;
}

/** Merged areas up to this many cells are looked up by cell; larger ones (a whole column) are checked one by one. */
const SMALL_MERGE = 4096;

function toGrid(name: string, hidden: boolean, cells: ReadCell[], merges: CellRange[]): SheetGrid {
  const mergedAway = new Set<number>();
  const large: CellRange[] = [];
  for (const m of merges) {
    if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > SMALL_MERGE) {
      large.push(m);
      continue;
    }
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) mergedAway.add(r * 16384 + c);
  }
  const inLarge = (cell: ReadCell) =>
    large.some(
      (m) =>
        cell.row >= m.top &&
        cell.row <= m.bottom &&
        cell.col >= m.left &&
        cell.col <= m.right &&
        (cell.row !== m.top || cell.col !== m.left)
    );
  const kept =
    mergedAway.size || large.length
      ? cells.filter((cell) => !mergedAway.has(cell.row * 16384 + cell.col) && !inLarge(cell))
      : cells;
  const base = { name, merges, hidden };
  if (kept.length === 0)
    return { ...base, origin: { row: 0, col: 0 }, values: [], numberFormats: [] };
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const cell of kept) {
    if (cell.row < top) top = cell.row;
    if (cell.row > bottom) bottom = cell.row;
    if (cell.col < left) left = cell.col;
    if (cell.col > right) right = cell.col;
  }
  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () =>
    new Array<CellValue>(width).fill(null)
  );
  const numberFormats: string[][] = Array.from({ length: bottom - top + 1 }, () =>
    new Array<string>(width).fill("General")
  );
  for (const cell of kept) {
    values[cell.row - top][cell.col - left] = cell.value;
    numberFormats[cell.row - top][cell.col - left] = cell.format;
  }
  return { ...base, origin: { row: top, col: left }, values, numberFormats };
}

/** The value of one cell element given as text, as `readWorksheet` reads it (null when empty). */
export function cellElementValue(
  element: string,
  part: string,
  context: WorksheetContext
): CellValue {
  const tag = nextTag(element, 0, part);
  if (!tag || tag.kind === "empty") return null;
  const style = Number(attribute(element, tag, "s") ?? 0);
  const value = cellValue(
    element,
    part,
    tag,
    element.lastIndexOf("</"),
    context.styles.numberFormat(style),
    context
  );
  return value === "" ? null : value;
}

/** The style index of a cell element (0 when it has none). */
export function cellStyleIndex(element: string | null, part: string): number {
  if (element === null) return 0;
  const tag = nextTag(element, 0, part)!;
  return Number(attribute(element, tag, "s") ?? 0);
}

/** Whether the sheet is protected: `<sheetProtection sheet="1">`, which CT_Worksheet puts after `<sheetData>`. */
export function isSheetProtected(xml: string, part: string): boolean {
  const after = xml.lastIndexOf("sheetData>");
  const tag = findElement(xml, "sheetProtection", part, Math.max(0, after));
  if (!tag) return false;
  const sheet = attributes(xml, tag).get("sheet");
  return sheet === "1" || sheet === "true";
}
