import { isSaneNumber } from "./magnitude";
import { memoize } from "./memo";
import { CellValue, datePartsShown, isDateFormat, isPercentFormat, serialToDate } from "./grid";
import { compact } from "./text";
import { comparableUnits, isBare, isPlainUnit, longestSuffix, readUnit, scaleBy } from "./units";
import {
  AFTER_WORDS,
  DIRECTION_WORDS,
  QUALITATIVE_DIRECTION,
  UNIT_COLUMN_WORDS,
  BEFORE_WORDS,
  CHANGE_WORDS,
  DATE_WORDS,
  QUARTER_NUMBERS,
  INCLUSIVE_MARKERS,
  YEAR_WORDS,
  LABEL_COMPOUNDS,
  LABEL_MAX_LENGTH,
  LABEL_MIN_LENGTH,
  MEASURE_NAME_ENDINGS,
  NEGATING_IN_LABEL,
  PLAUSIBLE_YEARS,
  RANGE_SEPARATORS,
  SIGNS,
} from "./vocabulary/values";

/** How a written target binds the actual: at least, at most, exactly (read as at least), or none given. */
export type Comparison = "atLeast" | "atMost" | "exactly" | "none";

export type Quantity = {
  kind: "number";
  /**
   * The value in base units: the number written × `scale`. 22万人 is 220000, 95% is 0.95,
   * 1‰ is 0.001, 2小时 is 7200 (the time base is the second).
   */
  value: number;
  /**
   * The unit word as written, without the scale word: 人, 元/人, %, ‰, 小时, 个工作日; empty
   * when bare. Percent words are stored as `%` and `‰` (百分比 is %). Its family (count,
   * money, percent, time …) is `familyOf(unit)` in units.ts.
   */
  unit: string;
  /**
   * What the written number was multiplied by: scale word × the unit's size in its family's
   * base. 1e4 for 万人, 0.01 for %, 1e-3 for ‰, 3600 for 小时, 1 for 人 or a bare number.
   */
  scale: number;
  comparison: Comparison;
  /** A name written before the number: `完成率` in `完成率100%`, `提高` in `提高10%`. */
  label?: string;
};

/** `400-4,000元/人`: bounds in base units; unit and scale as for a Quantity (the upper bound's). */
export type Range = {
  kind: "range";
  low: number;
  high: number;
  unit: string;
  scale: number;
  label?: string;
};

/** A date or a period: a year, a month of a year, or a day. The year may be left out. */
export type Period = {
  kind: "date";
  year: number | null;
  month: number | null;
  day: number | null;
};

export type Text = { kind: "text"; text: string };

export type Empty = { kind: "empty" };

/**
 * A spreadsheet error (#N/A, #DIV/0!), a comparison with nothing measurable after it (`≥约`),
 * or a number out of the sane range (`outOfRange`, see MAX_MAGNITUDE).
 */
export type Invalid = { kind: "invalid"; text: string; outOfRange?: true };

const outOfRange = (text: string): Invalid => ({ kind: "invalid", text, outOfRange: true });

export type ParsedValue = Quantity | Range | Period | Text | Empty | Invalid;

const SPREADSHEET_ERROR =
  /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

const NUMBER = "[-+]?\\d+(?:\\.\\d+)?";
/** Escapes for a regular expression with the `u` flag: in an alternation, and in a character class. */
const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const escapeInClass = (w: string) => w.replace(/[\]\\^-]/g, "\\$&");
const SEPARATOR = `(?:${RANGE_SEPARATORS.map(escapeWord).join("|")})`;
/** A unit as written: a short run without digits, relation signs or range separators. */
const LOOSE_UNIT = `[^\\d${[...SIGNS, ...RANGE_SEPARATORS].map(escapeInClass).join("")}]{0,8}`;
/** After a label, a unit is words, `%`, `‰` and `/` only: `完成率100%`, `覆盖率≥95%`. */
const STRICT_UNIT = "[\\p{Script=Han}A-Za-z%‰/]{0,8}";
const quantityPattern = (unit: string) => new RegExp(`^(${NUMBER})(${unit})$`, "u");
const rangePattern = (unit: string) =>
  new RegExp(`^(${NUMBER})(${unit})${SEPARATOR}(${NUMBER})(${unit})$`, "u");
const QUANTITY = { loose: quantityPattern(LOOSE_UNIT), strict: quantityPattern(STRICT_UNIT) };
const RANGE = { loose: rangePattern(LOOSE_UNIT), strict: rangePattern(STRICT_UNIT) };
/** What comes before the first number: no digits (a sign of the number stays with it). */
const LEAD = /^(\D*?)([-+]?\d[\s\S]*)$/;
const LABEL_CHARACTERS = /^[\p{Script=Han}A-Za-z]+$/u;
const SIGN_START = new RegExp(`^(${SIGNS.map(escapeWord).join("|")})`);

/** Parses a target or actual as written in a cell, value and number format together. */
export function parseCell(value: CellValue, numberFormat = "General"): ParsedValue {
  if (value === null || value === "") return { kind: "empty" };
  if (typeof value === "boolean") return { kind: "text", text: value ? "是" : "否" };
  if (typeof value === "number") {
    if (!isSaneNumber(value)) return outOfRange(String(value));
    if (isPercentFormat(numberFormat))
      return { kind: "number", value, unit: "%", scale: 0.01, comparison: "none" };
    if (isDateFormat(numberFormat)) return periodShown(value, numberFormat);
    return { kind: "number", value, unit: "", scale: 1, comparison: "none" };
  }
  return parseText(value);
}

/**
 * A target split over 指标性质 | 指标值 | 度量单位 (Sichuan), read as one value: `≥` `22`
 * `万人` is `≥22万人`; 定性 keeps the value as text. Null when there is nothing to join.
 */
export function parseSplitTarget(
  value: string,
  direction: string,
  writtenUnit: string
): { text: string; parsed: ParsedValue } | null {
  const unit = UNIT_COLUMN_WORDS[compact(writtenUnit)] ?? writtenUnit;
  if (direction === "" && unit === "") return null;
  const d = compact(direction);
  if (QUALITATIVE_DIRECTION.test(d))
    return { text: value, parsed: { kind: "text", text: compact(value) } };
  const withUnit =
    unit === "" || compact(value).endsWith(compact(unit)) ? value : `${value}${unit}`;
  const text = `${DIRECTION_WORDS[d] ?? d}${withUnit}`;
  const parsed = parseText(text);
  if (parsed.kind === "number" || parsed.kind === "range" || parsed.kind === "date")
    return { text, parsed };
  // A sign the parser does not know: the value as written, with its unit.
  return { text: withUnit, parsed: parseText(withUnit) };
}

/**
 * Parses text such as `≥22万人`, `10%以下`, `400-4,000元/人`, `2023年12月`, `覆盖率≥95%`,
 * `控制在3%-5%`, `提高10%`, `有效提升`. When unsure, text: a label with digits in it
 * (`2023年完成3项`) or words saying the number did not happen (`未完成3项`) is not a quantity.
 * Cells repeat their texts from row to row (`100%`, `满意`), so each text is read once; the
 * value is never changed by its users.
 */
export const parseText = memoize((raw: string): ParsedValue => readText(raw));

function readText(raw: string): ParsedValue {
  const text = withoutInclusiveMarkers(compact(raw)).replace(/(\d),(?=\d{3}(\D|$))/g, "$1");
  if (text === "") return { kind: "empty" };
  if (SPREADSHEET_ERROR.test(text)) return { kind: "invalid", text };
  const parsed = parsePeriod(text) ?? parseMeasure(text);
  if (parsed === "out-of-range") return outOfRange(compact(raw));
  if (parsed) return parsed;
  if (SIGN_START.test(text)) return { kind: "invalid", text };
  return { kind: "text", text: compact(raw) };
}

/**
 * The text without `(含)`, `(含本数)` wherever they stand (`5%以下(含)` is `5%以下`); a
 * marker alone stays, so that a cell holding only `(含)` is text, not empty.
 */
function withoutInclusiveMarkers(text: string): string {
  const stripped = INCLUSIVE_MARKERS.reduce((t, marker) => t.split(marker).join(""), text);
  return stripped === "" ? text : stripped;
}

/** A quantity or a range, with what is written before and after the number. */
function parseMeasure(text: string): Quantity | Range | "out-of-range" | null {
  const split = LEAD.exec(text);
  if (!split) return null;
  const lead = readLead(split[1]);
  if (!lead) return null;
  let body = split[2];
  let comparison = lead.comparison;
  const after = longestSuffix(body, AFTER_WORD_LIST);
  if (after) {
    body = body.slice(0, body.length - after.length);
    const bound = AFTER_BOUND.get(after);
    if (comparison === "none" && bound) comparison = bound;
  }
  const strictness = lead.label ? "strict" : "loose";
  const labelled = lead.label ? { label: lead.label } : {};
  const range = RANGE[strictness].exec(body);
  if (range) {
    if (lead.label && !(isPlainUnit(range[2]) && isPlainUnit(range[4]))) return null;
    if (!isSaneNumber(Number(range[1])) || !isSaneNumber(Number(range[3]))) return "out-of-range";
    const r = readRange(range);
    return r && { ...r, ...labelled };
  }
  const match = QUANTITY[strictness].exec(body);
  if (!match || negates(match[2])) return null;
  // After a label, only a unit: `提前2天完成` is words about a deadline, not 2 units of `天完成`.
  if (lead.label && !isPlainUnit(match[2])) return null;
  if (!isSaneNumber(Number(match[1]))) return "out-of-range";
  const { unit, scale } = readUnit(match[2]);
  const value = scaleBy(match[1], scale);
  return { kind: "number", value, unit, scale, comparison, ...labelled };
}

/**
 * What stands before the number: a label, then comparison words or a sign, each optional
 * (`覆盖率≥`, `完成率达到`, `不低于`, `成本控制在`). Null when it cannot be a label.
 */
function readLead(lead: string): { comparison: Comparison; label: string } | null {
  let rest = lead;
  let comparison: Comparison = "none";
  for (;;) {
    // `节约` ends in 约 but is a change, not `约` (about).
    if (CHANGE_WORD_LIST.some((w) => rest.endsWith(w))) break;
    const word = longestSuffix(rest, BEFORE_WORD_LIST);
    if (!word) break;
    // The word nearest the number decides.
    if (comparison === "none") comparison = BEFORE_BOUND.get(word) ?? "none";
    rest = rest.slice(0, rest.length - word.length);
  }
  if (rest === "") return { comparison, label: "" };
  if (
    !LABEL_CHARACTERS.test(rest) ||
    rest.length < LABEL_MIN_LENGTH ||
    rest.length > LABEL_MAX_LENGTH
  )
    return null;
  if (negates(rest) && !MEASURE_NAME_ENDINGS.some((e) => rest.endsWith(e))) return null;
  if (comparison === "none" && CHANGE_WORD_LIST.some((w) => rest.endsWith(w)))
    comparison = "atLeast";
  return { comparison, label: rest };
}

/** A label or unit with a word saying the number did not happen (`未完成`, `扣`); `无害化`, `未成年` do not. */
function negates(text: string): boolean {
  if (!NEGATING_IN_LABEL.some((c) => text.includes(c))) return false;
  const rest = LABEL_COMPOUNDS.reduce((t, w) => t.split(w).join(""), text);
  return NEGATING_IN_LABEL.some((c) => rest.includes(c));
}

function readRange(match: RegExpExecArray): Range | null {
  const [, lowText, lowUnitText, highText, highUnitText] = match;
  if (negates(lowUnitText) || negates(highUnitText)) return null;
  const high = readUnit(highUnitText);
  // `1-2万人`: a bound without its own scale and unit shares the other bound's.
  const low = lowUnitText ? readUnit(lowUnitText) : high;
  if (!comparableUnits(low.unit, high.unit)) return null;
  const lowValue = scaleBy(lowText, low.scale);
  const highValue = scaleBy(highText, high.scale);
  if (!(lowValue <= highValue)) return null;
  const shared = isBare(high) ? low : high;
  return { kind: "range", low: lowValue, high: highValue, unit: shared.unit, scale: shared.scale };
}

const BEFORE_BOUND = new Map<string, Comparison>(
  (Object.keys(BEFORE_WORDS) as (keyof typeof BEFORE_WORDS)[]).flatMap((bound) =>
    BEFORE_WORDS[bound].map((w) => [w, bound] as [string, Comparison])
  )
);
const BEFORE_WORD_LIST = [...BEFORE_BOUND.keys()];
const AFTER_BOUND = new Map<string, Comparison | null>([
  ...AFTER_WORDS.atLeast.map((w) => [w, "atLeast"] as [string, Comparison]),
  ...AFTER_WORDS.atMost.map((w) => [w, "atMost"] as [string, Comparison]),
  ...AFTER_WORDS.neutral.map((w) => [w, null] as [string, null]),
]);
const AFTER_WORD_LIST = [...AFTER_BOUND.keys()];
const CHANGE_WORD_LIST = [...CHANGE_WORDS.up, ...CHANGE_WORDS.down];

const YMD = /^(\d{4})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?$/;
const YM = /^(\d{4})(?:年|[-/.])(\d{1,2})月?$/;
const Y = /^(\d{4})年$/;
const MD = /^(\d{1,2})月(\d{1,2})日$/;
const M = /^(\d{1,2})月$/;
const QUARTER = /^(?:(\d{4})年(?:度)?)?第?([一二三四1-4])季度$/;

/**
 * A date cell as precise as its format shows it: `yyyy"年"m"月"` is the month (what Excel
 * stores when someone types 2023年6月), so a deadline of that month is met by any of its days.
 */
function periodShown(serial: number, numberFormat: string): Period {
  const date = serialToDate(serial);
  const shows = datePartsShown(numberFormat);
  return {
    kind: "date",
    year: date.year,
    month: shows.month ? date.month : null,
    day: shows.day ? date.day : null,
  };
}

function parsePeriod(text: string): Period | null {
  const words = DATE_WORDS.exec(text);
  if (!words) return null;
  const core = words[2];
  let m: RegExpExecArray | null;
  let period: Period | null = null;
  if ((m = YMD.exec(core))) period = { kind: "date", year: +m[1], month: +m[2], day: +m[3] };
  else if ((m = YM.exec(core))) period = { kind: "date", year: +m[1], month: +m[2], day: null };
  else if ((m = Y.exec(core))) period = { kind: "date", year: +m[1], month: null, day: null };
  else if ((m = MD.exec(core))) period = { kind: "date", year: null, month: +m[1], day: +m[2] };
  else if ((m = M.exec(core))) period = { kind: "date", year: null, month: +m[1], day: null };
  // `2023年第四季度`: a deadline at the end of the quarter's last month.
  else if ((m = QUARTER.exec(core)))
    period = {
      kind: "date",
      year: m[1] ? +m[1] : null,
      month: QUARTER_NUMBERS[m[2]] * 3,
      day: null,
    };
  // `年底前完成`, `年内完成`: the end of the table's year.
  else if (YEAR_WORDS.includes(core) && (words[3] || words[4]))
    period = { kind: "date", year: null, month: 12, day: null };
  if (!period) return null;
  // `8300.5` is a number, not May of the year 8300.
  if (
    period.year !== null &&
    (period.year < PLAUSIBLE_YEARS.from || period.year > PLAUSIBLE_YEARS.to)
  )
    return null;
  if (period.month !== null && (period.month < 1 || period.month > 12)) return null;
  if (period.day !== null && (period.day < 1 || period.day > 31)) return null;
  return period;
}

/** Whether a text actual is the same statement as a text target (`有效提升` / `有效提升`). */
export function sameText(a: string, b: string): boolean {
  return compact(a).replace(/[。.,，;；!！]$/, "") === compact(b).replace(/[。.,，;；!！]$/, "");
}
