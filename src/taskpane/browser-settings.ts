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

const TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  zip: "application/zip",
  html: "text/html;charset=utf-8",
};

/** Hands the browser a file to save, under the name given. */
export function downloadFile(name: string, data: Uint8Array): void {
  const extension = name.split(".").pop()?.toLowerCase() ?? "";
  const blob = new Blob([data as Uint8Array<ArrayBuffer>], {
    type: TYPES[extension] ?? "application/octet-stream",
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
