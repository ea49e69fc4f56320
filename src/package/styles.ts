import { UnsupportedPackageError } from "../core/errors";
import { BUILT_IN_NUMBER_FORMATS, FIRST_CUSTOM_NUMBER_FORMAT } from "./number-formats";
import { OoxmlPackage, Relationship } from "./package";
import { WorkbookPart } from "./workbook";
import {
  Splice,
  Tag,
  attributes,
  children,
  closingTag,
  escapeAttribute,
  findElement,
  nextTag,
  prefixOf,
  spliceAll,
  withAttribute,
} from "./xml";

/** A change of look the tool makes to a cell; a field left out keeps the cell's own. */
export type Look = {
  /** ARGB of a solid fill, or null for no fill. */
  fill?: string | null;
  numberFormat?: string;
  bold?: boolean;
  /** Blue and underlined, as a hyperlink shows. */
  link?: boolean;
  wrap?: boolean;
};

/** The lists of `styles.xml` the tool appends to, in their schema order. */
const LISTS = ["numFmts", "fonts", "fills", "cellXfs"] as const;
type ListName = (typeof LISTS)[number];

/**
 * What the tool changed in `styles.xml`, so that clear gives back the same bytes: per list,
 * its start tag as it was (null when the tool created the list) and how many elements were
 * appended at its end; `created` when the whole part is the tool's.
 */
export type StylesRecord = {
  digest: string;
  lists: Partial<Record<ListName, { tag: string | null; added: number }>>;
  created?: true;
};

const STYLES_TYPE = "/styles";
const STYLES_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const LINK_COLOR = "FF0563C1";

type List = { tag: Tag | null; items: string[]; added: string[] };

/**
 * The workbook's cell formats: read for number formats, and extended with new formats
 * appended at the end of each list. Existing entries never change, so every cell that is
 * not the tool's keeps its look, and clear takes exactly the appended entries out again.
 */
export class StylesPart {
  private readonly lists = new Map<ListName, List>();
  private readonly formats = new Map<number, string>();
  private readonly derived = new Map<string, number>();
  private readonly xfFields: { numFmtId: number; fontId: number; fillId: number }[] = [];

  private constructor(
    private readonly pkg: OoxmlPackage,
    private readonly workbook: WorkbookPart,
    readonly name: string,
    private xml: string,
    private readonly created: boolean
  ) {
    for (const list of LISTS) this.lists.set(list, this.readList(list));
    for (const item of this.lists.get("numFmts")!.items) {
      const tag = nextTag(item, 0, name)!;
      const a = attributes(item, tag);
      this.formats.set(Number(a.get("numFmtId")), a.get("formatCode") ?? "General");
    }
    for (const item of this.lists.get("cellXfs")!.items) this.xfFields.push(this.fieldsOf(item));
  }

  /** The ids an `<xf>` refers to. */
  private fieldsOf(xf: string): { numFmtId: number; fontId: number; fillId: number } {
    const a = attributes(xf, nextTag(xf, 0, this.name)!);
    return {
      numFmtId: Number(a.get("numFmtId") ?? 0),
      fontId: Number(a.get("fontId") ?? 0),
      fillId: Number(a.get("fillId") ?? 0),
    };
  }

  /** The styles part of a workbook; a workbook without one gets a minimal part of the tool's own. */
  static open(pkg: OoxmlPackage, workbook: WorkbookPart): StylesPart {
    const rel = stylesRelationship(pkg, workbook);
    if (rel && pkg.has(rel.target))
      return new StylesPart(pkg, workbook, rel.target, pkg.read(rel.target), false);
    const name = pkg.has("xl/styles.xml") ? pkg.freePartName("xl/styles{n}.xml") : "xl/styles.xml";
    return new StylesPart(pkg, workbook, name, minimalStyles(workbook.mainNamespace()), true);
  }

  private readList(list: ListName): List {
    const tag = findElement(this.xml, list, this.name);
    if (!tag) {
      if (list !== "numFmts") throw new UnsupportedPackageError(this.name, `no <${list}>`);
      return { tag: null, items: [], added: [] };
    }
    const items = children(this.xml, tag, this.name).map((c) =>
      this.xml.slice(c.open.start, c.close.end)
    );
    return { tag, items, added: [] };
  }

  /** The number format of a cell format index (General for an unknown index). */
  numberFormat(xf: number): string {
    const fields = this.xfFields[xf];
    if (!fields) return "General";
    return (
      this.formats.get(fields.numFmtId) ?? BUILT_IN_NUMBER_FORMATS[fields.numFmtId] ?? "General"
    );
  }

  /** The fill colour (ARGB) of a cell format, or null when it has no solid fill. */
  fillColor(xf: number): string | null {
    const fill = this.item("fills", this.xfFields[xf]?.fillId ?? 0);
    if (!fill || !/patternType\s*=\s*["']solid["']/.test(fill)) return null;
    return (
      /<(?:\w+:)?fgColor[^>]*\brgb\s*=\s*["']([0-9A-Fa-f]{8})["']/.exec(fill)?.[1].toUpperCase() ??
      null
    );
  }

  isBold(xf: number): boolean {
    const font = this.item("fonts", this.xfFields[xf]?.fontId ?? 0) ?? "";
    return /<(?:\w+:)?b(?:\s*\/>|\s+val\s*=\s*["'](?:1|true)["'])/.test(font);
  }

  wraps(xf: number): boolean {
    const item = this.item("cellXfs", xf) ?? "";
    return /<(?:\w+:)?alignment[^>]*\bwrapText\s*=\s*["'](?:1|true)["']/.test(item);
  }

  private item(list: ListName, index: number): string | undefined {
    const l = this.lists.get(list)!;
    return index < l.items.length ? l.items[index] : l.added[index - l.items.length];
  }

  private append(list: ListName, element: string): number {
    const l = this.lists.get(list)!;
    const known = l.added.indexOf(element);
    if (known >= 0) return l.items.length + known;
    l.added.push(element);
    return l.items.length + l.added.length - 1;
  }

  private prefix(list: ListName): string {
    const tag = this.lists.get(list)!.tag ?? this.lists.get("cellXfs")!.tag!;
    return prefixOf(tag.name);
  }

  /** A cell format like `xf` with the look changed: appended once, shared by every cell that asks for the same. */
  derive(xf: number, look: Look): number {
    const key = `${xf}|${look.fill}|${look.numberFormat}|${look.bold}|${look.link}|${look.wrap}`;
    const known = this.derived.get(key);
    if (known !== undefined) return known;
    const base = this.item("cellXfs", xf) ?? this.item("cellXfs", 0)!;
    const fields = this.xfFields[xf] ?? this.xfFields[0];
    let element = base;
    const set = (name: string, value: string) =>
      (element = replaceStartTag(element, (tag) => withAttribute(tag, name, value)));
    if (look.fill !== undefined) {
      set(
        "fillId",
        String(look.fill === null ? 0 : this.append("fills", this.solidFill(look.fill)))
      );
      set("applyFill", "1");
    }
    if (look.numberFormat !== undefined) {
      set("numFmtId", String(this.numberFormatId(look.numberFormat)));
      set("applyNumberFormat", "1");
    }
    if (look.bold !== undefined || look.link) {
      set("fontId", String(this.append("fonts", this.font(fields?.fontId ?? 0, look))));
      set("applyFont", "1");
    }
    if (look.wrap !== undefined) {
      element = withAlignment(element, look.wrap, this.prefix("cellXfs"));
      set("applyAlignment", "1");
    }
    const index = this.append("cellXfs", element);
    this.xfFields[index] = this.fieldsOf(element);
    this.derived.set(key, index);
    return index;
  }

  private solidFill(argb: string): string {
    const p = this.prefix("fills");
    return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
  }

  private font(fontId: number, look: Look): string {
    const p = this.prefix("fonts");
    let font = this.item("fonts", fontId) ?? `<${p}font/>`;
    const open = nextTag(font, 0, this.name)!;
    if (open.kind === "empty")
      font = `${font.slice(0, open.end - 2).replace(/\s+$/, "")}></${open.name}>`;
    const body = (f: string) => nextTag(f, 0, this.name)!.end;
    // CT_Font is a choice: its children may come in any order.
    font = font.replace(/<(\w+:)?b(\s+[^>]*)?\/>/g, "");
    if (look.bold) font = `${font.slice(0, body(font))}<${p}b/>${font.slice(body(font))}`;
    if (look.link) {
      font = font.replace(/<(\w+:)?(u|color)(\s+[^>]*)?\/>/g, "");
      font = `${font.slice(0, body(font))}<${p}u/><${p}color rgb="${LINK_COLOR}"/>${font.slice(body(font))}`;
    }
    return font;
  }

  private numberFormatId(code: string): number {
    for (const [id, known] of Object.entries(BUILT_IN_NUMBER_FORMATS))
      if (known === code) return Number(id);
    for (const [id, known] of this.formats) if (known === code) return id;
    const id = Math.max(FIRST_CUSTOM_NUMBER_FORMAT - 1, ...this.formats.keys()) + 1;
    this.formats.set(id, code);
    this.append(
      "numFmts",
      `<${this.prefix("numFmts")}numFmt numFmtId="${id}" formatCode="${escapeAttribute(code)}"/>`
    );
    return id;
  }

  /** Writes the part when anything was appended; gives what clear needs, or null when nothing changed. */
  save(): StylesRecord | null {
    const changed = LISTS.filter((list) => this.lists.get(list)!.added.length > 0);
    if (changed.length === 0) return null;
    const edits: Splice[] = [];
    const record: StylesRecord = { digest: "", lists: {} };
    for (const list of changed) {
      const l = this.lists.get(list)!;
      const count = l.items.length + l.added.length;
      if (!l.tag) {
        const root = nextTag(this.xml, 0, this.name)!;
        const p = prefixOf(root.name);
        edits.push([
          root.end,
          root.end,
          `<${p}numFmts count="${count}">${l.added.join("")}</${p}numFmts>`,
        ]);
        record.lists[list] = { tag: null, added: l.added.length };
        continue;
      }
      const tagText = this.xml.slice(l.tag.start, l.tag.end);
      const counted = /\scount\s*=/.test(tagText)
        ? withAttribute(tagText, "count", String(count))
        : tagText;
      if (l.tag.kind === "empty") {
        edits.push([
          l.tag.start,
          l.tag.end,
          `${counted.slice(0, -2).replace(/\s+$/, "")}>${l.added.join("")}</${l.tag.name}>`,
        ]);
      } else {
        const close = closingTag(this.xml, l.tag, this.name);
        edits.push([l.tag.start, l.tag.end, counted], [close.start, close.start, l.added.join("")]);
      }
      record.lists[list] = { tag: tagText, added: l.added.length };
    }
    const xml = spliceAll(this.xml, edits);
    this.pkg.write(this.name, xml);
    if (this.created) {
      record.created = true;
      this.pkg.addContentType(this.name, STYLES_CONTENT_TYPE);
      this.pkg.addRelationship(
        this.workbook.name,
        this.workbook.relationshipType("styles"),
        this.name
      );
    }
    record.digest = this.pkg.digest(this.name);
    return record;
  }

  /**
   * Takes the appended entries out again — only when the part is still exactly what the tool
   * wrote (another program that saved the workbook since may have renumbered them; then the
   * unused entries stay, harmlessly).
   */
  static restore(pkg: OoxmlPackage, workbook: WorkbookPart, record: StylesRecord): void {
    const rel = stylesRelationship(pkg, workbook);
    const name = rel?.target ?? "xl/styles.xml";
    if (!pkg.has(name)) return;
    if (pkg.digest(name) !== record.digest) return;
    let xml = pkg.read(name);
    if (record.created) {
      pkg.remove(name);
      pkg.removeContentType(name);
      if (rel) pkg.removeRelationship(workbook.name, rel.id);
      return;
    }
    for (const list of [...LISTS].reverse()) {
      const change = record.lists[list];
      if (!change) continue;
      const tag = findElement(xml, list, name)!;
      const close = closingTag(xml, tag, name);
      const items = children(xml, tag, name);
      const firstAdded = items[items.length - change.added];
      if (change.tag === null) {
        xml = xml.slice(0, tag.start) + xml.slice(close.end);
      } else if (change.tag.endsWith("/>")) {
        xml = xml.slice(0, tag.start) + change.tag + xml.slice(close.end);
      } else {
        xml =
          xml.slice(0, tag.start) +
          change.tag +
          xml.slice(tag.end, firstAdded.open.start) +
          xml.slice(close.start);
      }
    }
    pkg.write(name, xml);
  }
}

/** The workbook's relationship to its styles part, if it has one. */
function stylesRelationship(pkg: OoxmlPackage, workbook: WorkbookPart): Relationship | undefined {
  return pkg.relationships(workbook.name).find((r) => r.type.endsWith(STYLES_TYPE) && !r.external);
}

/** Changes the start tag of an element given as text. */
function replaceStartTag(element: string, change: (tag: string) => string): string {
  const end = element.indexOf(">") + 1;
  return change(element.slice(0, end)) + element.slice(end);
}

/** An `<xf>` with wrapping set on its alignment, which comes first among its children (CT_Xf). */
function withAlignment(xf: string, wrap: boolean, prefix: string): string {
  const existing = /<(\w+:)?alignment\b[^>]*?\/?>/.exec(xf);
  if (existing) {
    let tag = withAttribute(existing[0], "wrapText", wrap ? "1" : null);
    if (wrap) tag = withAttribute(tag, "vertical", "top");
    return xf.slice(0, existing.index) + tag + xf.slice(existing.index + existing[0].length);
  }
  if (!wrap) return xf;
  const alignment = `<${prefix}alignment vertical="top" wrapText="1"/>`;
  const startEnd = xf.indexOf(">") + 1;
  if (xf[startEnd - 2] === "/") {
    const name = /^<([^\s/>]+)/.exec(xf)![1];
    return `${xf.slice(0, startEnd - 2).replace(/\s+$/, "")}>${alignment}</${name}>`;
  }
  return xf.slice(0, startEnd) + alignment + xf.slice(startEnd);
}

function minimalStyles(namespace: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${namespace}">` +
    '<fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}
