import { IndicatorRow } from "../detect";
import { ParsedValue } from "../parse";
import { Method, QualitativeTier, ScoringPolicy } from "../policy";
import { numberOf } from "../read-cell";
import { roundHalfUp } from "../rounding";
import {
  Outcome,
  asQuantity,
  deadlineMet,
  deadlineWords,
  methodOf,
  qualitativeTier,
  scorePositive,
  scoreRange,
  scoreReverse,
} from "../score";
import { Reading, UnitMismatch, alignQuantities, alignRange } from "../units";

/** Why a row could not be scored by its rule; its entered score is kept instead. */
export type RowProblem =
  | {
      kind:
        | "weight-missing"
        | "weight-unreadable"
        | "target-empty"
        | "target-unreadable"
        | "actual-empty"
        | "actual-unreadable"
        | "unknown-tier";
    }
  | ({ kind: "unit-mismatch" } & Omit<UnitMismatch, "kind">);

type Measure = { unit: string; scale: number };

/** How a bare number on one side was read against the other side's unit. */
export type UnitReading = {
  reading: Exclude<Reading, "as-written">;
  bare: "target" | "actual";
  other: Measure;
};

/**
 * A row's score and how it was reached, before anything is judged about it:
 * `rule` computed by the method, `entered` the evaluator's score kept (qualitative rows),
 * `proposed` from the qualitative tier, `kept` the entered score kept because of `problem`.
 */
export type RowScore = {
  method: Method | null;
  weight: number | null;
  reported: number | null;
  score: number;
  basis: "rule" | "entered" | "proposed" | "kept";
  /** Share of the weight earned by the rule; null unless `basis` is `rule`. */
  share: number | null;
  /** actual/target (target/actual for reverse), after units are aligned. */
  ratio: number | null;
  tier: QualitativeTier | null;
  unitReading: UnitReading | null;
  problem: RowProblem | null;
};

/** Scores one indicator row by its method and the policy. */
export function scoreRow(row: IndicatorRow, policy: ScoringPolicy): RowScore {
  const reported = numberOf(row.reported);
  const target = row.target?.parsed ?? { kind: "empty" };
  const actual = row.actual?.parsed ?? { kind: "empty" };
  const method = methodOf(target);
  const weight = row.weight !== null && row.weight >= 0 ? row.weight : null;
  // Every result is built whole, in one shape: spreading a base object and overriding its
  // fields costs V8 a slow object per row.
  const result = (
    score: number,
    basis: RowScore["basis"],
    more: Partial<RowScore> = {}
  ): RowScore => ({
    method,
    weight,
    reported,
    score,
    basis,
    share: more.share ?? null,
    ratio: more.ratio ?? null,
    tier: more.tier ?? null,
    unitReading: more.unitReading ?? null,
    problem: more.problem ?? null,
  });
  const kept = (problem: RowProblem, more: Partial<RowScore> = {}): RowScore => {
    const keep = reported !== null && reported >= 0 && (weight === null || reported <= weight);
    return result(keep ? roundHalfUp(reported) : 0, "kept", { ...more, problem });
  };

  if (weight === null)
    return kept({ kind: row.weightCell ? "weight-unreadable" : "weight-missing" });
  if (method === null)
    return kept({ kind: target.kind === "empty" ? "target-empty" : "target-unreadable" });
  if (method === "qualitative") {
    const tier = qualitativeTier(target.kind === "text" ? target.text : "", actual);
    const band = tier ? policy.qualitativeTiers[tier] : null;
    // The evaluator chooses the score inside the tier; an entered score stands.
    if (reported !== null && reported >= 0 && reported <= weight)
      return result(roundHalfUp(reported), "entered", { tier });
    if (band) return result(roundHalfUp(weight * band.proposed), "proposed", { tier });
    return kept({ kind: "unknown-tier" }, { tier });
  }
  if (actual.kind === "empty") return kept({ kind: "actual-empty" });
  const outcome = measuredOutcome(method, target, actual, policy);
  if (outcome === null) return kept({ kind: "actual-unreadable" });
  if ("mismatch" in outcome)
    return kept({
      kind: "unit-mismatch",
      targetUnit: outcome.mismatch.targetUnit,
      actualUnit: outcome.mismatch.actualUnit,
    });
  return result(roundHalfUp(weight * outcome.share), "rule", {
    share: outcome.share,
    ratio: outcome.ratio,
    unitReading: outcome.unitReading,
  });
}

type Measured = (Outcome & { unitReading: UnitReading | null }) | { mismatch: UnitMismatch } | null;

/** The outcome of a measurable indicator: null when the actual cannot be read against the target. */
function measuredOutcome(
  method: Exclude<Method, "qualitative">,
  target: ParsedValue,
  actual: ParsedValue,
  policy: ScoringPolicy
): Measured {
  if (method === "deadline") {
    if (target.kind !== "date") return null;
    const met =
      actual.kind === "date"
        ? deadlineMet(target, actual)
        : actual.kind === "text"
          ? deadlineWords(actual.text)
          : null;
    if (met === null) return null;
    return { share: met ? 1 : policy.lateDeadlineShare, ratio: null, unitReading: null };
  }
  const b = asQuantity(actual);
  if (b === null) return null;
  if (method === "range") {
    if (target.kind !== "range") return null;
    const aligned = alignRange(target, b);
    if (aligned.kind === "mismatch") return { mismatch: aligned };
    return {
      ...scoreRange(aligned.low, aligned.high, aligned.actual),
      unitReading: readingOf(aligned, target, b),
    };
  }
  if (target.kind !== "number") return null;
  const aligned = alignQuantities(target, b);
  if (aligned.kind === "mismatch") return { mismatch: aligned };
  const outcome =
    method === "reverse"
      ? scoreReverse(aligned.target, aligned.actual, policy)
      : scorePositive(aligned.target, aligned.actual);
  return { ...outcome, unitReading: readingOf(aligned, target, b) };
}

function readingOf(
  aligned: { reading: Reading; bare: "target" | "actual" | null },
  target: Measure,
  actual: Measure
): UnitReading | null {
  if (aligned.reading === "as-written" || aligned.bare === null) return null;
  return {
    reading: aligned.reading,
    bare: aligned.bare,
    other: aligned.bare === "actual" ? target : actual,
  };
}
