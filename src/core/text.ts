import { memoize } from "./memo";
/** Text normalisation shared by header matching and value parsing. */
import { SIGN_SPELLINGS } from "./vocabulary/values";

/** Full-width ASCII (！..～) and the ideographic space become their half-width forms. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(text: string): string {
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
  );
}

const SIGN_OF = new Map(SIGN_SPELLINGS);
const SPELLINGS = new RegExp(
  [...SIGN_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "g"
);

/** Half-width, no whitespace or line breaks, relation signs in one spelling (vocabulary/values.ts SIGN_SPELLINGS). */
export function compact(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(SPELLINGS, (s) => SIGN_OF.get(s) ?? s)
    .replace(/[“”"‘’']/g, "");
}

const WEIGHT_SUFFIX = /[(（【[]\s*([0-9０-９.．]+)\s*分\s*[)）】\]]?\s*$/;

/**
 * Splits `全年城镇新增就业人数（2分）` into the label and its weight. Only the last bracket
 * counts, so `毕业生就业率（含升学）（7分）` keeps its first bracket; a missing closing
 * bracket (`…场次（5分`) is tolerated.
 */
export const splitWeight = memoize((label: string): { label: string; weight: number | null } =>
  splitWeightOf(label)
);

function splitWeightOf(label: string): { label: string; weight: number | null } {
  const trimmed = label.trim();
  const match = WEIGHT_SUFFIX.exec(trimmed);
  if (!match) return { label: trimmed, weight: null };
  const weight = Number(toHalfWidth(match[1]));
  return {
    label: trimmed.slice(0, match.index).trim(),
    weight: Number.isFinite(weight) ? weight : null,
  };
}

/** Header text reduced to its words: no brackets or what they hold, no weights, no punctuation. */
export const headerKey = memoize((text: string): string =>
  compact(text)
    .replace(/\([^)]*\)?/g, "")
    .replace(/[:：*]/g, "")
);
