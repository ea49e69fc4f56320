import { sanitizeSettings } from "../core/settings";
import { SettingsStore, WorkbookGateway } from "../core/gateway";
import {
  clearOpenWorkbook,
  markFinding,
  rescoreOpenWorkbook,
  selectCells,
  watchEdits,
  writeRemark,
} from "./excel-host";

const SETTINGS_KEY = "selfeval.settings";

export function excelGateway(): WorkbookGateway {
  return {
    kind: "excel",
    rescore: rescoreOpenWorkbook,
    mark: markFinding,
    clear: clearOpenWorkbook,
    select: selectCells,
    addRemark: writeRemark,
    watch: watchEdits,
  };
}

/**
 * Settings travel with the workbook, in `workbook.settings` (ExcelApi 1.4, the store Microsoft
 * recommends); they persist when the workbook is saved. Settings an earlier version kept in the
 * Common API's document settings are still read.
 */
export function workbookSettingsStore(): SettingsStore {
  return {
    load: () =>
      Excel.run(async (context) => {
        const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
        item.load("value");
        await context.sync();
        return sanitizeSettings(
          item.isNullObject ? Office.context.document.settings.get(SETTINGS_KEY) : item.value
        );
      }),
    save: (settings) =>
      Excel.run(async (context) => {
        context.workbook.settings.add(SETTINGS_KEY, settings);
        await context.sync();
      }),
  };
}
