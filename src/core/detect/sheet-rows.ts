import { GridView } from "../grid";
import { parseCell } from "../parse";
import { ReadCell, numberOf } from "../read-cell";
import { headerKey } from "../text";

type OwnText = { col: number; text: string };

/** Row-level reading of a sheet for detection: own texts (merges counted once), cells as parsed values. */
export class SheetRows {
  /** Detection asks about the same rows many times. */
  private readonly own = new Map<number, OwnText[]>();

  constructor(readonly view: GridView) {}

  get top(): number {
    return this.view.top;
  }
  get bottom(): number {
    return this.view.bottom;
  }
  get left(): number {
    return this.view.left;
  }
  get right(): number {
    return this.view.right;
  }

  text(row: number, col: number): string {
    return this.view.text(row, col);
  }

  isEmpty(row: number, col: number): boolean {
    return this.view.isEmpty(row, col);
  }

  rowIsEmpty(row: number): boolean {
    return this.view.rowIsEmpty(row);
  }

  /** Whether a cell only repeats a merged area that started on a row above. */
  isMergedFromAbove(row: number, col: number): boolean {
    const v = this.view;
    return v.isMergedAway(row, col) && row > v.top && v.text(row - 1, col) === v.text(row, col);
  }

  /** The row's non-empty cells that are not the continuation of a merge from a row above. */
  ownTexts(row: number): OwnText[] {
    const known = this.own.get(row);
    if (known) return known;
    const texts: OwnText[] = [];
    for (let c = this.left; c <= this.right; c++) {
      const text = this.text(row, c);
      if (text === "" || this.isMergedFromAbove(row, c)) continue;
      // A merge across columns shows its text once.
      if (
        texts.length > 0 &&
        this.view.isMergedAway(row, c) &&
        texts[texts.length - 1].text === text
      )
        continue;
      texts.push({ col: c, text });
    }
    this.own.set(row, texts);
    return texts;
  }

  firstOwnText(row: number): OwnText | null {
    return this.ownTexts(row)[0] ?? null;
  }

  /** The first non-empty text right of a column that differs from the label itself. */
  nextText(row: number, col: number): string | null {
    const label = this.text(row, col);
    for (let c = col + 1; c <= this.right; c++) {
      const text = this.text(row, c);
      if (text !== "" && text !== label) return text;
    }
    return null;
  }

  /** Whether every own text of the row is in the given columns. */
  onlyIn(row: number, cols: Set<number | undefined>): boolean {
    return this.ownTexts(row).every((own) => cols.has(own.col));
  }

  /** Whether some own text of the row, read as a header key, matches. */
  hasLabel(row: number, pattern: RegExp, beforeCol = Infinity): boolean {
    return this.ownTexts(row).some(
      (own) => own.col < beforeCol && pattern.test(headerKey(own.text))
    );
  }

  read(row: number, col: number): ReadCell {
    const v = this.view;
    return {
      row,
      col,
      text: v.text(row, col),
      parsed: parseCell(v.value(row, col), v.numberFormat(row, col)),
    };
  }

  numberAt(row: number, col: number | undefined): number | null {
    return col === undefined ? null : numberOf(this.read(row, col));
  }
}
