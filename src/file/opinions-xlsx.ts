import {
  BOLD_STYLE,
  SPREADSHEET_NAMESPACE,
  WRAP_STYLE,
  newWorkbookPackage,
} from "../package/new-package";
import { NewCell, newWorksheetXml } from "../package/new-worksheet";
import { OPINION_COLUMNS, opinionCells } from "../report/opinions";
import { Finding } from "../report/summary";

const SHEET = "复核意见";
const WIDTHS = [6, 24, 14, 8, 28, 14, 50, 24];

/** The 复核意见 list as a workbook: header bold and frozen, long text wrapped, landscape A4 one page wide. */
export function opinionsXlsx(findings: Finding[]): Uint8Array {
  const cells: NewCell[] = OPINION_COLUMNS.map((value, col) => ({
    row: 0,
    col,
    value,
    style: BOLD_STYLE,
  }));
  findings.forEach((finding, k) =>
    opinionCells(finding, k).forEach((value, col) => {
      if (value !== "") cells.push({ row: k + 1, col, value, style: WRAP_STYLE });
    })
  );
  const xml = newWorksheetXml(SPREADSHEET_NAMESPACE, cells, {
    widths: WIDTHS,
    frozenHeader: true,
    landscapeOnePageWide: true,
  });
  const titles = `<definedName name="_xlnm.Print_Titles" localSheetId="{sheet}">'${SHEET}'!$1:$1</definedName>`;
  return newWorkbookPackage([{ name: SHEET, xml, definedNames: [titles] }]);
}
