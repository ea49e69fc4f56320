import { TableResult, evaluateWorkbook } from "./evaluate";
import { NoTableError, ProtectedSheetError } from "./errors";
import { CellValue, SheetGrid } from "./grid";
import { Mark, MarkChange, applyMarks, changeMarks, refuseStaleChange } from "./marks";
import { WritePlan, planWriteBack, summaryPlan } from "./plan";
import { Settings, policyFromSettings } from "./settings";
import {
  STATE_SHEET,
  StateRecord,
  changesSheet,
  locateSheets,
  marksOf,
  withoutAnnotations,
} from "./state";

export type SheetInfo = { name: string; protected: boolean; hidden: boolean };

/** What a host read of the open workbook: its sheets, their grids, and the record, if any. */
export type WorkbookRead = {
  sheets: SheetInfo[];
  /** Workbook structure protection: no sheet can be added or removed. */
  structureProtected: boolean;
  /** Every sheet read but the state sheet, as the engine's grids (the tool's earlier output included). */
  grids: SheetGrid[];
  /** What an earlier rescore recorded, or null. */
  state: StateRecord[] | null;
};

/** What a rescore decided, before the host writes anything. */
export type Rescoring = {
  /** The record as it is, its sheets found again where they were renamed. */
  records: StateRecord[];
  /** Whether a record is for what this rescore redoes (all of it, or one sheet in live mode). */
  inScope: (record: StateRecord) => boolean;
  /** The records this rescore keeps as they are: other sheets' annotations in live mode. */
  kept: StateRecord[];
  /** The reviewer's marks after `change`: every one is kept, whatever sheet is rescored. */
  marks: Mark[];
  /** The results, marks applied; `stale`: marks whose finding the judged sheets no longer have. */
  tables: TableResult[];
  stale: Mark[];
  plan: WritePlan;
};

/**
 * The host-neutral middle of a rescore: the record matched to the sheets, earlier annotations
 * taken out of the grids, every table scored, the marks applied, and the plan. Refuses, with
 * nothing written, a workbook without a table, a sheet protected since it was annotated, and
 * a mark set on a finding the workbook does not have. `sheet`: live mode, one sheet.
 */
export function planRescore(
  read: WorkbookRead,
  settings: Settings,
  sheet?: string,
  change?: MarkChange
): Rescoring {
  const records = read.state
    ? locateSheets(read.state, names(read.sheets), valueIn(read.grids))
    : [];
  const inScope = (r: StateRecord) => !sheet || r.sheet === sheet;
  const grids = withoutAnnotations(read.grids, records);
  const scored = evaluateWorkbook(grids, { policy: policyFromSettings(settings) });
  if (scored.length === 0 && !sheet) throw new NoTableError(grids.map((g) => g.name));
  const marks = change ? changeMarks(marksOf(records), change) : marksOf(records);
  const { tables, stale } = applyMarks(scored, marks, (s) => !sheet || s === sheet);
  refuseStaleChange(change, stale);
  // Earlier annotations on a sheet protected since cannot be taken out: nothing is changed.
  const restoring = new Set(
    records
      .filter(inScope)
      .filter(changesSheet)
      .map((r) => r.sheet)
  );
  const locked = read.sheets.filter((s) => s.protected && restoring.has(s.name)).map((s) => s.name);
  if (locked.length) throw new ProtectedSheetError(locked);
  // The names left once the sheets the record added (and the record itself) are gone.
  const added = new Set([
    STATE_SHEET,
    ...records.filter((r) => r.kind === "sheet").map((r) => r.sheet),
  ]);
  const plan = planWriteBack(tables, grids, {
    highlight: settings.highlight,
    lockedSheets: new Set(read.sheets.filter((s) => s.protected).map((s) => s.name)),
    sheetNames: names(read.sheets).filter((n) => !added.has(n)),
  });
  const kept = records.filter((r) => !inScope(r) && r.kind !== "mark");
  return { records, inScope, kept, marks, tables, stale, plan };
}

/**
 * Live mode: 复核汇总 as the last whole rescore added it, written again with this sheet's new
 * results among the others' last ones (in sheet order); null when there is none to refresh.
 */
export function refreshedSummary(
  read: WorkbookRead,
  records: StateRecord[],
  sheet: string | undefined,
  others: TableResult[] | undefined,
  tables: TableResult[]
): WritePlan["summary"] | null {
  const existing = new Set(names(read.sheets));
  const summary = records.find((r) => r.kind === "sheet" && existing.has(r.sheet));
  if (!sheet || !others || !summary) return null;
  const order = new Map(names(read.sheets).map((n, k) => [n, k]));
  const current = [...others.filter((t) => t.sheet !== sheet), ...tables].sort(
    (a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0)
  );
  return summaryPlan(current, summary.sheet);
}

export const names = (sheets: { name: string }[]) => sheets.map((s) => s.name);

/** Whether the record names a sheet (other than one the tool added) that is not there by that name. */
export function hasMissingSheet(records: StateRecord[], sheets: { name: string }[]): boolean {
  const present = new Set(names(sheets));
  return records.some((r) => changesSheet(r) && !present.has(r.sheet));
}

/** The value a cell holds in the grids as read. */
export function valueIn(grids: SheetGrid[]) {
  const byName = new Map(grids.map((g) => [g.name, g]));
  return (sheet: string, row: number, col: number): CellValue => {
    const grid = byName.get(sheet);
    return grid?.values[row - grid.origin.row]?.[col - grid.origin.col] ?? null;
  };
}
