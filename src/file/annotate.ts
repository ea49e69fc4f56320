import { OutputCell, WritePlan, linkAddress } from "../core/plan";
import { Mark } from "../core/marks";
import { OriginalStyle, STATE_SHEET, StateRecord, markRecords, stateToRows } from "../core/state";
import { WrittenValue, cellXml, withCellStyle, withoutAddress } from "../package/cells";
import { NewCell, newWorksheetXml } from "../package/new-worksheet";
import { Look } from "../package/styles";
import {
  CellEdit,
  coverSpans,
  columnWidth,
  columnsElement,
  dimensionElement,
  editSheetData,
  elementPrefix,
  replaceColumns,
  splitAtSheetData,
  widenedDimension,
  withColumnWidths,
} from "../package/worksheet-edit";
import { cellElementValue, cellStyleIndex } from "../package/worksheet-read";
import { OpenedWorkbook } from "./read-workbook";
import { recordSheetXml } from "./record-sheet";

type CellRecord = Extract<StateRecord, { kind: "output" | "highlight" }>;

/**
 * Writes a plan into the package: output cells, fills on highlighted cells, column widths,
 * the summary sheet and the record of everything changed with its exact original, so that
 * clear can give back the same parts. The reviewer's marks go into the record as they are.
 */
export function annotatePackage(
  opened: OpenedWorkbook,
  plan: WritePlan,
  marks: readonly Mark[] = []
): void {
  const records: StateRecord[] = [];
  const sheets = new Set([...plan.tables.map((t) => t.sheet), ...plan.widths.map((w) => w.sheet)]);
  for (const name of sheets) {
    const sheet = opened.workbook.sheets.find((s) => s.name === name && s.part !== null);
    if (!sheet) continue;
    for (const record of annotateSheet(opened, name, sheet.part!, plan)) records.push(record);
  }
  const summaryName = plan.summary.name;
  const namespace = opened.workbook.mainNamespace();
  const summaryCells: NewCell[] = plan.summary.cells.map((o) => ({
    row: o.row,
    col: o.col,
    value: writtenValue(o),
    style: opened.styles.derive(0, lookOf(o)),
  }));
  opened.workbook.addSheet(
    summaryName,
    newWorksheetXml(namespace, summaryCells, {
      widths: plan.summary.widths,
      frozenHeader: true,
      landscapeOnePageWide: true,
    }),
    "visible"
  );
  records.push({ kind: "sheet", sheet: summaryName }, ...markRecords(marks));
  const styles = opened.styles.save();
  const rows = stateToRows(records, JSON.stringify({ styles }));
  opened.workbook.addSheet(STATE_SHEET, recordSheetXml(rows, namespace), "veryHidden");
}

function annotateSheet(
  opened: OpenedWorkbook,
  name: string,
  part: string,
  plan: WritePlan
): StateRecord[] {
  const { pkg, styles, context } = opened;
  const records: CellRecord[] = [];
  const byRow = new Map<number, CellRecord[]>();
  const cells = new Map<number, Map<number, CellEdit>>();
  const add = (row: number, col: number, edit: CellEdit) => {
    if (!cells.has(row)) cells.set(row, new Map());
    cells.get(row)!.set(col, edit);
  };
  const remember = (record: CellRecord) => {
    records.push(record);
    byRow.set(record.row, [...(byRow.get(record.row) ?? []), record]);
  };
  // One style object per distinct original: the record joins alike cells into runs by it.
  const interned = new Map<string, OriginalStyle>();
  const originalStyle = (
    xf: number,
    extra: Pick<OriginalStyle, "cell" | "xf" | "row">
  ): OriginalStyle => {
    const key = `${xf}|${extra.cell}|${extra.xf}|${extra.row}`;
    let style = interned.get(key);
    if (!style) {
      style = {
        fillColor: styles.fillColor(xf),
        numberFormat: styles.numberFormat(xf),
        bold: styles.isBold(xf),
        wrapText: styles.wraps(xf),
        ...extra,
      };
      for (const k of ["cell", "xf", "row"] as const) if (style[k] === undefined) delete style[k];
      interned.set(key, style);
    }
    return style;
  };
  const xfOf = new Map<OriginalStyle, number>();
  // The corners of what is written, for `<dimension>`.
  const written: { row: number; col: number }[] = [];
  const wrote = (row: number, col: number) => {
    if (written.length === 0) written.push({ row, col }, { row, col });
    const [low, high] = written;
    [low.row, low.col, high.row, high.col] = [
      Math.min(low.row, row),
      Math.min(low.col, col),
      Math.max(high.row, row),
      Math.max(high.col, col),
    ];
  };

  for (const table of plan.tables.filter((t) => t.sheet === name)) {
    for (const h of table.highlights) {
      add(h.row, h.col, ({ current, address, prefix }) => {
        const xf = cellStyleIndex(current, part);
        const original = current === null ? "" : (/\ss\s*=\s*"(\d+)"/.exec(current)?.[1] ?? "");
        const style = originalStyle(
          xf,
          current === null ? { xf: original, cell: "" } : { xf: original }
        );
        xfOf.set(style, xf);
        remember({ kind: "highlight", sheet: name, row: h.row, col: h.col, style });
        const s = styles.derive(xf, { fill: h.fill });
        if (current === null) return `<${prefix}c r="${address}" s="${s}"/>`;
        return withCellStyle(current, String(s));
      });
    }
    for (const output of table.outputs) {
      add(output.row, output.col, ({ current, address, prefix }) => {
        // A cell that holds anything (a formula showing nothing, too) is the user's: it is left alone.
        if (
          current !== null &&
          (cellElementValue(current, part, context) !== null || /<(\w+:)?f[\s>/]/.test(current))
        )
          return current;
        const xf = cellStyleIndex(current, part);
        const style = originalStyle(xf, { cell: current === null ? "" : withoutAddress(current) });
        xfOf.set(style, xf);
        remember({
          kind: "output",
          sheet: name,
          row: output.row,
          col: output.col,
          style,
          written: output.value,
        });
        wrote(output.row, output.col);
        return cellXml(address, writtenValue(output), styles.derive(xf, lookOf(output)), prefix);
      });
    }
  }
  const { head, body } = splitAtSheetData(pkg.read(part), part);
  const prefix = elementPrefix(body, part);
  const rows = editSheetData(body, part, {
    cells,
    row: (row, current, cols) => {
      const next = current === null ? `<${prefix}row r="${row + 1}">` : coverSpans(current, cols);
      if (next === current) return next;
      const template = current === null ? "" : withoutAddress(current);
      for (const record of byRow.get(row) ?? []) {
        const { cell, xf } = record.style;
        record.style = originalStyle(xfOf.get(record.style)!, { cell, xf, row: template });
      }
      return next;
    },
  });
  const widths = new Map(
    plan.widths
      .filter((w) => w.sheet === name)
      .map((w) => [w.col, w.width] as [number, number | null])
  );
  const cols = columnsElement(head, part);
  const widthRecords: StateRecord[] = [...widths.keys()].map((col) => ({
    kind: "width",
    sheet: name,
    col,
    width: columnWidth(cols.text, part, col),
  }));
  let newHead = replaceColumns(head, part, withColumnWidths(cols.text, part, prefix, widths));
  const dimensionTag = dimensionElement(head, part);
  const originalDimension = dimensionTag ? head.slice(dimensionTag.start, dimensionTag.end) : null;
  const dimension = widenedDimension(newHead, part, written);
  if (dimension)
    newHead =
      newHead.slice(0, dimension.tag.start) + dimension.text + newHead.slice(dimension.tag.end);
  rows.unshift(newHead);
  pkg.write(part, rows);
  return [
    ...records,
    ...widthRecords,
    {
      kind: "sheet-xml",
      sheet: name,
      digest: pkg.digest(part),
      cols: cols.text,
      dimension: dimension ? originalDimension : null,
    },
  ];
}

function lookOf(output: OutputCell): Look {
  const look: Look = {};
  if (output.numberFormat) look.numberFormat = output.numberFormat;
  if (output.bold) look.bold = true;
  if (output.link) look.link = true;
  if (output.fill) look.fill = output.fill;
  if (output.wrap) look.wrap = true;
  return look;
}

function writtenValue(output: OutputCell): WrittenValue {
  if (!output.link) return output.value;
  const quote = (text: string) => text.replace(/"/g, '""');
  return {
    formula: `HYPERLINK("#${quote(linkAddress(output.link))}","${quote(String(output.value))}")`,
    text: String(output.value),
  };
}
