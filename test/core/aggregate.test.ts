import { aggregateActuals } from "../../src/core/aggregate";
import { Quantity, parseText } from "../../src/core/parse";
import { scorePositive } from "../../src/core/score";

const q = (text: string) => parseText(text) as Quantity;

describe("aggregating sub-units into one department table", () => {
  test("absolute values are summed", () => {
    expect(
      aggregateActuals([
        { actual: q("1,000人"), funds: 100 },
        { actual: q("0.05万人"), funds: 300 },
      ])
    ).toMatchObject({ value: 1500, unit: "人" });
  });

  test("rates are averaged weighted by each unit’s funds", () => {
    const rate = aggregateActuals([
      { actual: q("90%"), funds: 100 },
      { actual: q("100%"), funds: 300 },
    ]);
    expect(rate.value).toBeCloseTo(0.975, 12);
  });

  test("the sums are scored, not the scores averaged", () => {
    const target = q("≥1,600人");
    const parts = [
      { actual: q("1,000人"), funds: 1 },
      { actual: q("500人"), funds: 1 },
    ];
    const summed = scorePositive(target.value, aggregateActuals(parts).value).share;
    expect(summed).toBeCloseTo(1500 / 1600, 12);
    const averagedScores =
      parts
        .map((p) => scorePositive(target.value / 2, p.actual.value).share)
        .reduce((a, b) => a + b) / 2;
    expect(summed).not.toBeCloseTo(averagedScores, 3);
  });
});
