import { cellAddress, columnLetters } from "../core/address";
import {
  SUMMARY_COLUMNS,
  SummaryRow,
  UnscoredFile,
  summaryCells,
  unscoredCells,
} from "../report/summary";
import { BOLD_STYLE, SPREADSHEET_NAMESPACE, newWorkbookPackage } from "../package/new-package";
import { NewCell, newWorksheetXml } from "../package/new-worksheet";

const SHEET = "复核汇总";
/** Column widths in characters; the other columns hold short numbers. */
const WIDTHS: Record<string, number> = {
  文件: 28,
  工作表: 14,
  表格位置: 10,
  单位: 24,
  项目或目标: 30,
  说明: 40,
};

/**
 * The reviewers' summary as a workbook: one row per table, then one per file not scored, header
 * bold and frozen, filters on; under them the rules the tables were scored by. It prints on
 * landscape A4, one page wide, its header row on every page.
 */
export async function summaryXlsx(
  rows: SummaryRow[],
  unscored: UnscoredFile[],
  rules: string
): Promise<Uint8Array> {
  const cells: NewCell[] = SUMMARY_COLUMNS.map((value, col) => ({
    row: 0,
    col,
    value,
    style: BOLD_STYLE,
  }));
  const lines = [...rows.map(summaryCells), ...unscored.map(unscoredCells)];
  lines.forEach((line, k) =>
    line.forEach((value, col) => {
      if (value !== null && value !== "") cells.push({ row: k + 1, col, value, style: 0 });
    })
  );
  // Below the filtered rows, after a blank one, so that sorting and filtering leave it alone.
  cells.push({ row: lines.length + 2, col: 0, value: `评分规则：${rules}`, style: 0 });
  const last = cellAddress(lines.length, SUMMARY_COLUMNS.length - 1);
  const widths = SUMMARY_COLUMNS.map((title) => WIDTHS[title] ?? 10);
  const xml = newWorksheetXml(SPREADSHEET_NAMESPACE, cells, {
    widths,
    frozenHeader: true,
    autoFilter: `A1:${last}`,
    landscapeOnePageWide: true,
  });
  // Excel keeps a filter's range in this hidden name as well.
  const filterName = `<definedName name="_xlnm._FilterDatabase" localSheetId="{sheet}" hidden="1">'${SHEET}'!$A$1:$${columnLetters(SUMMARY_COLUMNS.length - 1)}$${lines.length + 1}</definedName>`;
  // The header row printed again on every page.
  const titles = `<definedName name="_xlnm.Print_Titles" localSheetId="{sheet}">'${SHEET}'!$1:$1</definedName>`;
  return newWorkbookPackage([{ name: SHEET, xml, definedNames: [filterName, titles] }]);
}
