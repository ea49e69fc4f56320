import { CellRange, cellAddress } from "../core/address";
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
import { Cell, Segment, columnSegments, rowRuns, segmentColumn } from "./column-segments";
import { supports } from "./requirements";
import { forgetSheet, sheetOf } from "./sheet-proxies";

/** One queued change and its estimated request size. */
type Write = { bytes: number; queue: (context: Excel.RequestContext) => void };

/** The merged areas of a sheet, as read: no range operation may cut one. */
export type MergesOf = (sheet: string) => CellRange[];

/** Excel's standard column width, 8.43 characters, for a width recorded as the default. */
const DEFAULT_COLUMN_POINTS = 8.43 * POINTS_PER_CHARACTER;

const argbToHex = (argb: string) => `#${argb.slice(-6)}`;
const hexToArgb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Queues writes in batches under the payload budget, one sync per batch, in order. */
export async function runWrites(context: Excel.RequestContext, writes: Write[]): Promise<void> {
  await syncInBatches(
    context,
    writes,
    (w) => w.bytes,
    (batch) => batch.forEach((w) => w.queue(context))
  );
}

const encoder = new TextEncoder();
const write = (queue: Write["queue"], payload: unknown = null): Write => ({
  bytes: BYTES_PER_WRITE + (payload === null ? 0 : encoder.encode(JSON.stringify(payload)).length),
  queue,
});

const segmentRange = (context: Excel.RequestContext, s: Segment<Cell>) =>
  sheetOf(context, s.sheet).getRangeByIndexes(s.top, s.col, s.bottom - s.top + 1, 1);

const runRange = (context: Excel.RequestContext, run: Cell[]) =>
  sheetOf(context, run[0].sheet).getRangeByIndexes(run[0].row, run[0].col, run.length, 1);

/** A column's width, set through its first cell. */
const setWidth = (context: Excel.RequestContext, sheet: string, col: number, points: number) =>
  (sheetOf(context, sheet).getRangeByIndexes(0, col, 1, 1).format.columnWidth = points);

/** Whether any cell of the segment has something to say for this property. */
const any = <T extends Cell>(s: Segment<T>, has: (cell: T) => boolean) =>
  [...s.cells.values()].some(has);

/** A cell's entry in `setCellProperties` that changes nothing: unset properties stay as they are. */
const UNCHANGED: Excel.SettableCellProperties = {};

type Annotated = Extract<StateRecord, { kind: "output" | "highlight" }>;

/**
 * The changes that take every recorded annotation out again; a cell someone typed over
 * since (`current` tells its value) is theirs and stays.
 */
export function restoreWrites(
  records: StateRecord[],
  existingSheets: Set<string>,
  current: (sheet: string, row: number, col: number) => CellValue,
  mergesOf: MergesOf
): Write[] {
  const present = records.filter((r) => existingSheets.has(r.sheet));
  const cells = present.filter(
    (r): r is Annotated =>
      (r.kind === "output" && !editedSince(r, current(r.sheet, r.row, r.col))) ||
      r.kind === "highlight"
  );
  const segments = columnSegments(cells, mergesOf);
  const writes = [...segments.map(restoreSegment), ...clearFills(segments)];
  for (const record of present) {
    if (record.kind === "width") {
      const points =
        record.points ??
        (record.width === null ? DEFAULT_COLUMN_POINTS : record.width * POINTS_PER_CHARACTER);
      writes.push(write((c) => setWidth(c, record.sheet, record.col, points)));
    }
  }
  for (const record of present)
    if (record.kind === "sheet") writes.push(write((c) => deleteSheet(c, record.sheet)));
  // Excel refuses to delete a very hidden sheet: it is made merely hidden first, in the same batch.
  if (existingSheets.has(STATE_SHEET)) {
    writes.push(
      write((c) => {
        sheetOf(c, STATE_SHEET).visibility = Excel.SheetVisibility.hidden;
        deleteSheet(c, STATE_SHEET);
      })
    );
  }
  return writes;
}

function deleteSheet(context: Excel.RequestContext, name: string): void {
  sheetOf(context, name).delete();
  forgetSheet(context, name);
}

/**
 * One stretch of a column back as it was: the tool's values emptied, the recorded number
 * formats and looks set again (other cells' entries left unchanged: null in a 2-D array,
 * `{}` in cell properties).
 */
function restoreSegment(segment: Segment<Annotated>): Write {
  const outputs = any(segment, (r) => r.kind === "output");
  const values = outputs
    ? segmentColumn(segment, (r) => (r.kind === "output" ? "" : null), null)
    : null;
  const formats = any(segment, (r) => r.style.numberFormat !== undefined)
    ? segmentColumn(segment, (r) => r.style.numberFormat ?? null, null)
    : null;
  const looks = any(segment, (r) => Object.keys(recordedLook(r.style)).length > 0)
    ? segmentColumn(segment, (r) => ({ format: recordedLook(r.style) }), UNCHANGED)
    : null;
  return write(
    (c) => {
      const range = segmentRange(c, segment);
      if (values) range.values = values;
      if (formats) range.numberFormat = formats;
      if (looks) range.setCellProperties(looks);
    },
    [values, formats, looks]
  );
}

/**
 * How long one multi-area address may be. No limit is documented for `getRanges`; this is
 * the length of a reference Excel accepts everywhere (a formula's or VBA's `Range`).
 */
const LONGEST_AREAS_ADDRESS = 255;

/**
 * The cells that had no fill get none again (`fill.clear()`: a white fill is not the same).
 * The runs of a sheet go as one multi-area range (ExcelApi 1.9) per address of at most
 * 255 characters: one operation where a run each would cost thousands.
 */
function clearFills(segments: Segment<Annotated>[]): Write[] {
  const areas = new Map<string, string[]>();
  for (const segment of segments) {
    for (const run of rowRuns(segment, (r) => !r.style.fillColor)) {
      const first = run[0];
      const last = run[run.length - 1];
      const address =
        run.length === 1
          ? cellAddress(first.row, first.col)
          : `${cellAddress(first.row, first.col)}:${cellAddress(last.row, last.col)}`;
      areas.set(first.sheet, [...(areas.get(first.sheet) ?? []), address]);
    }
  }
  const writes: Write[] = [];
  for (const [sheet, list] of areas) {
    let address = "";
    const flush = () => {
      const target = address;
      if (target)
        writes.push(write((c) => sheetOf(c, sheet).getRanges(target).format.fill.clear(), target));
      address = "";
    };
    for (const area of list) {
      if (address && address.length + 1 + area.length > LONGEST_AREAS_ADDRESS) flush();
      address = address ? `${address},${area}` : area;
    }
    flush();
  }
  return writes;
}

function recordedLook(style: OriginalStyle): Excel.CellPropertiesFormat {
  return {
    ...(style.fillColor ? { fill: { color: argbToHex(style.fillColor) } } : {}),
    ...(style.bold !== undefined ? { font: { bold: style.bold } } : {}),
    ...(style.wrapText !== undefined ? { wrapText: style.wrapText } : {}),
  };
}

/**
 * What a cell's original look is read with: the fill of a highlighted cell, more of an output
 * cell. A cell without a fill reads white, as a white one does; only its `tintAndShade` is
 * null (office-js#4900, #6218).
 */
const FILL = { color: true, tintAndShade: true };
const LOOK_OF_HIGHLIGHT = { format: { fill: FILL } };
const LOOK_OF_OUTPUT = { format: { fill: FILL, font: { bold: true }, wrapText: true } };

/**
 * Estimated response bytes per cell of a look read: an output cell's properties and number
 * format come to about 110 bytes of JSON, a highlighted cell's fill to about 55.
 */
export function lookBytes(segment: LookSegment): number {
  const rows = segment.bottom - segment.top + 1;
  return rows * (any(segment, (c) => c.output) ? 128 : 64);
}

type LookSegment = Segment<Cell & { output: boolean }>;
/** A look read queued: the segment, its range and its cell properties, read once synced. */
export type QueuedLook = {
  segment: LookSegment;
  range: Excel.Range;
  properties: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
};

/** Queues the reading of the cells' original looks, a stretch of a column in one operation. */
export function queueLookLoad(context: Excel.RequestContext, segment: LookSegment): QueuedLook {
  const range = segmentRange(context, segment);
  const outputs = any(segment, (c) => c.output);
  const properties = range.getCellProperties(outputs ? LOOK_OF_OUTPUT : LOOK_OF_HIGHLIGHT);
  if (outputs) range.load("numberFormat");
  return { segment, range, properties };
}

/** The original look of each cell of a synced look read, in the host-neutral form. */
export function looksOf({ segment, range, properties }: QueuedLook): [Cell, OriginalStyle][] {
  return [...segment.cells.values()].map((cell) => {
    const k = cell.row - segment.top;
    const format = properties.value[k][0].format ?? {};
    const color = format.fill?.color;
    const unfilled = !color || format.fill?.tintAndShade === null;
    const fillColor = unfilled ? null : hexToArgb(color);
    if (!cell.output) return [cell, { fillColor }];
    return [
      cell,
      {
        fillColor,
        numberFormat: String(range.numberFormat[k][0] ?? "General"),
        bold: Boolean(format.font?.bold),
        wrapText: Boolean(format.wrapText),
      },
    ];
  });
}

/** The changes that write a plan, with the records that will take them back. */
export function planWrites(
  plan: WritePlan,
  original: (sheet: string, row: number, col: number) => OriginalStyle,
  widthPoints: (sheet: string, col: number) => number | null,
  withSummary: boolean,
  mergesOf: MergesOf
): { writes: Write[]; records: StateRecord[] } {
  const writes: Write[] = [];
  const records: StateRecord[] = [];
  const highlights = plan.tables.flatMap((t) => t.highlights);
  const outputs = plan.tables.flatMap((t) => t.outputs);
  for (const h of highlights)
    records.push({
      kind: "highlight",
      sheet: h.sheet,
      row: h.row,
      col: h.col,
      style: original(h.sheet, h.row, h.col),
    });
  for (const o of outputs)
    records.push({
      kind: "output",
      sheet: o.sheet,
      row: o.row,
      col: o.col,
      style: original(o.sheet, o.row, o.col),
      written: o.value,
    });
  for (const segment of columnSegments(highlights, mergesOf)) {
    const fills = segmentColumn(
      segment,
      (h) => ({ format: { fill: { color: argbToHex(h.fill) } } }),
      UNCHANGED
    );
    writes.push(write((c) => segmentRange(c, segment).setCellProperties(fills), fills));
  }
  writes.push(...outputWrites(outputs, mergesOf));
  for (const w of plan.widths) {
    const points = widthPoints(w.sheet, w.col);
    records.push({
      kind: "width",
      sheet: w.sheet,
      col: w.col,
      width: points === null ? null : points / POINTS_PER_CHARACTER,
      ...(points === null ? {} : { points }),
    });
    writes.push(write((c) => setWidth(c, w.sheet, w.col, w.width * POINTS_PER_CHARACTER)));
  }
  if (withSummary) {
    records.push({ kind: "sheet", sheet: plan.summary.name });
    writes.push(...summaryWrites(plan.summary));
  }
  return { writes, records };
}

/** The 复核汇总 sheet added and written: its cells, stretch by stretch, and its column widths. */
export function summaryWrites({ name, cells, widths }: WritePlan["summary"]): Write[] {
  return [
    write((c) => addSheet(c, name)),
    ...outputWrites(cells, () => []),
    ...widths.map((width, col) =>
      write((c) => setWidth(c, name, col, width * POINTS_PER_CHARACTER))
    ),
    // Printed on landscape A4, one page wide, as many pages long as it takes.
    write((c) => {
      const layout = sheetOf(c, name).pageLayout;
      layout.orientation = Excel.PageOrientation.landscape;
      layout.paperSize = Excel.PaperType.a4;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    }),
  ];
}

/**
 * Adds a sheet. The proxy `add` returns is good for its own request only, so later operations
 * reach the sheet by name.
 */
function addSheet(context: Excel.RequestContext, name: string): void {
  context.workbook.worksheets.add(name);
  forgetSheet(context, name);
}

/** The 复核汇总 sheet written again from scratch: it is the tool's own, so it is replaced whole. */
export function summaryRewrites(summary: WritePlan["summary"]): Write[] {
  return [write((c) => deleteSheet(c, summary.name)), ...summaryWrites(summary)];
}

/** The state sheet, very hidden, written before anything else so that an interrupted run can still be cleared. */
export function stateWrites(records: StateRecord[]): Write[] {
  const rows = stateToRows(records).map((row) =>
    [...row, ...Array(STATE_COLUMNS).fill(null)]
      .slice(0, STATE_COLUMNS)
      .map((v) => (v === null ? "" : v))
  );
  const writes: Write[] = [write((c) => addSheet(c, STATE_SHEET))];
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

/**
 * Output cells written stretch by stretch: the values, number formats and looks of a whole
 * stretch of a column in one operation each, the cells between left unchanged.
 */
function outputWrites(outputs: OutputCell[], mergesOf: MergesOf): Write[] {
  const writes = columnSegments(outputs, mergesOf).map((segment) => {
    const values = segmentColumn(segment, (o) => asTyped(o.value), null);
    const formats = any(segment, (o) => Boolean(o.numberFormat))
      ? segmentColumn(segment, (o) => o.numberFormat ?? null, null)
      : null;
    const looks = any(segment, (o) => Object.keys(outputLook(o)).length > 0)
      ? segmentColumn(segment, (o) => ({ format: outputLook(o) }), UNCHANGED)
      : null;
    return write(
      (c) => {
        const range = segmentRange(c, segment);
        range.values = values;
        if (formats) range.numberFormat = formats;
        if (looks) range.setCellProperties(looks);
      },
      [values, formats, looks]
    );
  });
  if (supports("1.7")) {
    for (const o of outputs) {
      const link = o.link;
      if (!link) continue;
      writes.push(
        write(
          (c) =>
            (runRange(c, [o]).hyperlink = {
              documentReference: linkAddress(link),
              textToDisplay: String(o.value),
            })
        )
      );
    }
  }
  return writes;
}

function outputLook(o: OutputCell): Excel.CellPropertiesFormat {
  return {
    ...(o.fill ? { fill: { color: argbToHex(o.fill) } } : {}),
    ...(o.bold ? { font: { bold: true } } : {}),
    ...(o.wrap ? { wrapText: true } : {}),
  };
}
