import { memoize } from "./memo";
import { Method, QualitativeTier, ScoringPolicy } from "./policy";
import { ParsedValue, Period, Quantity, parseText, sameText } from "./parse";
import { compact } from "./text";
import { longestPrefix } from "./units";
import {
  LEVEL_SCALE,
  SOFTENING_PREFIXES,
  SAME_AFTER_NEGATION,
  ABSENCE_ACTUAL_WORDS,
  ABSENCE_NEGATORS,
  ABSENCE_TARGET_LEADS,
  ABSENCE_TARGET_WORDS,
  ABSENCE_VERBS,
  ACHIEVED_WHOLE,
  ACHIEVED_WORDS,
  ADVERSE_THINGS,
  CHINESE_COUNT_DIGITS,
  CLEAR_TARGETS,
  DEADLINE_MET_WORDS,
  FAILED_WHOLE,
  FAILED_WORDS,
  NEGATION_REACH,
  NEGATORS,
  NOT_ABSENCE,
  NOT_NEGATION,
  PARTIAL_WORDS,
  PRESENCE_BEFORE_COUNT,
  PRESENCE_WORDS,
  VAGUE_WORDS,
} from "./vocabulary/values";

/** How an indicator's target reads, and so how it is scored. */
export function methodOf(target: ParsedValue): Method | null {
  switch (target.kind) {
    case "empty":
    case "invalid":
      return null;
    case "text":
      return "qualitative";
    case "range":
      return "range";
    case "date":
      return "deadline";
    case "number":
      if (target.comparison === "atMost") return "reverse";
      // A bare 0 (accidents, complaints) can only be met from below.
      if (target.value === 0 && target.comparison !== "atLeast") return "reverse";
      return "positive";
  }
}

/** Share of the weight earned (0–1) and actual/target (target/actual for reverse), where it means something. */
export type Outcome = { share: number; ratio: number | null };

/** At most a few words before an absence that is a count of 0: `全年无安全事故`, `暂无`. */
const LEAD_BEFORE_ZERO = /^\D{0,4}$/;

/**
 * An actual written as a word for zero counts as 0 against a numeric target: `无`, `零`,
 * `没有`, `未发生`, and a statement of absence of something adverse (`未发生安全事故`).
 */
export function asQuantity(value: ParsedValue): Quantity | null {
  if (value.kind === "number") return value;
  if (value.kind !== "text") return null;
  const absence = absenceIn(compactWithoutEndPunctuation(value.text));
  if (
    absence &&
    LEAD_BEFORE_ZERO.test(absence.before) &&
    absence.after === "" &&
    (absence.thing === "" || isAdverse(absence.thing))
  ) {
    return { kind: "number", value: 0, unit: "", scale: 1, comparison: "none" };
  }
  return null;
}

export function scorePositive(target: number, actual: number): Outcome {
  if (target <= 0) return { share: actual >= target ? 1 : 0, ratio: null };
  return { share: clampShare(actual / target), ratio: actual / target };
}

export function scoreReverse(target: number, actual: number, policy: ScoringPolicy): Outcome {
  const ratio = target > 0 && actual > 0 ? target / actual : null;
  if (actual <= 0) return { share: 1, ratio };
  if (target <= 0) return { share: 0, ratio };
  if (policy.reverseScoring === "linear") {
    const share = actual <= target ? 1 : actual >= 2 * target ? 0 : 1 - (actual - target) / target;
    return { share: clampShare(share), ratio };
  }
  return { share: clampShare(target / actual), ratio };
}

export function scoreRange(low: number, high: number, actual: number): Outcome {
  if (actual >= low && actual <= high) return { share: 1, ratio: null };
  if (actual < low) return { share: low > 0 ? clampShare(actual / low) : 0, ratio: null };
  return { share: clampShare(high / actual), ratio: null };
}

/** A deadline is met on or before its last day; an actual period counts from its first day. */
export function deadlineMet(deadline: Period, actual: Period): boolean {
  const year = deadline.year ?? actual.year ?? 2000;
  const actualYear = actual.year ?? deadline.year ?? 2000;
  const end =
    deadline.month === null
      ? [year, 12, 31]
      : [year, deadline.month, deadline.day ?? daysIn(year, deadline.month)];
  const start = [actualYear, actual.month ?? 1, actual.day ?? 1];
  for (let i = 0; i < 3; i++) if (start[i] !== end[i]) return start[i] < end[i];
  return true;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Text compacted (text.ts), without the full stops, commas or exclamation marks that close it. */
function compactWithoutEndPunctuation(text: string): string {
  return compact(text).replace(/[。.,，;；!！]+$/, "");
}

const includesAny = (text: string, words: readonly string[]) => words.some((w) => text.includes(w));

/**
 * Where a text states absence (`全年未发生安全事故`: before `全年`, word `未发生`, thing
 * `安全事故`, after ''), or null. `无法`, `无效` are not absences. The thing runs to the
 * next comma; what follows is `after`.
 */
function absenceIn(text: string): { before: string; thing: string; after: string } | null {
  for (let i = 0; i < text.length; i++) {
    const rest = text.slice(i);
    if (longestPrefix(rest, NOT_ABSENCE)) continue;
    const word = longestPrefix(rest, ABSENCE_ACTUAL_WORDS);
    if (!word) continue;
    const tail = rest.slice(word.length);
    const end = tail.search(/[,，;；。、]/);
    return {
      before: text.slice(0, i),
      thing: end < 0 ? tail : tail.slice(0, end),
      after: end < 0 ? "" : tail.slice(end + 1),
    };
  }
  return null;
}

function isAdverse(thing: string): boolean {
  return includesAny(thing, ADVERSE_THINGS);
}

/** A target that nothing of a kind happens: `无安全事故`, `零投诉`, `确保不发生…`, `无`, `0`. */
function isAbsenceTarget(target: string): boolean {
  return absentThing(target) !== null;
}

/**
 * The thing a target of absence says does not happen (`无拖欠` → `拖欠`, `确保不发生重大事故`
 * → `重大事故`; `无`, `0` → ''), or null when the target is not one of absence.
 */
function absentThing(target: string): string | null {
  let text = compactWithoutEndPunctuation(target);
  if (text === "0") return "";
  text = text.slice(longestPrefix(text, ABSENCE_TARGET_LEADS)?.length ?? 0);
  if (longestPrefix(text, NOT_ABSENCE) !== null) return null;
  const word = longestPrefix(text, ABSENCE_TARGET_WORDS);
  return word === null ? null : text.slice(word.length);
}

/**
 * Whether an actual denies the thing of a target of absence: a negator, at most one verb,
 * then the thing or nothing (`无拖欠` → `未拖欠`, `无投诉` → `未收到投诉`, `没发生`).
 * The words are ABSENCE_NEGATORS and ABSENCE_VERBS.
 */
function deniesThing(actual: string, thing: string): boolean {
  return ABSENCE_NEGATORS.some((negator) => {
    if (!actual.startsWith(negator)) return false;
    const rest = actual.slice(negator.length);
    return ["", ...ABSENCE_VERBS].some(
      (verb) => rest.startsWith(verb) && [thing, ""].includes(rest.slice(verb.length))
    );
  });
}

/** An actual saying the thing happened: `发生安全事故`, `出现质量问题`, `有1起`. */
function statesPresence(text: string): boolean {
  if (includesAny(text, PRESENCE_WORDS)) return true;
  return PRESENCE_BEFORE_COUNT.some((w) => {
    const i = text.indexOf(w);
    const next = i >= 0 ? text.charAt(i + w.length) : "";
    return /\d/.test(next) || CHINESE_COUNT_DIGITS.includes(next);
  });
}

/**
 * Whether a text says something was not achieved: a failed word (`未完成`, `延期`, `不合格`),
 * a negator shortly before a word of achievement (`不满意`, `未提升`, `运行不正常`,
 * `无明显改善`), or a negator at the start. Compounds such as `不断` negate nothing.
 */
function isNegative(text: string): boolean {
  let t = compactWithoutEndPunctuation(text);
  for (const w of NOT_NEGATION) t = t.split(w).join("");
  if (FAILED_WHOLE.includes(t)) return true;
  if (includesAny(t, FAILED_WORDS)) return true;
  if (longestPrefix(t, NEGATORS)) return true;
  for (let i = 0; i < t.length; i++) {
    const negator = longestPrefix(t.slice(i), NEGATORS);
    if (!negator) continue;
    const after = t.slice(i + negator.length);
    for (let skip = 0; skip <= NEGATION_REACH; skip++)
      if (longestPrefix(after.slice(skip), ACHIEVED_WORDS)) return true;
  }
  return false;
}

/** The tier that words alone give: failed and negated words, then partial, then achieved. */
/**
 * Target and actual both on the grade scale (`优秀` → `良好`): met at or above the target's
 * step, partly one step below, not further down.
 */
function scaleTier(target: string, actual: string): QualitativeTier | null {
  const step = (text: string) => LEVEL_SCALE.findIndex((words) => words.includes(text));
  const [t, a] = [step(target), step(actual)];
  if (t < 0 || a < 0) return null;
  return a <= t ? "achieved" : a === t + 1 ? "partial" : "failed";
}

/**
 * The same thing denied in both (`不超预算` → `未超预算`, `不超支` → `未超支`): the target's
 * own negation is its achievement.
 */
function sameNegation(target: string, actual: string): boolean {
  const rest = (text: string) => {
    const negator = longestPrefix(text, NEGATORS);
    return negator
      ? SAME_AFTER_NEGATION.reduce(
          (t, [from, to]) => t.split(from).join(to),
          text.slice(negator.length)
        )
      : null;
  };
  const [t, a] = [rest(target), rest(actual)];
  return t !== null && t !== "" && t === a;
}

function tierOfWords(text: string): QualitativeTier | null {
  if (isNegative(text)) return "failed";
  if (includesAny(text, PARTIAL_WORDS)) return "partial";
  if (ACHIEVED_WHOLE.includes(text) || includesAny(text, ACHIEVED_WORDS)) return "achieved";
  return null;
}

/**
 * Which of the three tiers a qualitative actual falls in, or null when its words do not tell.
 * In order: the same words as the target; against a target of absence (`无安全事故`), an
 * absence (`未发生…`, `未出现…`, `无`, `0`, `零`) or a denial of its thing (`无拖欠` →
 * `未拖欠`, `无投诉` → `未收到投诉`) is achieved and a presence (`发生1起…`) is
 * failed; an absence of something adverse (`未发生安全事故`) is achieved unless the rest of
 * the text says less; then failed words and negations (`不满意`), partial words
 * (`基本满意`), words of achievement. The word lists are in vocabulary/values.ts.
 */
export function qualitativeTier(target: string, actual: ParsedValue): QualitativeTier | null {
  if (actual.kind === "empty") return null;
  // Text pairs repeat from row to row (满意 → 满意); their tier is remembered.
  if (actual.kind === "text") return textTier(`${target}\u0000${actual.text}`);
  return tierOf(target, actual);
}

const textTier = memoize((pair: string): QualitativeTier | null => {
  const [target, actual] = pair.split("\u0000");
  return tierOf(target, { kind: "text", text: actual });
});

function tierOf(target: string, actual: ParsedValue): QualitativeTier | null {
  const actualText = actual.kind === "text" ? compactWithoutEndPunctuation(actual.text) : null;
  if (actualText !== null && sameText(target, actualText)) return "achieved";
  const onScale =
    actualText === null ? null : scaleTier(compactWithoutEndPunctuation(target), actualText);
  if (onScale) return onScale;
  if (actualText !== null && sameNegation(compactWithoutEndPunctuation(target), actualText))
    return "achieved";
  const softened = actualText === null ? null : longestPrefix(actualText, SOFTENING_PREFIXES);
  if (softened && actualText?.slice(softened.length) === compactWithoutEndPunctuation(target))
    return "partial";
  const thing = absentThing(target);
  if (thing !== null) {
    const count = asQuantity(actual);
    if (count) return count.value === 0 ? "achieved" : count.value > 0 ? "failed" : null;
    if (actualText !== null && deniesThing(actualText, thing)) return "achieved";
    if (actualText !== null && absenceIn(actualText)) return "achieved";
    if (actualText !== null && statesPresence(actualText)) return "failed";
  }
  if (actualText === null) return null;
  const absence = absenceIn(actualText);
  if (absence && isAdverse(absence.thing)) {
    const rest = absence.before + absence.after;
    const restTier = rest === "" ? null : tierOfWords(rest);
    return restTier === "failed" || restTier === "partial" ? restTier : "achieved";
  }
  return tierOfWords(actualText);
}

/** A deadline actual written in words: `按时完成` meets it, `延期完成` does not. */
export function deadlineWords(actual: string): boolean | null {
  if (isNegative(actual)) return false;
  if (includesAny(compactWithoutEndPunctuation(actual), DEADLINE_MET_WORDS)) return true;
  return null;
}

/**
 * A target with nothing to measure: a direction or an adverb instead of a level (`正增长`,
 * `有效提升`). A number (`提高10%`), a range or a date is measurable; a clear yes/no fact
 * (`合格`, `按时完成`) and a target of absence (`无安全事故`) are not vague.
 */
export const isVagueTarget = memoize((target: string): boolean => {
  const text = compactWithoutEndPunctuation(target);
  const parsed = parseText(text);
  if (parsed.kind === "number" || parsed.kind === "range" || parsed.kind === "date") return false;
  if (CLEAR_TARGETS.includes(text) || isAbsenceTarget(text)) return false;
  return includesAny(text, VAGUE_WORDS);
});

/** A share of the weight within [0, 1]; 0 for anything not a number. */
function clampShare(share: number): number {
  if (!Number.isFinite(share) || share < 0) return 0;
  return Math.min(1, share);
}
