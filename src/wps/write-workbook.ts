import { CellRange } from "../core/address";
import { CellValue } from "../core/grid";
import { OutputCell, TablePlan, WritePlan, linkAddress } from "../core/plan";
import {
  OriginalStyle,
  POINTS_PER_CHARACTER,
  STATE_COLUMNS,
  STATE_SHEET,
  StateRecord,
  editedSince,
  stateToRows,
} from "../core/state";
import { columnRuns, eachUniform, runArea } from "./areas";
import { Book } from "./book";
import { HIDDEN, NO_FILL_INDEX, VERY_HIDDEN, WORKSHEET_TYPE, WpsRange } from "./object-model";
import { WHITE, argbToBgr, asTyped, bgrToArgb } from "./values";

type CellRecord = Extract<StateRecord, { kind: "output" | "highlight" }>;
type Cell = { sheet: string; row: number; col: number };

const key = (sheet: string, row: number, col: number) => `${sheet}!${row}:${col}`;
const columnArea = (col: number): CellRange => ({ top: 0, left: col, bottom: 0, right: col });

function setFill(range: WpsRange, argb: string | null): void {
  if (argb) range.Interior.Color = argbToBgr(argb);
  else range.Interior.ColorIndex = NO_FILL_INDEX;
}

/**
 * The look of every cell the plan writes or fills, before the tool touches it: a cell already
 * annotated keeps its first original; the others are read a column at a time, the cells
 * between them included, and a column whose cells differ is read again in halves.
 */
export function loadOriginals(book: Book, plans: TablePlan[], records: StateRecord[]) {
  const known = new Map<string, OriginalStyle>();
  for (const r of records)
    if (r.kind === "output" || r.kind === "highlight")
      known.set(key(r.sheet, r.row, r.col), r.style);
  const cells = plans
    .flatMap((t): Cell[] => [...t.highlights, ...t.outputs])
    .filter((c) => !known.has(key(c.sheet, c.row, c.col)));
  const byColumn = new Map<string, Cell[]>();
  for (const c of cells) {
    const column = `${c.sheet}\u0000${c.col}`;
    byColumn.set(column, [...(byColumn.get(column) ?? []), c]);
  }
  for (const column of byColumn.values()) {
    const { sheet, col } = column[0];
    const rows = column.map((c) => c.row);
    const wanted = new Set(rows);
    const area = { top: Math.min(...rows), left: col, bottom: Math.max(...rows), right: col };
    eachUniform(
      area,
      (part) => (hasRow(wanted, part) ? lookOf(book.range(sheet, part)) : NOTHING),
      (part, style) => {
        for (let r = part.top; r <= part.bottom; r++)
          if (wanted.has(r)) known.set(key(sheet, r, col), style);
      },
      { fillColor: null }
    );
  }
  return (sheet: string, row: number, col: number): OriginalStyle =>
    known.get(key(sheet, row, col)) ?? { fillColor: null };
}

/** A part holding none of the wanted cells needs no reading. */
const NOTHING: OriginalStyle = { fillColor: null };
const hasRow = (rows: Set<number>, part: CellRange) => {
  for (let r = part.top; r <= part.bottom; r++) if (rows.has(r)) return true;
  return false;
};

/** A range's look when all its cells share it, else null; white reads as no fill, as in the Excel host. */
function lookOf(range: WpsRange): OriginalStyle | null {
  const color = range.Interior.Color as unknown;
  if (typeof color !== "number") return null;
  const numberFormat = range.NumberFormat;
  if (typeof numberFormat !== "string") return null;
  const bold = range.Font.Bold as unknown;
  if (typeof bold !== "boolean") return null;
  const wrapText = range.WrapText as unknown;
  if (typeof wrapText !== "boolean") return null;
  return { fillColor: color === WHITE ? null : bgrToArgb(color), numberFormat, bold, wrapText };
}

/** Column widths (characters) before the tool set them; a column at its sheet's standard width is the default (null). */
export function loadWidths(
  book: Book,
  widths: { sheet: string; col: number }[],
  records: StateRecord[]
) {
  const known = new Map<string, number | null>();
  for (const r of records)
    if (r.kind === "width")
      known.set(
        `${r.sheet}!${r.col}`,
        r.width ?? (r.points !== undefined ? r.points / POINTS_PER_CHARACTER : null)
      );
  const standards = new Map<string, number>();
  for (const w of widths) {
    if (known.has(`${w.sheet}!${w.col}`)) continue;
    if (!standards.has(w.sheet)) standards.set(w.sheet, Number(book.sheet(w.sheet).StandardWidth));
    const width = Number(book.range(w.sheet, columnArea(w.col)).ColumnWidth);
    const standard = Math.abs(width - standards.get(w.sheet)!) < 0.1;
    known.set(`${w.sheet}!${w.col}`, standard ? null : width);
  }
  return (sheet: string, col: number) => known.get(`${sheet}!${col}`) ?? null;
}

/** The records of what a plan changes, each with its original. */
export function planRecords(
  plan: WritePlan,
  original: (sheet: string, row: number, col: number) => OriginalStyle,
  width: (sheet: string, col: number) => number | null,
  withSummary: boolean
): StateRecord[] {
  const records: StateRecord[] = [];
  for (const table of plan.tables) {
    for (const h of table.highlights)
      records.push({ kind: "highlight", ...at(h), style: original(h.sheet, h.row, h.col) });
    for (const o of table.outputs)
      records.push({
        kind: "output",
        ...at(o),
        style: original(o.sheet, o.row, o.col),
        written: o.value,
      });
  }
  for (const w of plan.widths)
    records.push({ kind: "width", sheet: w.sheet, col: w.col, width: width(w.sheet, w.col) });
  if (withSummary) records.push({ kind: "sheet", sheet: plan.summary.name });
  return records;
}

const at = (c: Cell) => ({ sheet: c.sheet, row: c.row, col: c.col });

/** Writes a plan: fills and output cells run by run, the output columns' widths, and 复核汇总. */
export function writePlan(book: Book, plan: WritePlan, withSummary: boolean): void {
  for (const table of plan.tables) {
    for (const run of columnRuns(table.highlights, (h) => h.fill))
      setFill(book.target(run[0].sheet, runArea(run)), run[0].fill);
    writeOutputs(book, table.outputs);
  }
  for (const w of plan.widths) book.range(w.sheet, columnArea(w.col)).ColumnWidth = w.width;
  if (withSummary) writeSummary(book, plan.summary);
}

/** Output cells run by run: a run's values in one Value2 write, its look in one write each. */
function writeOutputs(book: Book, outputs: OutputCell[]): void {
  const look = (o: OutputCell) =>
    JSON.stringify([o.numberFormat, o.bold, o.fill, o.wrap, Boolean(o.link)]);
  for (const run of columnRuns(outputs, look)) {
    const [first] = run;
    const range = book.target(first.sheet, runArea(run));
    if (first.numberFormat) range.NumberFormat = first.numberFormat;
    range.Value2 = run.map((o) => [o.link ? hyperlinkFormula(o) : asTyped(o.value)]);
    if (first.bold) range.Font.Bold = true;
    if (first.fill) setFill(range, first.fill);
    if (first.wrap) range.WrapText = true;
  }
}

/** A link written as the HYPERLINK formula the file host writes: a whole column of links is one write. */
function hyperlinkFormula(o: OutputCell): string {
  const quote = (text: string) => text.replace(/"/g, '""');
  return `=HYPERLINK("#${quote(linkAddress(o.link!))}","${quote(String(o.value))}")`;
}

/** Adds a sheet after the last one, named. */
function addSheet(book: Book, name: string): void {
  const sheets = book.worksheets;
  const sheet = sheets.Add(undefined, sheets.Item(sheets.Count), 1, WORKSHEET_TYPE);
  sheet.Name = name;
  book.know(name, sheet);
}

/** The 复核汇总 sheet added and written. */
export function writeSummary(book: Book, { name, cells, widths }: WritePlan["summary"]): void {
  addSheet(book, name);
  writeOutputs(book, cells);
  widths.forEach((width, col) => (book.range(name, columnArea(col)).ColumnWidth = width));
}

/** The 复核汇总 sheet written again from scratch: it is the tool's own, so it is replaced whole. */
export function rewriteSummary(book: Book, summary: WritePlan["summary"]): void {
  deleteSheets(book, [summary.name]);
  writeSummary(book, summary);
}

/** The record, very hidden, in one write; strings keep a leading `'` so that a sheet called 2023 stays text. */
export function writeState(book: Book, records: StateRecord[]): void {
  const rows = stateToRows(records).map((row) =>
    [...row, ...Array<CellValue>(STATE_COLUMNS).fill(null)]
      .slice(0, STATE_COLUMNS)
      .map((v) => (v === null ? "" : asTyped(v)))
  );
  addSheet(book, STATE_SHEET);
  book.target(STATE_SHEET, {
    top: 0,
    left: 0,
    bottom: rows.length - 1,
    right: STATE_COLUMNS - 1,
  }).Value2 = rows;
  book.sheet(STATE_SHEET).Visible = VERY_HIDDEN;
}

/**
 * Deletes sheets without WPS asking the user to confirm (DisplayAlerts off, as Excel needs, and
 * back as it was). A very hidden sheet is made merely hidden first: Excel refuses to delete one
 * that is very hidden, and WPS is taken to do the same.
 */
function deleteSheets(book: Book, names: string[]): void {
  if (names.length === 0) return;
  const alerts = book.app.DisplayAlerts;
  book.app.DisplayAlerts = false;
  try {
    for (const name of names) {
      const sheet = book.sheet(name);
      if (name === STATE_SHEET) sheet.Visible = HIDDEN;
      sheet.Delete();
      book.forget(name);
    }
  } finally {
    book.app.DisplayAlerts = alerts;
  }
}

/**
 * Takes every recorded annotation out: output cells emptied and given their look back, fills
 * put back, widths put back, the tool's sheets and the record deleted. A cell someone typed
 * over since (`current` tells its value) is theirs and stays.
 */
export function restore(
  book: Book,
  records: StateRecord[],
  existingSheets: Set<string>,
  current: (sheet: string, row: number, col: number) => CellValue
): void {
  const present = records.filter((r) => existingSheets.has(r.sheet));
  const cells = present.filter(
    (r): r is CellRecord =>
      (r.kind === "output" && !editedSince(r, current(r.sheet, r.row, r.col))) ||
      r.kind === "highlight"
  );
  // Newest last in the record: a cell's first record holds its look before any of the tool's writes.
  const firsts = new Map<string, CellRecord>();
  for (const r of cells)
    if (!firsts.has(key(r.sheet, r.row, r.col))) firsts.set(key(r.sheet, r.row, r.col), r);
  const look = (r: CellRecord) =>
    r.kind === "highlight"
      ? `h|${r.style.fillColor}`
      : `o|${JSON.stringify([r.style.fillColor, r.style.numberFormat, r.style.bold, r.style.wrapText])}`;
  for (const run of columnRuns([...firsts.values()], look)) {
    const [first] = run;
    const range = book.target(first.sheet, runArea(run));
    if (first.kind === "output") range.ClearContents();
    setFill(range, first.style.fillColor);
    if (first.kind === "highlight") continue;
    range.NumberFormat = first.style.numberFormat ?? "General";
    range.Font.Bold = Boolean(first.style.bold);
    range.WrapText = Boolean(first.style.wrapText);
  }
  const standards = new Map<string, number>();
  for (const r of present) {
    if (r.kind !== "width") continue;
    let width = r.width ?? (r.points !== undefined ? r.points / POINTS_PER_CHARACTER : null);
    if (width === null) {
      if (!standards.has(r.sheet))
        standards.set(r.sheet, Number(book.sheet(r.sheet).StandardWidth));
      width = standards.get(r.sheet)!;
    }
    book.range(r.sheet, columnArea(r.col)).ColumnWidth = width;
  }
  deleteSheets(book, [
    ...present.filter((r) => r.kind === "sheet").map((r) => r.sheet),
    ...(existingSheets.has(STATE_SHEET) ? [STATE_SHEET] : []),
  ]);
}
