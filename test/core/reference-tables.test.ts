import { evaluateWorkbook } from "../../src/core/evaluate";
import { layoutTable, toGrid } from "../helpers/layouts";
import { referenceTables } from "../helpers/reference";

/** Every published row of tables.json, laid out as the published table, gets its published score. */
describe.each(referenceTables().map((t) => [t.id, t] as const))(
  "published table %s",
  (_id, spec) => {
    const [table] = evaluateWorkbook([toGrid(layoutTable(spec))]);
    const rows = spec.blocks.flatMap((b) => b.rows);

    test("one table with every row", () => {
      expect(table.indicators.map((i) => i.name)).toEqual(
        rows.map((r) => r.name.replace(/（\d+分\)?）?$|（\d+分$/, ""))
      );
    });

    test.each(rows.map((r, i) => [i, r.name, r.target, r.actual, r.reportedScore] as const))(
      "row %i %s: %s → %s scores %d",
      (index, _name, _target, _actual, published) => {
        expect(table.indicators[index].score).toBe(published);
      }
    );

    test("budget, total and grade", () => {
      expect(table.budget?.score).toBe(spec.budget.score);
      expect(table.total).toBe(spec.reportedTotal);
      expect(table.grade).toBe(spec.grade);
      expect(table.flags).toEqual([]);
    });
  }
);
