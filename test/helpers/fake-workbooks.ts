import ExcelJS from "exceljs";
import { parseRange } from "../../src/core/address";
import { loadXlsx } from "./workbook-dump";
import { FakeExcel, FakeSheet } from "./fake-excel";

const hex = (argb: string) => `#${argb.slice(-6).toUpperCase()}`;

/** Opens an .xlsx in the fake with the looks the add-in reads and writes: fills, bold, wrap, widths, visibility. */
export async function fakeFromXlsx(fake: FakeExcel, data: Uint8Array): Promise<void> {
  const workbook = await loadXlsx(data);
  for (const ws of workbook.worksheets) {
    const sheet = fake.workbook.add(ws.name);
    sheet.visibility =
      ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const fake = sheet.cell(Number(cell.row) - 1, Number(cell.col) - 1);
        const v = cell.value;
        fake.value =
          v === null || v === undefined
            ? null
            : typeof v === "object"
              ? "text" in v
                ? String(v.text)
                : "result" in v
                  ? (v.result as number)
                  : String(v)
              : (v as string | number | boolean);
        fake.numberFormat = cell.numFmt || "General";
        const fill = cell.style.fill;
        fake.fill =
          fill && fill.type === "pattern" && fill.pattern === "solid" && fill.fgColor?.argb
            ? hex(fill.fgColor.argb)
            : null;
        fake.bold = Boolean(cell.style.font?.bold);
        fake.wrap = Boolean(cell.style.alignment?.wrapText);
      })
    );
    for (let c = 1; c <= ws.columnCount; c++) {
      const width = ws.getColumn(c).width;
      if (width !== undefined) sheet.widths.set(c - 1, width * 5.7);
    }
    sheet.merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).map((m) =>
      parseRange(m)
    );
  }
}

/** Saves the fake workbook as .xlsx with the same looks, for the file host to read. */
export async function xlsxFromFake(fake: FakeExcel): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of fake.workbook.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      state:
        sheet.visibility === "VeryHidden"
          ? "veryHidden"
          : sheet.visibility === "Hidden"
            ? "hidden"
            : "visible",
    });
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(",").map(Number);
      const target = ws.getCell(r + 1, c + 1);
      if (cell.value !== null) target.value = cell.value;
      const style: Partial<ExcelJS.Style> = {};
      if (cell.numberFormat !== "General") style.numFmt = cell.numberFormat;
      if (cell.fill)
        style.fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: `FF${cell.fill.slice(1)}` },
        };
      if (cell.bold) style.font = { bold: true };
      if (cell.wrap) style.alignment = { wrapText: true };
      target.style = style;
    }
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const [col, points] of sheet.widths) ws.getColumn(col + 1).width = points / 5.7;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Everything the add-in could change, as plain data to compare. */
export function snapshot(fake: FakeExcel): unknown {
  return fake.workbook.sheets.map((sheet: FakeSheet) => ({
    name: sheet.name,
    visibility: sheet.visibility,
    merges: sheet.merges,
    widths: [...sheet.widths].sort(([a], [b]) => a - b),
    notes: [...sheet.notes],
    cells: [...sheet.cells]
      .filter(
        ([, c]) =>
          c.value !== null || c.fill !== null || c.bold || c.wrap || c.numberFormat !== "General"
      )
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, c]) => [key, c.value, c.numberFormat, c.fill, c.bold, c.wrap]),
  }));
}
