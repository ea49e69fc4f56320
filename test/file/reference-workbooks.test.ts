import { evaluateWorkbook } from "../../src/core/evaluate";
import { policyFor } from "../../src/core/policy";
import { readGrids } from "../../src/file/read-workbook";
import { expectedWorkbooks, referenceTable, referenceWorkbook } from "../helpers/reference";

describe("published workbooks score as published", () => {
  for (const expected of expectedWorkbooks()) {
    for (const policy of ["wuhan", "national"] as const) {
      test(`${expected.file} (${policy} rules)`, async () => {
        const tables = evaluateWorkbook(await readGrids(referenceWorkbook(expected.file)), {
          policy: policyFor(policy),
        });
        expect(tables).toHaveLength(1);
        const [table] = tables;
        expect(table.sheet).toBe(expected.sheet);
        expect(table.total).toBe(expected.total);
        expect(table.reportedTotal).toBe(expected.total);
        expect(table.budget?.score).toBe(expected.budgetScore);
        expect(table.indicators).toHaveLength(expected.indicators);
        expect(table.flags).not.toContain("total-mismatch");
        expect(table.flags).not.toContain("weight-mismatch");
      });
    }
  }

  test("every row of every workbook reproduces its published score", async () => {
    for (const expected of expectedWorkbooks()) {
      const [table] = evaluateWorkbook(await readGrids(referenceWorkbook(expected.file)));
      // The national copy restates the weights in its 分值 column, so its own 得分 cells are the published scores.
      const published = expected.file.startsWith("national")
        ? table.indicators.map((i) => i.reportedScore)
        : referenceTable(expected.table)
            .blocks.flatMap((b) => b.rows)
            .map((r) => r.reportedScore);
      expect(published.every((p) => typeof p === "number")).toBe(true);
      expect(table.indicators.map((i) => i.score)).toEqual(published);
      expect(table.indicators.filter((i) => i.flags.includes("score-mismatch"))).toEqual([]);
    }
  });

  test("the national layout takes 全年预算数, not 年初预算数, and the 分值 column", async () => {
    const [table] = evaluateWorkbook(await readGrids(referenceWorkbook("national-buzhu.xlsx")));
    expect(table.budget).toEqual({
      row: 6,
      weight: 10,
      planned: 10493.86,
      executed: 10493.86,
      rate: 1,
      score: 10,
      reportedScore: 10,
      notes: [],
    });
    expect(table.indicators[1]).toMatchObject({
      row: 14,
      weight: 2.5,
      score: 2.24,
      method: "positive",
    });
    expect(table.indicators[1].flags).toEqual(["unfinished", "missing-reason"]);
    expect(table.range).toBe("A1:I37");
  });

  test("a department table reads its four 年度目标 blocks as one table", async () => {
    const [table] = evaluateWorkbook(await readGrids(referenceWorkbook("wuhan-dept.xlsx")));
    expect(table.kind).toBe("department");
    expect(new Set(table.indicators.map((i) => i.goal)).size).toBe(4);
    expect(table.budget).toMatchObject({
      row: 5,
      planned: 84416.43,
      executed: 84015.98,
      rate: 0.9953,
      score: 19.91,
    });
    expect(table.grade).toBe("优");
  });
});
