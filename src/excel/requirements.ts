/** Whether the host implements an ExcelApi requirement set (1.13 merged areas, 1.10 comments, 1.18 notes…). */
export function supports(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}
