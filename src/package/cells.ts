import { encodeXstring, escapeText, withAttribute } from "./xml";

/** A value the tool writes into a cell: text, a number, or a formula with its cached text. */
export type WrittenValue = string | number | { formula: string; text: string };

/**
 * A cell element for a value: text as an inline string (the shared strings part is never
 * touched), a number as a number, a formula with its cached text result.
 */
export function cellXml(
  address: string,
  value: WrittenValue,
  style: number,
  prefix: string
): string {
  const s = style === 0 ? "" : ` s="${style}"`;
  if (typeof value === "number")
    return `<${prefix}c r="${address}"${s}><${prefix}v>${String(value)}</${prefix}v></${prefix}c>`;
  if (typeof value === "string") {
    return `<${prefix}c r="${address}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${escapeText(encodeXstring(value))}</${prefix}t></${prefix}is></${prefix}c>`;
  }
  return `<${prefix}c r="${address}"${s} t="str"><${prefix}f>${escapeText(value.formula)}</${prefix}f><${prefix}v>${escapeText(encodeXstring(value.text))}</${prefix}v></${prefix}c>`;
}

/** A cell or row start tag with its address left empty, to keep as a template; and the reverse. */
export function withoutAddress(element: string): string {
  return element.replace(/^(<[^\s>/]+\s+(?:[^>]*?\s)?r\s*=\s*)("[^"]*"|'[^']*')/, '$1""');
}

export function withAddress(template: string, address: string): string {
  return template.replace(/^(<[^\s>/]+\s+(?:[^>]*?\s)?r\s*=\s*)""/, `$1"${address}"`);
}

/** A cell element with its style index set, or with null taken away; the rest of the element as it was. */
export function withCellStyle(element: string, style: string | null): string {
  const end = element.indexOf(">") + 1;
  return withAttribute(element.slice(0, end), "s", style) + element.slice(end);
}
