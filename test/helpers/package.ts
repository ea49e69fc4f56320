import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/** Builds a package from its parts with fflate (not the editor under test). */
export function makePackage(parts: Record<string, string>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(parts).map(([name, text]) => [name, strToU8(text)]))
  );
}

/** Every part of a package as text, read by fflate. */
export function partsOf(data: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(data)).map(([name, bytes]) => [name, strFromU8(bytes)])
  );
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

export const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>` +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** A worksheet part around the given sheetData content (and what follows it). */
export function sheetXml(sheetData: string, after = "", before = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${before}<sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** The parts of a small workbook: its sheets in order, styles, and optionally shared strings and extended properties. */
export function workbookParts(
  sheets: { name: string; xml: string; state?: string }[],
  extra: {
    sharedStrings?: string[];
    workbookPr?: string;
    definedNames?: string;
    app?: boolean;
    styles?: string | null;
  } = {}
): Record<string, string> {
  const parts: Record<string, string> = {};
  const overrides = sheets.map(
    (_, k) =>
      `<Override PartName="/xl/worksheets/sheet${k + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
  );
  parts["[Content_Types].xml"] =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    overrides.join("") +
    (extra.styles === null
      ? ""
      : '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>') +
    "</Types>";
  parts["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    (extra.app
      ? `<Relationship Id="rId2" Type="${REL}/extended-properties" Target="docProps/app.xml"/>`
      : "") +
    "</Relationships>";
  parts["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}">${extra.workbookPr ?? ""}<sheets>` +
    sheets
      .map(
        (s, k) =>
          `<sheet name="${s.name}" sheetId="${k + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${k + 1}"/>`
      )
      .join("") +
    `</sheets>${extra.definedNames ?? ""}</workbook>`;
  const n = sheets.length;
  parts["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
    sheets
      .map(
        (_, k) =>
          `<Relationship Id="rId${k + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${k + 1}.xml"/>`
      )
      .join("") +
    (extra.styles === null
      ? ""
      : `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>`) +
    (extra.sharedStrings
      ? `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
      : "") +
    "</Relationships>";
  sheets.forEach((s, k) => (parts[`xl/worksheets/sheet${k + 1}.xml`] = s.xml));
  if (extra.styles !== null) parts["xl/styles.xml"] = extra.styles ?? STYLES;
  if (extra.sharedStrings) {
    parts["xl/sharedStrings.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${extra.sharedStrings.length}" uniqueCount="${extra.sharedStrings.length}">` +
      extra.sharedStrings
        .map((t) => (t.startsWith("<") ? `<si>${t}</si>` : `<si><t>${t}</t></si>`))
        .join("") +
      "</sst>";
  }
  if (extra.app) {
    parts["docProps/app.xml"] =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${n}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
      `<TitlesOfParts><vt:vector size="${n}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${s.name}</vt:lpstr>`).join("")}</vt:vector></TitlesOfParts></Properties>`;
  }
  return parts;
}
