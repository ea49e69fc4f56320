/**
 * The built pane as it runs inside Excel: the page is given the in-memory Excel double (the
 * same one the host tests use) in place of Office.js, and driven in Chromium.
 */
import { existsSync } from "fs";
import { Server } from "http";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { readGrids } from "../../src/file/read-workbook";
import { launchChromium, serveFolder } from "../helpers/browser";
import { bundleForPage } from "../helpers/page-bundle";
import { FakeExcel } from "../helpers/fake-excel";
import { referenceWorkbook } from "../helpers/reference";
import { useTempDir } from "../helpers/temp";

const DIST = join(__dirname, "..", "..", "dist", "addin");
const tempDir = useTempDir();
let browser: Browser;
let server: Server;
let url: string;
let fakeBundle: string;

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/addin is missing: run `npm run build` first");
  fakeBundle = await bundleForPage(join(__dirname, "fake-office.ts"), tempDir());
  ({ server, url } = await serveFolder(DIST));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

type InPage = { __fake: FakeExcel };

async function openInExcel(file: string): Promise<Page> {
  // The double runs the Office.js client in a frame of its own, from its text, which the page's
  // policy forbids; that policy is checked on its own (test/security.test.ts).
  const page = await browser.newPage({ viewport: { width: 420, height: 900 }, bypassCSP: true });
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  const grids = await readGrids(referenceWorkbook(file));
  await page.addInitScript((g) => ((window as unknown as { __grids: unknown }).__grids = g), grids);
  await page.addInitScript({ path: fakeBundle });
  await page.goto(`${url}taskpane.html`);
  return page;
}

test("in Excel the pane rescores the open workbook, selects an indicator, and clears", async () => {
  const page = await openInExcel("wuhan-jiuye.xlsx");
  await page.getByRole("button", { name: "一键复核" }).click();
  const card = page.getByRole("group", { name: "就业和劳动保障工作经费" });
  await card.getByText("96.79", { exact: true }).waitFor();
  const written = await page.evaluate(() => {
    const sheet = (window as unknown as InPage).__fake.workbook.sheet("自评表");
    return [
      sheet.peek(29, 7)?.value,
      sheet.peek(29, 8)?.value,
      (window as unknown as InPage).__fake.workbook.has("复核汇总"),
    ];
  });
  expect(written).toEqual([96.79, "等级：优", true]);

  await card.getByText("工勤人员技术等级考核人数").click();
  await page.waitForFunction(
    () => (window as unknown as InPage).__fake.workbook.selection !== null
  );
  expect(
    await page.evaluate(() => (window as unknown as InPage).__fake.workbook.selection)
  ).toEqual({ sheet: "自评表", address: "D16:G16" });

  await page.getByRole("button", { name: "撤销标注" }).click();
  await page.getByText("已撤销全部复核标注。").waitFor();
  expect(
    await page.evaluate(() => (window as unknown as InPage).__fake.workbook.has("复核汇总"))
  ).toBe(false);
});

test("the ribbon’s 一键复核 is registered on load and reports to the pane", async () => {
  const page = await openInExcel("wuhan-dept.xlsx");
  await page.getByRole("button", { name: "一键复核" }).waitFor();
  await page.evaluate(async () => {
    const fake = (window as unknown as InPage).__fake;
    await fake.commands.get("rescoreWorkbook")!({ completed: () => undefined });
  });
  await page
    .getByRole("group", { name: "2023 年度武汉市人力资源和社会保障局部门整体绩效自评表" })
    .getByText("99.69", { exact: true })
    .waitFor();
});
