/**
 * An in-memory WPS 表格 `Application` that behaves as Kingsoft's JS add-in documentation and public add-ins describe it: 1-based
 * indices, colours as BGR numbers, whole-range Value2 in three shapes (a 2-D array, a scalar
 * for one cell, or an object read with `.Item(r, c)`), formula errors as numeric codes, numeric
 * constants only, synchronous calls that take effect at once, and every call that crosses to
 * WPS — a property read or write, a method call — counted. Where they say nothing, it
 * behaves as Excel's COM object model does (mixed properties read null, Worksheets.Add
 * activates the new sheet, a very hidden sheet cannot be deleted).
 */
import { CellRange, cellAddress, parseRange, rangeAddress } from "../../src/core/address";
import { CellValue, SheetGrid } from "../../src/core/grid";
import {
  SheetChangeListener,
  WpsApplication,
  WpsComment,
  WpsFont,
  WpsInterior,
  WpsRange,
  WpsWorkbook,
  WpsWorksheet,
  WpsWorksheets,
} from "../../src/wps/object-model";
import { errorCode } from "../../src/wps/values";

export type WpsCell = {
  value: string | number | boolean | null;
  /** A formula error shown in the cell (`#DIV/0!`): Value2 gives its numeric code. */
  error?: string;
  formula?: string;
  numberFormat: string;
  /** BGR, or null for no fill. */
  fill: number | null;
  bold: boolean;
  wrap: boolean;
};

const WHITE = 16777215;
const STANDARD_WIDTH = 8.43;

export class FakeWpsSheet {
  visible: -1 | 0 | 2 = -1;
  protectContents = false;
  standardWidth = STANDARD_WIDTH;
  readonly cells = new Map<string, WpsCell>();
  merges: CellRange[] = [];
  /** Column widths in characters, where set. */
  readonly widths = new Map<number, number>();
  /** Comments by cell address. */
  readonly comments = new Map<string, string>();
  deleted = false;

  constructor(public name: string) {}

  cell(row: number, col: number): WpsCell {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, numberFormat: "General", fill: null, bold: false, wrap: false };
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(row: number, col: number): WpsCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** Writes a block of values from (row, col), with optional number formats (test set-up, not a WPS call). */
  put(
    row: number,
    col: number,
    values: (string | number | boolean | null)[][],
    formats?: (string | undefined)[][]
  ): this {
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        const format = formats?.[r]?.[c];
        if (v === null && !format) return;
        const cell = this.cell(row + r, col + c);
        cell.value = v;
        if (format) cell.numberFormat = format;
      })
    );
    return this;
  }

  /** WPS's UsedRange: every cell holding a value or a look; an empty sheet gives A1. */
  usedRange(): CellRange {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const [key, cell] of this.cells) {
      if (!hasContent(cell)) continue;
      const [r, c] = key.split(",").map(Number);
      [top, left, bottom, right] = [
        Math.min(top, r),
        Math.min(left, c),
        Math.max(bottom, r),
        Math.max(right, c),
      ];
    }
    return bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
  }

  mergeAt(row: number, col: number): CellRange | undefined {
    return this.merges.find(
      (m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right
    );
  }
}

const hasContent = (c: WpsCell) =>
  c.value !== null ||
  c.error !== undefined ||
  c.fill !== null ||
  c.bold ||
  c.wrap ||
  c.numberFormat !== "General";

export type FakeWpsOptions = {
  /** How Value2 of a multi-cell range comes back: a 2-D array, or an object read with `.Item(r, c)`. */
  value2?: "array" | "object";
  /** When SheetChange reaches listeners: during the write, or after the current task. */
  events?: "sync" | "deferred";
};

/** What WPS throws: a COM error with a message. */
export function wpsError(message: string): Error {
  return Object.assign(new Error(message), { name: "WpsError" });
}

export class FakeWps {
  sheets: FakeWpsSheet[] = [];
  protectStructure = false;
  displayAlerts = true;
  /** Every call that crossed to WPS, and per member. */
  calls = 0;
  readonly tally = new Map<string, number>();
  /** Deletions that would have asked the user to confirm (DisplayAlerts on). */
  prompts = 0;
  active: FakeWpsSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  readonly listeners: SheetChangeListener[] = [];
  readonly application: WpsApplication;

  constructor(readonly options: FakeWpsOptions = {}) {
    this.application = new AppProxy(this);
  }

  call(member: string): void {
    this.calls++;
    this.tally.set(member, (this.tally.get(member) ?? 0) + 1);
  }

  /** Adds a sheet at the end (test set-up, not a WPS call); the first one is active. */
  add(name: string): FakeWpsSheet {
    if (this.find(name)) throw new Error(`sheet ${name} exists`);
    const sheet = new FakeWpsSheet(name);
    this.sheets.push(sheet);
    this.active ??= sheet;
    return sheet;
  }

  /** Sheet names compare without case, as in Excel. */
  find(name: string): FakeWpsSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): FakeWpsSheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  /** Someone typing into a cell: the value is stored as typed and SheetChange is fired. */
  edit(sheet: string, address: string, value: string | number): void {
    const target = this.sheet(sheet);
    const { top, left } = parseRange(address);
    typeIn(target.cell(top, left), value);
    this.changed(target, parseRange(address), "sync");
  }

  changed(sheet: FakeWpsSheet, area: CellRange, timing = this.options.events ?? "sync"): void {
    const fire = () => {
      for (const listener of [...this.listeners])
        listener(new SheetProxy(this, sheet), new RangeProxy(this, sheet, area));
    };
    if (timing === "sync") fire();
    else setTimeout(fire, 0);
  }

  visibleSheets(): FakeWpsSheet[] {
    return this.sheets.filter((s) => s.visible === -1);
  }
}

const NUMBER_TYPED = /^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

/**
 * A value written through Value2, stored as WPS (like Excel) stores a typed entry: `'` keeps
 * the rest as text, `=` starts a formula, a number-like string becomes a number, except in a
 * cell formatted as text (`@`); "" and null empty the cell.
 */
function typeIn(cell: WpsCell, value: unknown): void {
  delete cell.error;
  delete cell.formula;
  if (value === null || value === undefined || value === "") {
    cell.value = null;
    return;
  }
  if (typeof value !== "string" || cell.numberFormat === "@") {
    cell.value = value as WpsCell["value"];
    return;
  }
  if (value.startsWith("'")) cell.value = value.slice(1);
  else if (value.startsWith("=")) {
    cell.formula = value;
    // The double evaluates HYPERLINK only: what it shows is its second argument.
    const link = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/.exec(value);
    if (link) cell.value = link[1].replace(/""/g, '"');
    else {
      cell.value = null;
      cell.error = "#NAME?";
    }
  } else if (NUMBER_TYPED.test(value)) {
    const n = Number(value.replace(/[,%]/g, ""));
    cell.value = value.endsWith("%") ? n / 100 : n;
    if (value.endsWith("%")) cell.numberFormat = "0%";
  } else cell.value = value;
}

/** What Value2 gives for one cell: an error as its code. */
function readValue(cell: WpsCell | undefined): unknown {
  if (!cell) return null;
  if (cell.error !== undefined) return errorCode(cell.error);
  return cell.value;
}

class AppProxy implements WpsApplication {
  constructor(private readonly fake: FakeWps) {}
  get ActiveWorkbook(): WpsWorkbook {
    this.fake.call("Application.ActiveWorkbook");
    return new WorkbookProxy(this.fake);
  }
  get ActiveSheet(): WpsWorksheet {
    this.fake.call("Application.ActiveSheet");
    if (!this.fake.active) throw wpsError("no active sheet");
    return new SheetProxy(this.fake, this.fake.active);
  }
  get DisplayAlerts(): boolean {
    this.fake.call("Application.DisplayAlerts");
    return this.fake.displayAlerts;
  }
  set DisplayAlerts(value: boolean) {
    this.fake.call("Application.DisplayAlerts=");
    this.fake.displayAlerts = value;
  }
  get ApiEvent(): WpsApplication["ApiEvent"] {
    this.fake.call("Application.ApiEvent");
    const fake = this.fake;
    return {
      AddApiEventListener(name, listener) {
        fake.call("ApiEvent.AddApiEventListener");
        if (name !== "SheetChange") throw wpsError(`event ${String(name)} not modelled`);
        fake.listeners.push(listener);
      },
      RemoveApiEventListener(name, listener) {
        fake.call("ApiEvent.RemoveApiEventListener");
        const at = fake.listeners.indexOf(listener);
        if (name === "SheetChange" && at >= 0) fake.listeners.splice(at, 1);
      },
    };
  }
}

class WorkbookProxy implements WpsWorkbook {
  constructor(private readonly fake: FakeWps) {}
  get ProtectStructure(): boolean {
    this.fake.call("Workbook.ProtectStructure");
    return this.fake.protectStructure;
  }
  get Worksheets(): WpsWorksheets {
    this.fake.call("Workbook.Worksheets");
    return new WorksheetsProxy(this.fake);
  }
}

const SHEET_NAME = /^[^:\\/?*[\]]{1,31}$/;

class WorksheetsProxy implements WpsWorksheets {
  constructor(private readonly fake: FakeWps) {}
  get Count(): number {
    this.fake.call("Worksheets.Count");
    return this.fake.sheets.length;
  }
  Item(index: number | string): WpsWorksheet {
    this.fake.call("Worksheets.Item");
    const sheet = typeof index === "number" ? this.fake.sheets[index - 1] : this.fake.find(index);
    if (!sheet) throw wpsError(`Worksheets.Item(${JSON.stringify(index)}): no such sheet`);
    return new SheetProxy(this.fake, sheet);
  }
  Add(before?: WpsWorksheet, after?: WpsWorksheet, count = 1, type = -4167): WpsWorksheet {
    this.fake.call("Worksheets.Add");
    if (this.fake.protectStructure) throw wpsError("the workbook structure is protected");
    if (count !== 1 || type !== -4167) throw wpsError("the double adds one worksheet at a time");
    let name = "";
    for (let k = this.fake.sheets.length + 1; !name || this.fake.has(name); k++) name = `Sheet${k}`;
    const sheet = new FakeWpsSheet(name);
    const anchor = (before ?? after) as SheetProxy | undefined;
    const at = anchor ? this.fake.sheets.indexOf(anchor.sheet) + (after ? 1 : 0) : 0;
    this.fake.sheets.splice(at, 0, sheet);
    // As in Excel, the sheet added becomes the active one.
    this.fake.active = sheet;
    return new SheetProxy(this.fake, sheet);
  }
}

class SheetProxy implements WpsWorksheet {
  constructor(
    private readonly fake: FakeWps,
    readonly sheet: FakeWpsSheet
  ) {}
  private live(member: string): FakeWpsSheet {
    this.fake.call(`Worksheet.${member}`);
    if (this.sheet.deleted) throw wpsError("the sheet has been deleted");
    return this.sheet;
  }
  private structural(member: string): FakeWpsSheet {
    const sheet = this.live(member);
    if (this.fake.protectStructure) throw wpsError("the workbook structure is protected");
    return sheet;
  }
  get Name(): string {
    return this.live("Name").name;
  }
  set Name(name: string) {
    const sheet = this.structural("Name=");
    const other = this.fake.find(name);
    if (!SHEET_NAME.test(name) || /^'|'$/.test(name) || (other && other !== sheet))
      throw wpsError(`cannot name a sheet ${name}`);
    sheet.name = name;
  }
  get Visible(): number {
    return this.live("Visible").visible;
  }
  set Visible(value: number) {
    const sheet = this.structural("Visible=");
    if (value !== -1 && value !== 0 && value !== 2) throw wpsError(`Visible = ${value}`);
    if (value !== -1 && this.fake.visibleSheets().every((s) => s === sheet))
      throw wpsError("a workbook must keep one visible sheet");
    sheet.visible = value;
    if (value !== -1 && this.fake.active === sheet) this.fake.active = this.fake.visibleSheets()[0];
  }
  get ProtectContents(): boolean {
    return this.live("ProtectContents").protectContents;
  }
  get StandardWidth(): number {
    return this.live("StandardWidth").standardWidth;
  }
  set StandardWidth(_: number) {
    throw wpsError("StandardWidth is not modelled as writable");
  }
  get UsedRange(): WpsRange {
    const sheet = this.live("UsedRange");
    return new RangeProxy(this.fake, sheet, sheet.usedRange());
  }
  Range(address: string): WpsRange {
    const sheet = this.live("Range");
    return new RangeProxy(this.fake, sheet, parseRange(address));
  }
  Activate(): void {
    const sheet = this.live("Activate");
    if (sheet.visible !== -1) throw wpsError("a hidden sheet cannot be activated");
    this.fake.active = sheet;
  }
  Delete(): void {
    const sheet = this.structural("Delete");
    if (sheet.visible === 2) throw wpsError("a very hidden sheet cannot be deleted");
    if (this.fake.visibleSheets().every((s) => s === sheet))
      throw wpsError("a workbook must keep one visible sheet");
    if (this.fake.displayAlerts) this.fake.prompts++;
    sheet.deleted = true;
    this.fake.sheets = this.fake.sheets.filter((s) => s !== sheet);
    if (this.fake.active === sheet) this.fake.active = this.fake.visibleSheets()[0];
  }
}

type Uniform<T> = T | null;

class RangeProxy implements WpsRange {
  constructor(
    private readonly fake: FakeWps,
    private readonly sheet: FakeWpsSheet,
    private readonly area: CellRange
  ) {}

  private member(name: string): FakeWpsSheet {
    this.fake.call(`Range.${name}`);
    if (this.sheet.deleted) throw wpsError("the sheet has been deleted");
    return this.sheet;
  }
  /** A write: refused on a protected sheet, as WPS refuses it. */
  private writing(name: string): FakeWpsSheet {
    const sheet = this.member(name);
    if (sheet.protectContents) throw wpsError(`sheet ${sheet.name} is protected`);
    return sheet;
  }
  private each(visit: (cell: WpsCell, row: number, col: number) => void): void {
    for (let r = this.area.top; r <= this.area.bottom; r++)
      for (let c = this.area.left; c <= this.area.right; c++) visit(this.sheet.cell(r, c), r, c);
  }
  /** One value when every cell agrees, else null (as Excel gives a mixed property). */
  private uniform<T>(read: (cell: WpsCell | undefined) => T): Uniform<T> {
    let first: T | undefined;
    let seen = false;
    for (let r = this.area.top; r <= this.area.bottom; r++)
      for (let c = this.area.left; c <= this.area.right; c++) {
        const value = read(this.sheet.peek(r, c));
        if (!seen) [first, seen] = [value, true];
        else if (value !== first) return null;
      }
    return first as T;
  }
  private get rows() {
    return this.area.bottom - this.area.top + 1;
  }
  private get cols() {
    return this.area.right - this.area.left + 1;
  }

  get Value2(): unknown {
    this.member("Value2");
    const at = (r: number, c: number) =>
      readValue(this.sheet.peek(this.area.top + r, this.area.left + c));
    if (this.rows === 1 && this.cols === 1) return at(0, 0);
    if (this.fake.options.value2 === "object") {
      const fake = this.fake;
      return {
        Item: (r: number, c: number) => {
          fake.call("Value2.Item");
          return at(r - 1, c - 1);
        },
      };
    }
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => at(r, c))
    );
  }
  set Value2(value: unknown) {
    this.writing("Value2=");
    if (Array.isArray(value)) {
      if (
        value.length !== this.rows ||
        value.some((l) => !Array.isArray(l) || l.length !== this.cols)
      )
        throw wpsError("the array does not fit the range");
      this.each((cell, r, c) =>
        typeIn(cell, (value[r - this.area.top] as unknown[])[c - this.area.left])
      );
    } else this.each((cell) => typeIn(cell, value));
    this.fake.changed(this.sheet, this.area);
  }
  get NumberFormat(): string | null {
    this.member("NumberFormat");
    return this.uniform((c) => c?.numberFormat ?? "General");
  }
  set NumberFormat(format: string | null) {
    this.writing("NumberFormat=");
    this.each((cell) => (cell.numberFormat = String(format)));
  }
  get MergeCells(): boolean | null {
    this.member("MergeCells");
    let merged = 0;
    this.each((_, r, c) => (merged += this.sheet.mergeAt(r, c) ? 1 : 0));
    return merged === 0 ? false : merged === this.rows * this.cols ? true : null;
  }
  set MergeCells(_: boolean | null) {
    throw wpsError("merging is not modelled");
  }
  get MergeArea(): WpsRange {
    this.member("MergeArea");
    const { top, left } = this.area;
    const merge = this.sheet.mergeAt(top, left) ?? { top, left, bottom: top, right: left };
    return new RangeProxy(this.fake, this.sheet, merge);
  }
  get Interior(): WpsInterior {
    this.member("Interior");
    const range = this;
    return {
      // Interior.Color is `any` in the generated types; a mixed range gives null, as in Excel.
      get Color(): unknown {
        range.fake.call("Interior.Color");
        return range.uniform((c) => c?.fill ?? WHITE);
      },
      set Color(value: unknown) {
        range.writing("Interior.Color=");
        range.each((cell) => (cell.fill = value as number));
      },
      get ColorIndex() {
        throw wpsError("Interior.ColorIndex is not modelled as readable");
      },
      set ColorIndex(value: number) {
        range.writing("Interior.ColorIndex=");
        if (value !== -4142) throw wpsError("only xlColorIndexNone is modelled");
        range.each((cell) => (cell.fill = null));
      },
    } as WpsInterior;
  }
  get Font(): WpsFont {
    this.member("Font");
    const range = this;
    return {
      get Bold() {
        range.fake.call("Font.Bold");
        return range.uniform((c) => c?.bold ?? false) as boolean;
      },
      set Bold(value: boolean) {
        range.writing("Font.Bold=");
        range.each((cell) => (cell.bold = value));
      },
    };
  }
  get WrapText(): boolean {
    this.member("WrapText");
    return this.uniform((c) => c?.wrap ?? false) as boolean;
  }
  set WrapText(value: boolean) {
    this.writing("WrapText=");
    this.each((cell) => (cell.wrap = value));
  }
  get ColumnWidth(): number {
    const sheet = this.member("ColumnWidth");
    const widths = new Set<number>();
    for (let c = this.area.left; c <= this.area.right; c++)
      widths.add(sheet.widths.get(c) ?? sheet.standardWidth);
    return (widths.size === 1 ? [...widths][0] : null) as number;
  }
  set ColumnWidth(width: number) {
    const sheet = this.writing("ColumnWidth=");
    for (let c = this.area.left; c <= this.area.right; c++) sheet.widths.set(c, width);
  }
  Address(): string {
    this.member("Address");
    const abs = (address: string) => address.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    return abs(rangeAddress(this.area));
  }
  Select(): boolean {
    const sheet = this.member("Select");
    if (this.fake.active !== sheet) throw wpsError("Select needs the range's sheet to be active");
    this.fake.selection = { sheet: sheet.name, address: rangeAddress(this.area) };
    return true;
  }
  ClearContents(): boolean {
    this.writing("ClearContents");
    this.each((cell) => typeIn(cell, null));
    this.fake.changed(this.sheet, this.area);
    return true;
  }
  get Comment(): WpsComment | null {
    const sheet = this.member("Comment");
    const text = sheet.comments.get(cellAddress(this.area.top, this.area.left));
    if (text === undefined) return null;
    const fake = this.fake;
    return {
      Text: () => {
        fake.call("Comment.Text");
        return text;
      },
    };
  }
  AddComment(text: string): unknown {
    const sheet = this.writing("AddComment");
    const address = cellAddress(this.area.top, this.area.left);
    if (this.rows * this.cols !== 1) throw wpsError("AddComment needs one cell");
    if (sheet.comments.has(address)) throw wpsError(`${address} has a comment already`);
    sheet.comments.set(address, text);
    return {};
  }
  ClearComments(): void {
    const sheet = this.writing("ClearComments");
    this.each((_, r, c) => sheet.comments.delete(cellAddress(r, c)));
  }
}

/** Fills the fake from the engine's grids: values, number formats, merges, hidden sheets. */
export function fakeWpsFromGrids(fake: FakeWps, grids: SheetGrid[]): FakeWps {
  for (const grid of grids) {
    const sheet = fake.add(grid.name);
    if (grid.hidden) sheet.visible = 0;
    sheet.put(
      grid.origin.row,
      grid.origin.col,
      grid.values as CellValue[][],
      grid.numberFormats?.map((line) => line.map((f) => (f === "General" ? undefined : f)))
    );
    sheet.merges = [...grid.merges];
  }
  return fake;
}

/** Everything the host could change, as plain data to compare; widths at the standard width are left out. */
export function snapshotWps(fake: FakeWps): unknown {
  return fake.sheets.map((sheet) => ({
    name: sheet.name,
    visible: sheet.visible,
    merges: sheet.merges,
    widths: [...sheet.widths]
      .filter(([, w]) => Math.abs(w - sheet.standardWidth) >= 0.01)
      .sort(([a], [b]) => a - b),
    comments: [...sheet.comments].sort(),
    cells: [...sheet.cells]
      .filter(([, c]) => hasContent(c))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, c]) => [key, c.value, c.error ?? null, c.numberFormat, c.fill, c.bold, c.wrap]),
  }));
}
