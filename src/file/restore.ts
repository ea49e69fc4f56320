import { DamagedStateError, ProtectedSheetError } from "../core/errors";
import { CellValue, GridView } from "../core/grid";
import {
  OriginalStyle,
  POINTS_PER_CHARACTER,
  STATE_SHEET,
  StateRecord,
  changesSheet,
  editedSince,
  hostDataOf,
  locateSheets,
  marksOf,
  stateFromRows,
} from "../core/state";
import { Mark } from "../core/marks";
import { withAddress, withCellStyle } from "../package/cells";
import { StylesPart, StylesRecord } from "../package/styles";
import {
  CellEdit,
  columnsElement,
  dimensionElement,
  editSheetData,
  elementPrefix,
  replaceColumns,
  splitAtSheetData,
  withColumnWidths,
} from "../package/worksheet-edit";
import { cellElementValue, cellStyleIndex } from "../package/worksheet-read";
import { OpenedWorkbook, protectedSheets, sheetGrid, withStyles } from "./read-workbook";
import { readRecordRows } from "./record-sheet";

type CellRecord = Extract<StateRecord, { kind: "output" | "highlight" }>;
type SheetXmlRecord = Extract<StateRecord, { kind: "sheet-xml" }>;

/**
 * Takes every recorded annotation out of the package and gives back the workbook with its
 * styles read again, or null when it holds no record. The record is checked whole and renamed
 * sheets are found first: when either fails, nothing is changed. A sheet part still exactly as
 * the tool wrote it gets its exact originals back (the same XML as before); one another
 * program saved since gets the recorded look back (fill, number format, bold, wrapping, widths).
 * The reviewer's marks the record held come back beside it, for a rescore to keep.
 */
export function restorePackage(
  opened: OpenedWorkbook
): { opened: OpenedWorkbook; marks: Mark[] } | null {
  const rows = readRecordRows(opened);
  if (!rows) return null;
  const hostData = readHostData(hostDataOf(rows));
  const { pkg, workbook } = opened;
  const names = workbook.sheets.map((s) => s.name);
  const views = new Map<string, GridView>();
  const records = locateSheets(stateFromRows(rows), names, (name, row, col) => {
    if (!views.has(name)) {
      const sheet = workbook.sheets.find((s) => s.name === name && s.part !== null);
      if (!sheet) return null;
      views.set(name, new GridView(sheetGrid(opened, sheet)));
    }
    return views.get(name)!.rawValue(row, col);
  });
  const annotated = new Set(records.filter(changesSheet).map((r) => r.sheet));
  // Neither host takes annotations out of a sheet protected since: nothing is changed.
  const locked = [...protectedSheets(opened)].filter((name) => annotated.has(name));
  if (locked.length) throw new ProtectedSheetError(locked);
  const stylesExact =
    hostData.styles === null || pkg.digest(opened.styles.name) === hostData.styles.digest;
  for (const name of annotated) {
    const sheet = workbook.sheets.find((s) => s.name === name && s.part !== null);
    if (!sheet) continue;
    const part = sheet.part!;
    const own = records.filter((r) => r.sheet === name);
    const sheetRecord = own.find((r): r is SheetXmlRecord => r.kind === "sheet-xml");
    const exact =
      stylesExact && sheetRecord !== undefined && pkg.digest(part) === sheetRecord.digest;
    const xml = pkg.read(part);
    pkg.write(
      part,
      exact
        ? restoreExactly(opened, part, xml, own, sheetRecord)
        : restoreLook(opened, part, xml, own)
    );
  }
  // Looks put back on sheets saved by another program may have needed new cell formats.
  opened.styles.save();
  for (const record of records) if (record.kind === "sheet") workbook.removeSheet(record.sheet);
  workbook.removeSheet(STATE_SHEET);
  if (hostData.styles) StylesPart.restore(pkg, workbook, hostData.styles);
  return { opened: withStyles(pkg, workbook, opened.context.strings), marks: marksOf(records) };
}

type HostData = { styles: StylesRecord | null };

/** The file host's own facts in the record; absent when another host wrote it. */
function readHostData(text: string | null): HostData {
  if (text === null) return { styles: null };
  const damaged = () =>
    new DamagedStateError({ row: 1, zh: "样式记录无法读取", en: "unreadable styles record" });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw damaged();
  }
  if (typeof data !== "object" || data === null || !("styles" in data)) throw damaged();
  const styles = (data as { styles: unknown }).styles;
  if (styles === null) return { styles: null };
  const ok =
    typeof styles === "object" &&
    typeof (styles as StylesRecord).digest === "string" &&
    typeof (styles as StylesRecord).lists === "object" &&
    Object.values((styles as StylesRecord).lists ?? {}).every(
      (l) =>
        (l.tag === null || typeof l.tag === "string") && Number.isInteger(l.added) && l.added >= 0
    );
  if (!ok) throw damaged();
  return { styles: styles as StylesRecord };
}

function cellEdits(
  records: CellRecord[],
  edit: (record: CellRecord) => CellEdit
): Map<number, Map<number, CellEdit>> {
  const cells = new Map<number, Map<number, CellEdit>>();
  // Newest last in the record: the first record of a cell is its original before any of the tool's writes.
  for (const record of [...records].reverse()) {
    if (!cells.has(record.row)) cells.set(record.row, new Map());
    cells.get(record.row)!.set(record.col, edit(record));
  }
  return cells;
}

const cellRecordsOf = (records: StateRecord[]) =>
  records.filter((r): r is CellRecord => r.kind === "output" || r.kind === "highlight");

/** Whether the cell, as it is now, still holds what the tool wrote (or, for a highlight, anything at all). */
function stillOurs(
  opened: OpenedWorkbook,
  part: string,
  record: CellRecord,
  current: string | null
): boolean {
  if (record.kind !== "output") return true;
  const value: CellValue =
    current === null ? null : cellElementValue(current, part, opened.context);
  return !editedSince(record, value);
}

function restoreExactly(
  opened: OpenedWorkbook,
  part: string,
  xml: string,
  records: StateRecord[],
  sheet: SheetXmlRecord
): string[] {
  const cells = cellRecordsOf(records);
  const rowTemplates = new Map<number, string>();
  for (const record of cells)
    if (record.style.row !== undefined) rowTemplates.set(record.row, record.style.row);
  const split = splitAtSheetData(xml, part);
  const body = editSheetData(split.body, part, {
    cells: cellEdits(cells, (record) => ({ current, address }) => {
      if (!stillOurs(opened, part, record, current)) return current;
      const original = record.style;
      if (record.kind === "output")
        return original.cell ? withAddress(original.cell, address) : null;
      if (current === null) return null;
      if (original.cell === "" && cellElementValue(current, part, opened.context) === null)
        return null;
      return withCellStyle(current, original.xf || null);
    }),
    row: (row, current, cols) => {
      const template = rowTemplates.get(row);
      if (template === undefined || current === null) return current;
      if (template === "") return cols.length === 0 ? null : current;
      return withAddress(template, String(row + 1));
    },
  });
  let head = replaceColumns(split.head, part, sheet.cols);
  const dimension = dimensionElement(head, part);
  if (dimension && sheet.dimension !== null)
    head = head.slice(0, dimension.start) + sheet.dimension + head.slice(dimension.end);
  body.unshift(head);
  return body;
}

/** Puts the recorded look back on a sheet another program saved since: style indices and elements may have changed. */
function restoreLook(
  opened: OpenedWorkbook,
  part: string,
  xml: string,
  records: StateRecord[]
): string[] {
  const { styles } = opened;
  const { head, body } = splitAtSheetData(xml, part);
  const restored = editSheetData(body, part, {
    cells: cellEdits(cellRecordsOf(records), (record) => ({ current, address, prefix }) => {
      if (!stillOurs(opened, part, record, current)) return current;
      const xf = cellStyleIndex(current, part);
      const look = recordedLook(record.style, record.kind);
      if (record.kind === "output" && isPlain(record.style)) return null;
      const s = styles.derive(xf, look);
      if (record.kind === "output" || current === null)
        return `<${prefix}c r="${address}"${s ? ` s="${s}"` : ""}/>`;
      return withCellStyle(current, String(s));
    }),
    row: (_, current) => current,
  });
  const widths = new Map<number, number | null>();
  for (const r of records) {
    if (r.kind === "width")
      widths.set(
        r.col,
        r.width ?? (r.points !== undefined ? r.points / POINTS_PER_CHARACTER : null)
      );
  }
  const cols = columnsElement(head, part);
  restored.unshift(
    widths.size === 0
      ? head
      : replaceColumns(
          head,
          part,
          withColumnWidths(cols.text, part, elementPrefix(xml, part), widths)
        )
  );
  return restored;
}

function isPlain(style: OriginalStyle): boolean {
  return (
    !style.fillColor &&
    (style.numberFormat ?? "General") === "General" &&
    !style.bold &&
    !style.wrapText
  );
}

/** The recorded look: only the fill for a highlight (the tool changed nothing else there). */
function recordedLook(
  style: OriginalStyle,
  kind: CellRecord["kind"]
): { fill: string | null; numberFormat?: string; bold?: boolean; wrap?: boolean } {
  if (kind === "highlight") return { fill: style.fillColor };
  return {
    fill: style.fillColor,
    numberFormat: style.numberFormat ?? "General",
    bold: Boolean(style.bold),
    wrap: Boolean(style.wrapText),
  };
}
