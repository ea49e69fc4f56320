import { Quantity, Range, parseText } from "../../src/core/parse";
import {
  alignQuantities,
  alignRange,
  comparableUnits,
  familyOf,
  scaleBy,
  writtenUnit,
} from "../../src/core/units";
import { policyFor } from "../../src/core/policy";
import { scoreRow } from "../helpers/single-row";

const q = (text: string) => {
  const parsed = parseText(text);
  if (parsed.kind !== "number") throw new Error(`${text} is ${parsed.kind}, not a quantity`);
  return parsed as Quantity;
};
const range = (text: string) => {
  const parsed = parseText(text);
  if (parsed.kind !== "range") throw new Error(`${text} is ${parsed.kind}, not a range`);
  return parsed as Range;
};
const national = policyFor("national");

describe("a bare actual is read in its target unit", () => {
  test.each([
    ["≥22万人", "23", 220000, 230000],
    ["≤90万元", "90", 900000, 900000],
    ["≤10‰", "5", 0.01, 0.005],
    ["≥20万元", "18", 200000, 180000],
    ["≥95%", "96", 0.95, 0.96],
    ["≥95%", "47.5", 0.95, 0.475],
    ["≤2小时", "1.5", 7200, 5400],
    ["≤5个工作日", "3", 5, 3],
    // Beating a reverse target fiftyfold is what tables do (a complaint rate of 0.02‰): 0.02 is not 2%.
    ["≤1‰", "0.02", 0.001, 0.00002],
  ])("%s → %s", (target, actual, t, a) => {
    expect(alignQuantities(q(target), q(actual))).toEqual({
      kind: "aligned",
      target: t,
      actual: a,
      reading: "target-unit",
      bare: "actual",
    });
  });

  test.each([
    // 1,000,000 read as 万元 would be 10¹⁰ yuan, ten thousand times the target: it is yuan.
    ["100万元", "1000000", 1e6, 1e6],
    ["≥20万人", "230000", 200000, 230000],
    // A fraction against a percent: 0.96 is 96%.
    ["≥95%", "0.96", 0.95, 0.96],
    ["≥98%", "1", 0.98, 1],
    // ‰ is not a percent for this rule: 0.005 read as ‰ is 2000 times below the target, as a fraction it is 5‰.
    ["≤10‰", "0.005", 0.01, 0.005],
    // A 千 slip is exactly a thousandfold: 5000 read as 千元 is 5,000,000, the base reading is the nearer.
    ["≤5千元", "5000", 5000, 5000],
    ["≥2千人", "1500", 2000, 1500],
  ])(
    "%s → %s is read in base units, the target-unit reading being absurd or farther",
    (target, actual, t, a) => {
      expect(alignQuantities(q(target), q(actual))).toEqual({
        kind: "aligned",
        target: t,
        actual: a,
        reading: "base-unit",
        bare: "actual",
      });
    }
  );

  test("≤5千元 against 5000 is met (5000 yuan), not missed a thousandfold", () => {
    expect(scoreRow({ target: "≤5千元", actual: "5000", weight: 10 }, national)).toMatchObject({
      method: "reverse",
      score: 10,
    });
  });

  test("against a small percent a bare 1 is percent points, nearer the target than 100%", () => {
    expect(alignQuantities(q("≤3%"), q("1"))).toMatchObject({
      actual: 0.01,
      reading: "target-unit",
    });
  });

  test("a bare target is read in the actual unit the same way", () => {
    expect(alignQuantities(q("95"), q("96%"))).toEqual({
      kind: "aligned",
      target: 0.95,
      actual: 0.96,
      reading: "target-unit",
      bare: "target",
    });
    expect(alignQuantities(q("0.95"), q("96%"))).toEqual({
      kind: "aligned",
      target: 0.95,
      actual: 0.96,
      reading: "base-unit",
      bare: "target",
    });
    expect(alignQuantities(q("22"), q("23万人"))).toMatchObject({
      target: 220000,
      actual: 230000,
      reading: "target-unit",
      bare: "target",
    });
  });

  test("units on both sides are compared in base units, as written", () => {
    expect(alignQuantities(q("≥2万人"), q("15,000人"))).toEqual({
      kind: "aligned",
      target: 20000,
      actual: 15000,
      reading: "as-written",
      bare: null,
    });
    expect(alignQuantities(q("5千元"), q("5000元"))).toMatchObject({
      target: 5000,
      actual: 5000,
      reading: "as-written",
    });
    expect(alignQuantities(q("≤2小时"), q("90分钟"))).toMatchObject({ target: 7200, actual: 5400 });
    expect(alignQuantities(q("≤5天"), q("1周"))).toMatchObject({ target: 432000, actual: 604800 });
    expect(alignQuantities(q("≥50名"), q("49人"))).toMatchObject({ target: 50, actual: 49 });
    expect(alignQuantities(q("100"), q("75"))).toMatchObject({
      target: 100,
      actual: 75,
      reading: "as-written",
      bare: null,
    });
  });
});

describe("units that cannot be compared are a mismatch, never a silent 0", () => {
  test.each([
    ["≥90分", "95%", "分", "%"],
    ["≥100人", "100元", "人", "元"],
    ["≥20万人", "18万元", "万人", "万元"],
    ["≤2小时", "5%", "小时", "%"],
    ["≤5个工作日", "3天", "个工作日", "天"],
    ["≥95%", "96个", "%", "个"],
  ])("%s against %s", (target, actual, targetUnit, actualUnit) => {
    expect(alignQuantities(q(target), q(actual))).toEqual({
      kind: "mismatch",
      targetUnit,
      actualUnit,
    });
  });

  test("a range against an actual in another unit", () => {
    expect(alignRange(range("400-4,000元/人"), q("1000人"))).toEqual({
      kind: "mismatch",
      targetUnit: "元/人",
      actualUnit: "人",
    });
  });

  test("the engine does not score a mismatched row as 0: it is flagged unit-mismatch and keeps its entered score", () => {
    const row = scoreRow({ target: "≥90分", actual: "95%", weight: 10, reported: 10 }, national);
    expect(row.flags).toContain("unit-mismatch");
    expect(row.score).toBe(10);
    expect(row.flags).not.toContain("unfinished");
    expect(row.ratio).toBeNull();
  });
});

describe("ranges", () => {
  test("a bare actual is read in the range unit", () => {
    expect(alignRange(range("1～2万人"), q("1.5"))).toEqual({
      kind: "aligned",
      low: 10000,
      high: 20000,
      actual: 15000,
      reading: "target-unit",
      bare: "actual",
    });
    expect(alignRange(range("控制在3%-5%"), q("4"))).toMatchObject({
      low: 0.03,
      high: 0.05,
      actual: 0.04,
      reading: "target-unit",
    });
    expect(alignRange(range("90%-95%"), q("0.92"))).toMatchObject({
      actual: 0.92,
      reading: "base-unit",
    });
    expect(alignRange(range("1～2万元"), q("15000"))).toMatchObject({
      actual: 15000,
      reading: "base-unit",
    });
  });
  test("a bare range is read in the actual unit", () => {
    expect(alignRange(range("3-5"), q("4%"))).toEqual({
      kind: "aligned",
      low: 0.03,
      high: 0.05,
      actual: 0.04,
      reading: "target-unit",
      bare: "target",
    });
  });
});

describe("the reported cases, scored end to end (national preset)", () => {
  test.each([
    // target, actual, weight, score, ratio (actual/target, target/actual for reverse)
    ["═100%", "100%", 10, 10, 1],
    ["═100%", "90%", 10, 9, 0.9],
    ["﹦72890元", "72890元", 5, 5, 1],
    ["完成率100%", "完成率80%", 10, 8, 0.8],
    ["覆盖率≥95%", "覆盖率90%", 10, 9.47, 0.95],
    ["提高10%", "提高12%", 10, 10, 1.2],
    ["≥22万人", "23", 10, 10, 1.05],
    ["≤90万元", "90", 10, 10, 1],
    ["≤10‰", "5", 10, 10, 2],
    ["≥20万元", "18", 10, 9, 0.9],
    ["≥95%", "96", 10, 10, 1.01],
    ["100万元", "1000000", 10, 10, 1],
    ["5千元", "5000元", 10, 10, 1],
    ["≤2小时", "90分钟", 10, 10, 1.33],
    ["≤5天", "1周", 10, 7.14, 0.71],
    ["≤15天", "2周", 8, 8, 1.07],
    ["≤24小时", "2天", 10, 5, 0.5],
    ["不超过1小时", "45分钟", 10, 10, 1.33],
  ])("%s → %s (%d分) = %d, ratio %d", (target, actual, weight, score, ratio) => {
    const row = scoreRow({ target, actual, weight }, national);
    expect(row.score).toBe(score);
    expect(row.ratio).toBe(ratio);
  });

  test("控制在3%-5% is a range: inside is full, outside proportional to the nearer bound", () => {
    expect(scoreRow({ target: "控制在3%-5%", actual: "4%", weight: 10 }, national)).toMatchObject({
      method: "range",
      score: 10,
    });
    expect(scoreRow({ target: "控制在3%-5%", actual: "6%", weight: 10 }, national)).toMatchObject({
      method: "range",
      score: 8.33,
    });
  });

  test("3个工作日内完成 is a reverse quantity of working days", () => {
    expect(
      scoreRow({ target: "3个工作日内完成", actual: "2个工作日", weight: 10 }, national)
    ).toMatchObject({ method: "reverse", score: 10 });
  });
});

describe("helpers", () => {
  test("families", () => {
    expect(familyOf("")).toBeNull();
    expect(familyOf("元/人")).toBe("money");
    expect(familyOf("人次")).toBe("count");
    expect(familyOf("分钟")).toBe("time");
    expect(familyOf("分")).toBe("score");
    expect(familyOf("周岁")).toBe("age");
    expect(familyOf("个工作日")).toBe("workday");
    expect(familyOf("件/套")).toBe("count");
    expect(familyOf("公里")).toBe("length");
    expect(familyOf("平方米")).toBe("area");
    expect(familyOf("标准间")).toBe("unknown");
    // Not a word of the table's prototype.
    expect(familyOf("toString")).toBe("unknown");
    expect(q("5toString")).toMatchObject({ value: 5, unit: "toString", scale: 1 });
    expect(comparableUnits("标准间", "人")).toBe(true);
    expect(comparableUnits("标准间", "%")).toBe(false);
    expect(comparableUnits("", "人")).toBe(true);
  });
  test("the unit as written puts the scale word back", () => {
    expect(writtenUnit(q("22万人"))).toBe("万人");
    expect(writtenUnit(q("1.5亿元"))).toBe("亿元");
    expect(writtenUnit(q("2小时"))).toBe("小时");
    expect(writtenUnit(q("95%"))).toBe("%");
  });
  test("scaling by a power of ten is exact for the decimal written", () => {
    expect(scaleBy("0.07", 1e4)).toBe(700);
    expect(scaleBy("95", 0.01)).toBe(0.95);
    expect(scaleBy(95, 0.01)).toBe(0.95);
    expect(scaleBy("1.5", 3600)).toBe(5400);
    expect(scaleBy(1e-7, 1e4)).toBeCloseTo(1e-3, 15);
  });
});
