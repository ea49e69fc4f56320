import { TableResult, evaluateWorkbook } from '../core/evaluate';
import { PlanOptions, PlanProblem, TablePlan, planWriteBack } from '../core/plan';
import { ScoringPolicy } from '../core/policy';
import { annotatePackage } from './annotate';
import { gridsOf, openWorkbook, protectedSheets } from './read-workbook';
import { restorePackage } from './restore';

export type RescoreResult = { data: Uint8Array; tables: TableResult[]; plans: TablePlan[]; problems: PlanProblem[] };

/**
 * Takes out earlier annotations, scores every table, and writes the plan into the package;
 * every part the tool has no reason to change leaves as it came. Rescoring twice equals
 * rescoring once.
 */
export async function rescoreXlsx(data: Uint8Array, policy: ScoringPolicy, options: PlanOptions = { highlight: true }): Promise<RescoreResult> {
  const original = openWorkbook(data);
  const opened = restorePackage(original) ?? original;
  const grids = gridsOf(opened);
  const tables = evaluateWorkbook(grids, { policy });
  const plan = planWriteBack(tables, grids, { ...options, lockedSheets: protectedSheets(opened) });
  annotatePackage(opened, plan);
  return { data: opened.pkg.toBytes(), tables, plans: plan.tables, problems: plan.problems };
}

/** Gives back the workbook as it was before any rescore; `cleared` is false when it held no annotations. */
export async function clearXlsx(data: Uint8Array): Promise<{ data: Uint8Array; cleared: boolean }> {
  const restored = restorePackage(openWorkbook(data));
  if (!restored) return { data, cleared: false };
  return { data: restored.pkg.toBytes(), cleared: true };
}
