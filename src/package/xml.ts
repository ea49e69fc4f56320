import { UnsupportedPackageError } from "../core/errors";

/**
 * The XML of a package part, read as text with the offset of every tag, so that an edit
 * replaces exactly the characters it changes and leaves the rest of the part as it was.
 * Streaming parsers do not give a tag's start offset; this scanner does, and knows only
 * what OOXML parts use: elements, attributes, text, comments, CDATA and processing
 * instructions. A document type declaration is refused (no entity is ever expanded).
 */
export type Tag = {
  /** Offset of `<`. */
  start: number;
  /** Offset just past `>`. */
  end: number;
  /** The qualified name, `c` or `x:c`. */
  name: string;
  /** The name without its prefix. */
  local: string;
  kind: "open" | "close" | "empty";
};

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;

/** The next tag at or after `from`, skipping comments, CDATA and processing instructions; null when there is none. */
export function nextTag(xml: string, from: number, part: string): Tag | null {
  let at = from;
  for (;;) {
    const start = xml.indexOf("<", at);
    if (start < 0) return null;
    const next = xml.charCodeAt(start + 1);
    if (next === 33 /* ! */) {
      at = skipDeclaration(xml, start, part);
      continue;
    }
    if (next === 63 /* ? */) {
      const end = xml.indexOf("?>", start + 2);
      if (end < 0) throw unclosed(part, "processing instruction");
      at = end + 2;
      continue;
    }
    const closing = next === SLASH;
    let i = closing ? start + 2 : start + 1;
    const nameStart = i;
    for (
      let ch = xml.charCodeAt(i);
      i < xml.length && ch !== GT && ch !== SLASH && ch > 32;
      ch = xml.charCodeAt(++i)
    );
    const name = xml.slice(nameStart, i);
    if (name === "") throw new UnsupportedPackageError(part, `“<” without a name at ${start}`);
    // Attribute values may hold `>`: skip quoted text on the way to the end of the tag.
    let quote = 0;
    for (; i < xml.length; i++) {
      const ch = xml.charCodeAt(i);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === QUOTE || ch === APOSTROPHE) quote = ch;
      else if (ch === GT) break;
      else if (ch === LT) throw new UnsupportedPackageError(part, `“<” inside the tag at ${start}`);
    }
    if (i >= xml.length) throw unclosed(part, `tag <${name}>`);
    const colon = name.indexOf(":");
    const local = colon < 0 ? name : name.slice(colon + 1);
    const kind = closing ? "close" : xml.charCodeAt(i - 1) === SLASH ? "empty" : "open";
    return { start, end: i + 1, name, local, kind };
  }
}

function skipDeclaration(xml: string, start: number, part: string): number {
  if (xml.startsWith("<!--", start)) {
    const end = xml.indexOf("-->", start + 4);
    if (end < 0) throw unclosed(part, "comment");
    return end + 3;
  }
  if (xml.startsWith("<![CDATA[", start)) {
    const end = xml.indexOf("]]>", start + 9);
    if (end < 0) throw unclosed(part, "CDATA section");
    return end + 3;
  }
  throw new UnsupportedPackageError(part, "document type declaration");
}

function unclosed(part: string, what: string): UnsupportedPackageError {
  return new UnsupportedPackageError(part, `unclosed ${what}`);
}

/** The tag that closes `open`, counting nested elements of the same name. An empty tag is its own end. */
export function closingTag(xml: string, open: Tag, part: string): Tag {
  if (open.kind === "empty") return open;
  let depth = 1;
  for (let tag = nextTag(xml, open.end, part); tag; tag = nextTag(xml, tag.end, part)) {
    if (tag.name !== open.name) continue;
    if (tag.kind === "open") depth++;
    else if (tag.kind === "close" && --depth === 0) return tag;
  }
  throw unclosed(part, `element <${open.name}>`);
}

/** The first element with this local name at or after `from` (before `until` when given). */
export function findElement(
  xml: string,
  local: string,
  part: string,
  from = 0,
  until = xml.length
): Tag | null {
  for (
    let tag = nextTag(xml, from, part);
    tag && tag.start < until;
    tag = nextTag(xml, tag.end, part)
  ) {
    if (tag.local === local && tag.kind !== "close") return tag;
  }
  return null;
}

/** The child elements of an element, each from its start tag to its end tag. */
export function children(xml: string, parent: Tag, part: string): { open: Tag; close: Tag }[] {
  const result: { open: Tag; close: Tag }[] = [];
  if (parent.kind === "empty") return result;
  for (let tag = nextTag(xml, parent.end, part); tag;) {
    if (tag.kind === "close") return result;
    const close = closingTag(xml, tag, part);
    result.push({ open: tag, close });
    tag = nextTag(xml, close.end, part);
  }
  throw unclosed(part, `element <${parent.name}>`);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag, by qualified name, values decoded. */
export function attributes(xml: string, tag: Tag): Map<string, string> {
  const result = new Map<string, string>();
  const text = xml.slice(tag.start + tag.name.length + 1, tag.end);
  for (const match of text.matchAll(ATTRIBUTE))
    result.set(match[1], decodeEntities(match[2] ?? match[3]));
  return result;
}

/**
 * One attribute of a start tag, or undefined: the usual spelling (` name="…"`) is found
 * without building the map, which matters for the rows and cells of a large sheet.
 */
export function attribute(xml: string, tag: Tag, name: string): string | undefined {
  // Searched within the tag only: a search of the whole part would pass every later element.
  const text = xml.slice(tag.start, tag.end);
  const at = text.indexOf(` ${name}="`);
  if (at >= 0) {
    const from = at + name.length + 3;
    return decodeEntities(text.slice(from, text.indexOf('"', from)));
  }
  return text.includes(`${name}=`) || text.includes(`${name} `)
    ? attributes(xml, tag).get(name)
    : undefined;
}

/**
 * A start tag with one attribute set (in its place when present, else last) or, with
 * `value` null, removed; every other attribute keeps its text.
 */
const attributePatterns = new Map<string, RegExp>();

export function withAttribute(tagText: string, name: string, value: string | null): string {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(\\s)${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*("[^"]*"|'[^']*')`);
    attributePatterns.set(name, pattern);
  }
  if (pattern.test(tagText))
    return tagText.replace(pattern, value === null ? "" : `$1${name}="${escapeAttribute(value)}"`);
  if (value === null) return tagText;
  const close = tagText.endsWith("/>") ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, close).replace(/\s+$/, "")} ${name}="${escapeAttribute(value)}"${tagText.slice(close)}`;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos)|([^;]*));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, hex: string, dec: string, named: string) => {
    if (named) return NAMED[named];
    if (hex || dec) return String.fromCodePoint(parseInt(hex ?? dec, hex ? 16 : 10));
    return whole;
  });
}

/** An element's text content: entities decoded, CDATA sections taken as they are, child tags left out. */
export function textContent(xml: string, from: number, to: number): string {
  const raw = xml.slice(from, to);
  if (!raw.includes("<")) return decodeEntities(raw);
  let result = "";
  let at = 0;
  while (at < raw.length) {
    const lt = raw.indexOf("<", at);
    if (lt < 0) {
      result += decodeEntities(raw.slice(at));
      break;
    }
    result += decodeEntities(raw.slice(at, lt));
    if (raw.startsWith("<![CDATA[", lt)) {
      const end = raw.indexOf("]]>", lt);
      result += raw.slice(lt + 9, end);
      at = end + 3;
    } else at = raw.indexOf(">", lt) + 1;
  }
  return result;
}

/** OOXML's escape for characters XML cannot carry: `_x000D_`, and `_x005F_` before a literal `_xHHHH_`. */
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// The characters XML 1.0 cannot carry are exactly what these patterns look for.
// eslint-disable-next-line no-control-regex
const NEEDS_XSTRING_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]/;

export function encodeXstring(text: string): string {
  if (!NEEDS_XSTRING_ESCAPE.test(text)) return text;
  return text.replace(XSTRING_ESCAPE, "_x005F$&").replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]/g,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

export function escapeText(text: string): string {
  if (!/[&<>]/.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\t/g, "&#9;");
}

/** The prefix of a qualified name with its colon (`x:` of `x:row`), or ''. */
export function prefixOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon + 1);
}

/** An edit of a text: replace [start, end) with `text`. */
export type Splice = [start: number, end: number, text: string];

/**
 * Applies edits given in offsets of the original text, from the last to the first; where a
 * replacement and an insertion start at the same offset, the insertion goes before.
 */
export function spliceAll(original: string, edits: Splice[]): string {
  let result = original;
  for (const [start, end, text] of [...edits].sort((a, b) => b[0] - a[0] || b[1] - a[1]))
    result = result.slice(0, start) + text + result.slice(end);
  return result;
}
