import { PolicyId, ScoringPolicy, isPolicyId, policyFor } from "./policy";

/** What a user can set in the pane; saved with the workbook. */
export type Settings = {
  policy: PolicyId;
  weakRatio: number;
  /** The share of the weight proposed for each qualitative tier when no score was entered. */
  tierShares: { achieved: number; partial: number; failed: number };
  highlight: boolean;
  live: boolean;
  language: "zh" | "en";
};

export function defaultSettings(policy: PolicyId = "wuhan"): Settings {
  const tiers = policyFor(policy).qualitativeTiers;
  return {
    policy,
    weakRatio: policyFor(policy).weakRatio,
    tierShares: {
      achieved: tiers.achieved.proposed,
      partial: tiers.partial.proposed,
      failed: tiers.failed.proposed,
    },
    highlight: true,
    live: false,
    language: "zh",
  };
}

export function policyFromSettings(settings: Settings): ScoringPolicy {
  const base = policyFor(settings.policy);
  const tiers = base.qualitativeTiers;
  return {
    ...base,
    weakRatio: settings.weakRatio,
    qualitativeTiers: {
      achieved: { ...tiers.achieved, proposed: settings.tierShares.achieved },
      partial: { ...tiers.partial, proposed: settings.tierShares.partial },
      failed: { ...tiers.failed, proposed: settings.tierShares.failed },
    },
  };
}

const share = (v: unknown, fallback: number) =>
  typeof v === "number" && v >= 0 && v <= 1 ? v : fallback;

/** Settings read back from storage: anything missing or out of range falls back to the default. */
export function sanitizeSettings(raw: unknown): Settings {
  const input = (raw && typeof raw === "object" ? raw : {}) as Partial<
    Record<keyof Settings, unknown>
  >;
  const policy =
    typeof input.policy === "string" && isPolicyId(input.policy) ? input.policy : "wuhan";
  const defaults = defaultSettings(policy);
  const shares = (
    input.tierShares && typeof input.tierShares === "object" ? input.tierShares : {}
  ) as Record<string, unknown>;
  return {
    policy,
    weakRatio:
      typeof input.weakRatio === "number" && input.weakRatio > 1
        ? input.weakRatio
        : defaults.weakRatio,
    tierShares: {
      achieved: share(shares.achieved, defaults.tierShares.achieved),
      partial: share(shares.partial, defaults.tierShares.partial),
      failed: share(shares.failed, defaults.tierShares.failed),
    },
    highlight: typeof input.highlight === "boolean" ? input.highlight : defaults.highlight,
    live: typeof input.live === "boolean" ? input.live : defaults.live,
    language: input.language === "en" ? "en" : "zh",
  };
}
