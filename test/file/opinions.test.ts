import { evaluateWorkbook } from "../../src/core/evaluate";
import { describePolicy, policyFor } from "../../src/core/policy";
import { opinionsXlsx } from "../../src/file/opinions-xlsx";
import { readGrids } from "../../src/file/read-workbook";
import { applyMarks } from "../../src/core/marks";
import { opinionsHtml } from "../../src/report/opinions";
import { reportHtml } from "../../src/report/report-html";
import { summarizeFile } from "../../src/report/summary";
import { partsOf } from "../helpers/package";
import { referenceWorkbook } from "../helpers/reference";
import { worksheetOrderViolations } from "../helpers/schema-order";
import { loadXlsx } from "../helpers/workbook-dump";

const policy = policyFor("wuhan");

async function findingsOf(file: string) {
  const tables = evaluateWorkbook(await readGrids(referenceWorkbook(file)), { policy });
  return summarizeFile(file, tables).findings;
}

test("the 复核意见 list has one wrapped row per finding, saying where and what, and prints on landscape A4", async () => {
  const findings = await findingsOf("wuhan-jiuye.xlsx");
  expect(findings.length).toBeGreaterThan(3);
  const data = opinionsXlsx(findings);
  const sheet = (await loadXlsx(data)).getWorksheet("复核意见")!;
  expect(sheet.rowCount).toBe(findings.length + 1);
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    "序号",
    "文件",
    "工作表",
    "单元格",
    "指标或表",
    "问题",
    "复核意见",
    "复核标记",
  ]);
  findings.forEach((f, k) => {
    const row = sheet.getRow(k + 2);
    expect([row.getCell(1).value, row.getCell(4).value, row.getCell(5).value]).toEqual([
      k + 1,
      f.cell,
      f.name,
    ]);
    if (f.reason) expect(row.getCell(7).value).toBe(f.reason);
    expect(row.getCell(7).alignment?.wrapText).toBe(true);
  });
  const xml = partsOf(data)["xl/worksheets/sheet1.xml"];
  expect(xml).toContain('orientation="landscape"');
  expect(worksheetOrderViolations(xml)).toEqual([]);
});

test("the printable 复核意见 page lists the same findings, escaped, with the rules", async () => {
  const findings = await findingsOf("wuhan-jiuye.xlsx");
  const html = opinionsHtml([{ ...findings[0], name: "<b>指标</b>" }, ...findings.slice(1)], {
    generated: "2026-11-22",
    rules: describePolicy(policy),
  });
  expect(html.match(/<tr><td>/g)).toHaveLength(findings.length);
  expect(html).toContain("&lt;b&gt;指标&lt;/b&gt;");
  expect(html).toContain(`评分规则：${describePolicy(policy)}`);
  expect(html).not.toMatch(/<script/);
});

test("a finding's mark shows in the 复核意见 list and the report: 已忽略 with its reason", async () => {
  const tables = evaluateWorkbook(await readGrids(referenceWorkbook("wuhan-jiuye.xlsx")), {
    policy,
  });
  const indicator = tables[0].indicators.find((i) => i.flags.includes("unfinished"))!;
  const marked = applyMarks(tables, [
    {
      sheet: tables[0].sheet,
      row: indicator.row,
      flag: "unfinished",
      status: "dismissed",
      reason: "口径含灵活就业",
    },
  ]).tables;
  const { findings, rows } = summarizeFile("a.xlsx", marked);
  const finding = findings.find((f) => f.name === indicator.name)!;
  expect(finding.marked).toBe("未完成 已忽略：口径含灵活就业");
  const sheet = (await loadXlsx(opinionsXlsx(findings))).getWorksheet("复核意见")!;
  const at = findings.indexOf(finding) + 2;
  expect(sheet.getRow(at).getCell(8).value).toBe("未完成 已忽略：口径含灵活就业");
  const html = reportHtml({
    generated: "now",
    rules: "武汉市",
    files: 1,
    failed: [],
    rows,
    findings,
    weakTargets: [],
  });
  expect(html).toContain("<td>未完成 已忽略：口径含灵活就业</td>");
});
