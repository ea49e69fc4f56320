import { CellValue, isDateFormat, isPercentFormat, serialToDate } from './grid';
import { compact } from './text';

/** How a written target binds the actual: at least, at most, exactly (read as at least), or none given. */
export type Comparison = 'atLeast' | 'atMost' | 'exactly' | 'none';

export type Quantity = {
  kind: 'number';
  /** The value in base units: 万 and 亿 applied, percent and per mille as fractions. */
  value: number;
  /** The unit as written, without the scale word (人, 元/人, %, ‰); empty when bare. */
  unit: string;
  comparison: Comparison;
};

export type Range = { kind: 'range'; low: number; high: number; unit: string };

/** A date or a period: a year, a month of a year, or a day. The year may be left out. */
export type Period = { kind: 'date'; year: number | null; month: number | null; day: number | null };

export type Text = { kind: 'text'; text: string };

export type Empty = { kind: 'empty' };

/** A spreadsheet error (#N/A, #DIV/0!) or a comparison with nothing measurable after it (`≥约`). */
export type Invalid = { kind: 'invalid'; text: string };

export type ParsedValue = Quantity | Range | Period | Text | Empty | Invalid;

const SPREADSHEET_ERROR = /^#(DIV\/0!|N\/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

const SCALES: Record<string, number> = { 亿: 1e8, 千万: 1e7, 百万: 1e6, 万: 1e4 };
const PREFIX_AT_LEAST = /^(≥|>|不低于|不少于|不小于|大于等于|大于|高于|多于|至少|达到|超过)/;
const PREFIX_AT_MOST = /^(≤|<|不高于|不超过|不多于|不大于|小于等于|小于|低于|少于|控制在|最多|至多)/;
const PREFIX_EXACT = /^(=|等于|约)/;
const SUFFIX_AT_LEAST = /(及以上|以上|之上|或以上)$/;
const SUFFIX_AT_MOST = /(及以下|以下|以内|之内|或以下|内)$/;
const SUFFIX_NEUTRAL = /(左右|上下)$/;
const NUMBER = '[-+]?\\d+(?:\\.\\d+)?';
const SCALE = '(?:亿|千万|百万|万)?';
/** A unit is a short run of anything but digits and range or comparison signs. */
const UNIT = '[^\\d≥≤<>=~～\\-—–至到]{0,8}';
const QUANTITY = new RegExp(`^(${NUMBER})(${SCALE})(${UNIT})$`);
const RANGE = new RegExp(`^(${NUMBER})(${SCALE})(${UNIT})(?:-|~|～|—|–|至|到)(${NUMBER})(${SCALE})(${UNIT})$`);

/** Parses a target or actual as written in a cell, value and number format together. */
export function parseCell(value: CellValue, numberFormat = 'General'): ParsedValue {
  if (value === null || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? '是' : '否' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'text', text: String(value) };
    if (isPercentFormat(numberFormat)) return { kind: 'number', value, unit: '%', comparison: 'none' };
    if (isDateFormat(numberFormat)) return { kind: 'date', ...serialToDate(value) };
    return { kind: 'number', value, unit: '', comparison: 'none' };
  }
  return parseText(value);
}

/** Parses text such as `≥22万人`, `10%以下`, `400-4,000元/人`, `2023年12月`, `有效提升`. */
export function parseText(raw: string): ParsedValue {
  const text = compact(raw).replace(/(\d),(?=\d{3}(\D|$))/g, '$1');
  if (text === '') return { kind: 'empty' };
  if (SPREADSHEET_ERROR.test(text)) return { kind: 'invalid', text };
  const parsed = parsePeriod(text) ?? parseRange(text) ?? parseQuantity(text);
  if (parsed) return parsed;
  if (/^[≥≤<>=]/.test(text)) return { kind: 'invalid', text };
  return { kind: 'text', text: compact(raw) };
}

/** Scales a written number to base units; percent and per mille divide, so 95% is exactly 0.95. */
function scaleOf(scaleWord: string, unit: string): { apply: (n: number) => number; unit: string } {
  const multiplier = scaleWord ? SCALES[scaleWord] : 1;
  const divisor = unit.startsWith('%') ? 100 : unit.startsWith('‰') ? 1000 : 1;
  return { apply: (n) => (n * multiplier) / divisor, unit: unit.trim() };
}

function parseQuantity(text: string): Quantity | null {
  let body = text;
  let comparison: Comparison = 'none';
  const prefix = body.match(PREFIX_AT_LEAST) ?? body.match(PREFIX_AT_MOST) ?? body.match(PREFIX_EXACT);
  if (prefix) {
    comparison = PREFIX_AT_LEAST.test(body) ? 'atLeast' : PREFIX_AT_MOST.test(body) ? 'atMost' : 'exactly';
    body = body.slice(prefix[0].length);
  }
  const suffixLeast = body.match(SUFFIX_AT_LEAST);
  const suffixMost = suffixLeast ? null : body.match(SUFFIX_AT_MOST);
  const suffix = suffixLeast ?? suffixMost ?? body.match(SUFFIX_NEUTRAL);
  if (suffix) {
    body = body.slice(0, body.length - suffix[0].length);
    if (comparison === 'none' && suffixLeast) comparison = 'atLeast';
    if (comparison === 'none' && suffixMost) comparison = 'atMost';
  }
  const match = QUANTITY.exec(body);
  if (!match) return null;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return null;
  const { apply, unit } = scaleOf(match[2], match[3]);
  return { kind: 'number', value: apply(number), unit, comparison };
}

function parseRange(text: string): Range | null {
  const match = RANGE.exec(text);
  if (!match) return null;
  const [, lowText, lowScale, lowUnit, highText, highScale, highUnit] = match;
  const high = scaleOf(highScale, highUnit);
  // `1-2万人`: a bound without its own scale and unit shares the other bound's.
  const low = lowScale || lowUnit ? scaleOf(lowScale, lowUnit) : high;
  const lowValue = low.apply(Number(lowText));
  const highValue = high.apply(Number(highText));
  if (!(lowValue <= highValue)) return null;
  return { kind: 'range', low: lowValue, high: highValue, unit: high.unit || low.unit };
}

const DATE_WORDS = /^(≤|截至|截止|于|在)?(.*?)(底|末)?(前|以前|之前|内|止)?(完成|前完成|已完成)?$/;
const YMD = /^(\d{4})(?:年|[-/.])(\d{1,2})(?:月|[-/.])(\d{1,2})日?$/;
const YM = /^(\d{4})(?:年|[-/.])(\d{1,2})月?$/;
const Y = /^(\d{4})年$/;
const MD = /^(\d{1,2})月(\d{1,2})日$/;
const M = /^(\d{1,2})月$/;

function parsePeriod(text: string): Period | null {
  const words = DATE_WORDS.exec(text);
  if (!words) return null;
  const core = words[2];
  let m: RegExpExecArray | null;
  let period: Period | null = null;
  if ((m = YMD.exec(core))) period = { kind: 'date', year: +m[1], month: +m[2], day: +m[3] };
  else if ((m = YM.exec(core))) period = { kind: 'date', year: +m[1], month: +m[2], day: null };
  else if ((m = Y.exec(core))) period = { kind: 'date', year: +m[1], month: null, day: null };
  else if ((m = MD.exec(core))) period = { kind: 'date', year: null, month: +m[1], day: +m[2] };
  else if ((m = M.exec(core))) period = { kind: 'date', year: null, month: +m[1], day: null };
  if (!period) return null;
  if (period.month !== null && (period.month < 1 || period.month > 12)) return null;
  if (period.day !== null && (period.day < 1 || period.day > 31)) return null;
  return period;
}

/** Whether a text actual is the same statement as a text target (`有效提升` / `有效提升`). */
export function sameText(a: string, b: string): boolean {
  return compact(a).replace(/[。.,，;；!！]$/, '') === compact(b).replace(/[。.,，;；!！]$/, '');
}
