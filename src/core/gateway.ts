import { TableResult } from "./evaluate";
import { Mark, MarkChange } from "./marks";
import { PlanProblem, TablePlan } from "./plan";
import { Settings } from "./settings";

export type Stage = "read" | "score" | "write";
export type RescoreOutcome = {
  tables: TableResult[];
  plans: TablePlan[];
  problems: PlanProblem[];
  /** Marks kept in the record whose finding the rescored sheets no longer have. */
  staleMarks?: Mark[];
};

/** Where a reviewer's remark goes: the 审核意见 column beside the tool's output, anchored on a cell. */
export type RemarkPlace = {
  sheet: string;
  row: number;
  col: number;
  anchor: { row: number; col: number };
  headerRows: number[];
};

/**
 * What the pane needs from a workbook, whether it is the open Excel or WPS workbook or an
 * .xlsx opened in the browser; the pane never calls a spreadsheet program itself.
 */
export type WorkbookGateway = {
  kind: "excel" | "file" | "wps";
  /**
   * Rescores the workbook, or one sheet in live mode (with the other sheets' last results, for
   * the summary).
   */
  rescore(
    settings: Settings,
    progress: (stage: Stage) => void,
    sheet?: string,
    others?: TableResult[]
  ): Promise<RescoreOutcome>;
  /**
   * Sets a reviewer's mark on a finding (已核实 / 已忽略, a reason needed to dismiss), or takes
   * it off (`status: null`), and rescores the whole workbook with it; the mark is kept in the
   * workbook's record until clear. Resolves to the whole workbook's results.
   */
  mark?(change: MarkChange, settings: Settings): Promise<RescoreOutcome>;
  /** Takes every annotation out; false when there was none. */
  clear(): Promise<boolean>;
  /** Excel and WPS: select cells. */
  select?(sheet: string, address: string): Promise<void>;
  /** Excel and WPS: write a reviewer's remark. */
  addRemark?(place: RemarkPlace, text: string): Promise<"note" | "comment" | "cell">;
  /** Excel and WPS: report edits; resolves to the function that stops watching. */
  watch?(onEdit: (sheet: string, address: string) => void): Promise<() => Promise<void>>;
  /** File only: the current workbook to download. */
  download?(): { name: string; data: Uint8Array } | null;
};

/** Where the pane keeps its settings: the workbook in Excel, the browser's storage outside it. */
export type SettingsStore = { load(): Promise<Settings>; save(settings: Settings): Promise<void> };
