/**
 * The magnitudes a number in a table can have as data. The largest budget in yuan stays
 * below 1e14 and counts far below it, while past 2^53 (about 9e15) a double no longer holds
 * every whole number: 1E+308 is a slip or an export error, and ratios of it overflow to
 * Infinity. A non-zero number nearer 0 than the minimum is no measurement either (formula
 * noise stays far above it); with both bounds no ratio of two values can overflow.
 */
export const MAX_MAGNITUDE = 1e15;
export const MIN_MAGNITUDE = 1e-30;

/** Whether a number as written can be data: finite, and zero or within the magnitudes above. */
export function isSaneNumber(n: number): boolean {
  const size = Math.abs(n);
  return Number.isFinite(n) && (size === 0 || (size >= MIN_MAGNITUDE && size <= MAX_MAGNITUDE));
}
