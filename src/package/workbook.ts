import { UnsupportedPackageError } from "../core/errors";
import { addTitle, removeTitle } from "./app-properties";
import { OoxmlPackage } from "./package";
import { attributes, escapeAttribute, findElement, nextTag, prefixOf } from "./xml";

export type SheetState = "visible" | "hidden" | "veryHidden";

/** A sheet as `workbook.xml` lists it; `part` is null for chart, dialog and macro sheets. */
export type SheetEntry = { name: string; state: SheetState; part: string | null };

const WORKSHEET_TYPE = "/worksheet";
const WORKSHEET_CONTENT_TYPE =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const TRANSITIONAL_RELATIONSHIPS =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * The workbook part: its sheets in order, its date system, and sheets the tool adds and
 * removes. Everything else in `workbook.xml` — defined names, protection, views, pivot
 * caches, external references — is never touched.
 */
export class WorkbookPart {
  readonly name: string;
  readonly sheets: SheetEntry[];
  /** Dates count from 1904-01-01 (ECMA-376 Part 1, §18.2.28 `date1904`). */
  readonly date1904: boolean;

  constructor(private readonly pkg: OoxmlPackage) {
    this.name = pkg.mainPart("/officeDocument");
    const xml = pkg.read(this.name);
    const rels = new Map(pkg.relationships(this.name).map((r) => [r.id, r]));
    const sheetsTag = findElement(xml, "sheets", this.name);
    if (!sheetsTag) throw new UnsupportedPackageError(this.name, "no <sheets>");
    this.sheets = [];
    for (
      let tag = nextTag(xml, sheetsTag.end, this.name);
      tag && tag.local === "sheet";
      tag = nextTag(xml, tag.end, this.name)
    ) {
      if (tag.kind === "close") continue;
      const a = attributes(xml, tag);
      const rel = rels.get(relationshipId(a) ?? "");
      const state = a.get("state");
      this.sheets.push({
        name: a.get("name") ?? "",
        state: state === "hidden" || state === "veryHidden" ? state : "visible",
        part: rel && !rel.external && rel.type.endsWith(WORKSHEET_TYPE) ? rel.target : null,
      });
    }
    const properties = findElement(xml, "workbookPr", this.name);
    const date1904 = properties ? attributes(xml, properties).get("date1904") : undefined;
    this.date1904 = date1904 === "1" || date1904 === "true";
  }

  /** The namespace of the workbook's SpreadsheetML elements, for new parts to use the same (transitional or strict). */
  mainNamespace(): string {
    const xml = this.pkg.read(this.name);
    const root = nextTag(xml, 0, this.name)!;
    const prefix = prefixOf(root.name);
    return (
      attributes(xml, root).get(prefix ? `xmlns:${prefix.slice(0, -1)}` : "xmlns") ??
      "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    );
  }

  /**
   * The relationships namespace the workbook uses (transitional or strict) and the prefix its
   * root binds to it (null when none is bound).
   */
  private relationshipsBinding(): { namespace: string; prefix: string | null } {
    const xml = this.pkg.read(this.name);
    const root = nextTag(xml, 0, this.name)!;
    for (const [name, value] of attributes(xml, root))
      if (name.startsWith("xmlns:") && /relationships$/.test(value))
        return { namespace: value, prefix: name.slice(6) };
    return { namespace: TRANSITIONAL_RELATIONSHIPS, prefix: null };
  }

  /** The type of a relationship from the workbook to a part of this kind (`worksheet`, `styles`), in the workbook's namespace. */
  relationshipType(kind: string): string {
    return `${this.relationshipsBinding().namespace}/${kind}`;
  }

  /**
   * Adds a worksheet part after the last sheet: a `<sheet>` just before `</sheets>`, a
   * relationship, a content type and the title in `docProps/app.xml`. Sheet indices of
   * existing sheets (and so every `localSheetId`) stay as they are.
   */
  addSheet(name: string, xml: string, state: SheetState): void {
    const part = this.pkg.freePartName("xl/worksheets/sheet{n}.xml");
    this.pkg.write(part, xml);
    this.pkg.addContentType(part, WORKSHEET_CONTENT_TYPE);
    const id = this.pkg.addRelationship(this.name, this.relationshipType("worksheet"), part);
    const workbook = this.pkg.read(this.name);
    const relPrefix = this.relationshipsBinding().prefix;
    const idAttribute = relPrefix
      ? `${relPrefix}:id="${id}"`
      : `r:id="${id}" xmlns:r="${TRANSITIONAL_RELATIONSHIPS}"`;
    const sheetsTag = findElement(workbook, "sheets", this.name)!;
    const ids = this.sheetIds(workbook, sheetsTag.end);
    const prefix = prefixOf(sheetsTag.name);
    const element = `<${prefix}sheet name="${escapeAttribute(name)}" sheetId="${Math.max(0, ...ids) + 1}"${state === "visible" ? "" : ` state="${state}"`} ${idAttribute}/>`;
    const close = workbook.indexOf(`</${sheetsTag.name}>`, sheetsTag.end);
    this.pkg.write(this.name, workbook.slice(0, close) + element + workbook.slice(close));
    addTitle(
      this.pkg,
      this.sheets.filter((s) => s.part !== null).map((s) => s.name),
      name
    );
    this.sheets.push({ name, state, part });
  }

  /** Takes out a sheet the tool added: its part, `<sheet>`, relationship, content type and title. */
  removeSheet(name: string): void {
    const index = this.sheets.findIndex((s) => s.name === name);
    if (index < 0) return;
    const workbook = this.pkg.read(this.name);
    const sheetsTag = findElement(workbook, "sheets", this.name)!;
    for (
      let tag = nextTag(workbook, sheetsTag.end, this.name);
      tag && tag.local === "sheet";
      tag = nextTag(workbook, tag.end, this.name)
    ) {
      const a = attributes(workbook, tag);
      if (tag.kind === "close" || a.get("name") !== name) continue;
      const id = relationshipId(a);
      this.pkg.write(this.name, workbook.slice(0, tag.start) + workbook.slice(tag.end));
      const part = this.sheets[index].part;
      if (id) this.pkg.removeRelationship(this.name, id);
      if (part) {
        this.pkg.remove(part);
        this.pkg.removeContentType(part);
        this.pkg.remove(part.replace(/([^/]+)$/, "_rels/$1.rels"));
      }
      break;
    }
    removeTitle(this.pkg, name);
    this.sheets.splice(index, 1);
  }

  private sheetIds(xml: string, from: number): number[] {
    const ids: number[] = [];
    for (
      let tag = nextTag(xml, from, this.name);
      tag && tag.local === "sheet";
      tag = nextTag(xml, tag.end, this.name)
    ) {
      const id = Number(attributes(xml, tag).get("sheetId"));
      if (Number.isFinite(id)) ids.push(id);
    }
    return ids;
  }
}

/** The `r:id` attribute, whatever prefix the relationships namespace has here. */
function relationshipId(a: Map<string, string>): string | undefined {
  for (const [name, value] of a) if (name === "id" || name.endsWith(":id")) return value;
  return undefined;
}
