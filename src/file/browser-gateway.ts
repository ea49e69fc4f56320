import { policyFromSettings } from "../core/settings";
import { WorkbookGateway } from "../core/gateway";
import { stamped } from "../core/marks";
import { RescoreResult, clearXlsx, markXlsx, rescoreXlsx } from "./write-back";

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
      return outcomeOf(result);
    },
    async mark(change, settings) {
      const result = await markXlsx(current, stamped(change), policyFromSettings(settings), {
        highlight: settings.highlight,
      });
      current = result.data;
      return outcomeOf(result);
    },
    async clear() {
      const result = await clearXlsx(current);
      current = result.data;
      return result.cleared;
    },
    download: () => ({ name, data: current }),
  };
}

const outcomeOf = ({ tables, plans, problems, staleMarks }: RescoreResult) => ({
  tables,
  plans,
  problems,
  staleMarks,
});
