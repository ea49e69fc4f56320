import { strToU8 } from "fflate";
import { escapeAttribute } from "./xml";
import { deflateEntry, writeZip } from "./zip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The namespace new worksheets of a new workbook use. */
export const SPREADSHEET_NAMESPACE = MAIN;

/**
 * Three cell formats, in 宋体 as Chinese forms are set: the default (index 0), bold (1), and
 * wrapped at the top (2, for long text that must print whole).
 */
export const BOLD_STYLE = 1;
export const WRAP_STYLE = 2;
const STYLES =
  `${DECLARATION}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/**
 * A new workbook package from worksheet parts (see `newWorksheetXml`): the parts a
 * SpreadsheetML package needs (ECMA-376 Part 1, §12.2) and nothing else.
 */
export function newWorkbookPackage(
  sheets: { name: string; xml: string; definedNames?: string[] }[]
): Uint8Array {
  const parts: [string, string][] = [];
  parts.push([
    "[Content_Types].xml",
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      sheets
        .map(
          (_, k) =>
            `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        )
        .join("") +
      "</Types>",
  ]);
  parts.push([
    "_rels/.rels",
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ]);
  const names = sheets.flatMap((s, k) =>
    (s.definedNames ?? []).map((d) => d.replace("{sheet}", String(k)))
  );
  parts.push([
    "xl/workbook.xml",
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
      sheets
        .map(
          (s, k) =>
            `<sheet name="${escapeAttribute(s.name)}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`
        )
        .join("") +
      `</sheets>${names.length ? `<definedNames>${names.join("")}</definedNames>` : ""}</workbook>`,
  ]);
  parts.push([
    "xl/_rels/workbook.xml.rels",
    `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets
        .map(
          (_, k) =>
            `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`
        )
        .join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  ]);
  parts.push(["xl/styles.xml", STYLES]);
  sheets.forEach((s, k) => parts.push([`xl/worksheets/sheet${k + 1}.xml`, s.xml]));
  // 1980-01-01, the first date a zip can hold: the same workbook gives the same bytes.
  const stamp = { time: 0, date: (0 << 9) | (1 << 5) | 1 };
  return writeZip(parts.map(([name, xml]) => deflateEntry(name, strToU8(xml), stamp)));
}
