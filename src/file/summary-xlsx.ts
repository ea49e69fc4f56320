import ExcelJS from 'exceljs';
import { SUMMARY_COLUMNS, SummaryRow, summaryCells } from '../report/summary';

/** The reviewers' summary as a workbook: one row per table, header frozen, filters on. */
export async function summaryXlsx(rows: SummaryRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('复核汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(SUMMARY_COLUMNS).font = { bold: true };
  for (const row of rows) sheet.addRow(summaryCells(row));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SUMMARY_COLUMNS.length } };
  [28, 14, 10, 24, 30].forEach((width, k) => (sheet.getColumn(k + 1).width = width));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
