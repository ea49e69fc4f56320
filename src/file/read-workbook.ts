import ExcelJS from 'exceljs';
import { CellRange, parseRange } from '../core/address';
import {
  CorruptWorkbookError,
  EmptyWorkbookError,
  EncryptedWorkbookError,
  LegacyXlsError,
  NotXlsxError,
  SelfEvalError,
} from '../core/errors';
import { CellValue, SheetGrid, dateToSerial } from '../core/grid';
import { STATE_SHEET } from '../core/state';
import { checkZipSize } from './zip-guard';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(data: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => data[i] === byte);
}

/** An encrypted .xlsx is an OLE container holding an `EncryptionInfo` stream; a legacy .xls is not. */
function isEncryptedOoxml(data: Uint8Array): boolean {
  // The stream name is stored in UTF-16LE; search byte by byte so this also runs in a browser.
  const marker = [...'EncryptionInfo'].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + marker.length <= data.length; i++) {
    for (let j = 0; j < marker.length; j++) if (data[i + j] !== marker[j]) continue outer;
    return true;
  }
  return false;
}

/** Checks the container before exceljs sees it, so each bad input gets its own answer. */
export function checkContainer(data: Uint8Array): void {
  if (startsWith(data, ZIP_SIGNATURE)) {
    checkZipSize(data);
    return;
  }
  if (startsWith(data, OLE_SIGNATURE)) throw isEncryptedOoxml(data) ? new EncryptedWorkbookError() : new LegacyXlsError();
  throw new NotXlsxError();
}

export async function loadWorkbook(data: Uint8Array): Promise<ExcelJS.Workbook> {
  checkContainer(data);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (error) {
    if (error instanceof SelfEvalError) throw error;
    throw new CorruptWorkbookError(error instanceof Error ? error.message : String(error));
  }
  return workbook;
}

/** Reads an .xlsx into the engine's grids. */
export async function readGrids(data: Uint8Array): Promise<SheetGrid[]> {
  const workbook = await loadWorkbook(data);
  const grids = workbook.worksheets.filter((sheet) => sheet.name !== STATE_SHEET).map(worksheetToGrid);
  if (grids.every((g) => g.values.length === 0)) throw new EmptyWorkbookError();
  return grids;
}

export function worksheetToGrid(sheet: ExcelJS.Worksheet): SheetGrid {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cellValue(cell) === null) return;
      top = Math.min(top, rowNumber - 1);
      bottom = Math.max(bottom, rowNumber - 1);
      left = Math.min(left, colNumber - 1);
      right = Math.max(right, colNumber - 1);
    });
  });
  const merges = mergesOf(sheet);
  const base = { name: sheet.name, merges, hidden: sheet.state !== 'visible' };
  if (bottom < 0) return { ...base, origin: { row: 0, col: 0 }, values: [], numberFormats: [] };
  const width = right - left + 1;
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(width).fill(null));
  const numberFormats: string[][] = Array.from({ length: bottom - top + 1 }, () => new Array<string>(width).fill('General'));
  // Only the cells that exist are visited: asking exceljs for a missing cell would create it.
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const r = rowNumber - 1 - top;
      const c = colNumber - 1 - left;
      if (r < 0 || c < 0 || c >= width || r >= values.length) return;
      values[r][c] = cellValue(cell);
      if (cell.numFmt) numberFormats[r][c] = cell.numFmt;
    });
  });
  return { ...base, origin: { row: top, col: left }, values, numberFormats };
}

function mergesOf(sheet: ExcelJS.Worksheet): CellRange[] {
  const model = sheet.model as unknown as { merges?: string[] };
  return (model.merges ?? []).map((address) => parseRange(address));
}

/** A cell's value as Office.js would give it: merged-away cells are empty, formulas give their result. */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return plainValue(cell.value);
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateToSerial(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return String(result.error);
    return plainValue(result as ExcelJS.CellValue);
  }
  if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  return null;
}
