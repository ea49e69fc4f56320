/** The review report in a real browser: its numbers are the summary's, and it prints on A4. */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { Browser } from "playwright-core";
import { runBatchRescore } from "../../src/cli/batch/batch-command";
import { policyFor } from "../../src/core/policy";
import { SummaryRow } from "../../src/report/summary";
import { launchChromium } from "../helpers/browser";
import { writeCorpus } from "../helpers/corpus";
import { useTempDir } from "../helpers/temp";

const tempDir = useTempDir();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

test("the report shows the summary’s numbers, loads nothing from the network, and prints on A4", async () => {
  const input = join(tempDir(), "in");
  const out = join(tempDir(), "out");
  mkdirSync(out);
  await writeCorpus(input, 40, 13);
  const summaryPath = join(tempDir(), "summary.json");
  const reportPath = join(tempDir(), "report.html");
  const sink = { out: () => undefined, err: () => undefined };
  await runBatchRescore(
    [input],
    { out, policy: policyFor("wuhan"), summary: summaryPath, report: reportPath, workers: 0 },
    sink
  );
  const rows = (JSON.parse(readFileSync(summaryPath, "utf8")) as { tables: SummaryRow[] }).tables;

  const page = await browser.newPage({ viewport: { width: 800, height: 1200 } });
  const requests: string[] = [];
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(`file://${reportPath}`);
  expect(requests.filter((u) => !u.startsWith("file://"))).toEqual([]);

  const stat = async (name: string) =>
    Number(await page.locator(`[data-stat="${name}"]`).textContent());
  expect(await stat("自评表")).toBe(rows.length);
  expect(await stat("总分不一致")).toBe(
    rows.filter((r) => r.difference !== null && r.difference !== 0).length
  );
  const gradeBars = await page
    .locator("#grades text[data-value]")
    .evaluateAll((nodes) => nodes.map((n) => Number(n.getAttribute("data-value"))));
  expect(gradeBars).toEqual(
    ["优", "良", "中", "差"].map((g) => rows.filter((r) => r.grade === g).length)
  );
  const tableRows = await page
    .locator("#tables tbody tr")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))
    );
  expect(tableRows.map((cells) => [cells[0], cells[1], Number(cells[3])])).toEqual(
    rows.map((r) => [r.file, r.sheet, r.total])
  );
  expect(await page.locator("#totals circle").count()).toBe(
    rows.filter((r) => r.reportedTotal !== null).length
  );
  expect(await page.locator("#failed tbody tr").count()).toBe(4);

  const shots = join(__dirname, "..", "..", "out");
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, "report.png"), fullPage: false });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  writeFileSync(join(shots, "report.pdf"), pdf);
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThan(1);
});
