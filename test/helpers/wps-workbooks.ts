/**
 * Moving workbooks between .xlsx and the WPS double: a workbook opened "in WPS" is the file
 * host's own reading of it (values, number formats, merges, the record sheet's cells), with the
 * looks the host reads and writes (fills, bold, wrap, widths, visibility) from exceljs.
 */
import ExcelJS from "exceljs";
import { gridsOf, openWorkbook, sheetGrid } from "../../src/file/read-workbook";
import { STATE_SHEET } from "../../src/core/state";
import { argbToBgr, bgrToArgb } from "../../src/wps/values";
import { FakeWps, fakeWpsFromGrids } from "./fake-wps";
import { loadXlsx } from "./workbook-dump";

/** Opens an .xlsx in the WPS double. */
export async function fakeWpsFromXlsx(fake: FakeWps, data: Uint8Array): Promise<FakeWps> {
  const opened = openWorkbook(data);
  const record = opened.workbook.sheets.find((s) => s.name === STATE_SHEET && s.part !== null);
  const byName = new Map(gridsOf(opened).map((g) => [g.name, g]));
  if (record) byName.set(STATE_SHEET, sheetGrid(opened, record));
  const order = opened.workbook.sheets.map((s) => s.name).filter((n) => byName.has(n));
  fakeWpsFromGrids(
    fake,
    order.map((n) => byName.get(n)!)
  );
  const workbook = await loadXlsx(data);
  for (const ws of workbook.worksheets) {
    const sheet = fake.sheet(ws.name);
    sheet.visible = ws.state === "veryHidden" ? 2 : ws.state === "hidden" ? 0 : -1;
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const fill = cell.style.fill;
        const argb =
          fill && fill.type === "pattern" && fill.pattern === "solid"
            ? fill.fgColor?.argb
            : undefined;
        const bold = Boolean(cell.style.font?.bold);
        const wrap = Boolean(cell.style.alignment?.wrapText);
        if (!argb && !bold && !wrap) return;
        const target = sheet.cell(Number(cell.row) - 1, Number(cell.col) - 1);
        target.fill = argb ? argbToBgr(argb) : null;
        target.bold = bold;
        target.wrap = wrap;
      })
    );
    for (let c = 1; c <= ws.columnCount; c++) {
      const width = ws.getColumn(c).width;
      if (width !== undefined) sheet.widths.set(c - 1, width);
    }
  }
  return fake;
}

/** Saves the WPS double as .xlsx with the same values and looks, for the file host to read. */
export async function xlsxFromFakeWps(fake: FakeWps): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of fake.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      state: sheet.visible === 2 ? "veryHidden" : sheet.visible === 0 ? "hidden" : "visible",
    });
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(",").map(Number);
      const target = ws.getCell(r + 1, c + 1);
      if (cell.error !== undefined) target.value = { error: cell.error } as ExcelJS.CellErrorValue;
      else if (cell.formula)
        target.value = {
          formula: cell.formula.slice(1),
          result: cell.value ?? undefined,
        } as ExcelJS.CellFormulaValue;
      else if (cell.value !== null) target.value = cell.value;
      const style: Partial<ExcelJS.Style> = {};
      if (cell.numberFormat !== "General") style.numFmt = cell.numberFormat;
      if (cell.fill !== null)
        style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: bgrToArgb(cell.fill) } };
      if (cell.bold) style.font = { bold: true };
      if (cell.wrap) style.alignment = { wrapText: true };
      target.style = style;
    }
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const [col, width] of sheet.widths) ws.getColumn(col + 1).width = width;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
