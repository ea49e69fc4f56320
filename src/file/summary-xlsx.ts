import { cellAddress, columnLetters } from "../core/address";
import { SUMMARY_COLUMNS, SummaryRow, summaryCells } from "../report/summary";
import { BOLD_STYLE, SPREADSHEET_NAMESPACE, newWorkbookPackage } from "../package/new-package";
import { NewCell, newWorksheetXml } from "../package/new-worksheet";

const SHEET = "复核汇总";

/** The reviewers' summary as a workbook: one row per table, header bold and frozen, filters on. */
export async function summaryXlsx(rows: SummaryRow[]): Promise<Uint8Array> {
  const cells: NewCell[] = SUMMARY_COLUMNS.map((value, col) => ({
    row: 0,
    col,
    value,
    style: BOLD_STYLE,
  }));
  rows.forEach((row, k) =>
    summaryCells(row).forEach((value, col) => {
      if (value !== null && value !== "") cells.push({ row: k + 1, col, value, style: 0 });
    })
  );
  const last = cellAddress(rows.length, SUMMARY_COLUMNS.length - 1);
  const widths = SUMMARY_COLUMNS.map((_, k) => [28, 14, 10, 24, 30][k] ?? 10);
  const xml = newWorksheetXml(SPREADSHEET_NAMESPACE, cells, {
    widths,
    frozenHeader: true,
    autoFilter: `A1:${last}`,
    landscapeOnePageWide: true,
  });
  // Excel keeps a filter's range in this hidden name as well.
  const filterName = `<definedName name="_xlnm._FilterDatabase" localSheetId="{sheet}" hidden="1">'${SHEET}'!$A$1:$${columnLetters(SUMMARY_COLUMNS.length - 1)}$${rows.length + 1}</definedName>`;
  // The header row printed again on every page.
  const titles = `<definedName name="_xlnm.Print_Titles" localSheetId="{sheet}">'${SHEET}'!$1:$1</definedName>`;
  return newWorkbookPackage([{ name: SHEET, xml, definedNames: [filterName, titles] }]);
}
