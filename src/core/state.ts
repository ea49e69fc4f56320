import { parseRange, rangeAddress } from './address';
import { DamagedStateError } from './errors';
import { CellValue, SheetGrid } from './grid';

/**
 * What the tool changed in a workbook, kept in the workbook itself (a very hidden sheet) so
 * that any host — the CLI, the browser page, the add-in — can take it all back.
 */
export const STATE_SHEET = '_selfeval_state';
const STATE_MAGIC = 'selfeval-state';
const STATE_VERSION = 2;
/** kind | sheet | cells (a run down one column) or column | original style | what the tool wrote */
export const STATE_COLUMNS = 5;

/**
 * A cell's look before the tool touched it: what every host understands (fill colour as
 * ARGB or null for none, number format, bold, wrap), and the writing host's own full style.
 */
export type OriginalStyle = {
  fillColor: string | null;
  numberFormat?: string;
  bold?: boolean;
  wrapText?: boolean;
  /** exceljs's whole style JSON for an output cell, where the file host wrote the record. */
  raw?: string;
  /** exceljs's fill JSON for a highlighted cell, where the file host wrote the record. */
  rawFill?: string;
};

export type StateRecord =
  /** A cell the tool wrote (it was empty), and what it wrote, to tell a later edit by someone from its own output. */
  | { kind: 'output'; sheet: string; row: number; col: number; style: OriginalStyle; written?: string | number }
  /** A user's cell whose fill the tool changed. */
  | { kind: 'highlight'; sheet: string; row: number; col: number; style: OriginalStyle }
  /** A column whose width the tool set, in characters (null: the default); `points` where Excel recorded it. */
  | { kind: 'width'; sheet: string; col: number; width: number | null; points?: number }
  /** A sheet the tool added. */
  | { kind: 'sheet'; sheet: string };

/** Excel's column width unit: a character of the default font is about 5.7 points wide. */
export const POINTS_PER_CHARACTER = 5.7;

/**
 * The grids as they were before the recorded annotations: the tool's cells emptied and its
 * sheets left out, so that detection and planning never see the tool's own output.
 */
export function withoutAnnotations(grids: SheetGrid[], records: StateRecord[]): SheetGrid[] {
  const added = new Set(records.filter((r) => r.kind === 'sheet').map((r) => r.sheet));
  return grids
    .filter((g) => !added.has(g.name) && g.name !== STATE_SHEET)
    .map((grid) => {
      const outputs = records.filter((r): r is OutputRecord => r.kind === 'output' && r.sheet === grid.name);
      if (outputs.length === 0) return grid;
      const values = grid.values.map((line) => [...line]);
      for (const record of outputs) {
        const line = values[record.row - grid.origin.row];
        const at = record.col - grid.origin.col;
        if (line && at >= 0 && at < line.length && !editedSince(record, line[at])) line[at] = null;
      }
      return { ...grid, values };
    });
}

export type OutputRecord = Extract<StateRecord, { kind: 'output' }>;

/**
 * Whether someone typed over a cell the tool wrote: such a cell is theirs now, and neither
 * rescore nor clear touches it.
 */
export function editedSince(record: OutputRecord, current: CellValue): boolean {
  if (record.written === undefined) return false;
  return (current ?? '') !== record.written;
}

type CellRecord = Extract<StateRecord, { kind: 'output' | 'highlight' }>;

/** A cell holds at most 32,767 characters; a run's list of written values stays well under. */
const MAX_RUN_TEXT = 30000;

/**
 * One row of the state sheet per run of alike cells (same kind, column and original style,
 * consecutive rows): a table's output column is a handful of rows, not one per cell.
 */
function runsOf(records: CellRecord[]): CellRecord[][] {
  const runs: CellRecord[][] = [];
  let text = 0;
  for (const record of records) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const size = JSON.stringify(record.kind === 'output' ? (record.written ?? null) : null).length;
    const joins =
      last &&
      last.kind === record.kind &&
      last.sheet === record.sheet &&
      last.col === record.col &&
      last.row + 1 === record.row &&
      JSON.stringify(last.style) === JSON.stringify(record.style) &&
      text + size < MAX_RUN_TEXT;
    if (joins) {
      run.push(record);
      text += size;
    } else {
      runs.push([record]);
      text = size;
    }
  }
  return runs;
}

export function stateToRows(records: StateRecord[]): CellValue[][] {
  const rows: CellValue[][] = [[STATE_MAGIC, STATE_VERSION, '本工作表由绩效自评复核助手维护，用于撤销复核标注，请勿修改。']];
  const cells = records
    .filter((r): r is CellRecord => r.kind === 'output' || r.kind === 'highlight')
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.sheet.localeCompare(b.sheet) || a.col - b.col || a.row - b.row);
  for (const run of runsOf(cells)) {
    const [first] = run;
    const last = run[run.length - 1];
    const where = rangeAddress({ top: first.row, left: first.col, bottom: last.row, right: last.col });
    const written = first.kind === 'output' ? JSON.stringify(run.map((r) => (r.kind === 'output' ? (r.written ?? null) : null))) : null;
    rows.push([first.kind, first.sheet, where, JSON.stringify(first.style), written]);
  }
  for (const record of records) {
    if (record.kind === 'sheet') rows.push([record.kind, record.sheet, null, null]);
    if (record.kind === 'width') rows.push([record.kind, record.sheet, record.col, JSON.stringify({ width: record.width, points: record.points })]);
  }
  return rows;
}

/**
 * Reads the records back. Rows that do not parse are a DamagedStateError, never a partial
 * list: restoring half of the annotations would leave the rest in the workbook for good.
 */
export function stateFromRows(rows: CellValue[][]): StateRecord[] {
  try {
    return parseRows(rows);
  } catch {
    throw new DamagedStateError();
  }
}

function parseRows(rows: CellValue[][]): StateRecord[] {
  if (rows.length === 0 || rows[0][0] !== STATE_MAGIC) throw new Error('not a selfeval state sheet');
  if (Number(rows[0][1]) > STATE_VERSION) throw new Error('state written by a newer version');
  return rows.slice(1).flatMap((row, k): StateRecord | StateRecord[] => {
    const [kind, sheet, where, data, written] = row;
    if (typeof sheet !== 'string') throw new Error(`state row ${k + 2} has no sheet`);
    if (kind === 'sheet') return { kind, sheet };
    if (kind === 'width') {
      const { width, points } = JSON.parse(String(data)) as { width: number | null; points?: number };
      return { kind, sheet, col: Number(where), width, ...(points !== undefined ? { points } : {}) };
    }
    if (kind === 'output' || kind === 'highlight') {
      const range = parseRange(String(where));
      const style = JSON.parse(String(data)) as OriginalStyle;
      const values = kind === 'output' && written ? (JSON.parse(String(written)) as (string | number | null)[]) : [];
      const cells: StateRecord[] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const value = values[r - range.top];
        if (kind === 'highlight') cells.push({ kind, sheet, row: r, col: range.left, style });
        else cells.push({ kind, sheet, row: r, col: range.left, style, ...(value === null || value === undefined ? {} : { written: value }) });
      }
      return cells;
    }
    throw new Error(`state row ${k + 2} has an unknown kind`);
  });
}
