/**
 * Resolves true once Office.js is ready inside Excel, false in a plain browser (office.js
 * not loaded, or another host).
 */
export function whenOfficeReady(): Promise<boolean> {
  if (typeof Office === "undefined") return Promise.resolve(false);
  return Office.onReady().then((info) => info.host === Office.HostType.Excel);
}
