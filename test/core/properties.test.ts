import fc from 'fast-check';
import { parseCell, parseText } from '../../src/core/parse';
import { gradeOf, policyFor } from '../../src/core/policy';
import { roundHalfUp } from '../../src/core/rounding';
import { scoreTable } from '../helpers/single-row';

const KINDS = ['number', 'range', 'date', 'text', 'empty', 'invalid'];
/** Text as people write targets: signs, digits, scale words, units, brackets, full-width forms. */
const targetLike = fc
  .array(fc.constantFrom('≥', '≤', '>', '<', '=', '＞＝', '以上', '以下', '不超过', '-', '~', '.', ',', '，', '0', '1', '5', '9', '２', '万', '亿', '%', '％', '‰', '人', '元/人', '年', '月', '日', '有效', '提升', ' ', '\n', '(', '）', 'e', 'E', '#N/A'), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('the parser never throws', () => {
  test('any string gives a parse result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), targetLike), (text) => {
        expect(KINDS).toContain(parseText(text).kind);
      }),
      { numRuns: 3000 },
    );
  });

  test('any cell value with any number format gives a parse result', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.string()), fc.constantFrom('General', '0%', '0.00%', 'yyyy-mm-dd', '#,##0.00', '@', '"年"0', '[Red]0.0'), (value, format) => {
        const parsed = parseCell(value, format);
        expect(KINDS).toContain(parsed.kind);
        if (parsed.kind === 'number') expect(Number.isFinite(parsed.value)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

const amount = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100);
const weight = fc.integer({ min: 0, max: 4000 }).map((n) => n / 100);
const op = fc.constantFrom('', '≥', '≤', '不超过', '不低于');
const unit = fc.constantFrom('人', '%', '‰', '万元', '个', '');

describe('scores', () => {
  test('stay within [0, weight] and never throw, whatever is written', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ target: fc.oneof(targetLike, fc.tuple(op, amount, unit).map(([o, a, u]) => `${o}${a}${u}`)), actual: fc.oneof(targetLike, amount.map(String)), weight, reported: fc.option(fc.double({ min: -100, max: 100, noNaN: true })) }), { minLength: 1, maxLength: 8 }), (rows) => {
        const table = scoreTable(rows.map((r) => ({ ...r, reported: r.reported ?? null })));
        for (const indicator of table.indicators) {
          expect(Number.isFinite(indicator.score)).toBe(true);
          expect(indicator.score).toBeGreaterThanOrEqual(0);
          if (indicator.weight !== null) expect(indicator.score).toBeLessThanOrEqual(indicator.weight);
          expect(Object.is(indicator.score, -0)).toBe(false);
          expect(roundHalfUp(indicator.score)).toBe(indicator.score);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('scaling a target and an actual by the same unit leaves the score unchanged', () => {
    fc.assert(
      fc.property(op, fc.integer({ min: 1, max: 99999 }), fc.integer({ min: 0, max: 99999 }), weight, fc.constantFrom(['万', 10000], ['亿', 1e8]), (o, a, b, w, [scale, factor]) => {
        const scaled = scoreTable([{ target: `${o}${a / 100}${scale}人`, actual: `${b / 100}${scale}人`, weight: w }]).indicators[0];
        const plain = scoreTable([{ target: `${o}${(a * (factor as number)) / 100}人`, actual: `${(b * (factor as number)) / 100}人`, weight: w }]).indicators[0];
        expect(scaled.score).toBe(plain.score);
        expect(scaled.method).toBe(plain.method);
        const percent = scoreTable([{ target: `${o}${a / 100}%`, actual: `${b / 100}%`, weight: w }]).indicators[0];
        const permille = scoreTable([{ target: `${o}${a / 10}‰`, actual: `${b / 10}‰`, weight: w }]).indicators[0];
        expect(percent.score).toBe(permille.score);
      }),
      { numRuns: 500 },
    );
  });

  test('a total is always the sum of its rounded rows', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ target: fc.tuple(op, amount).map(([o, a]) => `${o}${a}`), actual: amount.map(String), weight }), { minLength: 1, maxLength: 30 }), (rows) => {
        const table = scoreTable(rows);
        const cents = table.indicators.reduce((sum, i) => sum + Math.round(roundHalfUp(i.score) * 100), 0);
        expect(Math.round((table.total ?? NaN) * 100)).toBe(cents);
        expect(table.indicators.every((i) => roundHalfUp(i.score) === i.score)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('grades never fall as the total rises', () => {
    const order = { 差: 0, 中: 1, 良: 2, 优: 3 };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (a, b) => {
        const [lo, hi] = [Math.min(a, b) / 100, Math.max(a, b) / 100];
        expect(order[gradeOf(lo, policyFor('wuhan'))]).toBeLessThanOrEqual(order[gradeOf(hi, policyFor('wuhan'))]);
      }),
    );
  });
});
