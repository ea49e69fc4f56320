import { evaluateWorkbook } from "../../src/core/evaluate";
import { describePolicy, policyFor } from "../../src/core/policy";
import { opinionsXlsx } from "../../src/file/opinions-xlsx";
import { readGrids } from "../../src/file/read-workbook";
import { opinionsHtml } from "../../src/report/opinions";
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
