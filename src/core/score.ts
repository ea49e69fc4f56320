import { Method, QualitativeTier, ScoringPolicy } from './policy';
import { ParsedValue, Period, Quantity, sameText } from './parse';
import { compact } from './text';

/** How an indicator's target reads, and so how it is scored. */
export function methodOf(target: ParsedValue): Method | null {
  switch (target.kind) {
    case 'empty':
    case 'invalid':
      return null;
    case 'text':
      return 'qualitative';
    case 'range':
      return 'range';
    case 'date':
      return 'deadline';
    case 'number':
      if (target.comparison === 'atMost') return 'reverse';
      // A bare 0 (accidents, complaints) can only be met from below.
      if (target.value === 0 && target.comparison !== 'atLeast') return 'reverse';
      return 'positive';
  }
}

/** Share of the weight earned (0–1) and actual/target (target/actual for reverse), where it means something. */
export type Outcome = { share: number; ratio: number | null };

const NONE_WORDS = /^(无|零|没有|未发生|0)$/;

/** An actual written as a word for zero (`无`) counts as 0 against a numeric target. */
export function asQuantity(value: ParsedValue): Quantity | null {
  if (value.kind === 'number') return value;
  if (value.kind === 'text' && NONE_WORDS.test(value.text)) return { kind: 'number', value: 0, unit: '', comparison: 'none' };
  return null;
}

/**
 * A percent on one side and a bare number on the other: the bare number is read as percent
 * points when it is above 1 (`96` against `≥95%`), as a fraction otherwise.
 */
export function alignUnits(target: number, targetUnit: string, actual: number, actualUnit: string): [number, number] {
  const fraction = (u: string) => u === '%' || u === '‰';
  if (fraction(targetUnit) && actualUnit === '' && Math.abs(actual) > 1) return [target, actual / 100];
  if (fraction(actualUnit) && targetUnit === '' && Math.abs(target) > 1) return [target / 100, actual];
  return [target, actual];
}

export function scorePositive(target: number, actual: number): Outcome {
  if (target <= 0) return { share: actual >= target ? 1 : 0, ratio: null };
  return { share: clampShare(actual / target), ratio: actual / target };
}

export function scoreReverse(target: number, actual: number, policy: ScoringPolicy): Outcome {
  const ratio = target > 0 && actual > 0 ? target / actual : null;
  if (actual <= 0) return { share: 1, ratio };
  if (target <= 0) return { share: 0, ratio };
  if (policy.reverseScoring === 'linear') {
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
  const end = deadline.month === null ? [year, 12, 31] : [year, deadline.month, deadline.day ?? daysIn(year, deadline.month)];
  const start = [actualYear, actual.month ?? 1, actual.day ?? 1];
  for (let i = 0; i < 3; i++) if (start[i] !== end[i]) return start[i] < end[i];
  return true;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const NEGATIVE = /未完成|未达|未实现|未开展|未能|未按|尚未|没有|无法|较差|不合格|不达标|不到位|滞后|延期|逾期|^否$|^未/;
const PARTIAL = /一定程度|部分|基本|初步|有所|较为|略有|稍有|逐步|正在|推进中|进行中/;
const ACHIEVED = /完成|达到|达成|实现|合格|达标|^是$|有效|显著|明显|全面|顺利|按时|如期|提前|提升|提高|加强|改善|保障|保证|稳定|良好|满意/;

/** Which of the three tiers a qualitative actual falls in, or null when its words do not tell. */
export function qualitativeTier(target: string, actual: ParsedValue): QualitativeTier | null {
  if (actual.kind === 'empty') return null;
  const actualText = actual.kind === 'text' ? actual.text : null;
  if (actualText !== null && sameText(target, actualText)) return 'achieved';
  if (NONE_WORDS.test(compact(target)) && asQuantity(actual)?.value === 0) return 'achieved';
  if (actualText === null) return null;
  if (NEGATIVE.test(actualText)) return 'failed';
  if (PARTIAL.test(actualText)) return 'partial';
  if (ACHIEVED.test(actualText)) return 'achieved';
  return null;
}

/** A deadline actual written in words: `按时完成` meets it, `延期完成` does not. */
export function deadlineWords(actual: string): boolean | null {
  if (NEGATIVE.test(actual)) return false;
  if (/按时|如期|提前|已完成|完成/.test(actual)) return true;
  return null;
}

const VAGUE = /正增长|有效|显著|明显|逐步|进一步|持续|不断|稳步|大幅|较大|一定程度|提升|提高|改善|加强|推进|增强|优化|促进|保障|保证|良好|较好/;
const CLEAR = /^(无|零|0|是|否|合格|达标|按时完成|按期完成|全部完成|完成|通过|已完成|100%)$/;

/** A target with nothing to measure: a direction or an adverb instead of a level. */
export function isVagueTarget(target: string): boolean {
  const text = compact(target);
  return !CLEAR.test(text) && VAGUE.test(text);
}

export function clampShare(share: number): number {
  if (!Number.isFinite(share) || share < 0) return 0;
  return Math.min(1, share);
}
