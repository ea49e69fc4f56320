import {
  CorruptWorkbookError,
  EmptyWorkbookError,
  EncryptedWorkbookError,
  LegacyXlsError,
  NotXlsxError,
  SelfEvalError,
} from "../core/errors";
import { SheetGrid } from "../core/grid";
import { STATE_SHEET } from "../core/state";
import { OoxmlPackage } from "../package/package";
import { readSharedStrings } from "../package/shared-strings";
import { StylesPart } from "../package/styles";
import { SheetEntry, WorkbookPart } from "../package/workbook";
import { WorksheetContext, isSheetProtected, readWorksheet } from "../package/worksheet-read";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(data: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => data[i] === byte);
}

/** An encrypted .xlsx is an OLE container holding an `EncryptionInfo` stream; a legacy .xls is not. */
function isEncryptedOoxml(data: Uint8Array): boolean {
  // The stream name is stored in UTF-16LE; search byte by byte so this also runs in a browser.
  const marker = [..."EncryptionInfo"].flatMap((ch) => [ch.charCodeAt(0), 0]);
  outer: for (let i = 0; i + marker.length <= data.length; i++) {
    for (let j = 0; j < marker.length; j++) if (data[i + j] !== marker[j]) continue outer;
    return true;
  }
  return false;
}

/** Checks the container before anything is unzipped, so each bad input gets its own answer. */
function checkContainer(data: Uint8Array): void {
  if (startsWith(data, ZIP_SIGNATURE)) return;
  if (startsWith(data, OLE_SIGNATURE))
    throw isEncryptedOoxml(data) ? new EncryptedWorkbookError() : new LegacyXlsError();
  throw new NotXlsxError();
}

/** A workbook opened as its package: parts are read when first needed. */
export type OpenedWorkbook = {
  pkg: OoxmlPackage;
  workbook: WorkbookPart;
  styles: StylesPart;
  context: WorksheetContext;
};

export function openWorkbook(data: Uint8Array): OpenedWorkbook {
  checkContainer(data);
  return asReadError(() => {
    const pkg = new OoxmlPackage(data);
    const workbook = new WorkbookPart(pkg);
    return withStyles(pkg, workbook, readSharedStrings(pkg, workbook));
  });
}

/** The workbook with its styles read again, after a part was changed underneath. */
export function withStyles(
  pkg: OoxmlPackage,
  workbook: WorkbookPart,
  strings: string[]
): OpenedWorkbook {
  const styles = StylesPart.open(pkg, workbook);
  return { pkg, workbook, styles, context: { strings, styles, date1904: workbook.date1904 } };
}

/** Errors of this tool pass as they are; anything a reader meets in a malformed package is a damaged workbook. */
function asReadError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof SelfEvalError) throw error;
    throw new CorruptWorkbookError(error instanceof Error ? error.message : String(error));
  }
}

export function sheetGrid(opened: OpenedWorkbook, sheet: SheetEntry): SheetGrid {
  const part = sheet.part!;
  const grid = readWorksheet(
    opened.pkg.read(part),
    part,
    sheet.name,
    sheet.state !== "visible",
    opened.context
  );
  // The engine works on the grid; the text is read again only for the sheets the tool edits.
  opened.pkg.release(part);
  return grid;
}

/** The grids of every worksheet but the tool's record (chart sheets have no cells). */
export function gridsOf(opened: OpenedWorkbook): SheetGrid[] {
  return opened.workbook.sheets
    .filter((s) => s.part !== null && s.name !== STATE_SHEET)
    .map((s) => sheetGrid(opened, s));
}

/** Reads an .xlsx into the engine's grids. */
export async function readGrids(data: Uint8Array): Promise<SheetGrid[]> {
  const grids = gridsOf(openWorkbook(data));
  if (grids.every((g) => g.values.length === 0)) throw new EmptyWorkbookError();
  return grids;
}

/** The protected worksheets, which neither host writes into. */
export function protectedSheets(opened: OpenedWorkbook): Set<string> {
  return new Set(
    opened.workbook.sheets
      .filter((s) => s.part !== null && isSheetProtected(opened.pkg.read(s.part), s.part))
      .map((s) => s.name)
  );
}
