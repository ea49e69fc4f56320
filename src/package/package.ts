import { strFromU8, strToU8 } from "fflate";
import { CorruptWorkbookError, UnsupportedPackageError } from "../core/errors";
import { attributes, escapeAttribute, nextTag } from "./xml";
import {
  Deflate,
  ZipEntry,
  crc32,
  deflateEntry,
  inflateEntry,
  portableDeflate,
  readZip,
  writeZip,
} from "./zip";

/**
 * An Open Packaging Conventions package (ECMA-376 Part 2) held as its zip entries: a part is
 * decompressed when first read, and written back only when it was changed, so every other
 * part leaves byte for byte as it came.
 */
export class OoxmlPackage {
  private readonly entries: ZipEntry[];
  private readonly byName: Map<string, ZipEntry>;
  // Part names are compared case-insensitively (ECMA-376 Part 2, §9.1.1.1): every map is keyed by the lower-case name.
  private readonly texts = new Map<string, string>();
  private readonly changed = new Map<string, { name: string; bytes: Uint8Array; crc?: number }>();
  private readonly removed = new Set<string>();

  constructor(data: Uint8Array) {
    this.entries = readZip(data);
    this.byName = new Map(this.entries.map((e) => [e.name.toLowerCase(), e]));
    if (!this.has("[Content_Types].xml"))
      throw new CorruptWorkbookError("[Content_Types].xml missing");
  }

  has(name: string): boolean {
    const key = name.toLowerCase();
    return this.changed.has(key) || (!this.removed.has(key) && this.byName.has(key));
  }

  /** A part's XML text; a missing part is a damaged package. */
  read(name: string): string {
    const key = name.toLowerCase();
    const text = this.texts.get(key);
    if (text !== undefined) return text;
    const change = this.changed.get(key);
    const entry = this.removed.has(key) ? undefined : this.byName.get(key);
    if (!change && !entry) throw new CorruptWorkbookError(`${name} missing`);
    const content = change ? change.bytes : inflateEntry(entry!);
    // XML parts may be UTF-16 (ECMA-376 Part 2, §8.1.4); no producer of these workbooks writes that.
    if (
      (content[0] === 0xfe && content[1] === 0xff) ||
      (content[0] === 0xff && content[1] === 0xfe)
    )
      throw new UnsupportedPackageError(name, "UTF-16 text");
    const decoded = strFromU8(content);
    this.texts.set(key, decoded);
    return decoded;
  }

  /** Lets go of a part's text as read: a large sheet is read again when it is edited, rather than held meanwhile. */
  release(name: string): void {
    this.texts.delete(name.toLowerCase());
  }

  /**
   * Replaces a part's content. A large part may come as pieces: they are encoded a batch at a
   * time, so the part is held once as UTF-8 rather than also as one long string.
   */
  write(name: string, xml: string | string[]): void {
    const key = name.toLowerCase();
    this.texts.delete(key);
    this.removed.delete(key);
    this.changed.set(key, {
      name: this.byName.get(key)?.name ?? name,
      bytes: encodePieces(typeof xml === "string" ? [xml] : xml),
    });
  }

  remove(name: string): void {
    const key = name.toLowerCase();
    this.changed.delete(key);
    this.removed.add(key);
  }

  /**
   * A part's size and CRC-32 as the zip directory records them: to tell later whether the
   * part is still exactly what the tool wrote, without reading it.
   */
  digest(name: string): string {
    const key = name.toLowerCase();
    const change = this.changed.get(key);
    if (change) {
      change.crc ??= crc32(change.bytes);
      return `${change.bytes.length}:${change.crc.toString(16)}`;
    }
    const entry = this.removed.has(key) ? undefined : this.byName.get(key);
    return entry ? `${entry.size}:${entry.crc.toString(16)}` : "";
  }

  /** The package as bytes: unchanged entries copied, changed ones deflated in their place, new ones last. */
  toBytes(deflate: Deflate = portableDeflate): Uint8Array {
    const stamp = this.byName.get("[content_types].xml")!;
    const out: ZipEntry[] = [];
    for (const entry of this.entries) {
      const key = entry.name.toLowerCase();
      if (this.removed.has(key)) continue;
      const change = this.changed.get(key);
      out.push(
        change === undefined
          ? entry
          : deflateEntry(entry.name, change.bytes, entry, deflate, change.crc)
      );
    }
    for (const [key, change] of this.changed) {
      if (!this.byName.has(key))
        out.push(deflateEntry(change.name, change.bytes, stamp, deflate, change.crc));
    }
    return writeZip(out);
  }

  /** The relationships of a part (its `_rels/NAME.rels`), targets resolved to part names. */
  relationships(source: string): Relationship[] {
    const relsName = relationshipsPart(source);
    if (!this.has(relsName)) return [];
    const xml = this.read(relsName);
    const result: Relationship[] = [];
    for (let tag = nextTag(xml, 0, relsName); tag; tag = nextTag(xml, tag.end, relsName)) {
      if (tag.local !== "Relationship" || tag.kind === "close") continue;
      const a = attributes(xml, tag);
      const external = a.get("TargetMode") === "External";
      const target = a.get("Target") ?? "";
      result.push({
        id: a.get("Id") ?? "",
        type: a.get("Type") ?? "",
        target: external ? target : resolvePart(source, target),
        external,
      });
    }
    return result;
  }

  /** Adds a relationship just before `</Relationships>`; gives its id. Removing that element again gives back the part's bytes. */
  addRelationship(source: string, type: string, target: string): string {
    const relsName = relationshipsPart(source);
    const xml = this.read(relsName);
    const ids = new Set(this.relationships(source).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const end = xml.lastIndexOf("</");
    const element = `<Relationship Id="${id}" Type="${escapeAttribute(type)}" Target="${escapeAttribute(relativeTarget(source, target))}"/>`;
    this.write(relsName, xml.slice(0, end) + element + xml.slice(end));
    return id;
  }

  removeRelationship(source: string, id: string): void {
    const relsName = relationshipsPart(source);
    if (!this.has(relsName)) return;
    const xml = this.read(relsName);
    for (let tag = nextTag(xml, 0, relsName); tag; tag = nextTag(xml, tag.end, relsName)) {
      if (
        tag.local === "Relationship" &&
        tag.kind === "empty" &&
        attributes(xml, tag).get("Id") === id
      ) {
        this.write(relsName, xml.slice(0, tag.start) + xml.slice(tag.end));
        return;
      }
    }
  }

  /** Declares a new part's content type with an Override just before `</Types>`. */
  addContentType(part: string, contentType: string): void {
    const name = "[Content_Types].xml";
    const xml = this.read(name);
    const end = xml.lastIndexOf("</");
    this.write(
      name,
      `${xml.slice(0, end)}<Override PartName="/${escapeAttribute(part)}" ContentType="${escapeAttribute(contentType)}"/>${xml.slice(end)}`
    );
  }

  removeContentType(part: string): void {
    const name = "[Content_Types].xml";
    const xml = this.read(name);
    for (let tag = nextTag(xml, 0, name); tag; tag = nextTag(xml, tag.end, name)) {
      if (
        tag.local === "Override" &&
        attributes(xml, tag).get("PartName")?.replace(/^\//, "") === part
      ) {
        this.write(name, xml.slice(0, tag.start) + xml.slice(tag.end));
        return;
      }
    }
  }

  /** The main part the package relationship of this type points at (the workbook). */
  mainPart(typeSuffix: string): string {
    const rel = this.relationships("").find((r) => r.type.endsWith(typeSuffix));
    if (!rel) throw new CorruptWorkbookError("no workbook part");
    return rel.target;
  }

  /** A part name not yet used, from a pattern such as `xl/worksheets/sheet{n}.xml`. */
  freePartName(pattern: string): string {
    for (let n = 1; ; n++) {
      const name = pattern.replace("{n}", String(n));
      if (!this.has(name)) return name;
    }
  }
}

/** UTF-8 of text given in pieces, encoded about a megabyte of text at a time. */
function encodePieces(pieces: string[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let batch: string[] = [];
  let length = 0;
  const flush = () => {
    chunks.push(strToU8(batch.join("")));
    batch = [];
    length = 0;
  };
  for (const piece of pieces) {
    batch.push(piece);
    length += piece.length;
    if (length > 1 << 20) flush();
  }
  flush();
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

export type Relationship = { id: string; type: string; target: string; external: boolean };

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package itself → `_rels/.rels`. */
function relationshipsPart(source: string): string {
  const slash = source.lastIndexOf("/");
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

/** A relationship target as a part name: relative to the source's folder, or absolute from the package root. */
function resolvePart(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of target.replace(/^\//, "").split("/")) {
    if (segment === "..") base.pop();
    else if (segment !== "." && segment !== "") base.push(decodeURIComponent(segment));
  }
  return base.join("/");
}

/** The target a relationship from `source` writes for a part name: relative to the source's folder. */
function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
