import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { policyFor } from "../../src/core/policy";
import { readGrids } from "../../src/file/read-workbook";

/*
 * Tables in the habits of other provinces (DOMAIN.md, "Beyond Wuhan"), written by openpyxl,
 * xlsxwriter and LibreOffice (scripts/provinces/make_corpus.py). expected.json was computed by
 * hand from DOMAIN.md's rules with the national preset, not by this engine. An unfilled table
 * has no total, grade or budget score (null) and its rows carry no score to compare.
 */

const DIR = join(__dirname, "..", "fixtures", "provinces");

/** `level1` is given (and then compared on every row of that table) only where the form writes 一级 in an unusual place, such as caption rows. */
type ExpectedIndicator = {
  row: number;
  name: string;
  level1?: string;
  score?: number;
  method: string;
  flags: string[];
};
type ExpectedTable = {
  sheet: string;
  kind: "project" | "department";
  total: number | null;
  grade: string | null;
  reportedTotal: number | null;
  budgetScore: number | null;
  flags: string[];
  indicators: ExpectedIndicator[];
  /** false for an unfilled table: its rows' scores are not compared. */
  scored?: boolean;
};
type ExpectedWorkbook = {
  file: string;
  producer: string;
  province: string;
  tables: ExpectedTable[];
};

const corpus = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8")) as {
  policy: "national";
  workbooks: ExpectedWorkbook[];
};

/** What the engine reports, in expected.json's shape (loose types: the engine's types are growing `unfilled`, `unit-mismatch` and nulls). */
type Engine = {
  sheet: string;
  kind: string;
  total: number | null;
  grade: string | null;
  reportedTotal: number | null;
  budget: { score: number | null } | null;
  flags: string[];
  indicators: {
    row: number;
    name: string;
    level1: string;
    score: number | null;
    method: string | null;
    flags: string[];
  }[];
};

function project(table: Engine, expected: ExpectedTable | undefined) {
  const scored = expected?.scored !== false;
  const levelsChecked = expected?.indicators.some((i) => i.level1 !== undefined) ?? false;
  return {
    sheet: table.sheet,
    kind: table.kind,
    total: table.total ?? null,
    grade: table.grade ?? null,
    reportedTotal: table.reportedTotal ?? null,
    budgetScore: table.budget?.score ?? null,
    flags: [...table.flags].sort(),
    indicators: table.indicators.map((i) => ({
      row: i.row,
      name: i.name,
      ...(levelsChecked ? { level1: i.level1 } : {}),
      ...(scored ? { score: i.score } : {}),
      method: i.method,
      flags: [...i.flags].sort(),
    })),
  };
}

function expectedShape(table: ExpectedTable) {
  const { scored: _scored, ...rest } = table;
  return rest;
}

describe("tables from other provinces score by the national rules", () => {
  for (const workbook of corpus.workbooks) {
    test(`${workbook.file} (${workbook.producer}; ${workbook.province})`, async () => {
      const path = join(DIR, workbook.file);
      expect(existsSync(path)).toBe(true);
      const tables = evaluateWorkbook(await readGrids(readFileSync(path)), {
        policy: policyFor(corpus.policy),
      }) as unknown as Engine[];
      const actual = tables.map((t, k) => project(t, workbook.tables[k]));
      expect({ file: workbook.file, tables: actual }).toEqual({
        file: workbook.file,
        tables: workbook.tables.map(expectedShape),
      });
    });
  }
});

describe("expected.json holds together", () => {
  const cents = (x: number) => Math.round(x * 100);
  const gradeOf = (total: number) =>
    total >= 90 ? "优" : total >= 80 ? "良" : total >= 60 ? "中" : "差";

  test("every scored total is the budget score plus the rounded rows, graded by the bands", () => {
    for (const workbook of corpus.workbooks) {
      for (const table of workbook.tables) {
        const where = `${workbook.file} / ${table.sheet}`;
        if (table.scored === false) {
          expect({ where, total: table.total, grade: table.grade, flags: table.flags }).toEqual({
            where,
            total: null,
            grade: null,
            flags: ["unfilled"],
          });
          continue;
        }
        const sum = table.indicators.reduce(
          (s, i) => s + cents(i.score as number),
          cents(table.budgetScore as number)
        );
        expect({ where, total: cents(table.total as number) }).toEqual({ where, total: sum });
        expect({ where, grade: table.grade }).toEqual({
          where,
          grade: gradeOf(table.total as number),
        });
        expect({ where, mismatch: table.flags.includes("total-mismatch") }).toEqual({
          where,
          mismatch: table.reportedTotal !== table.total,
        });
      }
    }
  });

  test("the corpus holds about two dozen workbooks from all three producers, department tables among them", () => {
    expect(corpus.workbooks.length).toBeGreaterThanOrEqual(24);
    expect(corpus.workbooks.some((w) => w.tables.some((t) => t.kind === "department"))).toBe(true);
    const producers = corpus.workbooks.map((w) => w.producer);
    expect(producers.some((p) => p === "openpyxl")).toBe(true);
    expect(producers.some((p) => p === "xlsxwriter")).toBe(true);
    expect(producers.filter((p) => p.includes("LibreOffice")).length).toBeGreaterThanOrEqual(3);
  });
});
