import { NoTableError } from "../../src/core/errors";
import { RescoreOutcome, SettingsStore, WorkbookGateway } from "../../src/core/gateway";
import { defaultSettings } from "../../src/core/settings";
import { ribbonCallbacks } from "../../src/wps/ribbon";

/** Task panes and plugin storage as Kingsoft documents them: panes by id, storage of strings. */
function application() {
  const panes = new Map<
    string,
    { ID: string; Visible: boolean; DockPosition: number; url: string }
  >();
  const storage = new Map<string, string>();
  return {
    panes,
    CreateTaskPane(url: string) {
      const pane = { ID: `pane-${panes.size + 1}`, Visible: false, DockPosition: 0, url };
      panes.set(pane.ID, pane);
      return pane;
    },
    GetTaskPane: (id: string) => panes.get(id) ?? null,
    PluginStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
  };
}

const settings: SettingsStore = {
  load: async () => defaultSettings(),
  save: async () => undefined,
};
const outcome = (grades: ("优" | "良" | null)[]) =>
  ({
    tables: grades.map((grade) => ({ grade })),
    plans: [],
    problems: [],
  }) as unknown as RescoreOutcome;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test("复核助手 makes the pane once, docked right and shown, and finds it again through PluginStorage", () => {
  const app = application();
  const ribbon = ribbonCallbacks({
    application: app,
    gateway: () => ({}) as WorkbookGateway,
    settings,
    tell: () => undefined,
    base: "http://server/wps/",
  });
  expect(ribbon.OnAddinLoad()).toBe(true);
  ribbon.OnAction({ Id: "selfevalPane" });
  const [pane] = app.panes.values();
  expect(pane).toMatchObject({
    url: "http://server/wps/taskpane.html",
    Visible: true,
    DockPosition: 2,
  });
  pane.Visible = false;
  ribbon.OnAction({ Id: "selfevalPane" });
  expect(app.panes.size).toBe(1);
  expect(pane.Visible).toBe(true);
});

test("一键复核 returns at once, rescores without the pane, and says how it went in one sentence", async () => {
  const told: string[] = [];
  const rescore = jest.fn(async () => outcome(["优", "良"]));
  const ribbon = ribbonCallbacks({
    application: application(),
    gateway: () => ({ kind: "wps", rescore, clear: jest.fn() }) as WorkbookGateway,
    settings,
    tell: (text) => told.push(text),
    base: "",
  });
  expect(ribbon.OnAction({ Id: "selfevalRescore" })).toBe(true);
  expect(told).toEqual([]);
  await settle();
  await settle();
  expect(rescore).toHaveBeenCalledTimes(1);
  expect(told).toEqual([
    "已复核 2 张自评表（等级：优、良），结果写在各表右侧；打开“复核助手”可逐项查看。",
  ]);
});

test("一键复核 on a workbook without a table says so in the error's own sentence", async () => {
  const told: string[] = [];
  const ribbon = ribbonCallbacks({
    application: application(),
    gateway: () =>
      ({
        kind: "wps",
        rescore: async () => Promise.reject(new NoTableError(["Sheet1"])),
        clear: jest.fn(),
      }) as unknown as WorkbookGateway,
    settings,
    tell: (text) => told.push(text),
    base: "",
  });
  ribbon.OnAction({ Id: "selfevalRescore" });
  await settle();
  await settle();
  expect(told).toEqual([new NoTableError(["Sheet1"]).message]);
});
