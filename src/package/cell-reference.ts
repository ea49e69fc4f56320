/** A1 references as cells carry them in their `r` attribute: 0-based row and column, or null when malformed. */
export function parseReference(reference: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else if (code >= 97 && code <= 122) col = col * 26 + code - 96;
    else break;
  }
  if (i === 0 || i === reference.length) return null;
  const row = Number(reference.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return { row: row - 1, col: col - 1 };
}
