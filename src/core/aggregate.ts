import { Quantity } from "./parse";

/** One sub-unit's actual for an indicator, with the funds it spent. */
export type UnitActual = { actual: Quantity; funds: number };

/**
 * Combines sub-units' actuals into the department's: absolute values are summed, relative
 * values (percent, per mille) are averaged weighted by each unit's funds. The result is
 * then scored like any actual — the sums are scored, not the scores averaged.
 */
export function aggregateActuals(parts: UnitActual[]): Quantity {
  if (parts.length === 0) throw new RangeError("nothing to aggregate");
  const { unit, scale } = parts[0].actual;
  const relative = unit === "%" || unit === "‰";
  if (!relative) {
    return {
      kind: "number",
      value: parts.reduce((sum, p) => sum + p.actual.value, 0),
      unit,
      scale,
      comparison: "none",
    };
  }
  const funds = parts.reduce((sum, p) => sum + p.funds, 0);
  const value =
    funds > 0
      ? parts.reduce((sum, p) => sum + p.actual.value * p.funds, 0) / funds
      : parts.reduce((sum, p) => sum + p.actual.value, 0) / parts.length;
  return { kind: "number", value, unit, scale, comparison: "none" };
}
