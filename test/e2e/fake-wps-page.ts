/**
 * Loaded into the built WPS pages before their own scripts: the WPS double as the page's
 * `window.Application`, holding the workbook the test passed in `window.__grids`, with the task
 * panes and plugin storage the ribbon page uses (as Kingsoft documents them).
 */
import { FakeWps, fakeWpsFromGrids } from "../helpers/fake-wps";

type Pane = { ID: string; Visible: boolean; DockPosition: number; url: string };
type PageGlobals = {
  __grids: Parameters<typeof fakeWpsFromGrids>[1];
  __fake: FakeWps;
  __panes: Pane[];
  Application: unknown;
};

const page = window as unknown as PageGlobals;
const fake = fakeWpsFromGrids(new FakeWps(), page.__grids);
const panes: Pane[] = [];
const storage = new Map<string, string>();
Object.assign(fake.application, {
  CreateTaskPane(url: string) {
    fake.call("Application.CreateTaskPane");
    const pane = { ID: `pane-${panes.length + 1}`, Visible: false, DockPosition: 0, url };
    panes.push(pane);
    return pane;
  },
  GetTaskPane(id: string) {
    fake.call("Application.GetTaskPane");
    return panes.find((p) => p.ID === id) ?? null;
  },
  PluginStorage: {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => void storage.set(key, String(value)),
  },
});
page.Application = fake.application;
page.__fake = fake;
page.__panes = panes;
