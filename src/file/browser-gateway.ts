import { policyFromSettings } from "../core/settings";
import { WorkbookGateway } from "../core/gateway";
import { clearXlsx, rescoreXlsx } from "./write-back";

/** A gateway over an .xlsx opened in the browser: it is rescored in memory and downloaded. */
export function fileGateway(name: string, original: Uint8Array): WorkbookGateway {
  let current = original;
  return {
    kind: "file",
    async rescore(settings, progress) {
      progress("read");
      const result = await rescoreXlsx(current, policyFromSettings(settings), {
        highlight: settings.highlight,
      });
      progress("write");
      current = result.data;
      return { tables: result.tables, plans: result.plans, problems: result.problems };
    },
    async clear() {
      const result = await clearXlsx(current);
      current = result.data;
      return result.cleared;
    },
    download: () => ({ name, data: current }),
  };
}
