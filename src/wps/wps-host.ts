import { cellAddress, parseRange } from "../core/address";
import { TableResult } from "../core/evaluate";
import {
  HiddenSheetError,
  NoRoomForRemarkError,
  ProtectedSheetError,
  WorkbookStructureProtectedError,
} from "../core/errors";
import { RemarkPlace, RescoreOutcome, Stage } from "../core/gateway";
import { MarkChange, stamped } from "../core/marks";
import { hasMissingSheet, names, planRescore, refreshedSummary, valueIn } from "../core/rescore";
import { Settings } from "../core/settings";
import { changesSheet, locateSheets, markRecords } from "../core/state";
import { Book } from "./book";
import { SheetChangeListener, VISIBLE, WpsApplication } from "./object-model";
import { readWorkbook } from "./read-workbook";
import {
  loadOriginals,
  loadWidths,
  planRecords,
  restore,
  rewriteSummary,
  writePlan,
  writeState,
} from "./write-workbook";
import { asTyped, valueGrid } from "./values";

export type Progress = (stage: Stage) => void;

/**
 * Runs one user action. WPS calls are synchronous, so an action runs to its end before any
 * other (pane, ribbon, live mode) can start: nothing interleaves, and nothing needs a queue.
 * The ranges it wrote are kept for a moment, so that the change events they cause are not
 * taken for the user's edits.
 */
function run<T>(app: WpsApplication, action: (book: Book) => T): T {
  const book = new Book(app);
  ownWrites.running++;
  try {
    return action(book);
  } finally {
    ownWrites.running--;
    ownWrites.ranges = book.written;
    ownWrites.until = Date.now() + OWN_EVENTS_GRACE_MS;
  }
}

const ownWrites = { running: 0, ranges: new Set<string>(), until: 0 };
/** WPS may deliver the events of a write after the action has ended. */
const OWN_EVENTS_GRACE_MS = 1000;

/** Whether a change is the tool's own: during an action, or at a range it just wrote. */
function isOwnWrite(sheet: string, address: string): boolean {
  return (
    ownWrites.running > 0 ||
    (Date.now() < ownWrites.until && ownWrites.ranges.has(`${sheet}!${address}`))
  );
}

/**
 * Rescores the open workbook, or only the named sheet (live mode): takes out the earlier
 * annotations, scores, and writes the plan with a record of every original. When the record
 * names a sheet renamed since, a live rescore becomes a whole one, so that the renamed sheet
 * is found (or its absence reported) before anything is written.
 */
export function rescoreWorkbook(
  app: WpsApplication,
  settings: Settings,
  progress: Progress = () => undefined,
  sheet?: string,
  others?: TableResult[]
): RescoreOutcome {
  return run(app, (book) => rescoreIn(book, settings, progress, sheet, others));
}

/**
 * Sets (or takes off) a reviewer's mark on a finding and rescores the workbook with it:
 * 复核汇总 counts the findings left, so every sheet's results are needed. A mark for a finding
 * the workbook no longer has is refused, and nothing is changed.
 */
export function markFinding(
  app: WpsApplication,
  change: MarkChange,
  settings: Settings
): RescoreOutcome {
  return run(app, (book) =>
    rescoreIn(book, settings, () => undefined, undefined, undefined, stamped(change))
  );
}

/**
 * `others`, in live mode: the last results of the other sheets' tables, so that 复核汇总 is
 * written again with this sheet's new results among them. Every mark in the record is kept.
 */
function rescoreIn(
  book: Book,
  settings: Settings,
  progress: Progress,
  sheet?: string,
  others?: TableResult[],
  change?: MarkChange
): RescoreOutcome {
  progress("read");
  const read = readWorkbook(book, sheet ? [sheet] : undefined);
  // Every rescore adds or replaces the tool's sheets, which structure protection forbids.
  if (read.structureProtected) throw new WorkbookStructureProtectedError();
  // A recorded sheet renamed since is found among all the sheets: one sheet read is not enough.
  if (sheet && read.state && hasMissingSheet(read.state, read.sheets))
    return rescoreIn(book, settings, progress, undefined, undefined, change);
  progress("score");
  const { records, inScope, kept, marks, tables, stale, plan } = planRescore(
    read,
    settings,
    sheet,
    change
  );

  progress("write");
  const original = loadOriginals(book, plan.tables, records);
  const width = loadWidths(book, plan.widths, records);
  const planned = planRecords(plan, original, width, !sheet);
  const refreshed = refreshedSummary(read, records, sheet, others, tables);
  keepingActiveSheet(book, () => {
    restore(book, records.filter(inScope), new Set(names(read.sheets)), valueIn(read.grids));
    // The new record goes in first: an interrupted run can still be cleared.
    writeState(book, [...kept, ...markRecords(marks), ...planned]);
    writePlan(book, plan, !sheet);
    if (refreshed) rewriteSummary(book, refreshed);
  });
  return { tables, plans: plan.tables, problems: plan.problems, staleMarks: stale };
}

/** Adding a sheet makes it the active one: the user is brought back to the sheet they were on. */
function keepingActiveSheet(book: Book, write: () => void): void {
  const active = String(book.app.ActiveSheet.Name);
  try {
    write();
  } finally {
    book.sheet(active).Activate();
  }
}

/** Takes every annotation out again; returns false when there was none. */
export function clearWorkbook(app: WpsApplication): boolean {
  return run(app, (book) => {
    const read = readWorkbook(book);
    if (!read.state) return false;
    if (read.structureProtected) throw new WorkbookStructureProtectedError();
    // A renamed sheet is found by what the tool wrote in it, or the clear stops here, unchanged.
    const records = locateSheets(read.state, names(read.sheets), valueIn(read.grids));
    const touched = new Set(records.filter(changesSheet).map((r) => r.sheet));
    const locked = read.sheets.filter((s) => s.protected && touched.has(s.name)).map((s) => s.name);
    if (locked.length) throw new ProtectedSheetError(locked);
    keepingActiveSheet(book, () =>
      restore(book, records, new Set(names(read.sheets)), valueIn(read.grids))
    );
    return true;
  });
}

/** Shows an indicator: activates its sheet and selects its cells. */
export function selectCells(app: WpsApplication, sheet: string, address: string): void {
  run(app, (book) => {
    const worksheet = book.sheet(sheet);
    // A hidden sheet cannot be activated: the user is told, rather than shown an error code.
    if (Number(worksheet.Visible) !== VISIBLE) throw new HiddenSheetError(sheet);
    worksheet.Activate();
    worksheet.Range(address).Select();
  });
}

export const REMARK_HEADER = "审核意见";
/** How many columns right of the planned one a remark may move past cells that are taken. */
const REMARK_WINDOW = 16;

/**
 * Writes a reviewer's remark into the 审核意见 column beside the tool's output, and as a
 * comment on the indicator. A comment already there is kept, the remark added below it, as
 * Excel's comment thread takes a reply. The remark is the reviewer's: it is never recorded,
 * so rescoring and clearing never touch it.
 */
export function writeRemark(app: WpsApplication, place: RemarkPlace, text: string): "comment" {
  return run(app, (book) => {
    const worksheet = book.sheet(place.sheet);
    if (worksheet.ProtectContents) throw new ProtectedSheetError([place.sheet]);
    const window = (row: number) =>
      valueGrid(
        book.range(place.sheet, {
          top: row,
          left: place.col,
          bottom: row,
          right: place.col + REMARK_WINDOW - 1,
        }).Value2,
        1,
        REMARK_WINDOW
      )[0];
    const headers = place.headerRows.map(window);
    const line = window(place.row);
    // The first column, from the planned one rightwards, whose headers are free or 审核意见 and
    // whose cell on this row is empty: a cell someone typed in is theirs, never written over.
    const free = (k: number) =>
      line[k] === null && headers.every((h) => h[k] === null || h[k] === REMARK_HEADER);
    const k = Array.from({ length: REMARK_WINDOW }, (_, i) => i).find(free);
    if (k === undefined)
      throw new NoRoomForRemarkError(place.sheet, cellAddress(place.row, place.col));
    const cell = (row: number) => ({
      top: row,
      left: place.col + k,
      bottom: row,
      right: place.col + k,
    });
    place.headerRows.forEach((row, i) => {
      if (headers[i][k] !== null) return;
      const header = book.target(place.sheet, cell(row));
      header.Value2 = asTyped(REMARK_HEADER);
      header.Font.Bold = true;
    });
    book.target(place.sheet, cell(place.row)).Value2 = asTyped(text);
    const anchor = book.range(place.sheet, {
      top: place.anchor.row,
      left: place.anchor.col,
      bottom: place.anchor.row,
      right: place.anchor.col,
    });
    // A cell holds one comment: an earlier one is read, and written again with the remark below it.
    const existing = anchor.Comment;
    const earlier = existing ? String(existing.Text()) : "";
    if (existing) anchor.ClearComments();
    anchor.AddComment(earlier ? `${earlier}\n${text}` : text);
    return "comment" as const;
  });
}

/**
 * Calls back with the sheet and address of every edit the user makes (the application's
 * `SheetChange` event); the tool's own writes are left out. Returns the function that stops.
 */
export function watchEdits(
  app: WpsApplication,
  onEdit: (sheet: string, address: string) => void
): () => void {
  const listener: SheetChangeListener = (sheet, target) => {
    const name = String(sheet.Name);
    const address = String(target.Address()).replace(/\$/g, "");
    // The address as the engine writes it: `H9`, or `H9:H12`.
    const area = parseRange(address);
    const plain =
      area.top === area.bottom && area.left === area.right
        ? cellAddress(area.top, area.left)
        : `${cellAddress(area.top, area.left)}:${cellAddress(area.bottom, area.right)}`;
    if (!isOwnWrite(name, plain)) onEdit(name, plain);
  };
  app.ApiEvent.AddApiEventListener("SheetChange", listener);
  return () => app.ApiEvent.RemoveApiEventListener("SheetChange", listener);
}
