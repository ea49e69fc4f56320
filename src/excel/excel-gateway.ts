import { sanitizeSettings } from '../core/settings';
import { SettingsStore, WorkbookGateway } from '../core/gateway';
import { clearOpenWorkbook, rescoreOpenWorkbook, selectCells, watchEdits, writeRemark } from './excel-host';

const SETTINGS_KEY = 'selfeval.settings';

export function excelGateway(): WorkbookGateway {
  return {
    kind: 'excel',
    rescore: rescoreOpenWorkbook,
    clear: clearOpenWorkbook,
    select: selectCells,
    addRemark: writeRemark,
    watch: watchEdits,
  };
}

/** Settings travel with the workbook (Office document settings). */
export function workbookSettingsStore(): SettingsStore {
  return {
    load: async () => sanitizeSettings(Office.context.document.settings.get(SETTINGS_KEY)),
    save: async (settings) => {
      const store = Office.context.document.settings;
      store.set(SETTINGS_KEY, settings);
      await new Promise<void>((resolve, reject) =>
        store.saveAsync((result) => (result.status === Office.AsyncResultStatus.Failed ? reject(new Error(result.error.message)) : resolve())),
      );
    },
  };
}
