import { cellAddress } from "../address";
import { BudgetBlock } from "../detect";
import { zh } from "../messages";
import { ScoringPolicy } from "../policy";
import { numberOf } from "../read-cell";
import { fromCents, roundHalfUp, sameToTheCent } from "../rounding";
import { BudgetResult, Finding, TableFlag } from "./results";

/**
 * Scores the budget execution row (weight × B/A, never above the weight) and says what is
 * wrong with it. Where the table does not state the weight, it is 100 minus the indicators'.
 */
export function evaluateBudget(
  block: BudgetBlock,
  indicatorWeightCents: number,
  policy: ScoringPolicy
): BudgetResult & { findings: Finding<TableFlag>[] } {
  const notes: string[] = [];
  const findings: Finding<TableFlag>[] = [];
  const found = (flag: TableFlag, note: string) => {
    notes.push(note);
    findings.push({ flag, note });
  };
  let weight = block.weight;
  if (weight === null) {
    const rest = 10000 - indicatorWeightCents;
    weight = rest > 0 && rest < 10000 ? fromCents(rest) : policy.defaultBudgetWeight;
    notes.push(zh.budgetWeightInferred(weight));
  }
  const planned = numberOf(block.planned);
  const executed = numberOf(block.executed);
  const reportedScore = numberOf(block.reported);
  let score: number;
  let rate: number | null = null;
  if (planned === null || planned <= 0 || executed === null) {
    // Name the cell that cannot be read: the planned amount, else the executed one.
    const planUnread = planned === null || planned <= 0;
    const cell = planUnread ? block.planned : block.executed;
    const at = cell ? cellAddress(cell.row, cell.col) : cellAddress(block.row, 0);
    found(
      "unreadable",
      cell?.parsed.kind === "invalid" && cell.parsed.outOfRange
        ? zh.budgetOutOfRange(planUnread ? "预算数" : "执行数", at, cell.text)
        : zh.budgetUnreadable(at)
    );
    score =
      reportedScore !== null && reportedScore >= 0 && reportedScore <= weight ? reportedScore : 0;
  } else {
    rate = executed / planned;
    score = weight * Math.min(1, Math.max(0, rate));
    rate = roundHalfUp(rate, 4);
  }
  score = roundHalfUp(score);
  if (reportedScore !== null && block.reported && !sameToTheCent(reportedScore, score)) {
    found(
      "score-mismatch",
      zh.budgetScoreMismatch(
        cellAddress(block.reported.row, block.reported.col),
        reportedScore,
        score
      )
    );
  }
  return {
    row: block.row + 1,
    weight,
    planned,
    executed,
    rate,
    score,
    reportedScore,
    notes,
    findings,
  };
}
