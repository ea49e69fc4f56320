import { WorkbookGateway } from "../core/gateway";
import { WpsApplication, wpsApplication } from "./object-model";
import {
  clearWorkbook,
  markFinding,
  rescoreWorkbook,
  selectCells,
  watchEdits,
  writeRemark,
} from "./wps-host";

/**
 * The pane's gateway inside WPS 表格. The host's calls are synchronous; the gateway gives them
 * the pane's promise-based shape, and an error reaches the pane as a rejected promise.
 */
export function wpsGateway(app: () => WpsApplication = wpsApplication): WorkbookGateway {
  const later = <T>(action: () => T): Promise<T> => new Promise((resolve) => resolve(action()));
  return {
    kind: "wps",
    rescore: (settings, progress, sheet, others) =>
      later(() => rescoreWorkbook(app(), settings, progress, sheet, others)),
    mark: (change, settings) => later(() => markFinding(app(), change, settings)),
    clear: () => later(() => clearWorkbook(app())),
    select: (sheet, address) => later(() => selectCells(app(), sheet, address)),
    addRemark: (place, text) => later(() => writeRemark(app(), place, text)),
    watch: (onEdit) =>
      later(() => {
        const stop = watchEdits(app(), onEdit);
        return async () => stop();
      }),
  };
}
