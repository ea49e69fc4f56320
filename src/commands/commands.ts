import { rescoreOpenWorkbook } from "../excel/excel-host";
import { associateCommand, showPane } from "../excel/office-commands";
import { RescoreOutcome, SettingsStore } from "../core/gateway";

export type CommandReport = { outcome: RescoreOutcome } | { error: unknown };

/** The manifest's FunctionName for the 一键复核 button. */
export const RESCORE_COMMAND = "rescoreWorkbook";

/**
 * 一键复核 from the ribbon: rescores the whole workbook without the pane. The result goes to
 * the pane (shared runtime); an error opens the pane so that its message is seen.
 */
export function registerCommands(store: SettingsStore, report: (r: CommandReport) => void): void {
  associateCommand(RESCORE_COMMAND, async () => {
    try {
      report({ outcome: await rescoreOpenWorkbook(await store.load()) });
    } catch (error) {
      report({ error });
      // The error is already on its way to the pane; a host that cannot show the pane has nowhere else to show it.
      await showPane().catch(() => undefined);
    }
  });
}
