import fc from "fast-check";
import { parseCell, parseText } from "../../src/core/parse";
import { deadlineWords, isVagueTarget, qualitativeTier } from "../../src/core/score";
import { alignQuantities } from "../../src/core/units";
import { gradeOf, policyFor } from "../../src/core/policy";
import { roundHalfUp } from "../../src/core/rounding";
import { scoreTable } from "../helpers/single-row";

const KINDS = ["number", "range", "date", "text", "empty", "invalid"];
/** Text as people write targets: signs, digits, scale words, units, brackets, full-width forms. */
const targetLike = fc
  .array(
    fc.constantFrom(
      "≥",
      "≤",
      ">",
      "<",
      "=",
      "＞＝",
      "以上",
      "以下",
      "不超过",
      "-",
      "~",
      ".",
      ",",
      "，",
      "0",
      "1",
      "5",
      "9",
      "２",
      "万",
      "亿",
      "%",
      "％",
      "‰",
      "人",
      "元/人",
      "年",
      "月",
      "日",
      "有效",
      "提升",
      " ",
      "\n",
      "(",
      "）",
      "e",
      "E",
      "#N/A",
      "═",
      "﹦",
      "≧",
      "≦",
      "完成率",
      "控制在",
      "提高",
      "千",
      "小时",
      "分钟",
      "个工作日",
      "百分比",
      "未",
      "无",
      "发生",
      "起",
      "内完成",
      "至"
    ),
    { maxLength: 12 }
  )
  .map((parts) => parts.join(""));

describe("the parser never throws", () => {
  test("any string gives a parse result", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), targetLike), (text) => {
        expect(KINDS).toContain(parseText(text).kind);
      }),
      { numRuns: 3000 }
    );
  });

  test("qualitative judgement never throws and gives a tier or nothing", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), targetLike),
        fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), targetLike),
        (target, actual) => {
          expect([null, "achieved", "partial", "failed"]).toContain(
            qualitativeTier(target, parseText(actual))
          );
          expect(typeof isVagueTarget(target)).toBe("boolean");
          expect([null, true, false]).toContain(deadlineWords(actual));
        }
      ),
      { numRuns: 2000 }
    );
  });

  test("any cell value with any number format gives a parse result", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.string()),
        fc.constantFrom(
          "General",
          "0%",
          "0.00%",
          "yyyy-mm-dd",
          "#,##0.00",
          "@",
          '"年"0',
          "[Red]0.0"
        ),
        (value, format) => {
          const parsed = parseCell(value, format);
          expect(KINDS).toContain(parsed.kind);
          if (parsed.kind === "number") expect(Number.isFinite(parsed.value)).toBe(true);
        }
      ),
      { numRuns: 3000 }
    );
  });
});

const amount = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 100);
const weight = fc.integer({ min: 0, max: 4000 }).map((n) => n / 100);
const op = fc.constantFrom("", "≥", "≤", "不超过", "不低于");
const unit = fc.constantFrom("人", "%", "‰", "万元", "个", "");

describe("scores", () => {
  test("stay within [0, weight] and never throw, whatever is written", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            target: fc.oneof(
              targetLike,
              fc.tuple(op, amount, unit).map(([o, a, u]) => `${o}${a}${u}`)
            ),
            actual: fc.oneof(targetLike, amount.map(String)),
            weight,
            reported: fc.option(fc.double({ min: -100, max: 100, noNaN: true })),
          }),
          { minLength: 1, maxLength: 8 }
        ),
        (rows) => {
          const table = scoreTable(rows.map((r) => ({ ...r, reported: r.reported ?? null })));
          for (const indicator of table.indicators) {
            expect(Number.isFinite(indicator.score)).toBe(true);
            expect(indicator.score).toBeGreaterThanOrEqual(0);
            if (indicator.weight !== null)
              expect(indicator.score).toBeLessThanOrEqual(indicator.weight);
            expect(Object.is(indicator.score, -0)).toBe(false);
            expect(roundHalfUp(indicator.score)).toBe(indicator.score);
          }
        }
      ),
      { numRuns: 400 }
    );
  });

  test("scaling a target and an actual by the same unit leaves the score unchanged", () => {
    fc.assert(
      fc.property(
        op,
        fc.integer({ min: 1, max: 99999 }),
        fc.integer({ min: 0, max: 99999 }),
        weight,
        fc.constantFrom(["万", 10000], ["亿", 1e8]),
        (o, a, b, w, [scale, factor]) => {
          const scaled = scoreTable([
            { target: `${o}${a / 100}${scale}人`, actual: `${b / 100}${scale}人`, weight: w },
          ]).indicators[0];
          const plain = scoreTable([
            {
              target: `${o}${(a * (factor as number)) / 100}人`,
              actual: `${(b * (factor as number)) / 100}人`,
              weight: w,
            },
          ]).indicators[0];
          expect(scaled.score).toBe(plain.score);
          expect(scaled.method).toBe(plain.method);
          const percent = scoreTable([
            { target: `${o}${a / 100}%`, actual: `${b / 100}%`, weight: w },
          ]).indicators[0];
          const permille = scoreTable([
            { target: `${o}${a / 10}‰`, actual: `${b / 10}‰`, weight: w },
          ]).indicators[0];
          expect(percent.score).toBe(permille.score);
        }
      ),
      { numRuns: 500 }
    );
  });

  test("a total is always the sum of its rounded rows", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            target: fc.tuple(op, amount).map(([o, a]) => `${o}${a}`),
            actual: amount.map(String),
            weight,
          }),
          { minLength: 1, maxLength: 30 }
        ),
        (rows) => {
          const table = scoreTable(rows);
          const cents = table.indicators.reduce(
            (sum, i) => sum + Math.round(roundHalfUp(i.score) * 100),
            0
          );
          expect(Math.round((table.total ?? NaN) * 100)).toBe(cents);
          expect(table.indicators.every((i) => roundHalfUp(i.score) === i.score)).toBe(true);
        }
      ),
      { numRuns: 300 }
    );
  });

  test("grades never fall as the total rises", () => {
    const order = { 差: 0, 中: 1, 良: 2, 优: 3 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 10000 }),
        (a, b) => {
          const [lo, hi] = [Math.min(a, b) / 100, Math.max(a, b) / 100];
          expect(order[gradeOf(lo, policyFor("wuhan"))]).toBeLessThanOrEqual(
            order[gradeOf(hi, policyFor("wuhan"))]
          );
        }
      )
    );
  });
});

/** A decimal string shifted by 10^k without floating point: shift('0.07', 4) is '700'. */
function shift(decimal: string, k: number): string {
  const [whole, fraction = ""] = decimal.split(".");
  let digits = whole + fraction;
  let point = whole.length + k;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point, "0");
  const text = `${digits.slice(0, point)}.${digits.slice(point)}`
    .replace(/^0+(?=\d)/, "")
    .replace(/\.?0*$/, "");
  return text === "" ? "0" : text;
}

/** Non-negative decimals as written, up to three places; a year-like `2023.5` is a date, so none of those. */
const decimal = fc
  .tuple(fc.integer({ min: 0, max: 999999 }), fc.integer({ min: 0, max: 3 }))
  .map(([n, places]) => shift(String(n), -places))
  .filter((n) => parseText(n).kind === "number");
/**
 * The value of a decimal written out with a sign: what the parser reads, or, where the
 * plain number reads as a date (`≤1937.01` is January 1937), the decimal itself.
 */
const writtenOut = (sign: string, decimal: string) => {
  const parsed = parseText(`${sign}${decimal}`);
  return parsed.kind === "number" ? parsed.value : Number(decimal);
};
const quantityOf = (text: string) => {
  const parsed = parseText(text);
  if (parsed.kind !== "number") throw new Error(`${text} read as ${parsed.kind}`);
  return parsed;
};

describe("scale words and units", () => {
  test("a value written with a scale word equals the same value written out", () => {
    fc.assert(
      fc.property(
        decimal,
        fc.constantFrom(["千", 3], ["万", 4], ["百万", 6], ["千万", 7], ["亿", 8]),
        fc.constantFrom("人", "元", "元/人", "个", ""),
        fc.constantFrom("", "≥", "≤", "不低于"),
        (n, [word, k], unit, sign) => {
          const scaled = quantityOf(`${sign}${n}${word}${unit}`);
          const written = shift(n, k as number);
          if (unit === "" && parseText(`${sign}${written}`).kind !== "number")
            return expect(scaled.value).toBe(writtenOut(sign, written));
          const plain = quantityOf(`${sign}${written}${unit}`);
          expect(scaled.value).toBe(plain.value);
          expect(scaled.unit).toBe(plain.unit);
          expect(scaled.comparison).toBe(plain.comparison);
        }
      ),
      { numRuns: 1000 }
    );
  });

  test("a percent, a per mille and 百分比 equal the fraction written out", () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom("", "≥", "≤", "不低于"), (n, sign) => {
        expect(quantityOf(`${sign}${n}%`).value).toBe(writtenOut(sign, shift(n, -2)));
        expect(quantityOf(`${sign}${n}百分比`).value).toBe(writtenOut(sign, shift(n, -2)));
        expect(quantityOf(`${sign}${n}‰`).value).toBe(writtenOut(sign, shift(n, -3)));
      }),
      { numRuns: 500 }
    );
  });

  test("time units convert: hours to minutes, days to hours, weeks to days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), (n) => {
        expect(quantityOf(`${n}小时`).value).toBe(quantityOf(`${n * 60}分钟`).value);
        expect(quantityOf(`${n}天`).value).toBe(quantityOf(`${n * 24}小时`).value);
        expect(quantityOf(`${n}周`).value).toBe(quantityOf(`${n * 7}天`).value);
      })
    );
  });
});

const measured = fc
  .tuple(
    decimal,
    fc.constantFrom("", "万", "亿", "千"),
    fc.constantFrom("", "人", "元", "%", "‰", "分", "小时", "分钟", "个工作日", "标准间")
  )
  .map(([n, scale, unit]) => quantityOf(`${n}${unit === "%" || unit === "‰" ? "" : scale}${unit}`));

describe("alignment", () => {
  test("is symmetric: swapping target and actual swaps the numbers, keeps the reading and names the other side bare", () => {
    fc.assert(
      fc.property(measured, measured, (t, a) => {
        const forward = alignQuantities(t, a);
        const backward = alignQuantities(a, t);
        if (forward.kind === "mismatch") {
          expect(backward).toEqual({
            kind: "mismatch",
            targetUnit: forward.actualUnit,
            actualUnit: forward.targetUnit,
          });
          return;
        }
        const swapped = { target: "actual", actual: "target" } as const;
        expect(backward).toEqual({
          kind: "aligned",
          target: forward.actual,
          actual: forward.target,
          reading: forward.reading,
          bare: forward.bare === null ? null : swapped[forward.bare],
        });
      }),
      { numRuns: 2000 }
    );
  });

  /**
   * The rule stated by examples, without the constant: a table misses or beats its target by
   * at most ten times, while a scale slip is a thousand times (千) or more. So a bare number
   * within 10× of the target's number is that number in the target's unit (`≥22万人` → `23`
   * is 23万人), and a bare number within 10× of the target's value in base units is in base
   * units (`≥22万人` → `230000` is 230000人), whichever the scale word.
   */
  const scaleWord = fc.constantFrom(["千", 3], ["万", 4], ["百万", 6], ["千万", 7], ["亿", 8]);
  const countOrMoney = fc.constantFrom("人", "元", "个", "元/人", "");
  const sign = fc.constantFrom("", "≥", "≤", "不低于");
  /**
   * Hundredths a (the target's number) and b (the bare number), b less than 10× from a either
   * way: at exactly 10× a thousandfold slip (千, ‰) leaves the wrong reading 100× off, the
   * rule's own boundary, where a floating-point product falls either side.
   */
  const withinTenfold = fc
    .integer({ min: 1, max: 1_000_000 })
    .chain((a) =>
      fc.tuple(fc.constant(a), fc.integer({ min: Math.floor(a / 10) + 1, max: a * 10 - 1 }))
    )
    .map(([a, b]) => [shift(String(a), -2), shift(String(b), -2)] as const);
  const bareNumber = (text: string) => {
    const parsed = parseText(text);
    return parsed.kind === "number" && parsed.unit === "" && parsed.scale === 1 ? parsed : null;
  };

  test("a bare actual within 10× of the target number is read in the target unit", () => {
    fc.assert(
      fc.property(withinTenfold, scaleWord, countOrMoney, sign, ([v, w], [scale], unit, s) => {
        const actual = bareNumber(w);
        fc.pre(actual !== null);
        const aligned = alignQuantities(quantityOf(`${s}${v}${scale}${unit}`), actual!);
        expect(aligned).toMatchObject({
          kind: "aligned",
          reading: "target-unit",
          bare: "actual",
          actual: quantityOf(`${w}${scale}${unit}`).value,
        });
      }),
      { numRuns: 1000 }
    );
  });

  test("a bare actual within 10× of the target in base units is read in base units", () => {
    fc.assert(
      fc.property(withinTenfold, scaleWord, countOrMoney, sign, ([v, w], [scale, k], unit, s) => {
        const written = shift(w, k as number);
        const actual = bareNumber(written);
        fc.pre(actual !== null);
        const aligned = alignQuantities(quantityOf(`${s}${v}${scale}${unit}`), actual!);
        expect(aligned).toMatchObject({
          kind: "aligned",
          reading: "base-unit",
          bare: "actual",
          actual: Number(written),
        });
      }),
      { numRuns: 1000 }
    );
  });

  test("the same holds for a bare target against an actual with a scale word", () => {
    fc.assert(
      fc.property(withinTenfold, scaleWord, countOrMoney, ([v, w], [scale, k], unit) => {
        const inUnit = bareNumber(v);
        const inBase = bareNumber(shift(v, k as number));
        fc.pre(inUnit !== null && inBase !== null);
        const actual = quantityOf(`${w}${scale}${unit}`);
        expect(alignQuantities(inUnit!, actual)).toMatchObject({
          reading: "target-unit",
          bare: "target",
          target: quantityOf(`${v}${scale}${unit}`).value,
        });
        expect(alignQuantities(inBase!, actual)).toMatchObject({
          reading: "base-unit",
          bare: "target",
          target: inBase!.value,
        });
      }),
      { numRuns: 1000 }
    );
  });

  test("against a per mille the same: ‰ within 10× of the target number, a fraction within 10× of its value", () => {
    fc.assert(
      fc.property(withinTenfold, sign, ([v, w], s) => {
        const inUnit = bareNumber(w);
        const inBase = bareNumber(shift(w, -3));
        fc.pre(inUnit !== null && inBase !== null);
        const target = quantityOf(`${s}${v}‰`);
        expect(alignQuantities(target, inUnit!)).toMatchObject({
          reading: "target-unit",
          actual: quantityOf(`${w}‰`).value,
        });
        expect(alignQuantities(target, inBase!)).toMatchObject({
          reading: "base-unit",
          actual: inBase!.value,
        });
      }),
      { numRuns: 1000 }
    );
  });

  test("a bare fraction against a percent within 10× of it is a fraction; percent points within 10× are percent points", () => {
    fc.assert(
      fc.property(withinTenfold, sign, ([v, w], s) => {
        const target = quantityOf(`${s}${v}%`);
        const points = bareNumber(w);
        const fraction = bareNumber(shift(w, -2));
        fc.pre(points !== null && fraction !== null && Number(w) > 1);
        expect(alignQuantities(target, points!)).toMatchObject({
          reading: "target-unit",
          actual: quantityOf(`${w}%`).value,
        });
        if (fraction!.value <= 1)
          expect(alignQuantities(target, fraction!)).toMatchObject({
            reading: "base-unit",
            actual: fraction!.value,
          });
      }),
      { numRuns: 1000 }
    );
  });
});
