import { cellAddress, cellOrNull, columnLetters, parseRange } from "../core/address";
import { UnsupportedPackageError } from "../core/errors";
import {
  Tag,
  attribute,
  attributes,
  children,
  closingTag,
  findElement,
  nextTag,
  prefixOf,
  withAttribute,
} from "./xml";

/**
 * Edits of a worksheet part that touch only what they change: cells are replaced, added in
 * their rows in column order, or removed; rows are added where none was; everything else in
 * the part keeps its characters.
 */

/** What an edit sees of a cell: its element as it is (null when there is none), its address, the part's prefix. */
export type CellSite = { current: string | null; address: string; prefix: string };
/** Gives the cell's new element (with its `r` attribute), or null for none. */
export type CellEdit = (site: CellSite) => string | null;
/**
 * Gives a row's start tag once its cells are edited: `current` is the tag as it is (null for a
 * row the edit creates), `cols` the columns that now hold cells. Null removes a row left empty.
 */
export type RowEdit = (row: number, current: string | null, cols: number[]) => string | null;

export type SheetEdits = { cells: Map<number, Map<number, CellEdit>>; row: RowEdit };

type CellSpan = { col: number; start: number; end: number };

/**
 * Applies cell edits to the `<sheetData>` of a worksheet's XML; gives the result as pieces in
 * order (mostly views of the original text), for the package to encode without one long copy.
 */
export function editSheetData(xml: string, part: string, edits: SheetEdits): string[] {
  const sheetData = findElement(xml, "sheetData", part);
  if (!sheetData) throw new UnsupportedPackageError(part, "no <sheetData>");
  const prefix = prefixOf(sheetData.name);
  const pending = [...edits.cells.keys()].sort((a, b) => a - b);
  let next = 0;
  const out: string[] = [];
  let copied = 0;
  const newRowsBefore = (row: number | null): string => {
    let text = "";
    while (next < pending.length && (row === null || pending[next] < row))
      text += newRow(pending[next++], prefix, edits);
    return text;
  };

  if (sheetData.kind === "empty") {
    const rows = newRowsBefore(null);
    return [
      xml.slice(0, sheetData.start),
      `<${sheetData.name}>${rows}</${sheetData.name}>`,
      xml.slice(sheetData.end),
    ];
  }
  let row = -1;
  let tag = nextTag(xml, sheetData.end, part);
  for (; tag && next < pending.length;) {
    if (tag.kind === "close" && tag.local === "sheetData") break;
    if (tag.local !== "row" || tag.kind === "close")
      throw new UnsupportedPackageError(part, `<${tag.name}> in <sheetData>`);
    const r = attribute(xml, tag, "r");
    row = r ? Number(r) - 1 : row + 1;
    // Rows do not nest: the next closing row tag ends this one.
    const close = tag.kind === "empty" ? tag : elementEnd(xml, tag, part);
    out.push(xml.slice(copied, tag.start), newRowsBefore(row));
    copied = tag.start;
    if (pending[next] === row) {
      next++;
      out.push(editRow(xml, part, tag, close, row, prefix, edits));
      copied = close.end;
    }
    tag = nextTag(xml, close.end, part);
  }
  if (!tag) throw new UnsupportedPackageError(part, "unclosed <sheetData>");
  out.push(xml.slice(copied, tag.start));
  if (tag.kind === "close" && tag.local === "sheetData") out.push(newRowsBefore(null));
  out.push(xml.slice(tag.start));
  return out;
}

function elementEnd(xml: string, open: Tag, part: string): Tag {
  const at = xml.indexOf(`</${open.name}>`, open.end);
  if (at < 0) throw new UnsupportedPackageError(part, `unclosed <${open.name}>`);
  return {
    start: at,
    end: at + open.name.length + 3,
    name: open.name,
    local: open.local,
    kind: "close",
  };
}

function newRow(row: number, prefix: string, edits: SheetEdits): string {
  const cells = [...edits.cells.get(row)!].sort((a, b) => a[0] - b[0]);
  const written: string[] = [];
  const cols: number[] = [];
  for (const [col, edit] of cells) {
    const element = edit({ current: null, address: cellAddress(row, col), prefix });
    if (element !== null) {
      written.push(element);
      cols.push(col);
    }
  }
  const start = edits.row(row, null, cols);
  if (start === null || written.length === 0) return "";
  return `${start}${written.join("")}</${prefix}row>`;
}

function editRow(
  xml: string,
  part: string,
  open: Tag,
  close: Tag,
  row: number,
  prefix: string,
  edits: SheetEdits
): string {
  const spans: CellSpan[] = [];
  let col = -1;
  if (open.kind === "open") {
    for (let tag = nextTag(xml, open.end, part); tag && tag.start < close.start;) {
      // Cells and the other children of a row do not nest in themselves: the next closing tag of the name ends one.
      const end = tag.kind === "empty" ? tag : elementEnd(xml, tag, part);
      if (tag.local === "c") {
        const reference = attribute(xml, tag, "r");
        const at = reference ? cellOrNull(reference) : null;
        col = at ? at.col : col + 1;
        spans.push({ col, start: tag.start, end: end.end });
      }
      tag = nextTag(xml, end.end, part);
    }
  }
  const changes = [...edits.cells.get(row)!].sort((a, b) => a[0] - b[0]);
  const body: string[] = [];
  const cols: number[] = [];
  let cursor = open.end;
  let k = 0;
  const bodyEnd = open.kind === "empty" ? open.end : close.start;
  for (const span of spans) {
    while (k < changes.length && changes[k][0] < span.col) {
      const element = changes[k][1]({
        current: null,
        address: cellAddress(row, changes[k][0]),
        prefix,
      });
      if (element !== null) {
        body.push(xml.slice(cursor, span.start), element);
        cursor = span.start;
        cols.push(changes[k][0]);
      }
      k++;
    }
    if (k < changes.length && changes[k][0] === span.col) {
      const element = changes[k][1]({
        current: xml.slice(span.start, span.end),
        address: cellAddress(row, span.col),
        prefix,
      });
      body.push(xml.slice(cursor, span.start), element ?? "");
      cursor = span.end;
      if (element !== null) cols.push(span.col);
      k++;
    } else cols.push(span.col);
  }
  for (; k < changes.length; k++) {
    const element = changes[k][1]({
      current: null,
      address: cellAddress(row, changes[k][0]),
      prefix,
    });
    if (element === null) continue;
    body.push(xml.slice(cursor, bodyEnd), element);
    cursor = bodyEnd;
    cols.push(changes[k][0]);
  }
  body.push(xml.slice(cursor, bodyEnd));
  cols.sort((a, b) => a - b);
  const startTag = edits.row(row, xml.slice(open.start, open.end), cols);
  if (startTag === null && cols.length === 0) return "";
  const start = startTag ?? xml.slice(open.start, open.end);
  const content = body.join("");
  if (start.endsWith("/>")) {
    return content === ""
      ? start
      : `${start.slice(0, -2).replace(/\s+$/, "")}>${content}</${open.name}>`;
  }
  return `${start}${content}</${open.name}>`;
}

/** The namespace prefix of a worksheet's SpreadsheetML elements (`x:` where a producer wrote `<x:sheetData>`), or ''. */
export function elementPrefix(xml: string, part: string): string {
  const sheetData = findElement(xml, "sheetData", part);
  if (!sheetData) throw new UnsupportedPackageError(part, "no <sheetData>");
  return prefixOf(sheetData.name);
}

/** A row's start tag with its `spans` hint widened to cover `cols` (the hint is 1-based, `min:max`). */
export function coverSpans(startTag: string, cols: number[]): string {
  const spans = /\sspans\s*=\s*"([^"]*)"/.exec(startTag)?.[1];
  if (spans === undefined || cols.length === 0) return startTag;
  const ranges = spans.split(/\s+/).map((s) => s.split(":").map(Number));
  if (ranges.some((r) => r.length !== 2 || !r.every(Number.isInteger))) return startTag;
  const covered = (n: number) => ranges.some(([a, b]) => n >= a && n <= b);
  if (cols.every((c) => covered(c + 1))) return startTag;
  let min = ranges[0][0];
  let max = ranges[0][1];
  for (const [a, b] of ranges) [min, max] = [Math.min(min, a), Math.max(max, b)];
  for (const c of cols) [min, max] = [Math.min(min, c + 1), Math.max(max, c + 1)];
  return withAttribute(startTag, "spans", `${min}:${max}`);
}

/**
 * A worksheet split where `<sheetData>` starts: the head (sheet properties, views, formats,
 * columns) is small and edited apart from the rows, so the large part is copied once.
 */
export function splitAtSheetData(xml: string, part: string): { head: string; body: string } {
  const sheetData = findElement(xml, "sheetData", part);
  if (!sheetData) throw new UnsupportedPackageError(part, "no <sheetData>");
  return { head: xml.slice(0, sheetData.start), body: xml.slice(sheetData.start) };
}

/** The `<cols>` element in a worksheet's head (null when it has none) and where one would go: last, just before `<sheetData>`. */
export function columnsElement(
  head: string,
  part: string
): { text: string | null; start: number; end: number } {
  const cols = findElement(head, "cols", part);
  if (!cols) return { text: null, start: head.length, end: head.length };
  const close = closingTag(head, cols, part);
  return { text: head.slice(cols.start, close.end), start: cols.start, end: close.end };
}

/** The head with its `<cols>` replaced (or with null removed), as CT_Worksheet places it. */
export function replaceColumns(head: string, part: string, text: string | null): string {
  const at = columnsElement(head, part);
  return head.slice(0, at.start) + (text ?? "") + head.slice(at.end);
}

/** The `<col>` ranges of a `<cols>` element: 1-based bounds, the width it sets (null: none), its text. */
function columnRanges(
  cols: string | null,
  part: string
): { min: number; max: number; width: number | null; text: string }[] {
  if (cols === null) return [];
  return children(cols, nextTag(cols, 0, part)!, part).map((child) => {
    const a = attributes(cols, child.open);
    const width = a.get("width");
    return {
      min: Number(a.get("min")),
      max: Number(a.get("max")),
      width: width === undefined ? null : Number(width),
      text: cols.slice(child.open.start, child.close.end),
    };
  });
}

/** The width a `<cols>` element gives a column (0-based), in characters, or null for the default. */
export function columnWidth(cols: string | null, part: string, col: number): number | null {
  return columnRanges(cols, part).find((r) => r.min <= col + 1 && col + 1 <= r.max)?.width ?? null;
}

/**
 * `<cols>` with the given columns (0-based) set to a width in characters: a `<col>` range
 * covering one of them is split so that only that column changes; other ranges keep their text.
 */
export function withColumnWidths(
  current: string | null,
  part: string,
  prefix: string,
  widths: Map<number, number | null>
): string | null {
  type Range = { min: number; max: number; text: string };
  const ranges: Range[] = columnRanges(current, part);
  const name = current === null ? `${prefix}cols` : nextTag(current, 0, part)!.name;
  const colName = `${prefixOf(name)}col`;
  for (const [col, width] of widths) {
    const n = col + 1;
    const index = ranges.findIndex((r) => r.min <= n && n <= r.max);
    const pieces: Range[] = [];
    let attributesText = `<${colName} min="${n}" max="${n}"/>`;
    if (index >= 0) {
      const r = ranges[index];
      if (r.min < n)
        pieces.push({ min: r.min, max: n - 1, text: withAttribute(r.text, "max", String(n - 1)) });
      if (n < r.max)
        pieces.push({ min: n + 1, max: r.max, text: withAttribute(r.text, "min", String(n + 1)) });
      attributesText = withAttribute(withAttribute(r.text, "min", String(n)), "max", String(n));
      ranges.splice(index, 1);
    }
    const set =
      width === null
        ? withAttribute(withAttribute(attributesText, "width", null), "customWidth", null)
        : withAttribute(withAttribute(attributesText, "width", String(width)), "customWidth", "1");
    // A range left with nothing to say (no width, style or flag) is dropped.
    if (/\s(?:width|style|hidden|outlineLevel|collapsed|bestFit|phonetic)\s*=/.test(set))
      pieces.push({ min: n, max: n, text: set });
    ranges.push(...pieces);
  }
  if (ranges.length === 0) return null;
  ranges.sort((a, b) => a.min - b.min);
  const open = current === null ? `<${name}>` : current.slice(0, nextTag(current, 0, part)!.end);
  return `${open}${ranges.map((r) => r.text).join("")}</${name}>`;
}

/** The `<dimension>` start tag in a worksheet's head (null when it has none). */
export function dimensionElement(head: string, part: string): Tag | null {
  return findElement(head, "dimension", part);
}

/** `<dimension>` widened to cover the given cells, or null when it already does (or the head has none). */
export function widenedDimension(
  xml: string,
  part: string,
  cells: { row: number; col: number }[]
): { tag: Tag; text: string } | null {
  const tag = dimensionElement(xml, part);
  if (!tag || cells.length === 0) return null;
  const ref = attributes(xml, tag).get("ref");
  if (!ref) return null;
  let range;
  try {
    range = parseRange(ref);
  } catch {
    return null;
  }
  let { top, left, bottom, right } = range;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  if (top === range.top && left === range.left && bottom === range.bottom && right === range.right)
    return null;
  const text = withAttribute(
    xml.slice(tag.start, tag.end),
    "ref",
    `${columnLetters(left)}${top + 1}:${columnLetters(right)}${bottom + 1}`
  );
  return { tag, text };
}
