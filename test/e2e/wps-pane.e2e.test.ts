/**
 * The built WPS add-in (dist/wps) as WPS runs it, with the WPS double as `window.Application`,
 * driven in Chromium: the pane rescores, selects an indicator, writes a remark and clears;
 * the ribbon page's 一键复核 rescores without the pane and says so.
 */
import { existsSync } from "fs";
import { Server } from "http";
import { join } from "path";
import { Browser, Page } from "playwright-core";
import { readGrids } from "../../src/file/read-workbook";
import { launchChromium, serveFolder } from "../helpers/browser";
import { bundleForPage } from "../helpers/page-bundle";
import { FakeWps } from "../helpers/fake-wps";
import { referenceWorkbook } from "../helpers/reference";
import { useTempDir } from "../helpers/temp";

const DIST = join(__dirname, "..", "..", "dist", "wps");
const tempDir = useTempDir();
let browser: Browser;
let server: Server;
let url: string;
let fakeBundle: string;

beforeAll(async () => {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/wps is missing: run `npm run build` first");
  fakeBundle = await bundleForPage(join(__dirname, "fake-wps-page.ts"), tempDir());
  ({ server, url } = await serveFolder(DIST));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

type InPage = { __fake: FakeWps; __panes: { url: string; Visible: boolean }[] };

async function openInWps(page: string, file: string): Promise<{ page: Page; errors: string[] }> {
  const tab = await browser.newPage({ viewport: { width: 400, height: 900 } });
  const errors: string[] = [];
  tab.on("pageerror", (error) => errors.push(error.message));
  const grids = await readGrids(referenceWorkbook(file));
  await tab.addInitScript((g) => ((window as unknown as { __grids: unknown }).__grids = g), grids);
  await tab.addInitScript({ path: fakeBundle });
  await tab.goto(`${url}${page}`);
  return { page: tab, errors };
}

test("in WPS the pane rescores the open workbook, selects an indicator, writes a remark, and clears", async () => {
  const { page, errors } = await openInWps("taskpane.html", "wuhan-jiuye.xlsx");
  // Every cell's value, to tell afterwards what the add-in left behind.
  const values = () =>
    page.evaluate(() =>
      (window as unknown as InPage).__fake.sheets.map((s) =>
        Object.fromEntries([...s.cells].map(([key, cell]) => [key, cell.value]))
      )
    );
  const original = await values();
  await page.getByRole("button", { name: "一键复核" }).click();
  const card = page.getByRole("group", { name: "就业和劳动保障工作经费" });
  await card.getByText("96.79", { exact: true }).waitFor();
  const written = await page.evaluate(() => {
    const fake = (window as unknown as InPage).__fake;
    const sheet = fake.sheet("自评表");
    return [sheet.cells.get("29,7")?.value, sheet.cells.get("29,8")?.value, fake.has("复核汇总")];
  });
  expect(written).toEqual([96.79, "等级：优", true]);

  await card.getByText("工勤人员技术等级考核人数").click();
  await page.waitForFunction(() => (window as unknown as InPage).__fake.selection !== null);
  expect(await page.evaluate(() => (window as unknown as InPage).__fake.selection)).toEqual({
    sheet: "自评表",
    address: "D16:G16",
  });

  const item = card.getByRole("listitem").filter({ hasText: "工勤人员技术等级考核人数" });
  await item.getByRole("button", { name: "审核意见" }).click();
  await item.getByRole("textbox", { name: "审核意见" }).fill("请补充偏差原因");
  await item.getByRole("button", { name: "保存" }).click();
  await page.getByText(/已写入审核意见列/).waitFor();

  await page.getByRole("button", { name: "撤销标注" }).click();
  await page.getByText("已撤销全部复核标注。").waitFor();
  const after = await page.evaluate(() => {
    const fake = (window as unknown as InPage).__fake;
    return {
      has: fake.has("复核汇总"),
      score: fake.sheet("自评表").cells.get("29,7")?.value ?? null,
    };
  });
  expect(after).toEqual({ has: false, score: null });
  // The remark is the reviewer's: clear leaves it (and its column header); nothing else differs.
  const left = (await values()).flatMap((cells, k) =>
    Object.entries(cells).filter(([key, value]) => (original[k]?.[key] ?? null) !== value)
  );
  expect(left.map(([, value]) => value).sort()).toEqual(["审核意见", "请补充偏差原因"].sort());
  expect(await page.getByText(/关于/).count()).toBe(1);
  expect(errors).toEqual([]);
});

test("the ribbon page: 一键复核 rescores without the pane and says so; 复核助手 opens the pane", async () => {
  const { page, errors } = await openInWps("index.html", "wuhan-jiguan.xlsx");
  await page.waitForFunction(
    () => typeof (window as unknown as { OnAction?: unknown }).OnAction === "function"
  );
  const told = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    })
  );
  const returned = await page.evaluate(() =>
    (window as unknown as { OnAction: (c: { Id: string }) => boolean }).OnAction({
      Id: "selfevalRescore",
    })
  );
  expect(returned).toBe(true);
  expect(await told).toMatch(/^已复核 1 张自评表（等级：优）/);
  expect(await page.evaluate(() => (window as unknown as InPage).__fake.has("复核汇总"))).toBe(
    true
  );
  await page.evaluate(() =>
    (window as unknown as { OnAction: (c: { Id: string }) => boolean }).OnAction({
      Id: "selfevalPane",
    })
  );
  const panes = await page.evaluate(() => (window as unknown as InPage).__panes);
  expect(panes).toEqual([expect.objectContaining({ url: `${url}taskpane.html`, Visible: true })]);
  expect(errors).toEqual([]);
});
