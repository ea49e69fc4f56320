import { cellAddress } from "../address";
import { DetectedTable } from "../detect";
import { zh } from "../messages";
import { Grade } from "../policy";
import { fromCents, sameToTheCent, toCents } from "../rounding";
import { COMMON_INDICATOR, DIMENSIONS, GRADE_OF_WORD, SATISFACTION } from "../vocabulary/headers";
import { BudgetResult, Finding, IndicatorResult, TableFlag } from "./results";

export type Findings = { flags: Set<TableFlag>; notes: string[]; findings: Finding<TableFlag>[] };

export function found(out: Findings, flag: TableFlag, note: string): void {
  out.flags.add(flag);
  out.notes.push(note);
  out.findings.push({ flag, note });
}

/** The reported total against the computed one, to the cent, and a grade written in the total row against the computed grade. */
export function checkTotal(
  table: DetectedTable,
  reportedTotal: number | null,
  total: number,
  grade: Grade,
  out: Findings
): void {
  const cell = table.total?.reported;
  if (reportedTotal !== null && cell && !sameToTheCent(reportedTotal, total)) {
    found(
      out,
      "total-mismatch",
      zh.totalMismatch(cellAddress(cell.row, cell.col), reportedTotal, total)
    );
  }
  const written = table.total?.reportedGrade;
  if (written && GRADE_OF_WORD[written] !== undefined && GRADE_OF_WORD[written] !== grade) {
    found(out, "total-mismatch", zh.gradeMismatch(written, grade));
  }
}

/** Weights that do not add up: to 100 with the budget, to a block's or a 一级/二级 label's stated subtotal. */
export function checkWeights(
  table: DetectedTable,
  indicators: IndicatorResult[],
  budget: BudgetResult | null,
  total: number,
  out: Findings
): void {
  const weightByRow = new Map(indicators.map((i) => [i.row - 1, i.weight]));
  const sumOf = (rows: number[]) => rows.reduce((s, r) => s + toCents(weightByRow.get(r) ?? 0), 0);
  const mismatch = (note: string) => found(out, "weight-mismatch", note);
  const scored = sumOf(indicators.map((i) => i.row - 1)) + (budget ? toCents(budget.weight) : 0);
  // Scores kept for rows without a weight can carry a table past its 100 points.
  if (toCents(total) > 10000 && scored <= 10000) mismatch(zh.totalOver100(total));
  if (indicators.length > 0 && indicators.every((i) => i.weight !== null)) {
    const all = sumOf(indicators.map((i) => i.row - 1)) + (budget ? toCents(budget.weight) : 0);
    if (all !== 10000) mismatch(zh.weightsNot100(fromCents(all)));
  }
  for (const block of table.blocks) {
    const sum = sumOf(block.rows.map((r) => r.row));
    if (block.weight !== null && block.rows.length > 0 && toCents(block.weight) !== sum) {
      mismatch(zh.groupWeightMismatch(block.goal ?? "年度绩效目标", block.weight, fromCents(sum)));
    }
    for (const group of block.groups) {
      const groupSum = sumOf(group.rows);
      if (toCents(group.weight) !== groupSum)
        mismatch(zh.groupWeightMismatch(group.label, group.weight, fromCents(groupSum)));
    }
  }
}

const MIN_OWN_INDICATORS = 5;

/** The finance bureau's checklist: at least five 个性指标, and all four dimensions present. */
export function checkStructure(
  indicators: IndicatorResult[],
  budget: BudgetResult | null,
  out: Findings
): void {
  const own = indicators.filter(
    (i) => !SATISFACTION.test(i.level1) && !COMMON_INDICATOR.test(i.name)
  ).length;
  if (own < MIN_OWN_INDICATORS) {
    found(out, "too-few-indicators", zh.tooFewIndicators(own, MIN_OWN_INDICATORS));
  }
  const covered = (pattern: RegExp) =>
    indicators.some((i) => pattern.test(i.level1) || pattern.test(i.level2));
  const missing = [
    ...(budget ? [] : ["预算执行"]),
    ...DIMENSIONS.filter((d) => !covered(d.pattern)).map((d) => d.name),
  ];
  if (missing.length) {
    found(out, "missing-dimension", zh.missingDimension(missing));
  }
}
