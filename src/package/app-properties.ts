import { OoxmlPackage } from "./package";
import {
  Tag,
  attributes,
  closingTag,
  escapeText,
  findElement,
  nextTag,
  spliceAll,
  textContent,
  withAttribute,
} from "./xml";

/**
 * The sheet titles in `docProps/app.xml` (extended properties): `HeadingPairs` says how many
 * of `TitlesOfParts` are worksheets. Sheets the tool adds are listed after the worksheets and
 * taken out again; a part that does not list the workbook's worksheets as expected is left alone.
 */
type Titles = {
  part: string;
  xml: string;
  titles: { tag: Tag; close: Tag; text: string }[];
  titlesVector: Tag;
  /** Per heading pair: its count element and how many titles it covers. */
  groups: { countOpen: Tag; countClose: Tag; count: number }[];
};

function readTitles(pkg: OoxmlPackage): Titles | null {
  const rel = pkg
    .relationships("")
    .find((r) => r.type.endsWith("/extended-properties") && !r.external);
  if (!rel || !pkg.has(rel.target)) return null;
  const part = rel.target;
  const xml = pkg.read(part);
  const headings = findElement(xml, "HeadingPairs", part);
  const titlesOfParts = findElement(xml, "TitlesOfParts", part);
  if (!headings || !titlesOfParts) return null;
  const titlesVector = findElement(xml, "vector", part, titlesOfParts.end);
  if (!titlesVector || titlesVector.kind !== "open") return null;
  const titlesEnd = closingTag(xml, titlesVector, part);
  const titles: Titles["titles"] = [];
  for (
    let tag = nextTag(xml, titlesVector.end, part);
    tag && tag.start < titlesEnd.start;
    tag = nextTag(xml, tag.end, part)
  ) {
    if (tag.local !== "lpstr" || tag.kind !== "open") continue;
    const close = closingTag(xml, tag, part);
    titles.push({ tag, close, text: textContent(xml, tag.end, close.start) });
    tag = close;
  }
  const groups: Titles["groups"] = [];
  const headingsEnd = closingTag(xml, headings, part);
  for (
    let tag = nextTag(xml, headings.end, part);
    tag && tag.start < headingsEnd.start;
    tag = nextTag(xml, tag.end, part)
  ) {
    if (tag.local !== "i4" || tag.kind !== "open") continue;
    const close = closingTag(xml, tag, part);
    groups.push({
      countOpen: tag,
      countClose: close,
      count: Number(textContent(xml, tag.end, close.start)),
    });
  }
  if (groups.some((g) => !Number.isInteger(g.count))) return null;
  return { part, xml, titles, titlesVector, groups };
}

export function addTitle(pkg: OoxmlPackage, worksheets: string[], name: string): void {
  const t = readTitles(pkg);
  if (!t) return;
  let offset = 0;
  for (const group of t.groups) {
    const names = t.titles.slice(offset, offset + group.count).map((x) => x.text);
    offset += group.count;
    if (group.count === 0 || names.join("\u0000") !== worksheets.join("\u0000")) continue;
    const last = t.titles[offset - 1];
    const lpstr = last.tag.name;
    const vectorTag = t.xml.slice(t.titlesVector.start, t.titlesVector.end);
    const size = Number(attributes(t.xml, t.titlesVector).get("size") ?? t.titles.length);
    pkg.write(
      t.part,
      spliceAll(t.xml, [
        [group.countOpen.end, group.countClose.start, String(group.count + 1)],
        [last.close.end, last.close.end, `<${lpstr}>${escapeText(name)}</${lpstr}>`],
        [
          t.titlesVector.start,
          t.titlesVector.end,
          withAttribute(vectorTag, "size", String(size + 1)),
        ],
      ])
    );
    return;
  }
}

export function removeTitle(pkg: OoxmlPackage, name: string): void {
  const t = readTitles(pkg);
  if (!t) return;
  let offset = 0;
  for (const group of t.groups) {
    const index = t.titles.slice(offset, offset + group.count).findIndex((x) => x.text === name);
    offset += group.count;
    if (index < 0) continue;
    const title = t.titles[offset - group.count + index];
    const vectorTag = t.xml.slice(t.titlesVector.start, t.titlesVector.end);
    const size = Number(attributes(t.xml, t.titlesVector).get("size") ?? t.titles.length);
    pkg.write(
      t.part,
      spliceAll(t.xml, [
        [group.countOpen.end, group.countClose.start, String(group.count - 1)],
        [title.tag.start, title.close.end, ""],
        [
          t.titlesVector.start,
          t.titlesVector.end,
          withAttribute(vectorTag, "size", String(size - 1)),
        ],
      ])
    );
    return;
  }
}
