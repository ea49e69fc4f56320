import { sanitizeSettings } from "../core/settings";
import { SettingsStore } from "../core/gateway";

const KEY = "selfeval.settings";

/** Outside Excel the page keeps its settings in the browser's local storage. */
export function browserSettingsStore(storage: Storage = window.localStorage): SettingsStore {
  return {
    load: async () => {
      try {
        return sanitizeSettings(JSON.parse(storage.getItem(KEY) ?? "null"));
      } catch {
        return sanitizeSettings(null);
      }
    },
    save: async (settings) => storage.setItem(KEY, JSON.stringify(settings)),
  };
}

/** Hands the browser a file to save. */
export function downloadFile(name: string, data: Uint8Array): void {
  const blob = new Blob([data as Uint8Array<ArrayBuffer>], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name.replace(/\.xlsx$/i, "") + "-复核.xlsx";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
