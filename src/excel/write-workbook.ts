import { OutputCell, WritePlan, linkAddress } from "../core/plan";
import { CellValue } from "../core/grid";
import {
  OriginalStyle,
  POINTS_PER_CHARACTER,
  STATE_COLUMNS,
  STATE_SHEET,
  StateRecord,
  editedSince,
  stateToRows,
} from "../core/state";
import { BYTES_PER_WRITE, syncInBatches } from "./batches";
import { supports } from "./requirements";

/** One queued change and its estimated request size. */
type Write = { bytes: number; queue: (context: Excel.RequestContext) => void };

/** Excel's standard column width, 8.43 characters, for a width recorded as the default. */
const DEFAULT_COLUMN_POINTS = 8.43 * POINTS_PER_CHARACTER;
const NO_FILL = "#FFFFFF";

const argbToHex = (argb: string) => `#${argb.slice(-6)}`;
const hexToArgb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

const sheetOf = (context: Excel.RequestContext, name: string) =>
  context.workbook.worksheets.getItem(name);
const cellOf = (context: Excel.RequestContext, sheet: string, row: number, col: number) =>
  sheetOf(context, sheet).getRangeByIndexes(row, col, 1, 1);

/** Queues writes in batches under the payload budget, one sync per batch, in order. */
export async function runWrites(context: Excel.RequestContext, writes: Write[]): Promise<void> {
  await syncInBatches(
    context,
    writes,
    (w) => w.bytes,
    (batch) => batch.forEach((w) => w.queue(context))
  );
}

const write = (queue: Write["queue"], payload: unknown = null): Write => ({
  bytes: BYTES_PER_WRITE + (payload === null ? 0 : JSON.stringify(payload).length * 3),
  queue,
});

/**
 * The changes that take every recorded annotation out again; a cell someone typed over
 * since (`current` tells its value) is theirs and stays.
 */
export function restoreWrites(
  records: StateRecord[],
  existingSheets: Set<string>,
  current: (sheet: string, row: number, col: number) => CellValue
): Write[] {
  const present = records.filter((r) => existingSheets.has(r.sheet));
  const cells = present.filter(
    (r): r is Extract<StateRecord, { kind: "output" | "highlight" }> =>
      (r.kind === "output" && !editedSince(r, current(r.sheet, r.row, r.col))) ||
      r.kind === "highlight"
  );
  const writes: Write[] = columnRuns(cells, (r) => `${r.kind}|${JSON.stringify(r.style)}`).map(
    (run) =>
      write(
        (c) => restoreRun(runRange(c, run), run[0].style, run[0].kind === "output", run.length),
        run[0].style
      )
  );
  for (const record of present) {
    if (record.kind === "width") {
      const points =
        record.points ??
        (record.width === null ? DEFAULT_COLUMN_POINTS : record.width * POINTS_PER_CHARACTER);
      writes.push(
        write(
          (c) =>
            (sheetOf(c, record.sheet).getRangeByIndexes(0, record.col, 1, 1).format.columnWidth =
              points)
        )
      );
    }
  }
  for (const record of present)
    if (record.kind === "sheet") writes.push(write((c) => sheetOf(c, record.sheet).delete()));
  // Excel refuses to delete a very hidden sheet: it is made merely hidden first, in the same batch.
  if (existingSheets.has(STATE_SHEET)) {
    writes.push(
      write((c) => {
        const state = sheetOf(c, STATE_SHEET);
        state.visibility = Excel.SheetVisibility.hidden;
        state.delete();
      })
    );
  }
  return writes;
}

function restoreRun(
  range: Excel.Range,
  style: OriginalStyle,
  clearValue: boolean,
  rows: number
): void {
  const column = <T>(value: T) => Array.from({ length: rows }, () => [value]);
  if (clearValue) range.values = column("");
  if (style.fillColor) range.format.fill.color = argbToHex(style.fillColor);
  else range.format.fill.clear();
  if (style.numberFormat !== undefined) range.numberFormat = column(style.numberFormat);
  if (style.bold !== undefined) range.format.font.bold = style.bold;
  if (style.wrapText !== undefined) range.format.wrapText = style.wrapText;
}

type Cell = { sheet: string; row: number; col: number };

/** Consecutive cells of one column that look alike share one range operation: far fewer operations to send. */
function columnRuns<T extends Cell>(cells: T[], key: (cell: T) => string): T[][] {
  const sorted = [...cells].sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || a.col - b.col || a.row - b.row
  );
  const runs: T[][] = [];
  for (const cell of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (
      last &&
      last.sheet === cell.sheet &&
      last.col === cell.col &&
      last.row + 1 === cell.row &&
      key(last) === key(cell)
    )
      run.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

const runRange = (context: Excel.RequestContext, run: Cell[]) =>
  sheetOf(context, run[0].sheet).getRangeByIndexes(run[0].row, run[0].col, run.length, 1);

export function queueStyleLoad(
  context: Excel.RequestContext,
  sheet: string,
  row: number,
  col: number
): Excel.Range {
  const range = cellOf(context, sheet, row, col);
  range.load("numberFormat,format/wrapText,format/fill/color,format/font/bold");
  return range;
}

/** A cell's look as loaded from Excel, in the host-neutral form (white reads as no fill). */
export function styleOf(range: Excel.Range): OriginalStyle {
  const color = range.format.fill.color;
  return {
    fillColor: !color || color.toUpperCase() === NO_FILL ? null : hexToArgb(color),
    numberFormat: String(range.numberFormat[0][0] ?? "General"),
    bold: Boolean(range.format.font.bold),
    wrapText: Boolean(range.format.wrapText),
  };
}

/** The changes that write a plan, with the records that will take them back. */
export function planWrites(
  plan: WritePlan,
  original: (sheet: string, row: number, col: number) => OriginalStyle,
  widthPoints: (sheet: string, col: number) => number | null,
  withSummary: boolean
): { writes: Write[]; records: StateRecord[] } {
  const writes: Write[] = [];
  const records: StateRecord[] = [];
  for (const table of plan.tables) {
    for (const h of table.highlights)
      records.push({
        kind: "highlight",
        sheet: h.sheet,
        row: h.row,
        col: h.col,
        style: original(h.sheet, h.row, h.col),
      });
    for (const run of columnRuns(table.highlights, (h) => h.fill)) {
      writes.push(write((c) => (runRange(c, run).format.fill.color = argbToHex(run[0].fill))));
    }
    for (const o of table.outputs) {
      records.push({
        kind: "output",
        sheet: o.sheet,
        row: o.row,
        col: o.col,
        style: original(o.sheet, o.row, o.col),
        written: o.value,
      });
    }
    writes.push(...outputWrites(table.outputs));
  }
  for (const w of plan.widths) {
    const points = widthPoints(w.sheet, w.col);
    records.push({
      kind: "width",
      sheet: w.sheet,
      col: w.col,
      width: points === null ? null : points / POINTS_PER_CHARACTER,
      ...(points === null ? {} : { points }),
    });
    writes.push(
      write(
        (c) =>
          (sheetOf(c, w.sheet).getRangeByIndexes(0, w.col, 1, 1).format.columnWidth =
            w.width * POINTS_PER_CHARACTER)
      )
    );
  }
  if (withSummary) {
    records.push({ kind: "sheet", sheet: plan.summary.name });
    writes.push(...summaryWrites(plan.summary));
  }
  return { writes, records };
}

/** The 复核汇总 sheet added and written: its cells, run by run, and its column widths. */
export function summaryWrites({ name, cells, widths }: WritePlan["summary"]): Write[] {
  return [
    write((c) => c.workbook.worksheets.add(name)),
    ...outputWrites(cells),
    ...widths.map((width, col) =>
      write(
        (c) =>
          (sheetOf(c, name).getRangeByIndexes(0, col, 1, 1).format.columnWidth =
            width * POINTS_PER_CHARACTER)
      )
    ),
  ];
}

/** The 复核汇总 sheet written again from scratch: it is the tool's own, so it is replaced whole. */
export function summaryRewrites(summary: WritePlan["summary"]): Write[] {
  return [write((c) => sheetOf(c, summary.name).delete()), ...summaryWrites(summary)];
}

/** The state sheet, very hidden, written before anything else so that an interrupted run can still be cleared. */
export function stateWrites(records: StateRecord[]): Write[] {
  const rows = stateToRows(records).map((row) =>
    [...row, ...Array(STATE_COLUMNS).fill(null)]
      .slice(0, STATE_COLUMNS)
      .map((v) => (v === null ? "" : v))
  );
  const writes: Write[] = [write((c) => c.workbook.worksheets.add(STATE_SHEET))];
  const chunk = 2000;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    writes.push(
      write((c) => {
        const sheet = sheetOf(c, STATE_SHEET);
        // Sheet names as text: Excel would turn a sheet called 2023 into a number, or 1-2 into a
        // date. The header row's version number stays a number.
        const from = start === 0 ? 1 : 0;
        if (part.length > from)
          sheet.getRangeByIndexes(start + from, 1, part.length - from, 1).numberFormat = part
            .slice(from)
            .map(() => ["@"]);
        sheet.getRangeByIndexes(start, 0, part.length, STATE_COLUMNS).values = part;
      }, part)
    );
  }
  writes.push(
    write((c) => (sheetOf(c, STATE_SHEET).visibility = Excel.SheetVisibility.veryHidden))
  );
  return writes;
}

/**
 * A value as it must be written through `Range.values`, which parses a string as if typed
 * (a sheet called 2023 would become a number, `=…` a formula): text goes with a leading `'`,
 * which Excel keeps as a prefix and never returns.
 */
export function asTyped(value: string | number): string | number {
  return typeof value === "string" ? `'${value}` : value;
}

/** Output cells written run by run: values and formats of a whole run in one operation each. */
function outputWrites(outputs: OutputCell[]): Write[] {
  const look = (o: OutputCell) =>
    JSON.stringify([o.numberFormat, o.bold, o.fill, o.wrap, o.link && `${o.row},${o.col}`]);
  return columnRuns(outputs, look).map((run) =>
    write(
      (c) => writeRun(runRange(c, run), run),
      run.map((o) => o.value)
    )
  );
}

function writeRun(range: Excel.Range, run: OutputCell[]): void {
  const [first] = run;
  range.values = run.map((o) => [asTyped(o.value)]);
  if (first.numberFormat) range.numberFormat = run.map(() => [first.numberFormat]);
  if (first.bold) range.format.font.bold = true;
  if (first.fill) range.format.fill.color = argbToHex(first.fill);
  if (first.wrap) range.format.wrapText = true;
  if (first.link && supports("1.7")) {
    range.hyperlink = {
      documentReference: linkAddress(first.link),
      textToDisplay: String(first.value),
    };
  }
}
