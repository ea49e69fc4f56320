import ExcelJS from "exceljs";

/** Everything about a workbook a user could see change, as plain data to compare. */
export type Dump = {
  sheets: {
    name: string;
    state: string;
    merges: string[];
    widths: (number | null)[];
    cells: Record<string, string>;
  }[];
};

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)])
    );
  }
  return value;
}

export async function loadXlsx(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook;
}

export async function dumpXlsx(data: Uint8Array): Promise<Dump> {
  const workbook = await loadXlsx(data);
  return {
    sheets: workbook.worksheets.map((sheet) => {
      const cells: Record<string, string> = {};
      sheet.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          const style = JSON.stringify(sorted(cell.style ?? {}));
          if ((cell.value === null || cell.value === undefined) && style === "{}") return;
          cells[cell.address] = JSON.stringify({
            value: sorted(cell.value ?? null),
            style: JSON.parse(style),
          });
        });
      });
      const widths: (number | null)[] = [];
      for (let c = 1; c <= Math.max(sheet.columnCount, 12); c++)
        widths.push(sheet.getColumn(c).width ?? null);
      const merges = [...((sheet.model as unknown as { merges?: string[] }).merges ?? [])].sort();
      return { name: sheet.name, state: sheet.state, merges, widths, cells };
    }),
  };
}

/**
 * What a user sees of each cell — value, fill colour, number format, bold, wrapping — with
 * the cell formats' other bookkeeping left out: a workbook another program saved between two
 * runs has its formats renumbered and spelt out, and this is what clear promises to give back there.
 */
export async function dumpLook(data: Uint8Array): Promise<Dump> {
  const workbook = await loadXlsx(data);
  return {
    // The very hidden record is the tool's bookkeeping, which differs by what it had to remember.
    sheets: workbook.worksheets
      .filter((sheet) => sheet.state !== "veryHidden")
      .map((sheet) => {
        const cells: Record<string, string> = {};
        sheet.eachRow({ includeEmpty: true }, (row) => {
          row.eachCell({ includeEmpty: true }, (cell) => {
            const fill = cell.style?.fill;
            const look = {
              fill:
                fill && fill.type === "pattern" && fill.pattern === "solid"
                  ? (fill.fgColor?.argb ?? null)
                  : null,
              numFmt:
                cell.style?.numFmt && cell.style.numFmt !== "General" ? cell.style.numFmt : null,
              bold: Boolean(cell.style?.font?.bold),
              wrap: Boolean(cell.style?.alignment?.wrapText),
            };
            const value = cell.value ?? null;
            if (value === null && !look.fill && !look.numFmt && !look.bold && !look.wrap) return;
            cells[cell.address] = JSON.stringify({ value: sorted(value), look });
          });
        });
        const widths: (number | null)[] = [];
        for (let c = 1; c <= Math.max(sheet.columnCount, 12); c++)
          widths.push(sheet.getColumn(c).width ?? null);
        const merges = [...((sheet.model as unknown as { merges?: string[] }).merges ?? [])].sort();
        return { name: sheet.name, state: sheet.state, merges, widths, cells };
      }),
  };
}
