import { NoTableError } from "../core/errors";
import { TableResult, evaluateWorkbook } from "../core/evaluate";
import { Mark, MarkChange, applyMarks, changeMarks, refuseStaleChange } from "../core/marks";
import { PlanOptions, PlanProblem, TablePlan, WritePlan, planWriteBack } from "../core/plan";
import { ScoringPolicy } from "../core/policy";
import { annotatePackage } from "./annotate";
import { OpenedWorkbook, gridsOf, openWorkbook, protectedSheets } from "./read-workbook";
import { restorePackage } from "./restore";
import { Deflate } from "../package/zip";

export type RescoreResult = {
  data: Uint8Array;
  tables: TableResult[];
  plans: TablePlan[];
  problems: PlanProblem[];
  /** Marks kept in the record whose finding the workbook no longer has. */
  staleMarks: Mark[];
};

/**
 * Takes out earlier annotations, scores every table (a workbook without one is refused with
 * NoTableError), and writes the plan into the package;
 * every part the tool has no reason to change leaves as it came. Rescoring twice equals
 * rescoring once. The reviewer's marks in the record are kept.
 */
export type RescoreOptions = PlanOptions & { deflate?: Deflate };

export async function rescoreXlsx(
  data: Uint8Array,
  policy: ScoringPolicy,
  options: RescoreOptions = { highlight: true }
): Promise<RescoreResult> {
  return rescoreWith(data, policy, options);
}

/**
 * Sets (or, with `status: null`, takes off) a reviewer's mark on a finding and rescores with
 * it. A mark for a finding the workbook does not have is refused.
 */
export async function markXlsx(
  data: Uint8Array,
  change: MarkChange,
  policy: ScoringPolicy,
  options: RescoreOptions = { highlight: true }
): Promise<RescoreResult> {
  return rescoreWith(data, policy, options, change);
}

async function rescoreWith(
  data: Uint8Array,
  policy: ScoringPolicy,
  options: RescoreOptions,
  change?: MarkChange
): Promise<RescoreResult> {
  const { deflate, ...planOptions } = options;
  const original = openWorkbook(data);
  const restored = restorePackage(original);
  const opened = restored?.opened ?? original;
  const kept = restored?.marks ?? [];
  const marks = change ? changeMarks(kept, change) : kept;
  const sheetNames = opened.workbook.sheets.map((s) => s.name);
  const { tables, plan, stale } = scoreAndPlan(opened, policy, marks, {
    ...planOptions,
    lockedSheets: protectedSheets(opened),
    sheetNames,
  });
  // Nothing to write beside: a copy would only add an empty summary.
  if (tables.length === 0) throw new NoTableError(sheetNames);
  refuseStaleChange(change, stale);
  annotatePackage(opened, plan, marks);
  return {
    data: opened.pkg.toBytes(deflate),
    tables,
    plans: plan.tables,
    problems: plan.problems,
    staleMarks: stale,
  };
}

/** The grids live only here: a large sheet's grid is released before the package is edited. */
function scoreAndPlan(
  opened: OpenedWorkbook,
  policy: ScoringPolicy,
  marks: readonly Mark[],
  options: PlanOptions
): { tables: TableResult[]; plan: WritePlan; stale: Mark[] } {
  const grids = gridsOf(opened);
  const { tables, stale } = applyMarks(evaluateWorkbook(grids, { policy }), marks);
  return { tables, plan: planWriteBack(tables, grids, options), stale };
}

/** Gives back the workbook as it was before any rescore; `cleared` is false when it held no annotations. */
export async function clearXlsx(
  data: Uint8Array,
  deflate?: Deflate
): Promise<{ data: Uint8Array; cleared: boolean }> {
  const restored = restorePackage(openWorkbook(data));
  if (!restored) return { data, cleared: false };
  return { data: restored.opened.pkg.toBytes(deflate), cleared: true };
}
