import { evaluateWorkbook } from "../../src/core/evaluate";
import { CellValue } from "../../src/core/grid";
import { reportHtml } from "../../src/report/report-html";
import { parse } from "csv-parse/sync";
import { failedFileRow, summarizeFile, summaryCsv } from "../../src/report/summary";

/** A budget block with no indicator header under it: found, but not scorable. */
const budgetOnly: CellValue[][] = [
  ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
  [null, "年度资金总额", 100, 100, 100, 10, 1, 10],
];

test("a table that could not be scored is listed with its reason, never as a total of null", () => {
  const tables = evaluateWorkbook([
    { name: "预算", origin: { row: 0, col: 0 }, values: budgetOnly, merges: [] },
  ]);
  const summary = summarizeFile("a.xlsx", tables, "武汉市规则");
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
    rules: "武汉市规则",
  });
  expect(html).not.toMatch(/null|NaN|undefined/);
  expect(html).toContain("未评分");
  expect(summaryCsv(summary.rows)).not.toMatch(/null/);
});

test("the CSV summary neutralises text that Excel would take for a formula; numbers stay numbers (OWASP CSV injection)", () => {
  const row = failedFileRow('=HYPERLINK("http://x","y").xlsx', "+cmd|' /C calc'!A0", "武汉市规则");
  const others = [
    { ...row, file: "@SUM(1).xlsx", note: "-2+3" },
    { ...row, file: "\tx.xlsx", note: "\rnote" },
    { ...row, file: "ok.xlsx", difference: -1.5, note: "" },
  ];
  const [header, ...lines] = parse(summaryCsv([row, ...others]).replace(/^\uFEFF/, ""), {
    relax_column_count: true,
  }) as string[][];
  const at = (name: string) => header.indexOf(name);
  expect(lines.map((l) => l[at("文件")])).toEqual([
    `'=HYPERLINK("http://x","y").xlsx`,
    "'@SUM(1).xlsx",
    "'\tx.xlsx",
    "ok.xlsx",
  ]);
  expect(lines.map((l) => l[at("说明")])).toEqual(["'+cmd|' /C calc'!A0", "'-2+3", "'\rnote", ""]);
  expect(lines[3][at("差额")]).toBe("-1.5");
});

test("the report names the rules, explains 关注度, and charts an indicator found in several tables once", () => {
  const weak = (file: string, ratio: number) => ({
    file,
    sheet: "表",
    cell: "E7",
    name: "培训人数",
    target: "≥100人",
    actual: `${ratio * 100}人`,
    ratio,
  });
  const html = reportHtml({
    generated: "now",
    files: 4,
    failed: [],
    rows: [],
    findings: [],
    weakTargets: [weak("a.xlsx", 2), weak("b.xlsx", 5), weak("c.xlsx", 3), weak("d.xlsx", 2.5)],
    rules: "财政部规则，目标偏低倍数 1.5",
  });
  expect(html).toContain("评分规则：财政部规则，目标偏低倍数 1.5");
  expect(html).toMatch(/关注度：每个问题按类计分相加（总分不符 100、/);
  const chart = /<figure id="weak">[\s\S]*?<\/figure>/.exec(html)![0];
  expect(chart.match(/<rect /g)).toHaveLength(1);
  expect(chart).toContain("培训人数（4 表）");
  expect(chart).toContain('data-value="5"');
});
