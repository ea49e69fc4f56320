/**
 * The built page in a real browser (Debian's Chromium): open a reference workbook, rescore,
 * see the total and grade, download the annotated copy and check it.
 */
import { existsSync, mkdirSync, readFileSync } from "fs";
import { Server } from "http";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { launchChromium, serveFolder } from "../helpers/browser";
import { policyFor } from "../../src/core/policy";
import { rescoreXlsx } from "../../src/file/write-back";
import { partsOf } from "../helpers/package";
import { FIXTURES, REFERENCE } from "../helpers/reference";
import { useTempDir } from "../helpers/temp";
import { loadXlsx } from "../helpers/workbook-dump";

const DIST = join(__dirname, "..", "..", "dist", "addin");
const tempDir = useTempDir();
const SCREENSHOTS = join(__dirname, "..", "..", "out");
mkdirSync(SCREENSHOTS, { recursive: true });
let browser: Browser;
let server: Server;
let url: string;

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/addin is missing: run `npm run build` first");
  ({ server, url } = await serveFolder(DIST));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openPage(width = 420): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({
    acceptDownloads: true,
    viewport: { width, height: 900 },
  });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // Anything the Content-Security-Policy refuses is an error here.
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) errors.push(message.text());
  });
  // Office.js is served by Microsoft's CDN, which this machine cannot reach: the page must work without it.
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${url}taskpane.html`);
  return { page, errors };
}

test("open a reference workbook, rescore, download and check the annotated copy", async () => {
  const { page, errors } = await openPage();
  await page.getByLabel("打开 .xlsx 工作簿").setInputFiles(join(REFERENCE, "wuhan-jiuye.xlsx"));
  const card = page.getByRole("group", { name: "就业和劳动保障工作经费" });
  await card.getByText("96.79", { exact: true }).waitFor();
  expect(await card.getByLabel("等级 优").textContent()).toBe("优");
  expect(await card.getByText("工勤人员技术等级考核人数").count()).toBe(1);
  await page.waitForFunction(() => !document.querySelector('[role="status"]'));
  await page.screenshot({ path: join(SCREENSHOTS, "pane-browser.png"), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载复核后的工作簿" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("wuhan-jiuye-复核.xlsx");
  const saved = join(tempDir(), "downloaded.xlsx");
  await download.saveAs(saved);
  const workbook = await loadXlsx(readFileSync(saved));
  const sheet = workbook.getWorksheet("自评表")!;
  expect(sheet.getCell("H16").value).toBe(0.79);
  expect(sheet.getCell("H30").value).toBe(96.79);
  expect(sheet.getCell("I30").value).toBe("等级：优");
  expect(workbook.getWorksheet("复核汇总")!.getCell("D2").value).toBe(96.79);
  expect(errors).toEqual([]);
});

test("the page’s download is lossless: the same parts as the command line writes; pivot table, external link, threaded comment kept", async () => {
  const { page, errors } = await openPage();
  const input = join(FIXTURES, "lossless", "hand-edited-parts.xlsx");
  await page.getByLabel("打开 .xlsx 工作簿").setInputFiles(input);
  await page.getByText("98.02", { exact: true }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="status"]'));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载复核后的工作簿" }).click(),
  ]);
  const saved = join(tempDir(), "lossless-download.xlsx");
  await download.saveAs(saved);
  const fromPage = partsOf(readFileSync(saved));
  const fromCli = partsOf((await rescoreXlsx(readFileSync(input), policyFor("wuhan"))).data);
  expect(fromPage).toEqual(fromCli);
  const original = partsOf(readFileSync(input));
  for (const part of [
    "xl/pivotTables/pivotTable1.xml",
    "xl/externalLinks/externalLink1.xml",
    "xl/threadedComments/threadedComment1.xml",
    "xl/metadata.xml",
  ]) {
    expect([part, fromPage[part]]).toEqual([part, original[part]]);
  }
  expect(errors).toEqual([]);
});

test("files that cannot be rescored are named with their reason, and neither rescore, clear nor a download is offered for them", async () => {
  const { page } = await openPage();
  await page.getByLabel("打开 .xlsx 工作簿").setInputFiles([
    { name: "notes.xlsx", mimeType: "text/plain", buffer: Buffer.from("项目名称,得分") },
    {
      name: "old-format.xls",
      mimeType: "application/vnd.ms-excel",
      buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0]),
    },
    { name: "empty.xlsx", mimeType: "application/octet-stream", buffer: Buffer.alloc(0) },
  ]);
  for (const name of ["notes.xlsx", "old-format.xls", "empty.xlsx"])
    await page
      .getByRole("group", { name })
      .getByText(/^未能打开：.+。/)
      .waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="status"]'));
  expect(
    await page
      .getByRole("group", { name: "notes.xlsx" })
      .getByText(/不是 \.xlsx 工作簿/)
      .count()
  ).toBe(1);
  for (const name of [
    "一键复核",
    "撤销标注",
    "下载复核后的工作簿",
    "下载",
    "下载复核汇总（.xlsx）",
  ])
    expect(await page.getByRole("button", { name, exact: true }).count()).toBe(0);
});

test("at 320 px, with the settings open, nothing scrolls sideways; every flagged indicator shows its target and actual, and the budget row its numbers", async () => {
  const { page, errors } = await openPage(320);
  await page.getByLabel("打开 .xlsx 工作簿").setInputFiles(join(REFERENCE, "wuhan-jiuye.xlsx"));
  const card = page.getByRole("group", { name: "就业和劳动保障工作经费" });
  await card.getByText("96.79", { exact: true }).waitFor();
  await page.getByRole("button", { name: "设置" }).click();
  await page.getByRole("combobox", { name: "评分规则" }).waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="status"]'));
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  const tables = (
    await rescoreXlsx(readFileSync(join(REFERENCE, "wuhan-jiuye.xlsx")), policyFor("wuhan"))
  ).tables;
  const flagged = tables[0].indicators.filter((i) => i.flags.length > 0);
  const items = card.getByRole("listitem");
  expect(await items.count()).toBe(flagged.length);
  for (const [k, indicator] of flagged.entries()) {
    const item = items.nth(k);
    expect(await item.getByText(indicator.target, { exact: true }).first().isVisible()).toBe(true);
    expect(await item.getByText(indicator.actual, { exact: true }).first().isVisible()).toBe(true);
  }
  const budget = card.getByRole("group", { name: "预算执行" });
  expect(
    await budget.getByText(`${tables[0].budget!.score} / ${tables[0].budget!.weight}`).isVisible()
  ).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, "pane-320.png"), fullPage: false });
  expect(errors).toEqual([]);
});

test("several workbooks opened at once: one overview naming each file, and the summary and report download", async () => {
  const { page, errors } = await openPage(500);
  const files = ["wuhan-jiuye.xlsx", "wuhan-jiguan.xlsx", "national-buzhu.xlsx"];
  await page.getByLabel("打开 .xlsx 工作簿").setInputFiles(files.map((f) => join(REFERENCE, f)));
  const overview = page.getByRole("region", { name: "概览" });
  await overview.getByText(/^共找到 \d+ 张自评表$/).waitFor();
  await page.waitForFunction(() => !document.querySelector('[role="status"]'));
  for (const file of files)
    expect(
      await page
        .getByRole("group", { name: file })
        .getByText(/张自评表/)
        .count()
    ).toBe(1);
  expect(
    await page
      .getByRole("group", { name: "就业和劳动保障工作经费" })
      .getByText(/wuhan-jiuye\.xlsx/)
      .count()
  ).toBe(1);
  await page.screenshot({ path: join(SCREENSHOTS, "pane-500.png"), fullPage: false });

  const [summary] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载复核汇总（.xlsx）" }).click(),
  ]);
  expect(summary.suggestedFilename()).toBe("复核汇总.xlsx");
  const summaryPath = join(tempDir(), "summary.xlsx");
  await summary.saveAs(summaryPath);
  const workbook = await loadXlsx(readFileSync(summaryPath));
  const column = (workbook.worksheets[0].getColumn(1).values as unknown[]).map(String);
  for (const file of files) expect(column).toContain(file);

  const [report] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载复核报告（.html）" }).click(),
  ]);
  expect(report.suggestedFilename()).toBe("复核报告.html");
  const reportPath = join(tempDir(), "report.html");
  await report.saveAs(reportPath);
  const html = readFileSync(reportPath, "utf8");
  expect(html).toContain("就业和劳动保障工作经费");
  expect(errors).toEqual([]);
});

test("the production build names its own address in the manifest, and every file it names is there", () => {
  const manifest = readFileSync(join(DIST, "manifest.xml"), "utf8");
  expect(manifest).not.toContain("localhost");
  const urls = [...manifest.matchAll(/DefaultValue="(https:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  const base = urls[0].slice(0, urls[0].indexOf("/assets/") + 1);
  for (const address of urls) {
    expect(address.startsWith(base)).toBe(true);
    expect(existsSync(join(DIST, address.slice(base.length)))).toBe(true);
  }
});

test("the page’s Content-Security-Policy is in force: an injected inline script and a foreign fetch are refused", async () => {
  const { page } = await openPage();
  const result = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      violations.push(e.violatedDirective)
    );
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.head.append(script);
    const fetched = await fetch("https://example.org/collect").then(
      () => "sent",
      () => "refused"
    );
    await new Promise((r) => setTimeout(r, 50));
    return {
      injected: (window as unknown as { __injected?: boolean }).__injected ?? false,
      fetched,
      violations,
    };
  });
  expect(result.injected).toBe(false);
  expect(result.fetched).toBe("refused");
  expect(result.violations).toEqual(expect.arrayContaining(["script-src-elem", "connect-src"]));
});
