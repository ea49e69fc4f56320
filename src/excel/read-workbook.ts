import { parseRange } from '../core/address';
import { CellValue, SheetGrid } from '../core/grid';
import { STATE_SHEET, StateRecord, stateFromRows } from '../core/state';
import { Piece, cutIntoPieces, isPayloadTooLarge, packBatches, pieceBytes, splitBatch } from './batches';
import { supports } from './requirements';

export type SheetInfo = { name: string; protected: boolean; hidden: boolean };

export type WorkbookRead = {
  sheets: SheetInfo[];
  /** Workbook structure protection (ExcelApi 1.7): no sheet can be added or removed. */
  structureProtected: boolean;
  /** Every sheet but the state sheet, as the engine's grids (the tool's earlier output included). */
  grids: SheetGrid[];
  /** What an earlier rescore recorded, or null. */
  state: StateRecord[] | null;
};

type Loaded = { values: CellValue[][]; formats: string[][]; merges: Set<string> };

/**
 * Reads the workbook (or the named sheets) in a fixed number of syncs whatever the number of
 * sheets: one for the sheet list, one for the used ranges' sizes, then one per payload batch.
 */
export async function readWorkbook(context: Excel.RequestContext, only?: string[]): Promise<WorkbookRead> {
  const collection = context.workbook.worksheets;
  collection.load('items/name,items/visibility,items/protection/protected');
  const protection = context.workbook.protection;
  protection.load('protected');
  await context.sync();
  const wanted = collection.items.filter((s) => s.name === STATE_SHEET || !only || only.includes(s.name));
  const used = wanted.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('isNullObject,rowIndex,columnIndex,rowCount,columnCount');
    return { sheet, range };
  });
  await context.sync();

  const ranges: Piece[] = used
    .filter((u) => !u.range.isNullObject)
    .map((u) => ({ sheet: u.sheet.name, row: u.range.rowIndex, col: u.range.columnIndex, rowCount: u.range.rowCount, colCount: u.range.columnCount }));
  const loaded = new Map<string, Loaded>();
  for (const batch of packBatches(cutIntoPieces(ranges), pieceBytes)) await loadBatch(context, batch, loaded);

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
    if (u.range.isNullObject && u.sheet.name !== STATE_SHEET) grids.push({ name: u.sheet.name, origin: { row: 0, col: 0 }, values: [], merges: [] });
  }
  const order = new Map(sheets.map((s, k) => [s.name, k]));
  grids.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  return { sheets, structureProtected: protection.protected, grids, state };
}

/** Loads one batch of pieces in one sync; a batch Excel refuses for its size is split and retried. */
async function loadBatch(context: Excel.RequestContext, batch: Piece[], loaded: Map<string, Loaded>): Promise<void> {
  const withMerges = supports('1.13');
  const proxies = batch.map((piece) => {
    const range = context.workbook.worksheets
      .getItem(piece.sheet)
      .getRangeByIndexes(piece.row, piece.col, piece.rowCount, piece.colCount);
    range.load('values,numberFormat');
    const merged = withMerges ? range.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return { piece, range, merged };
  });
  try {
    await context.sync();
  } catch (error) {
    const halves = isPayloadTooLarge(error) ? splitBatch(batch) : null;
    if (!halves) throw error;
    for (const half of halves) await loadBatch(context, half, loaded);
    return;
  }
  for (const { piece, range, merged } of proxies) {
    const target = loaded.get(piece.sheet) ?? { values: [], formats: [], merges: new Set<string>() };
    target.values.push(...range.values.map((line) => line.map(cellValue)));
    target.formats.push(...range.numberFormat.map((line) => line.map((f) => String(f ?? 'General'))));
    if (merged && !merged.isNullObject) {
      for (const area of areasOf(merged.address)) target.merges.add(area);
    }
    loaded.set(piece.sheet, target);
  }
}

/** `'a,b'!A1:B2,'a,b'!C3:D4`: areas split on the commas between them, not inside a quoted sheet name. */
function areasOf(address: string): string[] {
  return address.match(/(?:'(?:[^']|'')*'|[^,!']+)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?/g) ?? [];
}

function cellValue(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}
