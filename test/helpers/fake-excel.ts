/**
 * An in-memory Excel that behaves like Office.js where it matters: properties must be loaded
 * and synced before they are read, writes take effect at sync, collections have `items`,
 * and every sync is counted with its request and response payload, refused past the 5 MB
 * limit as Excel on the web refuses it. Every call is mirrored onto the real Office.js client
 * (`MeasuredContext`): the request size is the one its request builder serialises, and the
 * client's own checks (a range used after the sync that made it, an argument of the wrong
 * shape) fail here as they fail in Excel.
 */
import { CellRange, parseRange, rangeAddress } from "../../src/core/address";
import { ClientObject, MeasuredContext } from "./office-js-client";

export type FakeCell = {
  value: string | number | boolean | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  wrap: boolean;
  link?: string;
};

export class FakeSheet {
  readonly id: string;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  readonly cells = new Map<string, FakeCell>();
  merges: CellRange[] = [];
  readonly widths = new Map<number, number>();
  readonly notes = new Map<string, string>();
  /** How the sheet prints (ExcelApi 1.9 PageLayout): only what the add-in sets. */
  readonly pageLayout: {
    orientation?: string;
    paperSize?: string;
    zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  } = {};
  private static next = 1;

  constructor(public name: string) {
    this.id = `{sheet-${FakeSheet.next++}}`;
  }

  cell(row: number, col: number): FakeCell {
    const key = `${row},${col}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, numberFormat: "General", fill: null, bold: false, wrap: false };
      this.cells.set(key, cell);
    }
    return cell;
  }

  peek(row: number, col: number): FakeCell | undefined {
    return this.cells.get(`${row},${col}`);
  }

  /** The used range of values, as Excel's getUsedRange(true). */
  usedRange(): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [key, cell] of this.cells) {
      if (cell.value === null || cell.value === "") continue;
      const [r, c] = key.split(",").map(Number);
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** Writes a block of values starting at (row, col), with optional number formats. */
  put(
    row: number,
    col: number,
    values: (string | number | boolean | null)[][],
    formats?: string[][]
  ): this {
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null && !formats?.[r]?.[c]) return;
        const cell = this.cell(row + r, col + c);
        cell.value = v;
        if (formats?.[r]?.[c]) cell.numberFormat = formats[r][c];
      })
    );
    return this;
  }
}

/**
 * What `onChanged` hands a handler: `source` tells a co-author's edit (`Remote`); from ExcelApi
 * 1.14 `triggerSource` marks the add-in's own writes (docs: excel-add-ins-events).
 */
export type ChangeEvent = {
  worksheetId: string;
  address: string;
  source: "Local" | "Remote";
  triggerSource?: "ThisLocalAddin" | "Unknown";
};

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  /** Workbook structure protection: sheets cannot be added, deleted, hidden or shown. */
  structureProtected = false;
  /** Comment threads by cell: the comment, then its replies. */
  readonly comments = new Map<string, string[]>();
  selection: { sheet: string; address: string } | null = null;
  active: string | null = null;
  readonly changeHandlers: ((event: ChangeEvent) => Promise<void>)[] = [];

  add(name: string): FakeSheet {
    // A sheet name has 1 to 31 characters, none of : \ / ? * [ ], and no ' at either end (Excel).
    if (!/^[^:\\/?*[\]]{1,31}$/.test(name) || /^'|'$/.test(name))
      throw officeError("InvalidArgument", `not a sheet name: ${name}`);
    // Excel compares sheet names without case.
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw officeError("ItemAlreadyExists", `sheet ${name} exists`);
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw officeError("ItemNotFound", `no sheet ${name}`);
    return sheet;
  }

  has(name: string): boolean {
    return this.sheets.some((s) => s.name === name);
  }

  /** Simulates someone editing a cell — the user here, or a co-author (`Remote`): fires the change handlers. */
  async edit(
    sheet: string,
    address: string,
    value: string | number,
    source: "Local" | "Remote" = "Local"
  ): Promise<void> {
    const target = this.sheet(sheet);
    const { top, left } = parseRange(address);
    target.cell(top, left).value = value;
    for (const handler of this.changeHandlers)
      await handler({ worksheetId: target.id, address, source, triggerSource: "Unknown" });
  }
}

const NUMBER_TYPED = /^[+-]?((\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;
const ISO_DATE_TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A value written through `Range.values`, stored as Excel stores it: a string is parsed as if
 * typed — `2023` a number, `50%` 0.5 with a percent format, an ISO date a date, `=…`, `+…` and
 * `-…` a formula — unless the cell's format is text (`@`) or the string starts with `'`, which
 * Excel keeps as a prefix and does not return (types: Range.values; docs:
 * excel-add-ins-blank-null-values). `""` empties the cell; `null` leaves it as it is.
 */
function typeIn(cell: FakeCell, value: unknown): void {
  if (value === null || value === undefined) return;
  if (value === "") {
    cell.value = null;
    return;
  }
  if (typeof value !== "string" || cell.numberFormat === "@") {
    cell.value = value as FakeCell["value"];
    return;
  }
  if (value.startsWith("'")) {
    cell.value = value.slice(1);
    return;
  }
  const date = ISO_DATE_TYPED.exec(value);
  if (NUMBER_TYPED.test(value)) {
    const n = Number(value.replace(/[,%]/g, ""));
    cell.value = value.endsWith("%") ? n / 100 : n;
    if (value.endsWith("%")) cell.numberFormat = "0%";
  } else if (date) {
    cell.value = (Date.UTC(+date[1], +date[2] - 1, +date[3]) - Date.UTC(1899, 11, 30)) / 86400000;
    cell.numberFormat = "yyyy/m/d";
  } else if (/^[=+-]./.test(value)) {
    // A formula the double does not evaluate: what Excel shows for a name it does not know.
    cell.value = "#NAME?";
  } else cell.value = value;
}

/** Workbook structure protection blocks adding, deleting, hiding and showing sheets (types: WorkbookProtection). */
function refuseUnderStructureProtection(workbook: FakeWorkbook): void {
  if (workbook.structureProtected)
    throw officeError("AccessDenied", "the workbook structure is protected");
}

export function officeError(code: string, message: string): Error {
  return Object.assign(new Error(`${code}: ${message}`), { code, name: "RichApi.Error" });
}

export type SyncRecord = { request: number; response: number };
/** The cell properties the double knows: fill colour, bold and wrapping. */
type CellProperties = {
  format?: { fill?: { color?: string }; font?: { bold?: boolean }; wrapText?: boolean };
};
type CellPropertiesOptions = {
  format?: {
    fill?: { color?: boolean; tintAndShade?: boolean };
    font?: { bold?: boolean };
    wrapText?: boolean;
  };
};

/**
 * A cell's fill as Excel reports it: no fill reads white, as a white fill does, and only its
 * `tintAndShade` is null (office-js#4900, #6218).
 */
function fillProperties(
  cell: FakeCell | undefined,
  want: { color?: boolean; tintAndShade?: boolean }
): { color?: string; tintAndShade?: number | null } {
  return {
    ...(want.color ? { color: cell?.fill ?? "#FFFFFF" } : {}),
    ...(want.tintAndShade ? { tintAndShade: cell?.fill ? 0 : null } : {}),
  };
}
export type FakeOptions = { apiVersion?: number; editMode?: boolean; payloadLimit?: number };

/** A queued operation: run at sync, it returns the bytes it adds to the response. */
type Op = () => number;

const STANDARD_WIDTH = 8.43;
const STANDARD_POINTS = 48;
const encoder = new TextEncoder();
const bytesOf = (value: unknown) => encoder.encode(JSON.stringify(value ?? null)).length;
class Context {
  private queue: Op[] = [];
  /** The real client's context, every call mirrored onto it: its request is what Excel receives. */
  readonly client = new MeasuredContext();
  readonly workbook: WorkbookProxy;
  constructor(
    readonly fake: FakeExcel,
    /** Run with `delayForCellEdit` (ExcelApi 1.11): a batch waits for cell-edit mode to end instead of failing. */
    private readonly delayed = false
  ) {
    this.workbook = new WorkbookProxy(this, this.client.context.workbook);
  }

  enqueue(run: Op): void {
    this.queue.push(run);
  }

  /** Cells the add-in wrote in this sync: Excel reports them to `onChanged` handlers too, after the sync. */
  private written: { worksheetId: string; address: string }[] = [];
  wrote(worksheetId: string, address: string): void {
    this.written.push({ worksheetId, address });
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const request = await this.client.take();
    const fake = this.fake;
    fake.syncCount++;
    if (fake.options.editMode) {
      // Waiting stands for the user leaving the cell: the edit ends and the batch runs.
      if (!this.delayed)
        throw officeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
      fake.options.editMode = false;
      fake.waitedForCellEdit++;
    }
    if (request > fake.limit) {
      fake.refused.push({ request, response: 0 });
      throw officeError("RequestPayloadSizeLimitExceeded", `request of ${request} bytes`);
    }
    let response = 0;
    for (const op of ops) response += op();
    if (response > fake.limit) {
      fake.refused.push({ request, response });
      throw officeError("ResponsePayloadSizeLimitExceeded", `response of ${response} bytes`);
    }
    fake.syncs.push({ request, response });
    const written = this.written;
    this.written = [];
    if (written.length && fake.workbook.changeHandlers.length) {
      const triggerSource = fake.apiVersion >= 14 ? ("ThisLocalAddin" as const) : undefined;
      // Delivered asynchronously, as Excel does, once the batch has run.
      setTimeout(() => {
        for (const event of written)
          for (const handler of [...fake.workbook.changeHandlers])
            void handler({ ...event, source: "Local", triggerSource });
      }, 0);
    }
  }
}

/** Base of every proxy: loaded properties, read only after a sync. */
abstract class Proxy {
  private readonly loaded = new Map<string, unknown>();
  private clientObject: ClientObject | null = null;
  constructor(
    protected readonly ctx: Context,
    /**
     * The same object in the real client, which every call is mirrored onto; a function where
     * it is made only when the host first calls it (a child the double loads by itself must not
     * add to the request).
     */
    private readonly clientOf: ClientObject | (() => ClientObject)
  ) {}

  get client(): ClientObject {
    this.clientObject ??= typeof this.clientOf === "function" ? this.clientOf() : this.clientOf;
    return this.clientObject;
  }

  /** *OrNullObject results know whether they exist after the next sync, loaded or not, as in Office.js. */
  protected nullable(exists: () => boolean): void {
    this.ctx.enqueue(() => {
      this.loaded.set("isNullObject", !exists());
      return 0;
    });
  }

  protected abstract snapshot(property: string): unknown;

  /** Loads `a,b,c/d` paths; nested paths go to the named child proxy. */
  load(props: string | string[]): this {
    const paths = (Array.isArray(props) ? props : props.split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    this.client.load(paths.join(","));
    this.ctx.enqueue(() => this.loadNow(paths));
    return this;
  }

  loadNow(paths: string[]): number {
    let bytes = 0;
    const children = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (rest.length) children.set(head, [...(children.get(head) ?? []), rest.join("/")]);
      else {
        const value = this.snapshot(head);
        this.loaded.set(head, value);
        bytes += bytesOf(value) + head.length;
      }
    }
    for (const [head, rest] of children) bytes += this.child(head).loadNow(rest);
    return bytes;
  }

  protected child(name: string): Proxy {
    throw new Error(`no child ${name}`);
  }

  protected get<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new Error(
        `PropertyNotLoaded: The property '${property}' is not available. Call load and sync before reading it.`
      );
    }
    return this.loaded.get(property) as T;
  }

  protected set(property: string, value: unknown, apply: () => void): void {
    this.client[property] = value;
    this.queue(apply);
  }

  /** Queues a change already mirrored onto the client; it adds nothing to the response. */
  protected queue(apply: () => void): void {
    this.ctx.enqueue(() => {
      apply();
      return 0;
    });
  }
}

class SettingProxy extends Proxy {
  constructor(
    ctx: Context,
    client: ClientObject,
    private readonly key: string
  ) {
    super(ctx, client);
    this.nullable(() => ctx.fake.workbookSettings.has(key));
  }
  protected snapshot(property: string): unknown {
    const stored = this.ctx.fake.workbookSettings.get(this.key);
    if (property === "isNullObject") return stored === undefined;
    if (property === "value") return stored === undefined ? null : (JSON.parse(stored) as unknown);
    throw new Error(`no property ${property} on setting`);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get value(): unknown {
    return this.get("value");
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollection;
  readonly protection: ChildProxy;
  readonly settings: {
    add: (key: string, value: unknown) => void;
    getItemOrNullObject: (key: string) => SettingProxy;
  };
  readonly comments: {
    add: (address: string, content: string) => void;
    getItemByCell: (address: string) => CommentProxy;
  };
  constructor(ctx: Context, client: ClientObject) {
    this.worksheets = new WorksheetCollection(ctx, () => client.worksheets);
    this.protection = new ChildProxy(
      ctx,
      () => client.protection,
      (p) => (p === "protected" ? ctx.fake.workbook.structureProtected : undefined)
    );
    this.settings = {
      add: (key, value) => {
        client.settings.add(key, value);
        ctx.enqueue(() => {
          if (ctx.fake.apiVersion < 4) throw new Error("workbook.settings needs ExcelApi 1.4");
          ctx.fake.workbookSettings.set(key, JSON.stringify(value));
          return 0;
        });
      },
      getItemOrNullObject: (key) =>
        new SettingProxy(ctx, client.settings.getItemOrNullObject(key), key),
    };
    this.comments = {
      add: (address, content) => {
        if (ctx.fake.apiVersion < 10) throw new Error("comments need ExcelApi 1.10");
        client.comments.add(address, content);
        ctx.enqueue(() => {
          if (ctx.fake.workbook.comments.has(address))
            throw officeError("InvalidArgument", `a comment exists at ${address}`);
          ctx.fake.workbook.comments.set(address, [content]);
          return 0;
        });
      },
      getItemByCell: (address) =>
        new CommentProxy(ctx, client.comments.getItemByCell(address), address),
    };
  }
}

class WorksheetCollection extends Proxy {
  private itemProxies: WorksheetProxy[] | null = null;
  readonly onChanged = {
    add: (handler: (event: ChangeEvent) => Promise<void>) => {
      this.ctx.fake.workbook.changeHandlers.push(handler);
      return {
        context: this.ctx,
        remove: () => {
          const list = this.ctx.fake.workbook.changeHandlers;
          list.splice(list.indexOf(handler), 1);
        },
      };
    },
  };

  protected snapshot(property: string): unknown {
    throw new Error(`no property ${property} on worksheets`);
  }

  loadNow(paths: string[]): number {
    const itemPaths = paths
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice("items/".length));
    // The client makes each item's path from the id in the response: getItem(id) is that path.
    this.itemProxies = this.ctx.fake.workbook.sheets.map(
      (sheet) =>
        new WorksheetProxy(
          this.ctx,
          () => this.client.getItem(sheet.id),
          () => sheet
        )
    );
    return this.itemProxies.reduce((sum, item) => sum + item.loadNow(itemPaths), 0);
  }

  get items(): WorksheetProxy[] {
    if (!this.itemProxies)
      throw new Error(
        "PropertyNotLoaded: The property 'items' is not available. Call load and sync before reading it."
      );
    return this.itemProxies;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, this.client.getItem(name), () =>
      this.ctx.fake.workbook.sheet(name)
    );
  }

  add(name: string): WorksheetProxy {
    const client = this.client.add(name);
    this.queue(() => {
      refuseUnderStructureProtection(this.ctx.fake.workbook);
      this.ctx.fake.workbook.add(name);
    });
    return new WorksheetProxy(this.ctx, client, () => this.ctx.fake.workbook.sheet(name));
  }
}

class WorksheetProxy extends Proxy {
  private protectionProxy: ChildProxy | null = null;
  readonly notes: {
    add: (address: string, content: string) => void;
    getItemOrNullObject: (address: string) => NoteProxy;
  };
  constructor(
    ctx: Context,
    client: ClientObject,
    readonly model: () => FakeSheet
  ) {
    super(ctx, client);
    // Notes (ExcelApi 1.18) are newer than the npm client library: the client is called with
    // the sheet's comment calls of the same arguments, whose requests have the same shape.
    this.notes = {
      add: (address, content) => {
        if (ctx.fake.apiVersion < 18) throw new Error("notes need ExcelApi 1.18");
        this.client.comments.add(address, content);
        this.queue(() => model().notes.set(address, content));
      },
      getItemOrNullObject: (address) =>
        new NoteProxy(ctx, this.client.comments.getItemOrNullObject(address), model, address),
    };
  }

  /** The sheet's page layout (ExcelApi 1.9); settings take effect at sync. */
  get pageLayout(): {
    orientation: string;
    paperSize: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  } {
    if (this.ctx.fake.apiVersion < 9) throw new Error("pageLayout needs ExcelApi 1.9");
    const client = this.client.pageLayout;
    const set = (property: "orientation" | "paperSize" | "zoom", value: never) => {
      client[property] = value;
      this.queue(() => {
        writable(this.model()).pageLayout[property] = value;
      });
    };
    return {
      set orientation(value: string) {
        set("orientation", value as never);
      },
      set paperSize(value: string) {
        set("paperSize", value as never);
      },
      set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
        set("zoom", value as never);
      },
    } as never;
  }

  /** Made when first used, as the client makes it. */
  get protection(): ChildProxy {
    this.protectionProxy ??= new ChildProxy(
      this.ctx,
      () => this.client.protection,
      (p) => (p === "protected" ? this.model().protected : undefined)
    );
    return this.protectionProxy;
  }

  protected snapshot(property: string): unknown {
    const sheet = this.model();
    if (property === "name") return sheet.name;
    if (property === "id") return sheet.id;
    if (property === "visibility") return sheet.visibility;
    if (property === "standardWidth") return STANDARD_WIDTH;
    throw new Error(`no property ${property} on worksheet`);
  }

  protected child(name: string): Proxy {
    if (name === "protection") return this.protection;
    return super.child(name);
  }

  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  get standardWidth(): number {
    return this.get("standardWidth");
  }
  set visibility(value: string) {
    this.set("visibility", value, () => {
      refuseUnderStructureProtection(this.ctx.fake.workbook);
      this.model().visibility = value as FakeSheet["visibility"];
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    if (!valuesOnly) throw new Error("the fake implements getUsedRangeOrNullObject(true) only");
    return new RangeProxy(
      this.ctx,
      this.client.getUsedRangeOrNullObject(valuesOnly),
      this.model,
      () => this.model().usedRange(),
      true
    );
  }

  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): RangeProxy {
    const client = this.client.getRangeByIndexes(row, col, rowCount, colCount);
    return new RangeProxy(this.ctx, client, this.model, () => ({
      top: row,
      left: col,
      bottom: row + rowCount - 1,
      right: col + colCount - 1,
    }));
  }

  /** Several areas of the sheet as one (ExcelApi 1.9); the double can clear their fill. */
  getRanges(address: string): { format: { fill: { clear: () => void } } } {
    if (this.ctx.fake.apiVersion < 9) throw new Error("getRanges needs ExcelApi 1.9");
    const client = this.client.getRanges(address);
    const areas = address.split(",").map((a) => parseRange(a.trim()));
    const clear = () => {
      client.format.fill.clear();
      this.queue(() => {
        const sheet = writable(this.model());
        for (const area of areas)
          for (let r = area.top; r <= area.bottom; r++)
            for (let c = area.left; c <= area.right; c++) {
              const cell = sheet.peek(r, c);
              if (cell) cell.fill = null;
            }
      });
    };
    return { format: { fill: { clear } } };
  }

  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, this.client.getRange(address), this.model, () =>
      parseRange(address)
    );
  }

  delete(): void {
    this.client.delete();
    this.ctx.enqueue(() => {
      // Excel refuses to delete a very hidden sheet (types: Worksheet.delete; office-js#365, "by design").
      if (this.model().visibility === "VeryHidden")
        throw officeError("InvalidOperation", `sheet ${this.model().name} is very hidden`);
      refuseUnderStructureProtection(this.ctx.fake.workbook);
      const wb = this.ctx.fake.workbook;
      wb.sheets = wb.sheets.filter((s) => s !== this.model());
      return 0;
    });
  }

  activate(): void {
    this.client.activate();
    this.ctx.enqueue(() => {
      // A hidden sheet cannot be activated (types: Worksheet.activate).
      if (this.model().visibility !== "Visible")
        throw officeError("InvalidOperation", `sheet ${this.model().name} is hidden`);
      this.ctx.fake.workbook.active = this.model().name;
      return 0;
    });
  }
}

class ChildProxy extends Proxy {
  constructor(
    ctx: Context,
    client: ClientObject,
    private readonly read: (property: string) => unknown,
    private readonly children: Record<string, Proxy> = {}
  ) {
    super(ctx, client);
  }
  protected snapshot(property: string): unknown {
    return this.read(property);
  }
  protected child(name: string): Proxy {
    return this.children[name] ?? super.child(name);
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

class NoteProxy extends Proxy {
  constructor(
    ctx: Context,
    client: ClientObject,
    private readonly model: () => FakeSheet,
    private readonly address: string
  ) {
    super(ctx, client);
    this.nullable(() => this.model().notes.has(this.address));
  }
  protected snapshot(property: string): unknown {
    if (property === "isNullObject") return !this.model().notes.has(this.address);
    throw new Error(`no property ${property} on note`);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  set content(value: string) {
    this.set("content", value, () => this.model().notes.set(this.address, value));
  }
}

class CommentProxy extends Proxy {
  readonly replies: { add: (content: string) => void };
  constructor(
    ctx: Context,
    client: ClientObject,
    private readonly address: string
  ) {
    super(ctx, client);
    this.replies = {
      add: (content) => {
        this.client.replies.add(content);
        this.queue(() => {
          const thread = ctx.fake.workbook.comments.get(address);
          if (!thread) throw officeError("ItemNotFound", `no comment at ${address}`);
          thread.push(content);
        });
      },
    };
  }
  /** As Excel's getItemByCell: loading a comment that is not there fails the sync. */
  protected snapshot(property: string): unknown {
    if (!this.ctx.fake.workbook.comments.has(this.address))
      throw officeError("ItemNotFound", `no comment at ${this.address}`);
    if (property === "id") return `comment-${this.address}`;
    throw new Error(`no property ${property} on comment`);
  }
}

/** Writing to a protected sheet fails at sync, as in Excel. */
/**
 * Writing values into part of a merged area fails; only a range holding whole merged areas, or
 * the area's top-left cell alone, can take them (docs: excel-add-ins-ranges).
 */
function refusePartOfMerge(sheet: FakeSheet, rect: CellRange): void {
  for (const m of sheet.merges) {
    const overlaps =
      m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left;
    const whole =
      m.top >= rect.top && m.bottom <= rect.bottom && m.left >= rect.left && m.right <= rect.right;
    const topLeftOnly =
      rect.top === m.top && rect.left === m.left && rect.bottom === m.top && rect.right === m.left;
    if (overlaps && !whole && !topLeftOnly)
      throw officeError("InvalidOperation", `the range cuts the merged area ${rangeAddress(m)}`);
  }
}

function writable(sheet: FakeSheet): FakeSheet {
  if (sheet.protected) throw officeError("AccessDenied", `sheet ${sheet.name} is protected`);
  return sheet;
}

class RangeProxy extends Proxy {
  private formatProxy: RangeFormatProxy | null = null;
  constructor(
    ctx: Context,
    client: ClientObject,
    readonly sheet: () => FakeSheet,
    readonly rect: () => CellRange | null,
    orNull = false
  ) {
    super(ctx, client);
    if (orNull) this.nullable(() => this.rect() !== null);
  }

  /**
   * Made when first used, as the client makes it: a navigation object the host never touches
   * adds nothing to the request.
   */
  get format(): RangeFormatProxy {
    this.formatProxy ??= new RangeFormatProxy(this.ctx, () => this.client.format, this);
    return this.formatProxy;
  }

  forEachCell(fn: (cell: FakeCell, r: number, c: number) => void): void {
    this.forEachPlace((cell, r, c) => fn(cell(), r, c));
  }

  /** Each cell of the range, made only when something is written into it: a cell left unchanged stays absent. */
  forEachPlace(fn: (cell: () => FakeCell, r: number, c: number) => void): void {
    const rect = this.rect();
    if (!rect) throw officeError("InvalidReference", "null range");
    const sheet = writable(this.sheet());
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++)
        fn(() => sheet.cell(r, c), r - rect.top, c - rect.left);
  }

  protected snapshot(property: string): unknown {
    const rect = this.rect();
    if (property === "isNullObject") return rect === null;
    if (!rect) return null;
    const sheet = this.sheet();
    const grid = (pick: (cell: FakeCell | undefined) => unknown) =>
      Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
        Array.from({ length: rect.right - rect.left + 1 }, (_, c) =>
          pick(sheet.peek(rect.top + r, rect.left + c))
        )
      );
    switch (property) {
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "address":
        return `${sheet.name}!${rangeAddress(rect)}`;
      case "values":
        return grid((cell) => cell?.value ?? "");
      case "numberFormat":
        return grid((cell) => cell?.numberFormat ?? "General");
      default:
        throw new Error(`the fake does not load Range.${property}`);
    }
  }

  protected child(name: string): Proxy {
    if (name === "format") return this.format;
    return super.child(name);
  }

  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get address(): string {
    return this.get("address");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(values: unknown[][]) {
    this.set("values", values, () => {
      this.refuseOtherShape(values);
      refusePartOfMerge(this.sheet(), this.rect()!);
      this.forEachPlace((cell, r, c) => {
        if (values[r][c] !== null) typeIn(cell(), values[r][c]);
      });
      this.ctx.wrote(this.sheet().id, rangeAddress(this.rect()!));
    });
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  /** `null` in the array leaves that cell's format as it is (docs: excel-add-ins-blank-null-values). */
  set numberFormat(formats: unknown[][]) {
    this.set("numberFormat", formats, () => {
      this.refuseOtherShape(formats);
      this.forEachPlace((cell, r, c) => {
        if (formats[r][c] !== null) cell().numberFormat = String(formats[r][c]);
      });
    });
  }

  /** A 2-D array must have the range's dimensions (types: Range.values, Range.setCellProperties). */
  private refuseOtherShape(grid: unknown[][]): void {
    const rect = this.rect();
    if (!rect) throw officeError("InvalidReference", "null range");
    const rows = rect.bottom - rect.top + 1;
    const cols = rect.right - rect.left + 1;
    if (grid.length !== rows || grid.some((line) => line.length !== cols))
      throw officeError(
        "InvalidArgument",
        `the array does not have the range's ${rows}×${cols} shape`
      );
  }

  /**
   * Each cell's properties (ExcelApi 1.9), only those the options ask for; a cell without a
   * fill reads white, as `format.fill.color` does.
   */
  getCellProperties(options: CellPropertiesOptions): { readonly value: CellProperties[][] } {
    if (this.ctx.fake.apiVersion < 9) throw new Error("getCellProperties needs ExcelApi 1.9");
    this.client.getCellProperties(options);
    let value: CellProperties[][] | null = null;
    this.ctx.enqueue(() => {
      const rect = this.rect();
      if (!rect) throw officeError("InvalidReference", "null range");
      const sheet = this.sheet();
      const want = options.format ?? {};
      value = Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
        Array.from({ length: rect.right - rect.left + 1 }, (_, c) => {
          const cell = sheet.peek(rect.top + r, rect.left + c);
          return {
            format: {
              ...(want.fill ? { fill: fillProperties(cell, want.fill) } : {}),
              ...(want.font?.bold ? { font: { bold: cell?.bold ?? false } } : {}),
              ...(want.wrapText ? { wrapText: cell?.wrap ?? false } : {}),
            },
          };
        })
      );
      return bytesOf(value);
    });
    return {
      get value() {
        if (value === null)
          throw new Error(
            "PropertyNotLoaded: the cell properties are not available before a sync."
          );
        return value;
      },
    };
  }

  /** Sets each cell's properties (ExcelApi 1.9); what a cell's entry leaves out stays as it is. */
  setCellProperties(grid: CellProperties[][]): void {
    if (this.ctx.fake.apiVersion < 9) throw new Error("setCellProperties needs ExcelApi 1.9");
    this.client.setCellProperties(grid);
    this.queue(() => {
      this.refuseOtherShape(grid);
      this.forEachPlace((cell, r, c) => {
        const format = grid[r][c].format;
        if (format?.fill?.color !== undefined) cell().fill = format.fill.color.toUpperCase();
        if (format?.font?.bold !== undefined) cell().bold = format.font.bold;
        if (format?.wrapText !== undefined) cell().wrap = format.wrapText;
      });
    });
  }
  set hyperlink(link: { documentReference?: string; textToDisplay?: string }) {
    if (this.ctx.fake.apiVersion < 7) throw new Error("hyperlinks need ExcelApi 1.7");
    this.set("hyperlink", link, () =>
      this.forEachCell((cell) => (cell.link = link.documentReference))
    );
  }

  getMergedAreasOrNullObject(): AreasProxy {
    if (this.ctx.fake.apiVersion < 13)
      throw new Error("getMergedAreasOrNullObject needs ExcelApi 1.13");
    return new AreasProxy(this.ctx, this.client.getMergedAreasOrNullObject(), this);
  }

  select(): void {
    this.client.select();
    this.ctx.enqueue(() => {
      const rect = this.rect();
      if (!rect) throw officeError("InvalidReference", "null range");
      this.ctx.fake.workbook.selection = { sheet: this.sheet().name, address: rangeAddress(rect) };
      return 0;
    });
  }
}

class AreasProxy extends Proxy {
  constructor(
    ctx: Context,
    client: ClientObject,
    private readonly range: RangeProxy
  ) {
    super(ctx, client);
    this.nullable(() => this.areas().length > 0);
  }
  /**
   * The merged areas whose top-left cell lies in the range (office-js#3611); more than 512
   * fail (Range.getMergedAreasOrNullObject).
   */
  private areas(): CellRange[] {
    const rect = this.range.rect();
    if (!rect) return [];
    return this.range
      .sheet()
      .merges.filter(
        (m) =>
          m.top >= rect.top && m.top <= rect.bottom && m.left >= rect.left && m.left <= rect.right
      );
  }
  protected snapshot(property: string): unknown {
    const areas = this.areas();
    if (areas.length > 512)
      throw officeError("GeneralException", `${areas.length} merged areas in one range`);
    if (property === "isNullObject") return areas.length === 0;
    if (property === "address") {
      if (areas.length === 0) return null;
      const name = this.range.sheet().name;
      const prefix = /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
      return areas.map((a) => `${prefix}!${rangeAddress(a)}`).join(",");
    }
    throw new Error(`no property ${property} on RangeAreas`);
  }
  get isNullObject(): boolean {
    return this.get("isNullObject");
  }
  get address(): string {
    return this.get("address");
  }
}

class RangeFormatProxy extends Proxy {
  private fillProxy: FillProxy | null = null;
  private fontProxy: FontProxy | null = null;
  constructor(
    ctx: Context,
    client: ClientObject,
    private readonly range: RangeProxy
  ) {
    super(ctx, client);
  }
  get fill(): FillProxy {
    this.fillProxy ??= new FillProxy(this.ctx, () => this.client.fill, this.range);
    return this.fillProxy;
  }
  get font(): FontProxy {
    this.fontProxy ??= new FontProxy(this.ctx, () => this.client.font, this.range);
    return this.fontProxy;
  }
  protected snapshot(property: string): unknown {
    if (property === "wrapText") return uniform(this.range, (cell) => cell?.wrap ?? false);
    if (property === "columnWidth")
      return this.range.sheet().widths.get(this.range.rect()?.left ?? 0) ?? STANDARD_POINTS;
    throw new Error(`no property ${property} on format`);
  }
  protected child(name: string): Proxy {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return super.child(name);
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(value: boolean) {
    this.set("wrapText", value, () => this.range.forEachCell((cell) => (cell.wrap = value)));
  }
  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(value: number) {
    this.set("columnWidth", value, () => {
      const rect = this.range.rect();
      if (!rect) return;
      writable(this.range.sheet());
      // A column set back to the standard width is a default column again.
      for (let c = rect.left; c <= rect.right; c++) {
        if (Math.abs(value - STANDARD_POINTS) < 0.5) this.range.sheet().widths.delete(c);
        else this.range.sheet().widths.set(c, value);
      }
    });
  }
}

/**
 * A format property of a range: the cells' common value, or null where they differ (docs:
 * excel-add-ins-blank-null-values).
 */
function uniform<T>(range: RangeProxy, pick: (cell: FakeCell | undefined) => T): T | null {
  const rect = range.rect();
  if (!rect) return null;
  const sheet = range.sheet();
  const first = pick(sheet.peek(rect.top, rect.left));
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) if (pick(sheet.peek(r, c)) !== first) return null;
  return first;
}

class FillProxy extends Proxy {
  constructor(
    ctx: Context,
    client: ClientObject,
    private readonly range: RangeProxy
  ) {
    super(ctx, client);
  }
  protected snapshot(property: string): unknown {
    if (property === "color") return uniform(this.range, (cell) => cell?.fill ?? "#FFFFFF");
    throw new Error(`no property ${property} on fill`);
  }
  get color(): string {
    return this.get("color");
  }
  set color(value: string) {
    this.set("color", value, () =>
      this.range.forEachCell((cell) => (cell.fill = value.toUpperCase()))
    );
  }
  clear(): void {
    this.client.clear();
    this.queue(() => this.range.forEachCell((cell) => (cell.fill = null)));
  }
}

class FontProxy extends Proxy {
  constructor(
    ctx: Context,
    client: ClientObject,
    private readonly range: RangeProxy
  ) {
    super(ctx, client);
  }
  protected snapshot(property: string): unknown {
    if (property === "bold") return uniform(this.range, (cell) => cell?.bold ?? false);
    throw new Error(`no property ${property} on font`);
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(value: boolean) {
    this.set("bold", value, () => this.range.forEachCell((cell) => (cell.bold = value)));
  }
}

/** The fake host: install() puts `Excel` and `Office` on the global object. */
export class FakeExcel {
  readonly workbook = new FakeWorkbook();
  readonly syncs: SyncRecord[] = [];
  readonly refused: SyncRecord[] = [];
  syncCount = 0;
  /** Batches that waited for cell-edit mode to end (`delayForCellEdit`). */
  waitedForCellEdit = 0;
  /** The Common API's document settings (`Office.context.document.settings`). */
  readonly settings = new Map<string, unknown>();
  /** The workbook's settings (`workbook.settings`, ExcelApi 1.4): values are stored as JSON. */
  readonly workbookSettings = new Map<string, string>();
  readonly commands = new Map<string, (event: { completed: () => void }) => Promise<void>>();
  paneShown = 0;

  constructor(readonly options: FakeOptions = {}) {}

  get apiVersion(): number {
    return this.options.apiVersion ?? 18;
  }

  get limit(): number {
    return this.options.payloadLimit ?? 5 * 1024 * 1024;
  }

  resetCounts(): void {
    this.syncs.length = 0;
    this.refused.length = 0;
    this.syncCount = 0;
  }

  install(): void {
    const fake = this;
    const g = globalThis as unknown as Record<string, unknown>;
    g.Excel = {
      run: async (...args: unknown[]) => {
        const callback = args[args.length - 1] as (ctx: Context) => Promise<unknown>;
        // The option exists from ExcelApi 1.11 (docs: excel-add-ins-delay-in-cell-edit); older hosts ignore it.
        const options = args.length > 1 ? (args[0] as { delayForCellEdit?: boolean }) : {};
        return callback(
          new Context(fake, Boolean(options.delayForCellEdit) && fake.apiVersion >= 11)
        );
      },
      SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
      PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
      PaperType: { a4: "A4" },
      EventSource: { local: "Local", remote: "Remote" },
    };
    g.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) =>
            name === "ExcelApi" && Number(version.split(".")[1]) <= fake.apiVersion,
        },
        document: {
          settings: {
            get: (key: string) => fake.settings.get(key) ?? null,
            set: (key: string, value: unknown) => fake.settings.set(key, value),
            saveAsync: (callback?: (result: { status: string }) => void) =>
              callback?.({ status: "succeeded" }),
          },
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      HostType: { Excel: "Excel" },
      onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
      actions: {
        associate: (name: string, handler: (event: { completed: () => void }) => Promise<void>) =>
          fake.commands.set(name, handler),
      },
      addin: { showAsTaskpane: async () => void fake.paneShown++ },
    };
  }

  static uninstall(): void {
    const g = globalThis as unknown as Record<string, unknown>;
    delete g.Excel;
    delete g.Office;
  }
}

/** Puts engine grids into a fake Excel workbook, as a user's open workbook. */
export function fakeFromGrids(
  fake: FakeExcel,
  grids: {
    name: string;
    origin: { row: number; col: number };
    values: (string | number | boolean | null)[][];
    numberFormats?: string[][];
    merges: CellRange[];
  }[]
): void {
  for (const grid of grids) {
    const sheet = fake.workbook.add(grid.name);
    sheet.put(grid.origin.row, grid.origin.col, grid.values, grid.numberFormats);
    sheet.merges = [...grid.merges];
  }
}
