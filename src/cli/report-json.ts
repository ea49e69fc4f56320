import { IndicatorResult, TableResult } from "../core/evaluate";
import { tableName } from "../core/plan";
import { ScoringPolicy, describePolicy } from "../core/policy";

/** One file's outcome as `selfeval score --json` prints it. */
export type FileReport = { file: string; error: string | null; tables: TableResult[] };

/** The rules the results were scored by: the preset, the weak-target ratio, and the line every output shows. */
export function policyJson(policy: ScoringPolicy) {
  return { preset: policy.id, weakRatio: policy.weakRatio, description: describePolicy(policy) };
}

export function toJson(files: FileReport[], policy: ScoringPolicy): unknown {
  return {
    policy: policyJson(policy),
    files: files.map((f) => ({ file: f.file, error: f.error, tables: f.tables.map(tableJson) })),
  };
}

function tableJson(t: TableResult) {
  return {
    sheet: t.sheet,
    range: t.range,
    kind: t.kind,
    project: tableName(t),
    budget: t.budget && {
      row: t.budget.row,
      weight: t.budget.weight,
      planned: t.budget.planned,
      executed: t.budget.executed,
      rate: t.budget.rate,
      score: t.budget.score,
      reportedScore: t.budget.reportedScore,
    },
    indicators: t.indicators.map(indicatorJson),
    total: t.total,
    reportedTotal: t.reportedTotal,
    grade: t.grade,
    error: t.error,
    flags: t.flags,
    notes: t.notes,
  };
}

function indicatorJson(i: IndicatorResult) {
  return {
    row: i.row,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    weight: i.weight,
    target: i.target,
    actual: i.actual,
    method: i.method,
    score: i.score,
    reportedScore: i.reportedScore,
    ratio: i.ratio,
    flags: i.flags,
    notes: i.notes,
    breakdown: i.breakdown,
  };
}
