import { Flag, IndicatorResult, TableResult } from "../core/evaluate";
import { openFlags } from "../core/marks";
import { FLAG_TITLES, GradeText, gradeText, tableName } from "../core/plan";
import { ATTENTION, summarizeFile } from "../report/summary";

/** The grades and their stand-ins, in the order a reviewer reads them. */
export const GRADE_ORDER: GradeText[] = ["优", "良", "中", "差", "未填报", "未评分"];

/** Every open flag of a table: its own and its indicators'. */
export function flagsOf(table: TableResult): Flag[] {
  return [...openFlags(table), ...table.indicators.flatMap((i) => openFlags(i))];
}

export type Overview = {
  tables: number;
  grades: [GradeText, number][];
  findings: [Flag, number][];
};

/** How many tables have each grade and how many findings of each kind there are, none left out. */
export function overviewOf(tables: TableResult[]): Overview {
  const grades = new Map<GradeText, number>();
  const findings = new Map<Flag, number>();
  for (const table of tables) {
    const grade = gradeText(table);
    grades.set(grade, (grades.get(grade) ?? 0) + 1);
    for (const flag of flagsOf(table)) findings.set(flag, (findings.get(flag) ?? 0) + 1);
  }
  return {
    tables: tables.length,
    grades: GRADE_ORDER.filter((g) => grades.has(g)).map((g) => [g, grades.get(g)!]),
    findings: FLAG_TITLES.filter(([flag]) => findings.has(flag)).map(([flag]) => [
      flag,
      findings.get(flag)!,
    ]),
  };
}

/** How much a table needs a reviewer, by the same weights as the batch summary and report. */
export function attentionOf(table: TableResult): number {
  return summarizeFile("", [table]).rows[0].attention;
}

export type TableView = {
  /** Only tables with a finding of this kind. */
  flag: Flag | null;
  /** Only tables whose name, unit or sheet contains this text. */
  query: string;
  order: "attention" | "workbook";
};

export const DEFAULT_VIEW: TableView = { flag: null, query: "", order: "attention" };

/** The tables a reviewer asked to see, in the order asked for. */
export function tablesInView<T extends { table: TableResult }>(items: T[], view: TableView): T[] {
  const query = view.query.trim().toLowerCase();
  const shown = items.filter(
    ({ table }) =>
      (!view.flag || flagsOf(table).includes(view.flag)) &&
      (!query ||
        [tableName(table), table.unitName ?? "", table.sheet].some((text) =>
          text.toLowerCase().includes(query)
        ))
  );
  if (view.order === "workbook") return shown;
  const attention = new Map(shown.map((item) => [item, attentionOf(item.table)]));
  return [...shown].sort((a, b) => attention.get(b)! - attention.get(a)!);
}

/** An indicator a reviewer should look at, with the table it is in. */
export type FindingItem<T> = { item: T; table: TableResult; indicator: IndicatorResult };

/** The flagged indicators, the weightiest findings first (the report's attention weights). */
export function findingsToCheck<T extends { table: TableResult }>(
  items: T[],
  limit: number
): FindingItem<T>[] {
  const weight = (i: IndicatorResult) => openFlags(i).reduce((sum, f) => sum + ATTENTION[f], 0);
  return items
    .flatMap((item) =>
      item.table.indicators
        .filter((indicator) => openFlags(indicator).length > 0)
        .map((indicator) => ({ item, table: item.table, indicator }))
    )
    .sort((a, b) => weight(b.indicator) - weight(a.indicator))
    .slice(0, limit);
}
