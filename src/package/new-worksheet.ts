import { cellAddress } from "../core/address";
import { WrittenValue, cellXml } from "./cells";

export type NewCell = { row: number; col: number; value: WrittenValue; style: number };

/**
 * A worksheet part of the tool's own (the summary and the record): cells in row order,
 * column widths in characters, optionally the first row frozen, a filter on a range, and a
 * print on landscape A4 one page wide. Elements follow the CT_Worksheet sequence (sheetPr,
 * sheetViews, sheetFormatPr, cols, sheetData, autoFilter, pageMargins, pageSetup).
 */
export function newWorksheetXml(
  namespace: string,
  cells: NewCell[],
  options: {
    widths?: number[];
    frozenHeader?: boolean;
    autoFilter?: string;
    landscapeOnePageWide?: boolean;
  } = {}
): string {
  const rows = new Map<number, NewCell[]>();
  for (const cell of cells) {
    const line = rows.get(cell.row);
    if (line) line.push(cell);
    else rows.set(cell.row, [cell]);
  }
  const sheetData = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((row) => {
      const line = rows.get(row)!.sort((a, b) => a.col - b.col);
      return `<row r="${row + 1}">${line.map((c) => cellXml(cellAddress(c.row, c.col), c.value, c.style, "")).join("")}</row>`;
    })
    .join("");
  const views = options.frozenHeader
    ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
    : '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const cols = options.widths?.length
    ? `<cols>${options.widths.map((w, k) => `<col min="${k + 1}" max="${k + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${namespace}">` +
    (options.landscapeOnePageWide ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `${views}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${sheetData}</sheetData>` +
    (options.autoFilter ? `<autoFilter ref="${options.autoFilter}"/>` : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    // paperSize 9 is A4; fitToHeight 0 lets the rows run on to as many pages as they need.
    (options.landscapeOnePageWide
      ? '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
      : "") +
    "</worksheet>"
  );
}
