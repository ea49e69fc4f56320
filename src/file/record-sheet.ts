import { CellValue } from "../core/grid";
import { STATE_COLUMNS, STATE_SHEET } from "../core/state";
import { NewCell, newWorksheetXml } from "../package/new-worksheet";
import { OpenedWorkbook, sheetGrid } from "./read-workbook";

/** The rows of the record sheet as its cells hold them (null when the workbook has none). */
export function readRecordRows(opened: OpenedWorkbook): CellValue[][] | null {
  const sheet = opened.workbook.sheets.find((s) => s.name === STATE_SHEET && s.part !== null);
  if (!sheet) return null;
  const grid = sheetGrid(opened, sheet);
  const rows: CellValue[][] = [];
  grid.values.forEach((line, i) => {
    const row: CellValue[] = new Array<CellValue>(STATE_COLUMNS).fill(null);
    line.forEach((value, j) => {
      const col = grid.origin.col + j;
      if (col < STATE_COLUMNS) row[col] = value;
      // Anything right of the record's columns is damage the record's check finds.
      else if (value !== null) row[STATE_COLUMNS] = value;
    });
    rows[grid.origin.row + i] = row;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** The record sheet's part: text as inline strings, numbers as numbers, no styles. */
export function recordSheetXml(rows: CellValue[][], namespace: string): string {
  const cells: NewCell[] = [];
  rows.forEach((line, row) =>
    line.forEach((value, col) => {
      if (value !== null && value !== "")
        cells.push({
          row,
          col,
          value: typeof value === "boolean" ? String(value) : value,
          style: 0,
        });
    })
  );
  return newWorksheetXml(namespace, cells);
}
