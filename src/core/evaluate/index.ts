import { rangeAddress } from "../address";
import { DetectedTable, IndicatorBlock, IndicatorRow, detectTables } from "../detect";
import { SheetGrid } from "../grid";
import { zh } from "../messages";
import { ScoringPolicy, gradeOf, policyFor } from "../policy";
import { ReadCell, numberOf } from "../read-cell";
import { fromCents, roundHalfUp, toCents } from "../rounding";
import { evaluateBudget } from "./budget";
import { IndicatorResult, TableResult } from "./results";
import { RowContext, rowFindings } from "./row-findings";
import { scoreRow } from "./row-score";
import { Findings, checkStructure, checkTotal, checkWeights } from "./table-findings";

export * from "./results";

export type EvaluateOptions = { policy?: ScoringPolicy };

/** Detects and scores every table of every sheet. */
export function evaluateWorkbook(
  sheets: SheetGrid[],
  options: EvaluateOptions = {}
): TableResult[] {
  const policy = options.policy ?? policyFor("wuhan");
  return sheets.flatMap((sheet) =>
    detectTables(sheet).map((table) => evaluateTable(table, policy))
  );
}

function evaluateTable(table: DetectedTable, policy: ScoringPolicy): TableResult {
  const base = {
    sheet: table.sheet,
    range: rangeAddress(table),
    kind: table.kind,
    title: table.title,
    projectName: table.projectName,
    unitName: table.unitName,
    detected: table,
  };
  const reportedTotal = numberOf(table.total?.reported ?? null);
  const unscored = { budget: null, total: null, reportedTotal, grade: null };
  if (table.blocks.every((b) => b.rows.length === 0)) {
    const error = (table.blocks.length === 0 ? zh.noIndicators : zh.emptyIndicatorBlock)(
      table.sheet,
      rangeAddress(table)
    );
    return {
      ...base,
      ...unscored,
      indicators: [],
      error,
      flags: [],
      notes: [error],
      findings: [],
    };
  }
  const ctx: RowContext = { table };
  if (isUnfilled(table)) {
    // Nothing to find fault with yet: the rows are listed, the form is reported as not filled in.
    const indicators = eachRow(table, (row, block) =>
      indicatorResult(row, block, policy, ctx, false)
    );
    return {
      ...base,
      ...unscored,
      indicators,
      error: null,
      flags: ["unfilled"],
      notes: [zh.unfilled],
      findings: [{ flag: "unfilled", note: zh.unfilled }],
    };
  }
  const indicators = eachRow(table, (row, block) => indicatorResult(row, block, policy, ctx, true));
  const weightCents = indicators.reduce((sum, i) => sum + toCents(i.weight ?? 0), 0);
  const findings: Findings = { flags: new Set(), notes: [], findings: [] };
  let budget = null;
  if (table.budget) {
    const { findings: budgetFindings, ...result } = evaluateBudget(
      table.budget,
      weightCents,
      policy
    );
    budget = result;
    budgetFindings.forEach((f) => findings.flags.add(f.flag));
    findings.findings.push(...budgetFindings);
    findings.notes.push(...result.notes);
  }
  const total = fromCents(
    indicators.reduce((sum, i) => sum + toCents(i.score), budget ? toCents(budget.score) : 0)
  );
  const grade = gradeOf(total, policy);
  checkTotal(table, reportedTotal, total, grade, findings);
  checkWeights(table, indicators, budget, total, findings);
  checkStructure(indicators, budget, findings);
  return {
    ...base,
    budget,
    indicators,
    total,
    reportedTotal,
    grade,
    error: null,
    flags: [...findings.flags],
    notes: findings.notes,
    findings: findings.findings,
  };
}

function eachRow<T>(
  table: DetectedTable,
  fn: (row: IndicatorRow, block: IndicatorBlock) => T
): T[] {
  return table.blocks.flatMap((block) => block.rows.map((row) => fn(row, block)));
}

/** A table whose indicators have neither an actual nor a score: a form not filled in yet. */
function isUnfilled(table: DetectedTable): boolean {
  const blank = (cell: ReadCell | null) => cell === null || cell.parsed.kind === "empty";
  return (
    eachRow(table, (row) => blank(row.actual) && blank(row.reported)).every(Boolean) &&
    blank(table.total?.reported ?? null)
  );
}

/** A row's score, and (for a filled-in table) what a reviewer should know about it. */
function indicatorResult(
  row: IndicatorRow,
  block: IndicatorBlock,
  policy: ScoringPolicy,
  ctx: RowContext,
  judge: boolean
): IndicatorResult {
  const scored = scoreRow(row, policy);
  const { flags, notes, findings } = judge
    ? rowFindings(row, block, scored, policy, ctx)
    : { flags: [], notes: [], findings: [] };
  return {
    row: row.row + 1,
    goal: row.goal ?? block.goal,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    weight: scored.weight,
    target: row.target?.text ?? "",
    actual: row.actual?.text ?? "",
    method: scored.method,
    score: judge ? scored.score : 0,
    reportedScore: scored.reported,
    ratio: judge && scored.ratio !== null ? roundHalfUp(scored.ratio, 2) : null,
    flags,
    notes,
    findings,
    breakdown: row.breakdown.map((b) => ({
      row: b.row + 1,
      name: b.name,
      target: b.target?.text ?? "",
      actual: b.actual?.text ?? "",
    })),
    cells: {
      name: { row: row.row, col: row.nameCol },
      target: row.target ? { row: row.target.row, col: row.target.col } : null,
      actual: row.actual ? { row: row.actual.row, col: row.actual.col } : null,
      score: block.columns.score !== undefined ? { row: row.row, col: block.columns.score } : null,
    },
  };
}
