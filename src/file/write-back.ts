import { NoTableError } from "../core/errors";
import { TableResult, evaluateWorkbook } from "../core/evaluate";
import { PlanOptions, PlanProblem, TablePlan, WritePlan, planWriteBack } from "../core/plan";
import { ScoringPolicy } from "../core/policy";
import { annotatePackage } from "./annotate";
import { OpenedWorkbook, gridsOf, openWorkbook, protectedSheets } from "./read-workbook";
import { restorePackage } from "./restore";
import { Deflate } from "../package/zip";

export type RescoreResult = {
  data: Uint8Array;
  /** The workbook's sheet names, to say where no table was found. */
  sheets: string[];
  tables: TableResult[];
  plans: TablePlan[];
  problems: PlanProblem[];
};

/**
 * Takes out earlier annotations, scores every table (a workbook without one is refused with
 * NoTableError), and writes the plan into the package;
 * every part the tool has no reason to change leaves as it came. Rescoring twice equals
 * rescoring once.
 */
export type RescoreOptions = PlanOptions & { deflate?: Deflate };

export async function rescoreXlsx(
  data: Uint8Array,
  policy: ScoringPolicy,
  options: RescoreOptions = { highlight: true }
): Promise<RescoreResult> {
  const { deflate, ...planOptions } = options;
  const original = openWorkbook(data);
  const opened = restorePackage(original) ?? original;
  const sheetNames = opened.workbook.sheets.map((s) => s.name);
  const { tables, plan } = scoreAndPlan(opened, policy, {
    ...planOptions,
    lockedSheets: protectedSheets(opened),
    sheetNames,
  });
  // Nothing to write beside: a copy would only add an empty summary.
  if (tables.length === 0) throw new NoTableError(sheetNames);
  annotatePackage(opened, plan);
  return {
    data: opened.pkg.toBytes(deflate),
    sheets: sheetNames,
    tables,
    plans: plan.tables,
    problems: plan.problems,
  };
}

/** The grids live only here: a large sheet's grid is released before the package is edited. */
function scoreAndPlan(
  opened: OpenedWorkbook,
  policy: ScoringPolicy,
  options: PlanOptions
): { tables: TableResult[]; plan: WritePlan } {
  const grids = gridsOf(opened);
  const tables = evaluateWorkbook(grids, { policy });
  return { tables, plan: planWriteBack(tables, grids, options) };
}

/** Gives back the workbook as it was before any rescore; `cleared` is false when it held no annotations. */
export async function clearXlsx(
  data: Uint8Array,
  deflate?: Deflate
): Promise<{ data: Uint8Array; cleared: boolean }> {
  const restored = restorePackage(openWorkbook(data));
  if (!restored) return { data, cleared: false };
  return { data: restored.pkg.toBytes(deflate), cleared: true };
}
