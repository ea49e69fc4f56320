/**
 * Half-up rounding that is exact for the decimal value a person sees: 2.2375 becomes 2.24
 * although the binary double is 2.23749999…. toPrecision(15) removes that representation
 * error before rounding.
 */
export function roundHalfUp(value: number, digits = 2): number {
  const factor = 10 ** digits;
  let scaled = Math.abs(value) * factor;
  // Only a value within a hair of a half can round the wrong way; only those pay for toPrecision.
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-6) scaled = Number(scaled.toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded; // never -0
}

/** Whole cents, so that sums of rounded scores stay exact. */
export function toCents(value: number): number {
  return Math.round(roundHalfUp(value, 2) * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** Two scores agree when they are the same to the cent. */
export function sameToTheCent(a: number, b: number): boolean {
  return toCents(a) === toCents(b);
}
