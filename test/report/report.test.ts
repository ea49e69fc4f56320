import { evaluateWorkbook } from "../../src/core/evaluate";
import { CellValue } from "../../src/core/grid";
import { reportHtml } from "../../src/report/report-html";
import { summarizeFile, summaryCsv } from "../../src/report/summary";

/** A budget block with no indicator header under it: found, but not scorable. */
const budgetOnly: CellValue[][] = [
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 100, 100, 100, 10, 1, 10],
];

test("a table that could not be scored is listed with its reason, never as a total of null", () => {
  const tables = evaluateWorkbook([
    { name: "预算", origin: { row: 0, col: 0 }, values: budgetOnly, merges: [] },
  ]);
  const summary = summarizeFile("a.xlsx", tables);
  expect(summary.rows).toMatchObject([{ total: null, grade: "未评分" }]);
  expect(summary.findings).toMatchObject([
    { sheet: "预算", reason: expect.stringMatching(/未找到指标表头/) },
  ]);
  const html = reportHtml({
    generated: "now",
    files: 1,
    failed: [],
    rows: summary.rows,
    findings: summary.findings,
    weakTargets: [],
  });
  expect(html).not.toMatch(/null|NaN|undefined/);
  expect(html).toContain("未评分");
  expect(summaryCsv(summary.rows)).not.toMatch(/null/);
});
