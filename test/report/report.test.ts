import { parse } from "csv-parse/sync";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { CellValue } from "../../src/core/grid";
import { describePolicy, policyFor } from "../../src/core/policy";
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
    rules: describePolicy(policyFor("wuhan")),
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

test("the CSV summary keeps text from a workbook from being read as a formula; numbers stay numbers", () => {
  const values: CellValue[][] = [
    ["项目名称", '=HYPERLINK("http://x","y")'],
    ["三级指标", "目标值", "完成值", "分值", "得分"],
    ["培训人数", "≥100人", "120人", 100, 100],
    ["总分", null, null, 100, 99],
  ];
  const tables = evaluateWorkbook([
    { name: "@表", origin: { row: 0, col: 0 }, values, merges: [] },
  ]);
  const csv = summaryCsv(summarizeFile("-a.xlsx", tables).rows, [
    { file: "\tb.xlsx", error: "+未找到" },
  ]);
  const [header, table, unscored] = parse(csv, { bom: true }) as string[][];
  const field = (line: string[], title: string) => line[header.indexOf(title)];
  expect(field(table, "项目或目标")).toBe(`'=HYPERLINK("http://x","y")`);
  expect(field(table, "工作表")).toBe("'@表");
  expect(field(table, "文件")).toBe("'-a.xlsx");
  expect(field(table, "差额")).toBe("-1");
  expect([field(unscored, "文件"), field(unscored, "说明")]).toEqual(["'\tb.xlsx", "'+未找到"]);
});

test("an absurd actual is a finding with its value, and no chart of the report gets a number that is not finite", () => {
  const values: CellValue[][] = [
    ["三级指标", "目标值", "完成值", "分值", "得分"],
    ["培训人数", "≥1人", 1e308, 50, 50],
    ["覆盖人数", "≥1人", "3人", 50, 50],
  ];
  const tables = evaluateWorkbook([{ name: "S", origin: { row: 0, col: 0 }, values, merges: [] }]);
  const summary = summarizeFile("a.xlsx", tables);
  const html = reportHtml({
    generated: "now",
    rules: describePolicy(policyFor("wuhan")),
    files: 1,
    failed: [],
    rows: summary.rows,
    findings: summary.findings,
    weakTargets: summary.weakTargets,
  });
  // Every coordinate and size in the charts (width="100%" only scales the figure).
  const numbers = [
    ...html.matchAll(/\s(?:x|y|width|height|cx|cy|r|data-value)="(?!100%")([^"]*)"/g),
  ].map((m) => Number(m[1]));
  expect(numbers.length).toBeGreaterThan(10);
  expect(numbers.filter((n) => !Number.isFinite(n))).toEqual([]);
  expect(html).not.toMatch(/Infinity|NaN|e\+30\d 倍/);
  expect(summary.findings.find((f) => f.name === "培训人数")).toMatchObject({
    flags: ["unreadable"],
    reason: expect.stringContaining("完成值“1e+308”（C2）超出可信的数值范围"),
  });
});

test("the report explains 关注度 from its weights, and charts an indicator found in several tables once", () => {
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
    rules: "财政部",
    files: 4,
    failed: [],
    rows: [],
    findings: [],
    weakTargets: [weak("a.xlsx", 2), weak("b.xlsx", 5), weak("c.xlsx", 3), weak("d.xlsx", 2.5)],
  });
  expect(html).toMatch(/关注度：每个问题按类计分相加（总分不符 100、/);
  const chart = /<figure id="weak">[\s\S]*?<\/figure>/.exec(html)![0];
  expect(chart.match(/<rect /g)).toHaveLength(1);
  expect(chart).toContain("培训人数（4 表）");
  expect(chart).toContain('data-value="5"');
});
