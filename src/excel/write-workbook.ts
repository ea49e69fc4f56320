import { OutputCell, WritePlan, linkAddress } from '../core/plan';
import { OriginalStyle, POINTS_PER_CHARACTER, STATE_SHEET, StateRecord, stateToRows } from '../core/state';
import { BYTES_PER_WRITE, PAYLOAD_BUDGET, packBatches } from './batches';
import { supports } from './requirements';

/** One queued change and its estimated request size. */
type Write = { bytes: number; queue: (context: Excel.RequestContext) => void };

/** Excel's standard column width, 8.43 characters, for a width recorded as the default. */
const DEFAULT_COLUMN_POINTS = 8.43 * POINTS_PER_CHARACTER;
const NO_FILL = '#FFFFFF';

const argbToHex = (argb: string) => `#${argb.slice(-6)}`;
const hexToArgb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

const sheetOf = (context: Excel.RequestContext, name: string) => context.workbook.worksheets.getItem(name);
const cellOf = (context: Excel.RequestContext, sheet: string, row: number, col: number) =>
  sheetOf(context, sheet).getRangeByIndexes(row, col, 1, 1);

/** Queues writes in batches under the payload budget, one sync per batch, in order. */
export async function runWrites(context: Excel.RequestContext, writes: Write[]): Promise<void> {
  for (const batch of packBatches(writes, (w) => w.bytes, PAYLOAD_BUDGET)) {
    for (const write of batch) write.queue(context);
    await context.sync();
  }
}

const write = (queue: Write['queue'], payload: unknown = null): Write => ({
  bytes: BYTES_PER_WRITE + (payload === null ? 0 : JSON.stringify(payload).length * 3),
  queue,
});

/** The changes that take every recorded annotation out again, newest first. */
export function restoreWrites(records: StateRecord[], existingSheets: Set<string>): Write[] {
  const writes: Write[] = [];
  for (const record of [...records].reverse()) {
    if (!existingSheets.has(record.sheet)) continue;
    if (record.kind === 'sheet') {
      writes.push(write((c) => sheetOf(c, record.sheet).delete()));
    } else if (record.kind === 'width') {
      const points = record.points ?? (record.width === null ? DEFAULT_COLUMN_POINTS : record.width * POINTS_PER_CHARACTER);
      writes.push(write((c) => (sheetOf(c, record.sheet).getRangeByIndexes(0, record.col, 1, 1).format.columnWidth = points)));
    } else {
      writes.push(write((c) => restoreCell(cellOf(c, record.sheet, record.row, record.col), record.style, record.kind === 'output'), record.style));
    }
  }
  if (existingSheets.has(STATE_SHEET)) writes.push(write((c) => sheetOf(c, STATE_SHEET).delete()));
  return writes;
}

function restoreCell(range: Excel.Range, style: OriginalStyle, clearValue: boolean): void {
  if (clearValue) range.values = [['']];
  if (style.fillColor) range.format.fill.color = argbToHex(style.fillColor);
  else range.format.fill.clear();
  if (style.numberFormat !== undefined) range.numberFormat = [[style.numberFormat]];
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.wrapText !== undefined) range.format.wrapText = style.wrapText;
}

export function queueStyleLoad(context: Excel.RequestContext, sheet: string, row: number, col: number): Excel.Range {
  const range = cellOf(context, sheet, row, col);
  range.load('numberFormat,format/wrapText,format/fill/color,format/font/bold');
  return range;
}

/** A cell's look as loaded from Excel, in the host-neutral form (white reads as no fill). */
export function styleOf(range: Excel.Range): OriginalStyle {
  const color = range.format.fill.color;
  return {
    fillColor: !color || color.toUpperCase() === NO_FILL ? null : hexToArgb(color),
    numberFormat: String(range.numberFormat[0][0] ?? 'General'),
    bold: Boolean(range.format.font.bold),
    wrapText: Boolean(range.format.wrapText),
  };
}

/** The changes that write a plan, with the records that will take them back. */
export function planWrites(
  plan: WritePlan,
  original: (sheet: string, row: number, col: number) => OriginalStyle,
  widthPoints: (sheet: string, col: number) => number | null,
  withSummary: boolean,
): { writes: Write[]; records: StateRecord[] } {
  const writes: Write[] = [];
  const records: StateRecord[] = [];
  for (const table of plan.tables) {
    for (const h of table.highlights) {
      records.push({ kind: 'highlight', sheet: h.sheet, row: h.row, col: h.col, style: original(h.sheet, h.row, h.col) });
      writes.push(write((c) => (cellOf(c, h.sheet, h.row, h.col).format.fill.color = argbToHex(h.fill))));
    }
    for (const output of table.outputs) {
      records.push({ kind: 'output', sheet: output.sheet, row: output.row, col: output.col, style: original(output.sheet, output.row, output.col) });
      writes.push(write((c) => writeOutput(cellOf(c, output.sheet, output.row, output.col), output), output.value));
    }
  }
  for (const w of plan.widths) {
    const points = widthPoints(w.sheet, w.col);
    records.push({ kind: 'width', sheet: w.sheet, col: w.col, width: points === null ? null : points / POINTS_PER_CHARACTER, ...(points === null ? {} : { points }) });
    writes.push(write((c) => (sheetOf(c, w.sheet).getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = w.width * POINTS_PER_CHARACTER)));
  }
  if (withSummary) {
    const { name, cells, widths } = plan.summary;
    records.push({ kind: 'sheet', sheet: name });
    writes.push(write((c) => c.workbook.worksheets.add(name)));
    for (const cell of cells) writes.push(write((c) => writeOutput(cellOf(c, name, cell.row, cell.col), cell), cell.value));
    widths.forEach((width, col) =>
      writes.push(write((c) => (sheetOf(c, name).getRangeByIndexes(0, col, 1, 1).format.columnWidth = width * POINTS_PER_CHARACTER))),
    );
  }
  return { writes, records };
}

/** The state sheet, very hidden, written before anything else so that an interrupted run can still be cleared. */
export function stateWrites(records: StateRecord[]): Write[] {
  const rows = stateToRows(records).map((row) => [...row, null, null, null, null].slice(0, 4).map((v) => (v === null ? '' : v)));
  const writes: Write[] = [write((c) => c.workbook.worksheets.add(STATE_SHEET))];
  const chunk = 2000;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    writes.push(write((c) => (sheetOf(c, STATE_SHEET).getRangeByIndexes(start, 0, part.length, 4).values = part), part));
  }
  writes.push(write((c) => (sheetOf(c, STATE_SHEET).visibility = Excel.SheetVisibility.veryHidden)));
  return writes;
}

function writeOutput(range: Excel.Range, output: OutputCell): void {
  range.values = [[output.value]];
  if (output.numberFormat) range.numberFormat = [[output.numberFormat]];
  if (output.bold) range.format.font.bold = true;
  if (output.fill) range.format.fill.color = argbToHex(output.fill);
  if (output.wrap) range.format.wrapText = true;
  if (output.link && supports('1.7')) {
    range.hyperlink = { documentReference: linkAddress(output.link), textToDisplay: String(output.value) };
  }
}
