/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { NoTableError, ProtectedSheetError } from "../../src/core/errors";
import { unzipSync } from "fflate";
import { TextDecoder, TextEncoder } from "util";
import { planWriteBack } from "../../src/core/plan";
import { Settings, defaultSettings, policyFromSettings } from "../../src/core/settings";
import { readGrids } from "../../src/file/read-workbook";
import { CommandReport } from "../../src/commands/commands";
import { App, AppProps } from "../../src/taskpane/App";
import { createChannel } from "../../src/taskpane/channel";
import { RescoreOutcome, SettingsStore, WorkbookGateway } from "../../src/core/gateway";
import { MarkChange } from "../../src/core/marks";
import { referenceWorkbook } from "../helpers/reference";

// Fluent UI renders slowly in jsdom, slower still while other test files run beside this one.
jest.setTimeout(30_000);
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no ResizeObserver; Fluent's MessageBar only needs it to exist.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = NoopResizeObserver;
// jsdom has no TextEncoder either; the page's downloads use it.
Object.assign(globalThis, { TextEncoder, TextDecoder });

async function outcomeFor(
  file: string,
  settings: Settings = defaultSettings()
): Promise<RescoreOutcome> {
  const grids = await readGrids(referenceWorkbook(file));
  const tables = evaluateWorkbook(grids, { policy: policyFromSettings(settings) });
  const plan = planWriteBack(tables, grids);
  return { tables, plans: plan.tables, problems: plan.problems };
}

function fakeGateway(
  overrides: Partial<WorkbookGateway> = {}
): jest.Mocked<Required<WorkbookGateway>> {
  return {
    kind: "excel",
    rescore: jest.fn(async (settings: Settings, progress) => {
      progress("read");
      return outcomeFor("wuhan-jiuye.xlsx", settings);
    }),
    clear: jest.fn(async () => true),
    select: jest.fn(async () => undefined),
    addRemark: jest.fn(async () => "note" as const),
    mark: jest.fn(async () => outcomeFor("wuhan-jiuye.xlsx")),
    watch: jest.fn(async () => async () => undefined),
    download: jest.fn(() => null),
    ...overrides,
  } as jest.Mocked<Required<WorkbookGateway>>;
}

function memoryStore(initial: Settings = defaultSettings()): jest.Mocked<SettingsStore> {
  let saved = initial;
  return {
    load: jest.fn(async () => saved),
    save: jest.fn(async (s: Settings) => void (saved = s)),
  };
}

function renderApp(props: Partial<AppProps> & { host: WorkbookGateway | null }) {
  const store = props.settingsStore ?? memoryStore();
  const all: AppProps = { openFile: jest.fn(), settingsStore: store, liveDelay: 10, ...props };
  render(
    <FluentProvider theme={webLightTheme}>
      <App {...all} />
    </FluentProvider>
  );
  return all;
}

describe("the task pane in Excel", () => {
  test("rescoring lists every table with its totals, grade and flagged indicators", async () => {
    const gateway = fakeGateway();
    renderApp({ host: gateway });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    expect(await screen.findByText("共找到 1 张自评表")).toBeTruthy();
    const card = screen.getByRole("group", { name: "就业和劳动保障工作经费" });
    expect(within(card).getByText("96.79")).toBeTruthy();
    expect(within(card).getByLabelText("等级 优")).toBeTruthy();
    expect(within(card).getByText("指标 21 个，需关注 8 个")).toBeTruthy();
    expect(within(card).getByText("工勤人员技术等级考核人数")).toBeTruthy();
    expect(within(card).getByText("未完成：完成 3,564人，目标 9,000人")).toBeTruthy();
    expect(within(card).getAllByRole("group", { name: "目标偏低：复核标记" })).toHaveLength(5);
    expect(within(card).queryByText("行政复议应诉案件办理量")).toBeNull();
    fireEvent.click(within(card).getByRole("switch", { name: "只看需关注的指标" }));
    expect(within(card).getAllByRole("listitem")).toHaveLength(21);
  });

  test("every flagged indicator shows its target, actual, entered and computed score and rule; the budget row its numbers", async () => {
    renderApp({ host: fakeGateway() });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    const card = await screen.findByRole("group", { name: "就业和劳动保障工作经费" });
    const outcome = await outcomeFor("wuhan-jiuye.xlsx");
    const flagged = outcome.tables[0].indicators.filter((i) => i.flags.length > 0);
    const items = within(card).getAllByRole("listitem");
    expect(items).toHaveLength(flagged.length);
    flagged.forEach((indicator, k) => {
      const item = within(items[k]);
      expect(item.getByText(`第 ${indicator.row} 行`)).toBeTruthy();
      expect(item.getAllByText(indicator.target).length).toBeGreaterThan(0);
      expect(item.getAllByText(indicator.actual).length).toBeGreaterThan(0);
      expect(item.getByText(`${indicator.score} / ${indicator.weight}`)).toBeTruthy();
    });
    const budget = within(within(card).getByRole("group", { name: "预算执行" }));
    const b = outcome.tables[0].budget!;
    expect(budget.getAllByText(b.planned!.toLocaleString("zh-CN")).length).toBeGreaterThan(0);
    expect(budget.getByText(`${(b.rate! * 100).toFixed(2)}%`)).toBeTruthy();
    expect(budget.getByText(`${b.score} / ${b.weight}`)).toBeTruthy();
  });

  test("the overview counts tables by grade and findings by kind; a kind filters the cards, the search finds by name", async () => {
    const gateway = fakeGateway({
      rescore: jest.fn(async () => {
        const [a, b] = await Promise.all([
          outcomeFor("wuhan-jiuye.xlsx"),
          outcomeFor("wuhan-jiguan.xlsx"),
        ]);
        return {
          tables: [...a.tables, ...b.tables],
          plans: [...a.plans, ...b.plans],
          problems: [],
        };
      }),
    });
    renderApp({ host: gateway });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    const overview = await screen.findByRole("region", { name: "概览" });
    expect(within(overview).getByText("共找到 2 张自评表")).toBeTruthy();
    const weak = within(overview).getByRole("button", { name: /^目标偏低 \d+$/ });
    fireEvent.click(weak);
    const shown = () =>
      screen.queryAllByRole("group", { name: /经费/ }).map((g) => g.getAttribute("aria-label"));
    const withWeak = (await outcomeFor("wuhan-jiguan.xlsx")).tables[0].indicators.some((i) =>
      i.flags.includes("weak-target")
    );
    expect(shown()).toEqual(
      withWeak
        ? ["就业和劳动保障工作经费", "2023年机关业务工作经费项目"]
        : ["就业和劳动保障工作经费"]
    );
    fireEvent.click(within(overview).getByRole("button", { name: "全部" }));
    fireEvent.change(
      within(overview).getByRole("searchbox", { name: "按项目、单位或工作表查找" }),
      {
        target: { value: "机关" },
      }
    );
    expect(shown()).toEqual(["2023年机关业务工作经费项目"]);
  });

  test("in Excel a settings change says a rescore is needed instead of writing by itself", async () => {
    const gateway = fakeGateway();
    renderApp({ host: gateway });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    await screen.findByText("共找到 1 张自评表");
    fireEvent.click(screen.getByRole("button", { name: "设置" }));
    fireEvent.click(screen.getByRole("switch", { name: "标出未完成、目标偏低和不明确的指标" }));
    expect(await screen.findByText("设置已更改，点击“一键复核”按新设置重新复核。")).toBeTruthy();
    expect(gateway.rescore).toHaveBeenCalledTimes(1);
  });

  test("a number out of range is refused with a message and not used", async () => {
    const store = memoryStore();
    renderApp({ host: fakeGateway(), settingsStore: store });
    fireEvent.click(screen.getByRole("button", { name: "设置" }));
    const ratio = screen.getByRole("spinbutton", { name: "目标偏低倍数（完成值/目标值）" });
    fireEvent.change(ratio, { target: { value: "0.5" } });
    fireEvent.blur(ratio);
    expect(await screen.findByText("请输入 1.01 到 1000 之间的数。")).toBeTruthy();
    expect((ratio as HTMLInputElement).value).toBe("0.5");
    expect(store.save).not.toHaveBeenCalled();
    const share = screen.getByRole("spinbutton", { name: "未达成" });
    fireEvent.change(share, { target: { value: "120" } });
    expect(await screen.findByText("请输入 0 到 100 之间的数。")).toBeTruthy();
  });

  test("a finding in the list to look at first selects its cells in Excel and scrolls to it in the pane", async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const gateway = fakeGateway();
    renderApp({ host: gateway });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    const list = await screen.findByRole("region", { name: "先看这些" });
    const first = within(list).getAllByRole("button")[0];
    const row = Number(/第 (\d+) 行/.exec(first.textContent ?? "")![1]);
    fireEvent.click(first);
    const outcome = await outcomeFor("wuhan-jiuye.xlsx");
    const indicator = outcome.tables[0].indicators.find((i) => i.row === row)!;
    expect(gateway.select).toHaveBeenCalledWith(
      "自评表",
      expect.stringMatching(new RegExp(`^[A-Z]+${row}:[A-Z]+${row}$`))
    );
    expect(scrolled).toHaveLength(1);
    expect(within(scrolled[0] as HTMLElement).getByText(indicator.name)).toBeTruthy();
  });

  test("a finding is marked 已核实 or 忽略 with a reason, kept by the host, shown, and taken off again", async () => {
    const base = await outcomeFor("wuhan-jiuye.xlsx");
    const indicator = base.tables[0].indicators.find((i) => i.flags.includes("unfinished"))!;
    const withMark = (reason: string | null): RescoreOutcome => ({
      ...base,
      tables: [
        {
          ...base.tables[0],
          indicators: base.tables[0].indicators.map((i) =>
            i.row === indicator.row && reason !== null
              ? { ...i, marks: [{ flag: "unfinished", status: "dismissed", reason }] }
              : i
          ),
        },
      ],
    });
    const mark = jest.fn(async (change: MarkChange) =>
      withMark(change.status === "dismissed" ? change.reason : null)
    );
    renderApp({ host: fakeGateway({ mark }) });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    const line = await screen.findAllByRole("group", { name: "未完成：复核标记" });
    const item = line.find((g) =>
      g.closest('[role="listitem"]')?.textContent?.includes(indicator.name)
    )!;
    fireEvent.click(within(item).getByRole("button", { name: "忽略" }));
    const save = within(item).getByRole("button", { name: "保存" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(within(item).getByRole("textbox", { name: "忽略的理由（必填）" }), {
      target: { value: "口径含灵活就业" },
    });
    fireEvent.click(save);
    await screen.findByText("已忽略：口径含灵活就业");
    expect(mark).toHaveBeenCalledWith(
      {
        sheet: "自评表",
        row: indicator.row,
        flag: "unfinished",
        status: "dismissed",
        reason: "口径含灵活就业",
      },
      expect.anything()
    );
    expect(screen.getByText("标记已记入工作簿，复核结果已更新。")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "撤销标记" }));
    await waitFor(() => expect(screen.queryByText("已忽略：口径含灵活就业")).toBeNull());
    expect(mark).toHaveBeenLastCalledWith(
      { sheet: "自评表", row: indicator.row, flag: "unfinished", status: null },
      expect.anything()
    );
  });

  test("clicking an indicator selects its cells in the sheet", async () => {
    const gateway = fakeGateway();
    renderApp({ host: gateway });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    fireEvent.click(await screen.findByText("工勤人员技术等级考核人数"));
    expect(gateway.select).toHaveBeenCalledWith("自评表", "D16:G16");
  });

  test("an error shows as one sentence in a MessageBar", async () => {
    const gateway = fakeGateway({
      rescore: jest.fn(async () => Promise.reject(new ProtectedSheetError(["自评表"]))),
    });
    renderApp({ host: gateway });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    expect(
      await screen.findByText("工作表 “自评表” 受保护，未做任何修改；请先撤销工作表保护再复核。")
    ).toBeTruthy();
  });

  test("progress shows while a rescore runs", async () => {
    let finish: (value: RescoreOutcome) => void = () => undefined;
    const gateway = fakeGateway({
      rescore: jest.fn((_settings, progress) => {
        progress("write");
        return new Promise<RescoreOutcome>((resolve) => (finish = resolve));
      }),
    });
    renderApp({ host: gateway });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    expect(await screen.findByRole("status")).toHaveProperty("textContent", "正在写入复核结果…");
    expect((screen.getByRole("button", { name: "一键复核" }) as HTMLButtonElement).disabled).toBe(
      true
    );
    await act(async () => finish(await outcomeFor("wuhan-jiguan.xlsx")));
    expect(screen.queryByRole("status")).toBeNull();
  });

  test("settings are saved with the workbook and used by the next rescore", async () => {
    const store = memoryStore();
    const gateway = fakeGateway();
    renderApp({ host: gateway, settingsStore: store });
    fireEvent.click(screen.getByRole("button", { name: "设置" }));
    fireEvent.change(screen.getByRole("combobox", { name: "评分规则" }), {
      target: { value: "national" },
    });
    fireEvent.click(screen.getByRole("switch", { name: "标出未完成、目标偏低和不明确的指标" }));
    const ratio = screen.getByRole("spinbutton", { name: "目标偏低倍数（完成值/目标值）" });
    fireEvent.change(ratio, { target: { value: "2" } });
    fireEvent.blur(ratio);
    const partial = screen.getByRole("spinbutton", { name: "部分达成" });
    fireEvent.change(partial, { target: { value: "60" } });
    fireEvent.blur(partial);
    await waitFor(() => expect(store.save).toHaveBeenCalledTimes(4));
    const saved = store.save.mock.calls[3][0];
    expect(saved).toMatchObject({
      policy: "national",
      highlight: false,
      weakRatio: 2,
      tierShares: { achieved: 1, partial: 0.6, failed: 0.3 },
    });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    await waitFor(() => expect(gateway.rescore).toHaveBeenCalled());
    expect(gateway.rescore.mock.calls[0][0]).toEqual(saved);
  });

  test("settings saved earlier are loaded", async () => {
    renderApp({
      host: fakeGateway(),
      settingsStore: memoryStore({ ...defaultSettings(), language: "en" }),
    });
    expect(await screen.findByRole("button", { name: "Rescore" })).toBeTruthy();
  });

  test("settings that cannot be read fall back to the defaults, and the pane says so", async () => {
    const store = {
      load: jest.fn(async () => Promise.reject(new Error("storage unavailable"))),
      save: jest.fn(async () => undefined),
    };
    renderApp({ host: fakeGateway(), settingsStore: store });
    expect(await screen.findByText("读取已保存的设置失败，本次使用默认设置。")).toBeTruthy();
    expect(screen.getByRole("button", { name: "一键复核" })).toBeTruthy();
  });

  test("the language switch turns the pane into English and back", async () => {
    renderApp({ host: fakeGateway() });
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    fireEvent.click(await screen.findByRole("button", { name: "Rescore" }));
    expect(await screen.findByText("1 self-evaluation table(s) found")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(await screen.findByRole("button", { name: "一键复核" })).toBeTruthy();
  });

  test("a reviewer’s remark goes to the 审核意见 column beside the output, anchored on the indicator", async () => {
    const gateway = fakeGateway();
    renderApp({ host: gateway });
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    const item = (await screen.findByText("工勤人员技术等级考核人数")).closest(
      '[role="listitem"]'
    ) as HTMLElement;
    fireEvent.click(within(item).getByRole("button", { name: "审核意见" }));
    fireEvent.change(within(item).getByRole("textbox", { name: "审核意见" }), {
      target: { value: "请补充偏差原因" },
    });
    fireEvent.click(within(item).getByRole("button", { name: "保存" }));
    await waitFor(() => expect(gateway.addRemark).toHaveBeenCalled());
    expect(gateway.addRemark.mock.calls[0]).toEqual([
      { sheet: "自评表", row: 15, col: 9, anchor: { row: 15, col: 3 }, headerRows: [7] },
      "请补充偏差原因",
    ]);
    expect(await screen.findByText("已写入审核意见列和批注。")).toBeTruthy();
  });

  test("clear takes the annotations out and says so", async () => {
    const gateway = fakeGateway();
    renderApp({ host: gateway });
    fireEvent.click(screen.getByRole("button", { name: "撤销标注" }));
    expect(await screen.findByText("已撤销全部复核标注。")).toBeTruthy();
    expect(gateway.clear).toHaveBeenCalled();
  });

  test("live mode rescores the edited table’s sheet once edits settle, and ignores edits outside tables", async () => {
    let report: (sheet: string, address: string) => void = () => undefined;
    const gateway = fakeGateway({
      watch: jest.fn(async (onEdit) => ((report = onEdit), async () => undefined)),
    });
    renderApp({ host: gateway, settingsStore: memoryStore({ ...defaultSettings(), live: true }) });
    fireEvent.click(await screen.findByRole("button", { name: "一键复核" }));
    await screen.findByText("共找到 1 张自评表");
    await waitFor(() => expect(gateway.watch).toHaveBeenCalled());
    act(() => report("自评表", "Z100"));
    act(() => report("自评表", "F16"));
    act(() => report("自评表", "F17"));
    await waitFor(() => expect(gateway.rescore).toHaveBeenCalledTimes(2));
    expect(gateway.rescore.mock.calls[1][2]).toBe("自评表");
    await new Promise((r) => setTimeout(r, 50));
    expect(gateway.rescore).toHaveBeenCalledTimes(2);
  });
});

describe("the ribbon command", () => {
  test("its result shows in the pane, and a later rescore is not replaced by it when the language changes", async () => {
    const channel = createChannel<CommandReport>();
    const gateway = fakeGateway({ rescore: jest.fn(async () => outcomeFor("wuhan-jiguan.xlsx")) });
    renderApp({ host: gateway, commandReports: channel });
    const fromCommand = await outcomeFor("wuhan-jiuye.xlsx");
    act(() => channel.publish({ outcome: fromCommand }));
    expect(await screen.findByRole("group", { name: "就业和劳动保障工作经费" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "一键复核" }));
    expect(await screen.findByRole("group", { name: "2023年机关业务工作经费项目" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    await screen.findByRole("button", { name: "Rescore" });
    expect(screen.queryByRole("group", { name: "就业和劳动保障工作经费" })).toBeNull();
    expect(screen.getByRole("group", { name: "2023年机关业务工作经费项目" })).toBeTruthy();
  });
});

describe("the same page in a plain browser", () => {
  test("opening an .xlsx rescores it and offers the annotated copy for download", async () => {
    const data = new Uint8Array([1, 2, 3]);
    const gateway = fakeGateway({
      kind: "file",
      select: undefined,
      addRemark: undefined,
      watch: undefined,
      download: jest.fn(() => ({ name: "a.xlsx", data })),
    });
    const openFile = jest.fn(async () => gateway as WorkbookGateway);
    const saveFile = jest.fn();
    renderApp({ host: null, openFile, saveFile });
    const file = new File([new Uint8Array([0x50, 0x4b])], "a.xlsx");
    fireEvent.change(screen.getByLabelText("打开 .xlsx 工作簿"), { target: { files: [file] } });
    expect(await screen.findByText("共找到 1 张自评表")).toBeTruthy();
    expect(openFile).toHaveBeenCalledWith(file);
    expect(screen.queryByRole("button", { name: "审核意见" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "下载复核后的工作簿" }));
    expect(saveFile).toHaveBeenCalledWith("a-复核.xlsx", data);
  });

  test("a file that cannot be opened, or not rescored, is named with its reason and nothing is offered for it", async () => {
    const broken = new File([new Uint8Array([0])], "old-format.xls");
    const empty = new File([new Uint8Array([0x50, 0x4b])], "empty.xlsx");
    const openFile = jest.fn(async (file: File) => {
      if (file === broken) throw new Error("不是 .xlsx 工作簿");
      return fakeGateway({
        kind: "file",
        rescore: jest.fn(async () => Promise.reject(new NoTableError(["Sheet1"]))),
        download: jest.fn(() => ({ name: file.name, data: new Uint8Array([1]) })),
      }) as WorkbookGateway;
    });
    const saveFile = jest.fn();
    renderApp({ host: null, openFile, saveFile });
    fireEvent.change(screen.getByLabelText("打开 .xlsx 工作簿"), {
      target: { files: [broken, empty] },
    });
    const emptyItem = await screen.findByRole("group", { name: "empty.xlsx" });
    await waitFor(() => expect(within(emptyItem).getByText(/未能打开/)).toBeTruthy());
    expect(
      within(screen.getByRole("group", { name: "old-format.xls" })).getByText(/未能打开/)
    ).toBeTruthy();
    for (const name of ["一键复核", "撤销标注", "下载复核后的工作簿", "下载"])
      expect(screen.queryByRole("button", { name })).toBeNull();
    expect(saveFile).not.toHaveBeenCalled();
  });

  test("several workbooks opened at once: one overview over them, each card naming its file, and the summary and report", async () => {
    const gatewayFor = (name: string, reference: string) =>
      fakeGateway({
        kind: "file",
        select: undefined,
        addRemark: undefined,
        watch: undefined,
        rescore: jest.fn(async (settings: Settings) => outcomeFor(reference, settings)),
        download: jest.fn(() => ({ name, data: new Uint8Array([name.length]) })),
      }) as WorkbookGateway;
    const openFile = jest.fn(async (file: File) =>
      gatewayFor(file.name, file.name === "就业.xlsx" ? "wuhan-jiuye.xlsx" : "wuhan-jiguan.xlsx")
    );
    const saveFile = jest.fn();
    renderApp({ host: null, openFile, saveFile });
    const files = ["就业.xlsx", "机关.xlsx"].map((n) => new File([new Uint8Array([1])], n));
    fireEvent.change(screen.getByLabelText("打开 .xlsx 工作簿"), { target: { files } });
    expect(await screen.findByText("共找到 2 张自评表")).toBeTruthy();
    expect(screen.getByText("评分规则：武汉市")).toBeTruthy();
    expect(
      within(screen.getByRole("group", { name: "就业和劳动保障工作经费" })).getByText(/就业\.xlsx/)
    ).toBeTruthy();
    expect(
      within(screen.getByRole("group", { name: "2023年机关业务工作经费项目" })).getByText(
        /机关\.xlsx/
      )
    ).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "下载复核汇总（.xlsx）" }));
    await waitFor(() =>
      expect(saveFile).toHaveBeenCalledWith("复核汇总.xlsx", expect.any(Uint8Array))
    );
    fireEvent.click(screen.getByRole("button", { name: "下载复核报告（.html）" }));
    const report = new TextDecoder().decode(saveFile.mock.calls[1][1] as Uint8Array);
    expect(report).toContain("就业和劳动保障工作经费");
    expect(report).toContain("2023年机关业务工作经费项目");
    fireEvent.click(screen.getByRole("button", { name: "下载全部复核后的工作簿（.zip）" }));
    const [zipName, zip] = saveFile.mock.calls[2] as [string, Uint8Array];
    expect(zipName).toBe("复核后的工作簿.zip");
    expect(Object.keys(unzipSync(zip)).sort()).toEqual(["就业-复核.xlsx", "机关-复核.xlsx"].sort());
  });

  test("in the browser a settings change rescores every file at once; live mode is not offered", async () => {
    const gateway = fakeGateway({ kind: "file", watch: undefined });
    renderApp({ host: null, openFile: jest.fn(async () => gateway as WorkbookGateway) });
    fireEvent.change(screen.getByLabelText("打开 .xlsx 工作簿"), {
      target: { files: [new File([new Uint8Array([1])], "a.xlsx")] },
    });
    await screen.findByText("共找到 1 张自评表");
    fireEvent.click(screen.getByRole("button", { name: "设置" }));
    expect(screen.queryByRole("switch", { name: "实时复核：编辑表格时自动重算该表" })).toBeNull();
    fireEvent.change(screen.getByRole("combobox", { name: "评分规则" }), {
      target: { value: "national" },
    });
    expect(await screen.findByText("已按新设置重新复核。")).toBeTruthy();
    expect(gateway.rescore).toHaveBeenCalledTimes(2);
    expect(gateway.rescore.mock.calls[1][0].policy).toBe("national");
    expect(screen.getByText("评分规则：财政部")).toBeTruthy();
  });
});
