import { CellRange, parseRange, rangeAddress } from "../core/address";
import { CellValue, SheetGrid } from "../core/grid";
import { SheetInfo, WorkbookRead } from "../core/rescore";
import { STATE_COLUMNS, STATE_SHEET, StateRecord, stateFromRows } from "../core/state";
import { contains, eachUniform, halve } from "./areas";
import { Book } from "./book";
import { VISIBLE, WpsWorksheet } from "./object-model";
import { valueGrid } from "./values";

/** How many columns right of the used range merged areas are looked for: past where output columns go. */
const MERGE_MARGIN = 32;
const LAST_COLUMN = 16383;

/**
 * Reads the workbook (or the named sheets, and the record) with whole-range reads: a few
 * calls per sheet for its name, state and used range, one for all its values, one for its
 * number formats where they are alike, and a search for merged areas that grows with their
 * number, never with the number of cells.
 */
export function readWorkbook(book: Book, only?: string[]): WorkbookRead {
  const workbook = book.app.ActiveWorkbook;
  const structureProtected = Boolean(workbook.ProtectStructure);
  const count = book.worksheets.Count;
  const sheets: SheetInfo[] = [];
  const objects: WpsWorksheet[] = [];
  for (let i = 1; i <= count; i++) {
    const sheet = book.worksheets.Item(i);
    const name = String(sheet.Name);
    book.know(name, sheet);
    objects.push(sheet);
    sheets.push({
      name,
      hidden: Number(sheet.Visible) !== VISIBLE,
      protected: Boolean(sheet.ProtectContents),
    });
  }
  const grids: SheetGrid[] = [];
  let state: StateRecord[] | null = null;
  sheets.forEach((info, k) => {
    if (info.name === STATE_SHEET) {
      state = stateFromRows(recordRows(objects[k]));
      return;
    }
    if (only && !only.includes(info.name)) return;
    grids.push(readSheet(objects[k], info));
  });
  return { sheets, structureProtected, grids, state };
}

/** The used range as a 0-based area; null for an empty sheet (WPS gives A1 holding nothing). */
function usedArea(sheet: WpsWorksheet): { area: CellRange; values: CellValue[][] } | null {
  const used = sheet.UsedRange;
  const area = parseRange(String(used.Address()));
  const values = valueGrid(used.Value2, area.bottom - area.top + 1, area.right - area.left + 1);
  if (
    values.every((line) => line.every((v) => v === null)) &&
    area.bottom === 0 &&
    area.right === 0
  )
    return null;
  return { area, values };
}

function readSheet(sheet: WpsWorksheet, info: SheetInfo): SheetGrid {
  const used = usedArea(sheet);
  if (!used)
    return {
      name: info.name,
      origin: { row: 0, col: 0 },
      values: [],
      merges: [],
      hidden: info.hidden,
    };
  const { area, values } = used;
  const numberFormats = values.map((line) => line.map(() => "General"));
  eachUniform(
    area,
    (part) => {
      const format = sheet.Range(rangeAddress(part)).NumberFormat;
      return typeof format === "string" ? format : null;
    },
    (part, format) => {
      for (let r = part.top; r <= part.bottom; r++)
        for (let c = part.left; c <= part.right; c++)
          numberFormats[r - area.top][c - area.left] = format;
    },
    "General"
  );
  // Merged areas are looked for right of the used range too: empty merged cells there may lie
  // outside it, and the output columns go there.
  const probe = { ...area, right: Math.min(area.right + MERGE_MARGIN, LAST_COLUMN) };
  const merges = new Map<string, CellRange>();
  findMerges(sheet, probe, merges);
  return {
    name: info.name,
    origin: { row: area.top, col: area.left },
    values,
    numberFormats,
    merges: [...merges.values()],
    hidden: info.hidden,
  };
}

/**
 * WPS has no list of merged areas. `MergeCells` of a range is false when none of its cells is
 * merged, true when all are, null when some are. A range with none is done in one call; one
 * whose cells are all merged gives the area at its corner, and the rest is asked again. A
 * mixed range is halved, columns first: a table's merged areas run down its first columns and
 * across its title rows, so columns free of them are set aside in a few calls. A mixed column
 * gives up first the merged area at its top or bottom end, where a table's merges sit, so that
 * a long table costs no more calls than a short one.
 */
function findMerges(sheet: WpsWorksheet, area: CellRange, found: Map<string, CellRange>): void {
  const merged = sheet.Range(rangeAddress(area)).MergeCells;
  if (merged === false) return;
  if (merged === true) {
    const merge = mergeAt(sheet, area.top, area.left, found);
    if (contains(merge, area)) return;
    // The rest of the range: right of the merge on its rows, and below it.
    if (merge.right < area.right)
      findMerges(
        sheet,
        { ...area, bottom: Math.min(area.bottom, merge.bottom), left: merge.right + 1 },
        found
      );
    if (merge.bottom < area.bottom) findMerges(sheet, { ...area, top: merge.bottom + 1 }, found);
    return;
  }
  if (area.left === area.right) {
    const top = mergeAt(sheet, area.top, area.left, found);
    if (top.bottom > top.top || top.right > top.left) {
      if (top.bottom < area.bottom) findMerges(sheet, { ...area, top: top.bottom + 1 }, found);
      return;
    }
    const bottom = mergeAt(sheet, area.bottom, area.left, found);
    if (bottom.bottom > bottom.top || bottom.right > bottom.left) {
      if (bottom.top > area.top) findMerges(sheet, { ...area, bottom: bottom.top - 1 }, found);
      return;
    }
    if (gallop(sheet, area, found)) return;
  }
  for (const part of halveColumnsFirst(area) ?? []) findMerges(sheet, part, found);
}

/**
 * A mixed column whose two end cells are not merged: blocks of 2, 4, 8… rows are asked from
 * both ends in turn, so a merged area near either end is reached in calls that grow with its
 * distance from that end, not with the column's length. False when the blocks meet first.
 */
function gallop(sheet: WpsWorksheet, area: CellRange, found: Map<string, CellRange>): boolean {
  const rows = area.bottom - area.top + 1;
  for (let size = 2; size * 2 < rows; size *= 2) {
    const head = { ...area, bottom: area.top + size - 1 };
    if (sheet.Range(rangeAddress(head)).MergeCells !== false) {
      findMerges(sheet, head, found);
      findMerges(sheet, { ...area, top: head.bottom + 1 }, found);
      return true;
    }
    const tail = { ...area, top: area.bottom - size + 1 };
    if (sheet.Range(rangeAddress(tail)).MergeCells !== false) {
      findMerges(sheet, tail, found);
      findMerges(sheet, { ...area, top: head.bottom + 1, bottom: tail.top - 1 }, found);
      return true;
    }
  }
  return false;
}

/** The merged area holding a cell (kept when it is one), or the cell itself. */
function mergeAt(
  sheet: WpsWorksheet,
  row: number,
  col: number,
  found: Map<string, CellRange>
): CellRange {
  const merge = parseRange(
    String(
      sheet
        .Range(rangeAddress({ top: row, left: col, bottom: row, right: col }))
        .MergeArea.Address()
    )
  );
  if (merge.bottom > merge.top || merge.right > merge.left) found.set(rangeAddress(merge), merge);
  return merge;
}

function halveColumnsFirst(area: CellRange): CellRange[] | null {
  if (area.right === area.left) return halve(area);
  const mid = area.left + Math.floor((area.right - area.left + 1) / 2) - 1;
  return [
    { ...area, right: mid },
    { ...area, left: mid + 1 },
  ];
}

/** The record sheet's rows as its cells hold them, from A1 (anything right of its columns kept as damage). */
function recordRows(sheet: WpsWorksheet): CellValue[][] {
  const used = usedArea(sheet);
  if (!used) return [];
  const rows: CellValue[][] = [];
  used.values.forEach((line, i) => {
    const row: CellValue[] = new Array<CellValue>(STATE_COLUMNS).fill(null);
    line.forEach((value, j) => {
      const col = used.area.left + j;
      if (col < STATE_COLUMNS) row[col] = value;
      else if (value !== null) row[STATE_COLUMNS] = value;
    });
    rows[used.area.top + i] = row;
  });
  return Array.from(rows, (r) => r ?? []);
}
