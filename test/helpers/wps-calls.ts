/**
 * What a rescore costs in WPS: the number of calls that cross to the WPS process (about 0.2 ms
 * each), measured on the double for workbooks of many sheets or long tables.
 */
import { defaultSettings } from "../../src/core/settings";
import { rescoreWorkbook } from "../../src/wps/wps-host";
import { FakeWps, FakeWpsOptions, fakeWpsFromGrids } from "./fake-wps";
import { layoutTable, toGrid } from "./layouts";
import { referenceTable } from "./reference";

/**
 * The reference table 机关业务工作经费 with `rows` indicator rows: its fourth row (on target, so
 * never flagged) repeated in place, which keeps the merged level cells and the flagged rows as
 * they are while the table grows.
 */
export function longTable(rows?: number) {
  const spec = referenceTable("jiguan");
  const [block, ...rest] = spec.blocks;
  const count = spec.blocks.reduce((sum, b) => sum + b.rows.length, 0);
  const extra = rows === undefined ? 0 : rows - count;
  if (extra < 0) throw new Error(`the table has ${count} rows already`);
  const grown = [
    ...block.rows.slice(0, 4),
    ...Array.from({ length: extra }, () => block.rows[3]),
    ...block.rows.slice(4),
  ];
  return toGrid(layoutTable({ ...spec, blocks: [{ ...block, rows: grown }, ...rest] }));
}

/** Calls per whole rescore of a workbook of `sheets` copies of the table, each with `rows` indicator rows. */
export function wpsRescoreCalls(
  sheets: number,
  rows?: number,
  options: FakeWpsOptions = {}
): { calls: number; tables: number } {
  const grid = longTable(rows);
  const fake = fakeWpsFromGrids(
    new FakeWps(options),
    Array.from({ length: sheets }, (_, k) => ({ ...grid, name: `项目${k + 1}` }))
  );
  const outcome = rescoreWorkbook(fake.application, defaultSettings());
  return { calls: fake.calls, tables: outcome.tables.length };
}
