/** Scoring rules as data: every threshold, share and rounding rule the engine uses. */

export type Grade = "优" | "良" | "中" | "差";
export type Method = "positive" | "reverse" | "range" | "deadline" | "qualitative";
export type QualitativeTier = "achieved" | "partial" | "failed";
export type PolicyId = "wuhan" | "national";

/** A tier's band as shares of the weight, and the share proposed when no score was entered. */
export type TierBand = { min: number; max: number; proposed: number };

export type ScoringPolicy = {
  id: PolicyId;
  /** Used only when a table states no budget weight and its indicator weights do not imply one. */
  defaultBudgetWeight: number;
  qualitativeTiers: Record<QualitativeTier, TierBand>;
  /**
   * `ratio`: weight × A/B, capped. `linear`: full when B ≤ A, weight × (1 − (B−A)/A) when
   * A < B < 2A, nothing when B ≥ 2A (some provincial systems).
   */
  reverseScoring: "ratio" | "linear";
  /** Share of the weight for a deadline that was missed. */
  lateDeadlineShare: number;
  /** actual/target (target/actual for reverse) at or above which a target is weak. */
  weakRatio: number;
  /** Lower bounds, inclusive, highest first. */
  gradeBands: { grade: Grade; min: number }[];
};

const GRADE_BANDS: ScoringPolicy["gradeBands"] = [
  { grade: "优", min: 90 },
  { grade: "良", min: 80 },
  { grade: "中", min: 60 },
  { grade: "差", min: -Infinity },
];

/** Wuhan (Hubei) rules, as printed under every Wuhan table: budget 20, qualitative tiers 100–80–50–0 %. */
export const WUHAN: ScoringPolicy = {
  id: "wuhan",
  defaultBudgetWeight: 20,
  qualitativeTiers: {
    achieved: { min: 0.8, max: 1, proposed: 1 },
    partial: { min: 0.5, max: 0.8, proposed: 0.65 },
    failed: { min: 0, max: 0.5, proposed: 0.25 },
  },
  reverseScoring: "ratio",
  lateDeadlineShare: 0,
  weakRatio: 1.5,
  gradeBands: GRADE_BANDS,
};

/** 财政部 central-department practice: budget 10, qualitative tiers 100–80–60–0 %. */
export const NATIONAL: ScoringPolicy = {
  ...WUHAN,
  id: "national",
  defaultBudgetWeight: 10,
  qualitativeTiers: {
    achieved: { min: 0.8, max: 1, proposed: 1 },
    partial: { min: 0.6, max: 0.8, proposed: 0.7 },
    failed: { min: 0, max: 0.6, proposed: 0.3 },
  },
};

export const PRESETS: Record<PolicyId, ScoringPolicy> = { wuhan: WUHAN, national: NATIONAL };

/** Each preset by the name reviewers know it by. */
const PRESET_NAMES: Record<PolicyId, { zh: string; en: string }> = {
  wuhan: { zh: "武汉市", en: "Wuhan" },
  national: { zh: "财政部", en: "National" },
};

/**
 * The rules results were scored by, in one line: the preset and what sets it apart (budget
 * weight, qualitative tiers, the weak-target ratio a user may have changed). Every output
 * says it, so a reader can tell which rules a score comes from.
 */
export function describePolicy(policy: ScoringPolicy, lang: "zh" | "en" = "zh"): string {
  const t = policy.qualitativeTiers;
  const tiers = [t.achieved.max, t.achieved.min, t.partial.min, t.failed.min]
    .map((share) => Math.round(share * 100))
    .join("–");
  return lang === "zh"
    ? `${PRESET_NAMES[policy.id].zh}（预算执行 ${policy.defaultBudgetWeight} 分，定性指标 ${tiers}%，目标偏低倍数 ${policy.weakRatio}）`
    : `${PRESET_NAMES[policy.id].en} (budget ${policy.defaultBudgetWeight} points, qualitative ${tiers}%, weak-target ratio ${policy.weakRatio})`;
}

export function isPolicyId(id: string): id is PolicyId {
  return Object.prototype.hasOwnProperty.call(PRESETS, id);
}

export function policyFor(
  id: PolicyId = "wuhan",
  overrides: Partial<ScoringPolicy> = {}
): ScoringPolicy {
  return { ...PRESETS[id], ...overrides };
}

export function gradeOf(total: number, policy: ScoringPolicy): Grade {
  const cents = Math.round(total * 100);
  for (const band of policy.gradeBands) if (cents >= band.min * 100) return band.grade;
  return "差";
}
