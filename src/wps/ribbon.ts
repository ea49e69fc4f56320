import { SelfEvalError } from "../core/errors";
import { SettingsStore, WorkbookGateway } from "../core/gateway";

/**
 * The ribbon's callbacks, as WPS calls them from the add-in's index.html: plain synchronous
 * functions on `window` (an async callback hid custom ribbons on some 12.1 builds). 一键复核
 * rescores without the pane and says how it went; 复核助手 shows the pane, made once and found
 * again through `PluginStorage` (the ribbon page and the pane share no JavaScript).
 */

/** What the ribbon uses of WPS's `Application`. */
type RibbonApplication = {
  CreateTaskPane(url: string, title?: string): TaskPane;
  GetTaskPane(id: string): TaskPane | null;
  PluginStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
};
type TaskPane = { ID: string; Visible: boolean; DockPosition: number };
type Control = { Id: string };

const PANE_KEY = "selfeval.taskpane";
/** msoCTPDockPositionRight, as a number: `Application.Enum` is missing on older builds. */
const DOCK_RIGHT = 2;
const PANE_TITLE = "绩效自评复核助手";

export type RibbonHost = {
  application: RibbonApplication;
  gateway: () => WorkbookGateway;
  settings: SettingsStore;
  /** Tells the user one sentence (WPS shows `alert` as a message box). */
  tell: (text: string) => void;
  /** The folder the add-in is served from, for the pane's address. */
  base: string;
};

export function ribbonCallbacks(host: RibbonHost) {
  const showPane = () => {
    const { application } = host;
    const id = application.PluginStorage.getItem(PANE_KEY);
    let pane = id ? application.GetTaskPane(id) : null;
    if (!pane) {
      pane = application.CreateTaskPane(`${host.base}taskpane.html`, PANE_TITLE);
      application.PluginStorage.setItem(PANE_KEY, pane.ID);
    }
    pane.DockPosition = DOCK_RIGHT;
    pane.Visible = true;
  };

  const rescore = () => {
    void host.settings
      .load()
      .then((settings) => host.gateway().rescore(settings, () => undefined))
      .then(
        (outcome) => {
          const graded = outcome.tables.filter((t) => t.grade !== null);
          const grades = graded.map((t) => t.grade).join("、");
          host.tell(
            `已复核 ${outcome.tables.length} 张自评表${grades ? `（等级：${grades}）` : ""}，结果写在各表右侧；打开“复核助手”可逐项查看。`
          );
        },
        (error: unknown) =>
          host.tell(
            error instanceof SelfEvalError
              ? error.message
              : `复核未完成：${error instanceof Error ? error.message : String(error)}`
          )
      );
  };

  return {
    OnAddinLoad: () => true,
    OnAction: (control: Control) => {
      if (control.Id === "selfevalRescore") rescore();
      else if (control.Id === "selfevalPane") showPane();
      return true;
    },
    GetImage: () => "assets/icon-32.png",
  };
}

/**
 * Puts the callbacks on the ribbon page's `window`, where WPS finds them by the names in
 * ribbon.xml, working on WPS's `Application` of this page.
 */
export function registerRibbon(settings: SettingsStore, gateway: () => WorkbookGateway): void {
  const page = window as unknown as { Application: RibbonApplication } & Record<string, unknown>;
  Object.assign(
    page,
    ribbonCallbacks({
      application: page.Application,
      gateway,
      settings,
      tell: (text) => window.alert(text),
      base: window.location.href.replace(/[^/]*([?#].*)?$/, ""),
    })
  );
}
