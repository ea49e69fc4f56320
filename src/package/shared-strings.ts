import { OoxmlPackage } from "./package";
import { WorkbookPart } from "./workbook";
import { decodeXstring, nextTag, textContent } from "./xml";

/**
 * The shared strings of a workbook, as text: rich runs joined, phonetic runs (`rPh`) left
 * out, OOXML's `_xHHHH_` escapes decoded. The tool never adds to this part.
 */
export function readSharedStrings(pkg: OoxmlPackage, workbook: WorkbookPart): string[] {
  const rel = pkg
    .relationships(workbook.name)
    .find((r) => r.type.endsWith("/sharedStrings") && !r.external);
  if (!rel || !pkg.has(rel.target)) return [];
  return itemTexts(pkg.read(rel.target), rel.target, "si");
}

/**
 * The texts of the `item` elements (`si` of the shared strings, `is` of an inline string):
 * every `t` inside, except those of phonetic runs.
 */
export function itemTexts(
  xml: string,
  part: string,
  item: string,
  from = 0,
  to = xml.length
): string[] {
  const texts: string[] = [];
  let current: string | null = null;
  let phonetic = 0;
  for (
    let tag = nextTag(xml, from, part);
    tag && tag.start < to;
    tag = nextTag(xml, tag.end, part)
  ) {
    if (tag.local === item) {
      if (tag.kind === "open") current = "";
      else {
        texts.push(decodeXstring(current ?? ""));
        current = null;
      }
    } else if (tag.local === "rPh") {
      if (tag.kind === "open") phonetic++;
      else if (tag.kind === "close") phonetic--;
    } else if (tag.local === "t" && tag.kind === "open" && current !== null && phonetic === 0) {
      const close = xml.indexOf("</", tag.end);
      current += textContent(xml, tag.end, close);
      tag.end = close;
    }
  }
  return texts;
}
