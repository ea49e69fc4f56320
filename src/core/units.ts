/**
 * Units: reading a written unit (scale word, unit word, family) and aligning a target with
 * an actual before they are compared. The words are data in vocabulary/values.ts.
 */
import type { Quantity, Range } from "./parse";
import {
  ABSURD_FACTOR,
  FRACTION_MAX,
  SCALE_WORDS,
  UNIT_WORDS,
  UnitFamily,
  UnitWord,
} from "./vocabulary/values";

/**
 * How the numbers compared were read.
 * - `as-written`: both sides had a unit (converted to base units), or neither had.
 * - `target-unit`: one side was a bare number and was read in the other side's unit
 *   (`≥22万人` → `23` is 23万人). Usually the bare side is the actual; `bare` says which.
 * - `base-unit`: the bare number was read in base units, because reading it in the other
 *   side's unit was absurd and the base reading is nearer (`100万元` → `1000000` is
 *   1,000,000 yuan), or, against a percent, because a number of at most 1 is a fraction
 *   (`≥95%` → `0.96` is 96%).
 */
export type Reading = "as-written" | "target-unit" | "base-unit";

/** Target and actual as comparable numbers, in base units; their ratio is the real one. */
export type Aligned = {
  kind: "aligned";
  target: number;
  actual: number;
  reading: Reading;
  /** Which side was a bare number read by `reading`; null when both or neither were bare. */
  bare: "target" | "actual" | null;
};

export type AlignedRange = {
  kind: "aligned";
  low: number;
  high: number;
  actual: number;
  reading: Reading;
  bare: "target" | "actual" | null;
};

/** Units that cannot be compared (`分` against `%`, `人` against `元`), as written, for a message. */
export type UnitMismatch = { kind: "mismatch"; targetUnit: string; actualUnit: string };

/** Anything with a unit and a scale: a quantity or a range. */
type Measured = { unit: string; scale: number };

/** A value without a unit word and without a scale word: a bare number. */
export function isBare(value: Measured): boolean {
  return value.unit === "" && value.scale === 1;
}

/**
 * A unit word by the unit's head (before `/`): exactly, else the longest known word the head
 * starts with (`人（次）` is 人, `分钟` is not 分). Null when the unit is unknown or empty.
 */
function unitWordOf(unit: string): { word: string; entry: UnitWord } | null {
  const head = unit.split("/")[0];
  if (head === "") return null;
  if (Object.prototype.hasOwnProperty.call(UNIT_WORDS, head))
    return { word: head, entry: UNIT_WORDS[head] };
  const word = longestPrefix(head, UNIT_KEYS);
  return word ? { word, entry: UNIT_WORDS[word] } : null;
}

/** The family of a unit; `unknown` for a word not known, null for no unit at all. */
export function familyOf(unit: string): UnitFamily | "unknown" | null {
  if (unit === "") return null;
  return unitWordOf(unit)?.entry.family ?? "unknown";
}

/**
 * Whether two units can be compared: a percent only with a percent; two known families
 * only when they are the same; an unknown word, or a scale without a unit word (`22万`),
 * with anything else.
 */
export function comparableUnits(a: string, b: string): boolean {
  const fa = familyOf(a);
  const fb = familyOf(b);
  if (fa === "percent" || fb === "percent") return fa === fb;
  if (fa === null || fb === null || fa === "unknown" || fb === "unknown") return true;
  return fa === fb;
}

/**
 * Reads the text after a number: scale word, then unit. `万人` is unit 人 with scale 1e4,
 * `%` unit % with scale 0.01, `百分比` unit % too, `小时` unit 小时 with scale 3600 (the
 * time base is the second), `万` alone unit '' with scale 1e4.
 */
export function readUnit(text: string): Measured {
  if (text === "") return { unit: "", scale: 1 };
  const percent = longestPrefix(text, PERCENT_WORDS);
  if (percent) {
    const entry = UNIT_WORDS[percent];
    return { unit: (entry.as ?? percent) + text.slice(percent.length), scale: entry.factor };
  }
  const scaleWord = longestPrefix(text, SCALE_KEYS) ?? "";
  const multiplier = scaleWord ? SCALE_WORDS[scaleWord] : 1;
  const unit = text.slice(scaleWord.length);
  const word = unitWordOf(unit);
  const factor = word?.entry.factor ?? 1;
  return {
    unit: word?.entry.as ? word.entry.as + unit.slice(word.word.length) : unit,
    scale: multiplier * factor,
  };
}

/**
 * Whether a text is a unit and nothing more: empty, a scale word, a known unit word (with
 * `/…` after it: `元/人`), or an unknown word of at most PLAIN_UNKNOWN_LENGTH characters
 * (`标间`). `天完成` and `起安全事故` are a unit with words after it.
 */
export function isPlainUnit(text: string): boolean {
  const percent = longestPrefix(text, PERCENT_WORDS);
  const scaleWord = percent ? "" : (longestPrefix(text, SCALE_KEYS) ?? "");
  const unit = text.slice(percent ? percent.length : scaleWord.length);
  if (unit === "" || (percent && unit.startsWith("/"))) return true;
  if (percent) return false;
  const word = unitWordOf(unit);
  if (!word) return unit.length <= PLAIN_UNKNOWN_LENGTH;
  const after = unit.split("/")[0].slice(word.word.length);
  return after === "";
}

/** An unknown unit after a label is at most this long (`标间`, `课时`); longer is words. */
const PLAIN_UNKNOWN_LENGTH = 2;

const UNIT_KEYS = Object.keys(UNIT_WORDS);
const SCALE_KEYS = Object.keys(SCALE_WORDS);
const PERCENT_WORDS = UNIT_KEYS.filter((w) => UNIT_WORDS[w].family === "percent");

/** The unit as it would be written: the scale word back in front (`万人`, `亿元`). */
export function writtenUnit(value: Measured): string {
  const factor = unitWordOf(value.unit)?.entry.factor ?? 1;
  const multiplier = value.scale / factor;
  const scaleWord = SCALE_KEYS.find((w) => nearlyEqual(SCALE_WORDS[w], multiplier)) ?? "";
  return scaleWord + value.unit;
}

/**
 * `n × factor`, exact for the decimal written: powers of ten move the decimal point (so
 * `0.07万` is 700 and `95%` is exactly 0.95, not 0.9500000000000001).
 */
export function scaleBy(n: number | string, factor: number): number {
  if (factor === 1) return Number(n);
  const text = String(n);
  const parts = decompose(factor);
  if (!parts || /e/i.test(text)) return Number(n) * factor;
  return Number(`${text}e${parts.exponent}`) * parts.mantissa;
}

/** factor = mantissa × 10^exponent with a whole mantissa, where the factor is such a decimal. */
function decompose(factor: number): { mantissa: number; exponent: number } | null {
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(factor));
  if (!match) return null;
  const fraction = match[2] ?? "";
  let digits = (match[1] + fraction).replace(/^0+(?=\d)/, "");
  let exponent = Number(match[3] ?? 0) - fraction.length;
  while (digits.length > 1 && digits.endsWith("0")) {
    digits = digits.slice(0, -1);
    exponent += 1;
  }
  if (digits.length > 6) return null;
  return { mantissa: Number(digits), exponent };
}

/**
 * Aligns a target with an actual. Both with units: compared in base units when their units
 * compare, else a mismatch. One bare: read in the other's unit unless that is absurd and
 * the base-unit reading is nearer (see ABSURD_FACTOR and FRACTION_MAX). Symmetric:
 * swapping the two sides swaps the numbers, keeps the reading and names the other side as bare.
 */
export function alignQuantities(target: Quantity, actual: Quantity): Aligned | UnitMismatch {
  const targetBare = isBare(target);
  const actualBare = isBare(actual);
  if (targetBare === actualBare) {
    if (!targetBare && !comparableUnits(target.unit, actual.unit)) return mismatch(target, actual);
    return {
      kind: "aligned",
      target: target.value,
      actual: actual.value,
      reading: "as-written",
      bare: null,
    };
  }
  if (actualBare) {
    const read = readBare([actual.value, actual.value], target, [target.value, target.value]);
    return {
      kind: "aligned",
      target: target.value,
      actual: read.values[0],
      reading: read.reading,
      bare: "actual",
    };
  }
  const read = readBare([target.value, target.value], actual, [actual.value, actual.value]);
  return {
    kind: "aligned",
    target: read.values[0],
    actual: actual.value,
    reading: read.reading,
    bare: "target",
  };
}

/** Aligns a range target with an actual, by the same rules as alignQuantities. */
export function alignRange(target: Range, actual: Quantity): AlignedRange | UnitMismatch {
  const targetBare = isBare(target);
  const actualBare = isBare(actual);
  if (targetBare === actualBare) {
    if (!targetBare && !comparableUnits(target.unit, actual.unit)) return mismatch(target, actual);
    return {
      kind: "aligned",
      low: target.low,
      high: target.high,
      actual: actual.value,
      reading: "as-written",
      bare: null,
    };
  }
  if (actualBare) {
    const read = readBare([actual.value, actual.value], target, [target.low, target.high]);
    return {
      kind: "aligned",
      low: target.low,
      high: target.high,
      actual: read.values[0],
      reading: read.reading,
      bare: "actual",
    };
  }
  const read = readBare([target.low, target.high], actual, [actual.value, actual.value]);
  return {
    kind: "aligned",
    low: read.values[0],
    high: read.values[1],
    actual: actual.value,
    reading: read.reading,
    bare: "target",
  };
}

function mismatch(target: Measured, actual: Measured): UnitMismatch {
  return { kind: "mismatch", targetUnit: writtenUnit(target), actualUnit: writtenUnit(actual) };
}

type Interval = [number, number];

/**
 * Reads a bare number (or a bare range's bounds) against the other side's unit. The
 * target-unit reading is taken unless it is absurd — ABSURD_FACTOR or more away from the
 * other side — and the base-unit reading is nearer. Against a percent, a bare number of at
 * most FRACTION_MAX is a fraction unless the percent-point reading is nearer.
 */
function readBare(
  bare: Interval,
  written: Measured,
  other: Interval
): { values: Interval; reading: Reading } {
  const shared: Interval = [scaleBy(bare[0], written.scale), scaleBy(bare[1], written.scale)];
  const base = bare;
  if (shared[0] === base[0] && shared[1] === base[1])
    return { values: shared, reading: "target-unit" };
  const byShared = distance(shared, other);
  const byBase = distance(base, other);
  const isPercent = unitWordOf(written.unit)?.word === "%";
  if (
    isPercent &&
    nearlyEqual(written.scale, 0.01) &&
    Math.max(Math.abs(bare[0]), Math.abs(bare[1])) <= FRACTION_MAX
  ) {
    // A fraction (0.96 = 96%) unless percent points are nearer; undecidable (a 0 on a side) is a fraction.
    return byShared < byBase
      ? { values: shared, reading: "target-unit" }
      : { values: base, reading: "base-unit" };
  }
  if (byShared >= ABSURD_FACTOR && byBase < byShared) return { values: base, reading: "base-unit" };
  return { values: shared, reading: "target-unit" };
}

/**
 * How many times apart two intervals of positive numbers are: 1 when they overlap, else
 * the ratio of the nearer ends. NaN when a side is 0 or negative (nothing to judge by):
 * NaN compares false, so it never makes a reading absurd.
 */
function distance([lo, hi]: Interval, [otherLo, otherHi]: Interval): number {
  if (!(lo > 0) || !(otherLo > 0)) return NaN;
  if (hi < otherLo) return otherLo / hi;
  if (lo > otherHi) return lo / otherHi;
  return 1;
}

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

type WordSet = { words: Set<string>; longest: number };
const wordSets = new WeakMap<readonly string[], WordSet>();

/** A list of words as a set, built once per list (the lists are module constants). */
function wordSet(words: readonly string[]): WordSet {
  let set = wordSets.get(words);
  if (!set) {
    set = { words: new Set(words), longest: Math.max(0, ...words.map((w) => w.length)) };
    wordSets.set(words, set);
  }
  return set;
}

/** The longest of `words` that `text` starts with. */
export function longestPrefix(text: string, words: readonly string[]): string | null {
  const set = wordSet(words);
  for (let n = Math.min(set.longest, text.length); n > 0; n--) {
    const head = text.slice(0, n);
    if (set.words.has(head)) return head;
  }
  return null;
}

/** The longest of `words` that `text` ends with. */
export function longestSuffix(text: string, words: readonly string[]): string | null {
  const set = wordSet(words);
  for (let n = Math.min(set.longest, text.length); n > 0; n--) {
    const tail = text.slice(text.length - n);
    if (set.words.has(tail)) return tail;
  }
  return null;
}
