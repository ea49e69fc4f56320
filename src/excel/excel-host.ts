import { cellAddress } from "../core/address";
import { TableResult } from "../core/evaluate";
import { SheetGrid } from "../core/grid";
import {
  CellEditModeError,
  HiddenSheetError,
  MergedAreasUnavailableError,
  NoRoomForRemarkError,
  ProtectedSheetError,
  SelfEvalError,
  WorkbookStructureProtectedError,
} from "../core/errors";
import { MarkChange, stamped } from "../core/marks";
import { TablePlan } from "../core/plan";
import { RemarkPlace, RescoreOutcome, Stage } from "../core/gateway";
import { hasMissingSheet, names, planRescore, refreshedSummary, valueIn } from "../core/rescore";
import { Settings } from "../core/settings";
import {
  OriginalStyle,
  POINTS_PER_CHARACTER,
  StateRecord,
  changesSheet,
  locateSheets,
  markRecords,
} from "../core/state";
import { syncInBatches } from "./batches";
import { columnSegments } from "./column-segments";
import { readWorkbook } from "./read-workbook";
import { supports } from "./requirements";
import { sheetOf } from "./sheet-proxies";
import {
  MergesOf,
  asTyped,
  lookBytes,
  looksOf,
  planWrites,
  queueLookLoad,
  restoreWrites,
  runWrites,
  stateWrites,
  summaryRewrites,
} from "./write-workbook";

export type Progress = (stage: Stage) => void;

/**
 * Runs one user action as one Excel.run, turning Excel's errors into the user's sentences.
 * While someone is typing in a cell the action waits for them (ExcelApi 1.11); an older host
 * refuses it, and the user is told to finish the edit.
 */
async function run<T>(action: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  // One action at a time across the pane, the ribbon command and live mode (they share this
  // runtime): a second waits for the first, so two rescores never interleave their writes.
  const turn = queue.then(() => runNow(action));
  queue = turn.then(
    () => undefined,
    () => undefined
  );
  return turn;
}

let queue: Promise<void> = Promise.resolve();

async function runNow<T>(action: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  ownWrites.running++;
  try {
    return await Excel.run({ delayForCellEdit: true }, action);
  } catch (error) {
    if (error instanceof SelfEvalError) throw error;
    if ((error as { code?: string }).code === "InvalidOperationInCellEditMode")
      throw new CellEditModeError();
    throw error;
  } finally {
    ownWrites.running--;
    ownWrites.quietUntil = Date.now() + OWN_EVENTS_GRACE_MS;
  }
}

/**
 * Before ExcelApi 1.14 an edit event does not say who made the change, so the events that
 * arrive while the add-in itself is writing, or just after, are taken for its own.
 */
const ownWrites = { running: 0, quietUntil: 0 };
const OWN_EVENTS_GRACE_MS = 1000;

/** Whether a change event is the user's own edit here: not a co-author's, not the add-in's writes. */
function isUserEdit(event: Excel.WorksheetChangedEventArgs): boolean {
  if (event.source === Excel.EventSource.remote) return false;
  const trigger = (event as { triggerSource?: string }).triggerSource;
  if (trigger === "ThisLocalAddin") return false;
  return trigger !== undefined || (ownWrites.running === 0 && Date.now() >= ownWrites.quietUntil);
}

/**
 * Rescores the open workbook, or only the named sheet (live mode): takes out the earlier
 * annotations, scores, and writes the plan with a record of every original. When the record
 * names a sheet renamed since, a live rescore becomes a whole one, so that the renamed sheet
 * is found (or its absence reported) before anything is written.
 */
export function rescoreOpenWorkbook(
  settings: Settings,
  progress: Progress = () => undefined,
  sheet?: string,
  others?: TableResult[]
): Promise<RescoreOutcome> {
  return run((context) => rescoreIn(context, settings, progress, sheet, others));
}

/**
 * Sets (or takes off) a reviewer's mark on a finding and rescores the workbook with it, in one
 * action: 复核汇总 counts the findings left, so every sheet's results are needed. A mark for a
 * finding the workbook no longer has is refused, and nothing is changed.
 */
export function markFinding(change: MarkChange, settings: Settings): Promise<RescoreOutcome> {
  return run((context) =>
    rescoreIn(context, settings, () => undefined, undefined, undefined, stamped(change))
  );
}

/**
 * `others`, in live mode: the last results of the other sheets' tables, so that 复核汇总 is
 * written again with this sheet's new results among them. Every mark in the record is kept,
 * whatever sheet is rescored; `change` sets or takes off one.
 */
async function rescoreIn(
  context: Excel.RequestContext,
  settings: Settings,
  progress: Progress,
  sheet?: string,
  others?: TableResult[],
  change?: MarkChange
): Promise<RescoreOutcome> {
  progress("read");
  const read = await readWorkbook(context, sheet ? [sheet] : undefined);
  // Every rescore adds or replaces the tool's sheets, which structure protection forbids.
  if (read.structureProtected) throw new WorkbookStructureProtectedError();
  // Without the merged areas (ExcelApi 1.13) the output columns could cut one: Excel would fail half-way.
  if (!supports("1.13")) throw new MergedAreasUnavailableError();
  // A recorded sheet renamed since is found among all the sheets: one sheet read is not enough.
  if (sheet && read.state && hasMissingSheet(read.state, read.sheets))
    return rescoreIn(context, settings, progress, undefined, undefined, change);
  progress("score");
  const { records, inScope, kept, marks, tables, stale, plan } = planRescore(
    read,
    settings,
    sheet,
    change
  );

  progress("write");
  const mergesOf = mergesIn(read.grids);
  const originals = await loadOriginals(context, plan.tables, records, mergesOf);
  const widths = await loadWidths(context, plan.widths, records);
  const planned = planWrites(plan, originals, widths, !sheet, mergesOf);
  const existing = new Set(names(read.sheets));
  // Live mode: the summary the last whole rescore added is written again, current.
  const summary = refreshedSummary(read, records, sheet, others, tables);
  // The new record goes in first: an interrupted run can still be cleared.
  const restore = restoreWrites(records.filter(inScope), existing, valueIn(read.grids), mergesOf);
  await runWrites(context, [
    ...restore,
    ...stateWrites([...kept, ...markRecords(marks), ...planned.records]),
    ...planned.writes,
    ...(summary ? summaryRewrites(summary) : []),
  ]);
  return { tables, plans: plan.tables, problems: plan.problems, staleMarks: stale };
}

/** The merged areas of each sheet as read. */
function mergesIn(grids: SheetGrid[]): MergesOf {
  const byName = new Map(grids.map((g) => [g.name, g.merges]));
  return (sheet) => byName.get(sheet) ?? [];
}

/**
 * A cell already annotated keeps its first original; the others are read from Excel, a
 * stretch of a column per operation, in batches under the payload budget.
 */
async function loadOriginals(
  context: Excel.RequestContext,
  plans: TablePlan[],
  records: StateRecord[],
  mergesOf: MergesOf
) {
  const known = new Map<string, OriginalStyle>();
  for (const r of records)
    if (r.kind === "output" || r.kind === "highlight")
      known.set(`${r.sheet}!${r.row}:${r.col}`, r.style);
  const unknown = (c: { sheet: string; row: number; col: number }) =>
    !known.has(`${c.sheet}!${c.row}:${c.col}`);
  const cells = plans.flatMap((t) => [
    ...t.highlights.filter(unknown).map((h) => ({ ...h, output: false })),
    ...t.outputs.filter(unknown).map((o) => ({ ...o, output: true })),
  ]);
  await syncInBatches(
    context,
    columnSegments(cells, mergesOf),
    lookBytes,
    (batch) => batch.map((segment) => queueLookLoad(context, segment)),
    (reads) => {
      for (const read of reads)
        for (const [c, style] of looksOf(read)) known.set(`${c.sheet}!${c.row}:${c.col}`, style);
    }
  );
  return (sheet: string, row: number, col: number): OriginalStyle =>
    known.get(`${sheet}!${row}:${col}`) ?? { fillColor: null };
}

/** Column widths before the tool set them; a column at its sheet's standard width is recorded as the default (null). */
async function loadWidths(
  context: Excel.RequestContext,
  widths: { sheet: string; col: number }[],
  records: StateRecord[]
) {
  const known = new Map<string, number | null>();
  for (const r of records)
    if (r.kind === "width")
      known.set(
        `${r.sheet}!${r.col}`,
        r.width === null ? null : (r.points ?? r.width * POINTS_PER_CHARACTER)
      );
  const missing = widths.filter((w) => !known.has(`${w.sheet}!${w.col}`));
  if (missing.length) {
    const loads = missing.map((w) => {
      const sheet = sheetOf(context, w.sheet);
      sheet.load("standardWidth");
      const range = sheet.getRangeByIndexes(0, w.col, 1, 1);
      range.load("format/columnWidth");
      return { w, sheet, range };
    });
    await context.sync();
    for (const { w, sheet, range } of loads) {
      const points = range.format.columnWidth;
      const standard = Math.abs(points / POINTS_PER_CHARACTER - sheet.standardWidth) < 0.1;
      known.set(`${w.sheet}!${w.col}`, standard ? null : points);
    }
  }
  return (sheet: string, col: number) => known.get(`${sheet}!${col}`) ?? null;
}

/** Takes every annotation out again; returns false when there was none. */
export function clearOpenWorkbook(): Promise<boolean> {
  return run(async (context) => {
    const read = await readWorkbook(context);
    if (!read.state) return false;
    if (read.structureProtected) throw new WorkbookStructureProtectedError();
    // A renamed sheet is found by what the tool wrote in it, or the clear stops here, unchanged.
    const records = locateSheets(read.state, names(read.sheets), valueIn(read.grids));
    const touched = new Set(records.filter(changesSheet).map((r) => r.sheet));
    const locked = read.sheets.filter((s) => s.protected && touched.has(s.name)).map((s) => s.name);
    if (locked.length) throw new ProtectedSheetError(locked);
    await runWrites(
      context,
      restoreWrites(records, new Set(names(read.sheets)), valueIn(read.grids), mergesIn(read.grids))
    );
    return true;
  });
}

/** Shows an indicator: activates its sheet and selects its cells. */
export function selectCells(sheet: string, address: string): Promise<void> {
  return run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.load("visibility");
    await context.sync();
    // Excel cannot activate a hidden sheet: the user is told, rather than shown an error code.
    if (worksheet.visibility !== Excel.SheetVisibility.visible) throw new HiddenSheetError(sheet);
    worksheet.activate();
    worksheet.getRange(address).select();
    await context.sync();
  });
}

/**
 * Writes a reviewer's remark into the 审核意见 column beside the tool's output, and as a note
 * (ExcelApi 1.18) or a comment (1.10) on the indicator where the host has them. The remark is
 * the reviewer's: it is never recorded, so rescoring and clearing never touch it.
 */
export function writeRemark(
  place: RemarkPlace,
  text: string
): Promise<"note" | "comment" | "cell"> {
  return run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(place.sheet);
    worksheet.load("protection/protected");
    const window = (row: number) => {
      const range = worksheet.getRangeByIndexes(row, place.col, 1, REMARK_WINDOW);
      range.load("values");
      return range;
    };
    const headers = place.headerRows.map(window);
    const line = window(place.row);
    await context.sync();
    if (worksheet.protection.protected) throw new ProtectedSheetError([place.sheet]);
    // The first column, from the planned one rightwards, whose headers are free or 审核意见 and
    // whose cell on this row is empty: a cell someone typed in is theirs, never written over.
    const free = (k: number) =>
      line.values[0][k] === "" &&
      headers.every((h) => h.values[0][k] === "" || h.values[0][k] === REMARK_HEADER);
    const k = Array.from({ length: REMARK_WINDOW }, (_, i) => i).find(free);
    if (k === undefined)
      throw new NoRoomForRemarkError(place.sheet, cellAddress(place.row, place.col));
    for (const [i, header] of headers.entries()) {
      if (header.values[0][k] === "") {
        const cell = worksheet.getRangeByIndexes(place.headerRows[i], place.col + k, 1, 1);
        cell.values = [[REMARK_HEADER]];
        cell.format.font.bold = true;
      }
    }
    worksheet.getRangeByIndexes(place.row, place.col + k, 1, 1).values = [[asTyped(text)]];
    // The remark cell is written before looking for a comment thread, whose absence fails a sync.
    await context.sync();
    const anchor = cellAddress(place.anchor.row, place.anchor.col);
    let kind: "note" | "comment" | "cell" = "cell";
    if (supports("1.18")) {
      const existing = worksheet.notes.getItemOrNullObject(anchor);
      await context.sync();
      if (existing.isNullObject) worksheet.notes.add(anchor, text);
      else existing.content = text;
      kind = "note";
    } else if (supports("1.10")) {
      // A cell holds one comment thread: a second remark is a reply to it.
      const address = `'${place.sheet.replace(/'/g, "''")}'!${anchor}`;
      const thread = context.workbook.comments.getItemByCell(address);
      thread.load("id");
      const exists = await context.sync().then(
        () => true,
        (error: { code?: string }) => {
          if (error.code === "ItemNotFound") return false;
          throw error;
        }
      );
      if (exists) thread.replies.add(text);
      else context.workbook.comments.add(address, text);
      kind = "comment";
    }
    await context.sync();
    return kind;
  });
}

export const REMARK_HEADER = "审核意见";
/** How many columns right of the planned one a remark may move past cells that are taken. */
const REMARK_WINDOW = 16;

/**
 * Calls back with the sheet and address of every edit (ExcelApi 1.9 collection event);
 * returns the function that stops watching.
 */
export async function watchEdits(
  onEdit: (sheet: string, address: string) => void
): Promise<() => Promise<void>> {
  if (!supports("1.9")) return async () => undefined;
  const handler = await Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/id");
    await context.sync();
    const names = new Map(sheets.items.map((s) => [s.id, s.name]));
    const result = sheets.onChanged.add(async (event) => {
      if (isUserEdit(event)) onEdit(names.get(event.worksheetId) ?? "", event.address);
    });
    await context.sync();
    return result;
  });
  return () =>
    Excel.run(handler.context, async (context) => {
      handler.remove();
      await context.sync();
    });
}
