import { CellRange, parseCell, rangeAddress } from "./address";
import {
  AmbiguousAnnotatedSheetError,
  DamagedStateError,
  MissingAnnotatedSheetError,
  NewerStateVersionError,
} from "./errors";
import { CellValue, SheetGrid } from "./grid";
import { Mark, isFlag } from "./marks";

/**
 * What the tool changed in a workbook, kept in the workbook itself (a very hidden sheet) so
 * that any host — the CLI, the browser page, the add-in — can take it all back.
 */
export const STATE_SHEET = "_selfeval_state";
const STATE_MAGIC = "selfeval-state";
/**
 * The record's layout. Version 1 (before runs): one row per cell, its A1 address in column C,
 * column E the JSON of the one value written (or empty), a width's column D the JSON of the
 * width or of `{width, points}`. Version 2: one row per run of alike cells down one column,
 * column E the JSON array of the values written, one per cell of the run. Version 3: as 2, with
 * the file host's exact originals in the style (`cell`, `xf`, `row`), a `sheet-xml` row per
 * sheet part it edited, and its package facts in column D of the first row. Version 4: as 3, with
 * the reviewer's marks (`mark` rows), which an older tool must not drop by rewriting the record.
 */
const STATE_VERSION = 4;
/** The first version that keeps marks. */
const MARKS_VERSION = 4;
const OLDEST_STATE_VERSION = 1;
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
  /** exceljs's whole style JSON for an output cell, where an earlier file host wrote the record. */
  raw?: string;
  /** exceljs's fill JSON for a highlighted cell, where an earlier file host wrote the record. */
  rawFill?: string;
  /** The file host's exact original of an output cell: its element with the address left empty (`r=""`), '' when there was none. */
  cell?: string;
  /** The file host's exact original of a highlighted cell: its style index, '' when it had none. */
  xf?: string;
  /** The file host's exact original of the cell's row start tag (address left empty), '' when the tool added the row. */
  row?: string;
};

export type StateRecord =
  /** A cell the tool wrote (it was empty), and what it wrote, to tell a later edit by someone from its own output. */
  | {
      kind: "output";
      sheet: string;
      row: number;
      col: number;
      style: OriginalStyle;
      written?: string | number;
    }
  /** A user's cell whose fill the tool changed. */
  | { kind: "highlight"; sheet: string; row: number; col: number; style: OriginalStyle }
  /** A column whose width the tool set, in characters (null: the default); `points` where Excel recorded it. */
  | { kind: "width"; sheet: string; col: number; width: number | null; points?: number }
  /** A sheet the tool added. */
  | { kind: "sheet"; sheet: string }
  /**
   * A worksheet part the file host edited: its digest as written (the originals are exact only
   * while it is unchanged) and its `<cols>` and `<dimension>` elements as they were (null: none).
   */
  | {
      kind: "sheet-xml";
      sheet: string;
      digest: string;
      cols: string | null;
      dimension: string | null;
    }
  /** A reviewer's mark on a finding: not a change to the sheet, so clear has nothing to restore for it. */
  | ({ kind: "mark" } & Mark);

export type MarkRecord = Extract<StateRecord, { kind: "mark" }>;

/** Whether a record stands for a change in a sheet (not a sheet the tool added, not a mark). */
export const changesSheet = (r: StateRecord) => r.kind !== "sheet" && r.kind !== "mark";

/** The marks among the records. */
export function marksOf(records: readonly StateRecord[]): Mark[] {
  return records
    .filter((r): r is MarkRecord => r.kind === "mark")
    .map(({ kind: _kind, ...mark }) => mark);
}

export const markRecords = (marks: readonly Mark[]): StateRecord[] =>
  marks.map((mark) => ({ kind: "mark", ...mark }));

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Excel's column width unit: a character of the default font is about 5.7 points wide. */
export const POINTS_PER_CHARACTER = 5.7;

/**
 * The grids as they were before the recorded annotations: the tool's cells emptied and its
 * sheets left out, so that detection and planning never see the tool's own output.
 */
export function withoutAnnotations(grids: SheetGrid[], records: StateRecord[]): SheetGrid[] {
  const added = new Set(records.filter((r) => r.kind === "sheet").map((r) => r.sheet));
  return grids
    .filter((g) => !added.has(g.name) && g.name !== STATE_SHEET)
    .map((grid) => {
      const outputs = records.filter(
        (r): r is OutputRecord => r.kind === "output" && r.sheet === grid.name
      );
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

export type OutputRecord = Extract<StateRecord, { kind: "output" }>;

/**
 * Whether someone typed over a cell the tool wrote: such a cell is theirs now, and neither
 * rescore nor clear touches it.
 */
export function editedSince(record: OutputRecord, current: CellValue): boolean {
  if (record.written === undefined) return false;
  return (current ?? "") !== record.written;
}

type CellRecord = Extract<StateRecord, { kind: "output" | "highlight" }>;

/** A cell holds at most 32,767 characters; a run's list of written values stays well under. */
const MAX_RUN_TEXT = 30000;

/**
 * One row of the state sheet per run of alike cells (same kind, column and original style,
 * consecutive rows): a table's output column is a handful of rows, not one per cell.
 */
function runsOf(records: CellRecord[]): CellRecord[][] {
  const runs: CellRecord[][] = [];
  let text = 0;
  let lastStyle = "";
  for (const record of records) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    const size = JSON.stringify(record.kind === "output" ? (record.written ?? null) : null).length;
    // Most records share their style object with the previous one; the text compares the rest.
    const style = last?.style === record.style ? lastStyle : JSON.stringify(record.style);
    const joins =
      last &&
      last.kind === record.kind &&
      last.sheet === record.sheet &&
      last.col === record.col &&
      last.row + 1 === record.row &&
      style === lastStyle &&
      text + size < MAX_RUN_TEXT;
    lastStyle = style;
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

/** `hostData`: what one host keeps for itself (JSON text), in column D of the first row; other hosts pass it by. */
export function stateToRows(records: StateRecord[], hostData: string | null = null): CellValue[][] {
  const rows: CellValue[][] = [
    [
      STATE_MAGIC,
      STATE_VERSION,
      "本工作表由绩效自评复核助手维护，用于撤销复核标注，请勿修改。",
      hostData,
    ],
  ];
  const cells = records
    .filter((r): r is CellRecord => r.kind === "output" || r.kind === "highlight")
    // Code-point order: a locale's collation is slow and the order only groups runs.
    .sort(
      (a, b) =>
        compare(a.kind, b.kind) || compare(a.sheet, b.sheet) || a.col - b.col || a.row - b.row
    );
  for (const run of runsOf(cells)) {
    const [first] = run;
    const last = run[run.length - 1];
    const where = rangeAddress({
      top: first.row,
      left: first.col,
      bottom: last.row,
      right: last.col,
    });
    const written =
      first.kind === "output"
        ? JSON.stringify(run.map((r) => (r.kind === "output" ? (r.written ?? null) : null)))
        : null;
    rows.push([first.kind, first.sheet, where, JSON.stringify(first.style), written]);
  }
  for (const record of records) {
    if (record.kind === "sheet") rows.push([record.kind, record.sheet, null, null]);
    if (record.kind === "width")
      rows.push([
        record.kind,
        record.sheet,
        record.col,
        JSON.stringify({ width: record.width, points: record.points }),
      ]);
    if (record.kind === "sheet-xml")
      rows.push([
        record.kind,
        record.sheet,
        null,
        JSON.stringify({ cols: record.cols, dimension: record.dimension }),
        record.digest,
      ]);
    // The reason is inside the JSON: text written as such could be read back as a formula.
    if (record.kind === "mark") {
      const { flag, status, reason, at } = record;
      rows.push([
        record.kind,
        record.sheet,
        record.row,
        JSON.stringify({ flag, status, reason, at }),
      ]);
    }
  }
  return rows;
}

/**
 * Reads the records back, by the rules of the version that wrote them. Every field of every
 * row is checked; anything out of shape is a DamagedStateError naming the row, never a partial
 * list: restoring half of the annotations would leave the rest in the workbook for good.
 */
export function stateFromRows(rows: readonly (readonly unknown[])[]): StateRecord[] {
  // Every check throws its own DamagedStateError naming the row; anything else is a bug, not damage.
  const version = versionOf(rows);
  const parse = version === 1 ? parseRowV1 : parseRowV2;
  // Versions 2 to 4 share one layout; 3 adds the `sheet-xml` kind and the file host's exact
  // originals, 4 the `mark` kind.
  return rows.slice(1).flatMap((row, k) => {
    const at = k + 2;
    if (row?.[0] === "mark")
      return version >= MARKS_VERSION ? [parseMark(row, at)] : fail(at, FIELD.kind);
    return parse(row ?? [], at);
  });
}

/** The host data kept in the first row (see `stateToRows`), or null. */
export function hostDataOf(rows: readonly (readonly unknown[])[]): string | null {
  const data = rows[0]?.[3];
  return typeof data === "string" && data !== "" ? data : null;
}

function versionOf(rows: readonly (readonly unknown[])[]): number {
  const [magic, version] = rows[0] ?? [];
  if (magic !== STATE_MAGIC) damaged(1, "不是复核助手的记录", "not a record of this tool");
  // A host may have stored the number as text.
  const n =
    typeof version === "number"
      ? version
      : typeof version === "string" && /^\d+$/.test(version.trim())
        ? Number(version)
        : NaN;
  if (!Number.isInteger(n) || n < OLDEST_STATE_VERSION)
    damaged(1, "版本号无法识别", "unreadable version");
  if (n > STATE_VERSION) throw new NewerStateVersionError(n);
  return n;
}

function damaged(row: number, zh: string, en: string): never {
  throw new DamagedStateError({ row, zh, en });
}

type Field = { zh: string; en: string };
const FIELD = {
  kind: { zh: "类别无法识别", en: "unknown kind" },
  sheet: { zh: "工作表名称无法读取", en: "no readable sheet name" },
  cells: { zh: "单元格地址无法读取", en: "unreadable cell address" },
  style: { zh: "原有格式无法读取", en: "unreadable original style" },
  written: { zh: "写入值与单元格不符", en: "written values do not fit the cells" },
  column: { zh: "列号无法读取", en: "unreadable column" },
  width: { zh: "列宽无法读取", en: "unreadable column width" },
  extra: { zh: "有多余的内容", en: "unexpected content" },
  elements: { zh: "工作表原有结构无法读取", en: "unreadable original sheet elements" },
  markRow: { zh: "复核标记的行号无法读取", en: "unreadable row of a review mark" },
  mark: { zh: "复核标记无法读取", en: "unreadable review mark" },
} satisfies Record<string, Field>;

function fail(row: number, field: Field): never {
  return damaged(row, field.zh, field.en);
}

/** Excel's limits: 16,384 columns, 1,048,576 rows. */
const MAX_COL = 16383;
const MAX_ROW = 1048575;

/** Empty as either host reads an empty cell back. */
const isEmpty = (value: unknown) => value === null || value === undefined || value === "";

function kindOf(value: unknown, row: number): StateRecord["kind"] {
  if (
    value === "output" ||
    value === "highlight" ||
    value === "width" ||
    value === "sheet" ||
    value === "sheet-xml"
  )
    return value;
  return fail(row, FIELD.kind);
}

/**
 * A sheet name. Excel may have turned a name such as `2023` into a number when an older
 * version of the add-in wrote it, so a number reads as its text.
 */
function sheetOf(value: unknown, row: number): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string" || value.trim() === "" || value === STATE_SHEET)
    return fail(row, FIELD.sheet);
  return value;
}

function cellOf(text: string): { row: number; col: number } | null {
  const match = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(text);
  if (!match) return null;
  const { row, col } = parseCell(text);
  return row <= MAX_ROW && col <= MAX_COL ? { row, col } : null;
}

/** Version 2: `H9` or `H9:H12`, one column, top to bottom. */
function runOf(value: unknown, row: number): CellRange {
  if (typeof value !== "string") return fail(row, FIELD.cells);
  const [a, b, ...rest] = value.split(":");
  const start = cellOf(a);
  const end = b === undefined ? start : cellOf(b);
  if (!start || !end || rest.length || start.col !== end.col || start.row > end.row)
    return fail(row, FIELD.cells);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

function jsonOf(value: unknown, row: number, field: Field): unknown {
  if (typeof value !== "string") return fail(row, field);
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return fail(row, field);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** JSON text of an object, as `raw` and `rawFill` hold exceljs's own style and fill. */
function isObjectJson(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    return isObject(JSON.parse(value));
  } catch {
    return false;
  }
}

function styleOf(value: unknown, row: number): OriginalStyle {
  const style = jsonOf(value, row, FIELD.style);
  if (!isObject(style)) return fail(row, FIELD.style);
  const ok =
    "fillColor" in style &&
    (style.fillColor === null || typeof style.fillColor === "string") &&
    (style.numberFormat === undefined || typeof style.numberFormat === "string") &&
    (style.bold === undefined || typeof style.bold === "boolean") &&
    (style.wrapText === undefined || typeof style.wrapText === "boolean") &&
    (style.raw === undefined || isObjectJson(style.raw)) &&
    (style.rawFill === undefined || isObjectJson(style.rawFill)) &&
    [style.cell, style.xf, style.row].every((v) => v === undefined || typeof v === "string");
  if (!ok) return fail(row, FIELD.style);
  return style as OriginalStyle;
}

const isWrittenValue = (value: unknown): value is string | number | null =>
  value === null ||
  typeof value === "string" ||
  (typeof value === "number" && Number.isFinite(value));

function columnOf(value: unknown, row: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_COL)
    return fail(row, FIELD.column);
  return value;
}

const isWidth = (value: unknown): value is number =>
  typeof value === "number" && Number.isFinite(value) && value >= 0;

function widthOf(
  value: unknown,
  row: number,
  bare: boolean
): { width: number | null; points?: number } {
  const data = jsonOf(value, row, FIELD.width);
  // Version 1 first kept the width alone.
  if (bare && (data === null || isWidth(data))) return { width: data };
  if (
    !isObject(data) ||
    !(data.width === null || isWidth(data.width)) ||
    !(data.points === undefined || isWidth(data.points))
  )
    return fail(row, FIELD.width);
  return { width: data.width, ...(data.points !== undefined ? { points: data.points } : {}) };
}

function emptyFrom(row: readonly unknown[], from: number, at: number): void {
  for (let c = from; c < Math.max(row.length, STATE_COLUMNS); c++)
    if (!isEmpty(row[c])) fail(at, FIELD.extra);
}

/** Sheet and width rows, read alike by both versions (version 1 may store a bare width). */
function parseSheetOrWidth(
  row: readonly unknown[],
  at: number,
  version: 1 | 2
): StateRecord[] | null {
  const [kindCell, sheetCell, where, data] = row;
  const kind = kindOf(kindCell, at);
  const sheet = sheetOf(sheetCell, at);
  if (kind === "sheet") {
    emptyFrom(row, 2, at);
    return [{ kind, sheet }];
  }
  if (kind === "width") {
    const col = columnOf(where, at);
    const width = widthOf(data, at, version === 1);
    emptyFrom(row, 4, at);
    return [{ kind, sheet, col, ...width }];
  }
  if (kind === "sheet-xml") {
    const elements = jsonOf(data, at, FIELD.elements);
    const digest = row[4];
    const isElement = (v: unknown) => v === null || typeof v === "string";
    if (
      !isEmpty(where) ||
      !isObject(elements) ||
      !isElement(elements.cols) ||
      !isElement(elements.dimension)
    )
      return fail(at, FIELD.elements);
    if (typeof digest !== "string" || !/^\d+:[0-9a-f]+$/.test(digest))
      return fail(at, FIELD.elements);
    emptyFrom(row, 5, at);
    return [
      {
        kind,
        sheet,
        digest,
        cols: elements.cols as string | null,
        dimension: elements.dimension as string | null,
      },
    ];
  }
  return null;
}

/** `mark | sheet | row (1-based) | {flag, status, reason, at}`. */
function parseMark(row: readonly unknown[], at: number): MarkRecord {
  const [, sheetCell, where, data] = row;
  const sheet = sheetOf(sheetCell, at);
  if (typeof where !== "number" || !Number.isInteger(where) || where < 1 || where > MAX_ROW + 1)
    return fail(at, FIELD.markRow);
  const mark = jsonOf(data, at, FIELD.mark);
  if (
    !isObject(mark) ||
    !isFlag(mark.flag) ||
    (mark.status !== "checked" && mark.status !== "dismissed") ||
    typeof mark.reason !== "string" ||
    (mark.status === "dismissed" && mark.reason.trim() === "") ||
    !(mark.at === undefined || typeof mark.at === "string")
  )
    return fail(at, FIELD.mark);
  emptyFrom(row, 4, at);
  const { flag, status, reason } = mark;
  return {
    kind: "mark",
    sheet,
    row: where,
    flag,
    status,
    reason,
    ...(typeof mark.at === "string" ? { at: mark.at } : {}),
  };
}

function parseRowV2(row: readonly unknown[], at: number): StateRecord[] {
  const common = parseSheetOrWidth(row, at, 2);
  if (common) return common;
  const [kindCell, sheetCell, where, data, written] = row;
  const kind = kindOf(kindCell, at) as "output" | "highlight";
  const sheet = sheetOf(sheetCell, at);
  const range = runOf(where, at);
  const style = styleOf(data, at);
  const length = range.bottom - range.top + 1;
  emptyFrom(row, 5, at);
  if (kind === "highlight") {
    if (!isEmpty(written)) fail(at, FIELD.written);
    return Array.from({ length }, (_, k) => ({
      kind,
      sheet,
      row: range.top + k,
      col: range.left,
      style,
    }));
  }
  const values = jsonOf(written, at, FIELD.written);
  if (!Array.isArray(values) || values.length !== length || !values.every(isWrittenValue))
    return fail(at, FIELD.written);
  return values.map((value, k) => ({
    kind,
    sheet,
    row: range.top + k,
    col: range.left,
    style,
    ...(value === null ? {} : { written: value }),
  }));
}

function parseRowV1(row: readonly unknown[], at: number): StateRecord[] {
  const common = parseSheetOrWidth(row, at, 1);
  if (common) return common;
  const [kindCell, sheetCell, where, data, written] = row;
  const kind = kindOf(kindCell, at) as "output" | "highlight";
  const sheet = sheetOf(sheetCell, at);
  const cell = typeof where === "string" ? cellOf(where) : null;
  if (!cell) return fail(at, FIELD.cells);
  const style = styleOf(data, at);
  emptyFrom(row, 5, at);
  if (kind === "highlight") {
    if (!isEmpty(written)) fail(at, FIELD.written);
    return [{ kind, sheet, ...cell, style }];
  }
  // The first version-1 writers kept no written value at all.
  const value = isEmpty(written) ? null : jsonOf(written, at, FIELD.written);
  if (!isWrittenValue(value)) return fail(at, FIELD.written);
  return [{ kind, sheet, ...cell, style, ...(value === null ? {} : { written: value }) }];
}

/**
 * The records with each sheet as it is named now. A recorded sheet that no longer exists by
 * its name was renamed (or deleted): it is the one sheet, among those the record does not
 * name, whose cells at the recorded output positions still hold exactly what the tool wrote.
 * This needs no host's sheet id, so a workbook annotated by one host is found by the other.
 * No such sheet, or more than one, is an error, and nothing is restored.
 */
export function locateSheets(
  records: StateRecord[],
  sheets: readonly string[],
  valueAt: (sheet: string, row: number, col: number) => CellValue
): StateRecord[] {
  const present = new Set(sheets);
  // A mark alone does not hold a sheet: one on a sheet gone since is stale, not lost annotations.
  const named = new Set(records.filter((r) => r.kind !== "mark").map((r) => r.sheet));
  const missing = [
    ...new Set(records.filter((r) => changesSheet(r) && !present.has(r.sheet)).map((r) => r.sheet)),
  ];
  if (missing.length === 0) return records;
  const candidates = sheets.filter((s) => !named.has(s) && s !== STATE_SHEET);
  const renamed = new Map<string, string>();
  const lost: string[] = [];
  for (const name of missing) {
    const outputs = records.filter(
      (r): r is OutputRecord => r.kind === "output" && r.sheet === name && r.written !== undefined
    );
    const matches =
      outputs.length === 0
        ? []
        : candidates.filter((s) => outputs.every((o) => valueAt(s, o.row, o.col) === o.written));
    if (matches.length > 1) throw new AmbiguousAnnotatedSheetError([name], matches);
    if (matches.length === 0) lost.push(name);
    else renamed.set(name, matches[0]);
  }
  if (lost.length) throw new MissingAnnotatedSheetError(lost);
  const claimed = new Map<string, string[]>();
  for (const [from, to] of renamed) claimed.set(to, [...(claimed.get(to) ?? []), from]);
  for (const [to, from] of claimed)
    if (from.length > 1) throw new AmbiguousAnnotatedSheetError(from, [to]);
  return records.map((r) => (renamed.has(r.sheet) ? { ...r, sheet: renamed.get(r.sheet)! } : r));
}
