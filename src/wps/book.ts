import { CellRange, rangeAddress } from "../core/address";
import { WpsApplication, WpsRange, WpsWorksheet, WpsWorksheets } from "./object-model";

/**
 * The open workbook during one action. Every member access crosses to WPS, so a sheet object
 * is fetched once and kept; the ranges written are remembered, so that the change events
 * they cause can be told from the user's edits.
 */
export class Book {
  private readonly byName = new Map<string, WpsWorksheet>();
  private worksheetsCache: WpsWorksheets | null = null;
  readonly written = new Set<string>();

  constructor(readonly app: WpsApplication) {}

  get worksheets(): WpsWorksheets {
    this.worksheetsCache ??= this.app.ActiveWorkbook.Worksheets;
    return this.worksheetsCache;
  }

  /** Keeps a sheet object already fetched under its name. */
  know(name: string, sheet: WpsWorksheet): void {
    this.byName.set(name, sheet);
  }

  forget(name: string): void {
    this.byName.delete(name);
  }

  sheet(name: string): WpsWorksheet {
    let sheet = this.byName.get(name);
    if (!sheet) {
      sheet = this.worksheets.Item(name);
      this.byName.set(name, sheet);
    }
    return sheet;
  }

  /** A range to read. */
  range(sheet: string, area: CellRange): WpsRange {
    return this.sheet(sheet).Range(rangeAddress(area));
  }

  /** A range to write: remembered as the tool's own change. */
  target(sheet: string, area: CellRange): WpsRange {
    const address = rangeAddress(area);
    this.written.add(`${sheet}!${address}`);
    return this.sheet(sheet).Range(address);
  }
}
