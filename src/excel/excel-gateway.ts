import { parseRange } from '../core/address';
import { SheetGrid } from '../core/grid';
import { WorkbookGateway } from '../taskpane/gateway';

/** Merged areas need ExcelApi 1.13; older hosts read without them (merged cells then read as blank). */
function mergesSupported(): boolean {
  return Office.context.requirements.isSetSupported('ExcelApi', '1.13');
}

/** Reads every sheet's used range in a fixed number of syncs, whatever the number of sheets. */
export async function readOpenWorkbook(): Promise<SheetGrid[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/visibility');
    await context.sync();
    const withMerges = mergesSupported();
    const reads = sheets.items.map((sheet) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load('address,values,numberFormat,text,rowIndex,columnIndex');
      const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
      merged?.load('address');
      return { sheet, used, merged };
    });
    await context.sync();
    return reads.map(({ sheet, used, merged }): SheetGrid => {
      const base = { name: sheet.name, hidden: sheet.visibility !== Excel.SheetVisibility.visible };
      if (used.isNullObject) return { ...base, origin: { row: 0, col: 0 }, values: [], merges: [] };
      const merges = merged && !merged.isNullObject ? merged.address.split(',').map((a) => parseRange(a)) : [];
      return {
        ...base,
        origin: { row: used.rowIndex, col: used.columnIndex },
        values: used.values.map((line) => line.map((v) => (v === '' ? null : (v as string | number | boolean)))),
        numberFormats: used.numberFormat.map((line) => line.map((f) => String(f))),
        texts: used.text,
        merges,
      };
    });
  });
}

export function excelGateway(): WorkbookGateway {
  return { kind: 'excel', label: '当前工作簿', readSheets: readOpenWorkbook };
}
