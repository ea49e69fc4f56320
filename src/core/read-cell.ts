import { ParsedValue } from "./parse";

/** A cell as read: where it is, what it shows, what it parses to. */
export type ReadCell = { row: number; col: number; text: string; parsed: ParsedValue };

/** A plain number from a cell: a numeric value, or text such as `95.79分` or `8,146.59`; not a percentage. */
export function numberOf(cell: ReadCell | null): number | null {
  if (!cell || cell.parsed.kind !== "number") return null;
  const { unit, value } = cell.parsed;
  return unit === "%" || unit === "‰" ? null : value;
}

/**
 * A weight in points. A table has 100 points, so a weight written as a percentage of it
 * (`20%`, or 0.2 shown as 20%) is that many points.
 */
export function pointsOf(cell: ReadCell | null): number | null {
  if (cell?.parsed.kind === "number" && cell.parsed.unit === "%")
    return Math.round(cell.parsed.value * 100 * 1e6) / 1e6;
  return numberOf(cell);
}
