import { parseRange } from "../core/address";
import { CellValue, SheetGrid } from "../core/grid";
import { WorkbookRead } from "../core/rescore";
import { STATE_SHEET, StateRecord, stateFromRows } from "../core/state";
import {
  Piece,
  cutIntoPieces,
  isPayloadTooLarge,
  packBatches,
  pieceBytes,
  splitBatch,
} from "./batches";
import { supports } from "./requirements";
import { sheetOf } from "./sheet-proxies";

type Loaded = { values: CellValue[][]; formats: string[][]; merges: Set<string> };

/**
 * Reads the workbook (or the named sheets) in a fixed number of syncs whatever the number of
 * sheets: one for the sheet list, one for the used ranges' sizes, then one per payload batch.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  only?: string[]
): Promise<WorkbookRead> {
  const collection = context.workbook.worksheets;
  collection.load("items/name,items/visibility,items/protection/protected");
  const protection = context.workbook.protection;
  protection.load("protected");
  await context.sync();
  const wanted = collection.items.filter(
    (s) => s.name === STATE_SHEET || !only || only.includes(s.name)
  );
  const used = wanted.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("rowIndex,columnIndex,rowCount,columnCount");
    return { sheet, range };
  });
  await context.sync();

  const ranges: Piece[] = used
    .filter((u) => !u.range.isNullObject)
    .map((u) => ({
      sheet: u.sheet.name,
      row: u.range.rowIndex,
      col: u.range.columnIndex,
      rowCount: u.range.rowCount,
      colCount: u.range.columnCount,
    }));
  const loaded = new Map<string, Loaded>();
  const pieces = cutIntoPieces(ranges);
  for (const batch of packBatches(pieces, pieceBytes)) await loadBatch(context, batch, loaded);
  // Merged areas are looked for right of the used range too: empty merged cells there are not
  // in it, and the output columns go there.
  const beyond = ranges.map((r) => ({
    ...r,
    colCount: Math.min(r.colCount + MERGE_MARGIN, EXCEL_COLUMNS - r.col),
  }));
  if (supports("1.13")) await loadMerges(context, mergePieces(beyond), loaded);

  const sheets = collection.items.map((s) => ({
    name: s.name,
    protected: s.protection.protected,
    hidden: s.visibility !== Excel.SheetVisibility.visible,
  }));
  const grids: SheetGrid[] = [];
  let state: StateRecord[] | null = null;
  for (const range of ranges) {
    const data = loaded.get(range.sheet) ?? { values: [], formats: [], merges: new Set<string>() };
    if (range.sheet === STATE_SHEET) {
      state = stateFromRows(data.values);
      continue;
    }
    grids.push({
      name: range.sheet,
      origin: { row: range.row, col: range.col },
      values: data.values,
      numberFormats: data.formats,
      merges: [...data.merges].map((address) => parseRange(address)),
      hidden: sheets.find((s) => s.name === range.sheet)?.hidden,
    });
  }
  for (const u of used) {
    if (u.range.isNullObject && u.sheet.name !== STATE_SHEET)
      grids.push({ name: u.sheet.name, origin: { row: 0, col: 0 }, values: [], merges: [] });
  }
  const order = new Map(sheets.map((s, k) => [s.name, k]));
  grids.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  return { sheets, structureProtected: protection.protected, grids, state };
}

/** Loads one batch of pieces in one sync; a batch Excel refuses for its size is split and retried. */
async function loadBatch(
  context: Excel.RequestContext,
  batch: Piece[],
  loaded: Map<string, Loaded>
): Promise<void> {
  const proxies = batch.map((piece) => {
    const range = sheetOf(context, piece.sheet).getRangeByIndexes(
      piece.row,
      piece.col,
      piece.rowCount,
      piece.colCount
    );
    range.load("values,numberFormat");
    return { piece, range };
  });
  try {
    await context.sync();
  } catch (error) {
    const halves = isPayloadTooLarge(error) ? splitBatch(batch) : null;
    if (!halves) throw error;
    for (const half of halves) await loadBatch(context, half, loaded);
    return;
  }
  for (const { piece, range } of proxies) {
    const target = loaded.get(piece.sheet) ?? {
      values: [],
      formats: [],
      merges: new Set<string>(),
    };
    target.values.push(...range.values.map((line) => line.map(cellValue)));
    target.formats.push(
      ...range.numberFormat.map((line) => line.map((f) => String(f ?? "General")))
    );
    loaded.set(piece.sheet, target);
  }
}

/** How many columns right of the used range merged areas are looked for: past where output columns go. */
const MERGE_MARGIN = 32;
const EXCEL_COLUMNS = 16384;

/** Excel lists at most this many merged areas in one range (Range.getMergedAreasOrNullObject; office-js#3611). */
export const MAX_MERGED_AREAS = 512;

/**
 * Pieces of at most 512 cells: merged areas do not overlap, so none can hold more than Excel
 * lists at once, and all are asked for in one sync whatever the sheets hold.
 */
function mergePieces(ranges: Piece[]): Piece[] {
  return cutIntoPieces(ranges, MAX_MERGED_AREAS, 1);
}

/**
 * Loads the merged areas of every piece in one sync. Excel returns the areas whose top-left
 * cell lies in the range, so pieces that tile the used range find each area once; a range
 * with more than 512 areas fails, and then every piece is halved by rows and the areas asked
 * for again, as often as needed (a sheet of 6,000 merges takes four more syncs).
 */
async function loadMerges(
  context: Excel.RequestContext,
  pieces: Piece[],
  loaded: Map<string, Loaded>
): Promise<void> {
  const proxies = pieces.map((piece) => {
    const areas = sheetOf(context, piece.sheet)
      .getRangeByIndexes(piece.row, piece.col, piece.rowCount, piece.colCount)
      .getMergedAreasOrNullObject();
    areas.load("address");
    return { piece, areas };
  });
  try {
    await context.sync();
  } catch (error) {
    if (isPayloadTooLarge(error)) {
      // Too much for one request: the same pieces in two.
      if (pieces.length < 2) throw error;
      const half = Math.ceil(pieces.length / 2);
      await loadMerges(context, pieces.slice(0, half), loaded);
      await loadMerges(context, pieces.slice(half), loaded);
      return;
    }
    const halves = pieces.flatMap((piece) => splitBatch([piece]) ?? [[piece]]).flat();
    if (halves.length === pieces.length) throw error;
    await loadMerges(context, halves, loaded);
    return;
  }
  for (const { piece, areas } of proxies) {
    if (areas.isNullObject) continue;
    const target = loaded.get(piece.sheet);
    if (target) for (const area of areasOf(areas.address)) target.merges.add(area);
  }
}

/** `'a,b'!A1:B2,'a,b'!C3:D4`: areas split on the commas between them, not inside a quoted sheet name. */
function areasOf(address: string): string[] {
  return address.match(/(?:'(?:[^']|'')*'|[^,!']+)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?/g) ?? [];
}

function cellValue(value: unknown): CellValue {
  if (value === "" || value === undefined || value === null) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return String(value);
}
