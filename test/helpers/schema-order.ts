/**
 * The children of `<worksheet>` in the order the schema requires: the sequence of
 * CT_Worksheet (ECMA-376 Part 1, §18.3.1.99; sml.xsd). Excel refuses or repairs a sheet whose
 * elements come out of this order.
 */
const CT_WORKSHEET = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The top-level children of a worksheet part, by local name, skipping markup-compatibility wrappers. */
function topLevelChildren(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const match of xml.matchAll(/<(\/?)([\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g)) {
    const [, closing, , local, empty] = match;
    if (match[0].startsWith("<?") || match[0].startsWith("<!")) continue;
    if (closing) {
      depth--;
      continue;
    }
    if (depth === 1 && !["AlternateContent", "Choice", "Fallback"].includes(local))
      names.push(local);
    if (!empty) depth++;
  }
  return names;
}

/** The children found out of CT_Worksheet order, as `later before earlier` pairs (empty when in order). */
export function worksheetOrderViolations(xml: string): string[] {
  const children = topLevelChildren(xml).filter((n) => CT_WORKSHEET.includes(n));
  const violations: string[] = [];
  for (let k = 1; k < children.length; k++) {
    if (CT_WORKSHEET.indexOf(children[k]) < CT_WORKSHEET.indexOf(children[k - 1]))
      violations.push(`${children[k - 1]} before ${children[k]}`);
  }
  return violations;
}
