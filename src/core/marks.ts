import { DismissReasonRequiredError, FindingNotFoundError } from "./errors";
import { Finding, FindingMark, Flag, TableResult } from "./evaluate/results";

/**
 * A reviewer's decision on one finding: 已核实 (checked, kept) or 忽略 (dismissed, with a
 * reason). A finding is a flag on a row: an indicator's row for its own flags, the table's
 * first row for the table's. Marks are the reviewer's, like remarks: rescoring keeps them.
 */
export type Mark = FindingMark & { sheet: string; row: number };

/** A mark to set, or (status null) the mark on that finding to take off. */
export type MarkChange = Mark | { sheet: string; row: number; flag: Flag; status: null };

/** Every flag, for reading marks back from a record. */
export const FLAGS = [
  "unfinished",
  "weak-target",
  "vague-target",
  "score-mismatch",
  "qualitative-tier",
  "missing-reason",
  "unit-mismatch",
  "unreadable",
  "total-mismatch",
  "weight-mismatch",
  "too-few-indicators",
  "missing-dimension",
  "unfilled",
] as const satisfies readonly Flag[];
// A flag added to the engine but not listed here fails to compile.
const everyFlag: Exclude<Flag, (typeof FLAGS)[number]> extends never ? true : never = true;
void everyFlag;

export const isFlag = (value: unknown): value is Flag => FLAGS.includes(value as Flag);

type Place = { sheet: string; row: number; flag: Flag };

const sameFinding = (a: Place, b: Place) =>
  a.sheet === b.sheet && a.row === b.row && a.flag === b.flag;

/** The marks with one set or taken off; a finding holds one mark at most. */
export function changeMarks(marks: readonly Mark[], change: MarkChange): Mark[] {
  if (change.status === "dismissed" && change.reason.trim() === "")
    throw new DismissReasonRequiredError();
  const rest = marks.filter((m) => !sameFinding(m, change));
  return change.status === null ? rest : [...rest, change];
}

/** A mark set now carries its date. */
export function stamped(change: MarkChange, now = new Date()): MarkChange {
  return change.status !== null && change.at === undefined
    ? { ...change, at: now.toISOString() }
    : change;
}

/** Refuses a mark just set on a finding the results do not have: it would only ever be stale. */
export function refuseStaleChange(change: MarkChange | undefined, stale: readonly Mark[]): void {
  if (change?.status && stale.some((m) => sameFinding(m, change)))
    throw new FindingNotFoundError(change.sheet, change.row);
}

/** The 1-based row a table's own marks are kept on. */
export const tableRow = (table: TableResult) => table.detected.top + 1;

/**
 * The results with each mark on the finding it names. A mark whose finding is not among the
 * results of a judged sheet (it was fixed, or the table changed) is stale: it stays in the
 * record and is told, never dropped. Marks on sheets not judged (a live rescore of another
 * sheet) are neither.
 */
export function applyMarks(
  tables: TableResult[],
  marks: readonly Mark[],
  judged: (sheet: string) => boolean = () => true
): { tables: TableResult[]; stale: Mark[] } {
  if (marks.length === 0) return { tables, stale: [] };
  const used = new Set<Mark>();
  const on = (sheet: string, row: number, flags: readonly Flag[]): FindingMark[] => {
    const found = marks.filter((m) => m.sheet === sheet && m.row === row && flags.includes(m.flag));
    found.forEach((m) => used.add(m));
    return found.map(({ flag, status, reason, at }) => ({
      flag,
      status,
      reason,
      ...(at === undefined ? {} : { at }),
    }));
  };
  const withMarks = <T extends { marks?: FindingMark[] }>(result: T, found: FindingMark[]): T =>
    found.length ? { ...result, marks: found } : result;
  const marked = tables.map((table) =>
    withMarks(
      {
        ...table,
        indicators: table.indicators.map((i) => withMarks(i, on(table.sheet, i.row, i.flags))),
      },
      on(table.sheet, tableRow(table), table.flags)
    )
  );
  return { tables: marked, stale: marks.filter((m) => !used.has(m) && judged(m.sheet)) };
}

type Marked = { marks?: FindingMark[] };

export const markOn = (result: Marked, flag: Flag): FindingMark | undefined =>
  result.marks?.find((m) => m.flag === flag);

export const isDismissed = (result: Marked, flag: Flag) =>
  markOn(result, flag)?.status === "dismissed";

/** The flags a reviewer has not dismissed: what is highlighted and counted. */
export function openFlags<F extends Flag>(result: Marked & { flags: F[] }): F[] {
  return result.marks ? result.flags.filter((f) => !isDismissed(result, f)) : result.flags;
}

export const DISMISSED = "已忽略：";
export const CHECKED = "已核实：";

/**
 * The notes as the 复核意见 column shows them: a checked finding's notes marked as checked, a
 * dismissed finding's notes replaced by one line with the reviewer's reason.
 */
export function markedNotes(
  notes: readonly string[],
  result: Marked & { findings: readonly Finding[] }
): string[] {
  if (!result.marks) return [...notes];
  const told = new Set<Flag>();
  return notes.flatMap((note) => {
    const flag = result.findings.find((f) => f.note === note)?.flag;
    const mark = flag === undefined ? undefined : markOn(result, flag);
    if (!mark) return [note];
    if (mark.status === "checked") return [`${CHECKED}${note}`];
    if (told.has(mark.flag)) return [];
    told.add(mark.flag);
    return [`${DISMISSED}${mark.reason}`];
  });
}

/** How many of a table's findings (its rows' and its own) are marked checked and dismissed. */
export function markCounts(table: TableResult): { checked: number; dismissed: number } {
  const all = [...(table.marks ?? []), ...table.indicators.flatMap((i) => i.marks ?? [])];
  return {
    checked: all.filter((m) => m.status === "checked").length,
    dismissed: all.filter((m) => m.status === "dismissed").length,
  };
}
