import {
  DEPARTMENT_WORDS,
  PROJECT_NAME_LABEL,
  TITLE_WORDS,
  UNIT_NAME_LABEL,
} from "../vocabulary/headers";
import { headerKey } from "../text";
import { SheetRows } from "./sheet-rows";
import { DetectedTable } from "./types";

/** `单位名称：武汉市…` holds its value after the colon. */
function valueAfterColon(text: string): string | null {
  const match = /[:：]\s*(.+)$/.exec(text);
  return match ? match[1].trim() : null;
}

/**
 * Completes a table from the rows above its first header (title, 项目名称, 单位名称), its
 * kind, and its columns: the right edge is the last column the headers name, so that a
 * remark column someone added beside it (or the tool's own output) does not widen it.
 */
export function withTableFacts(rows: SheetRows, table: DetectedTable): DetectedTable {
  const facts = { title: table.title, projectName: table.projectName, unitName: table.unitName };
  const firstStructure = Math.min(
    table.budget?.firstRow ?? Infinity,
    ...table.blocks.map((b) => b.headerRow)
  );
  for (let r = table.top; r < firstStructure; r++) {
    const first = rows.firstOwnText(r);
    if (!first) continue;
    const key = headerKey(first.text);
    if (facts.title === null && TITLE_WORDS.test(first.text)) facts.title = first.text;
    if (facts.projectName === null && PROJECT_NAME_LABEL.test(key)) {
      facts.projectName = valueAfterColon(first.text) ?? rows.nextText(r, first.col);
    }
    if (facts.unitName === null && UNIT_NAME_LABEL.test(key))
      facts.unitName = valueAfterColon(first.text) ?? rows.nextText(r, first.col);
  }
  const goals = table.blocks.some((b) => b.goal !== null || b.rows.some((r) => r.goal));
  const department =
    goals ||
    DEPARTMENT_WORDS.test(facts.title ?? "") ||
    DEPARTMENT_WORDS.test(table.budget?.label ?? "");
  const roleColumns = [
    ...table.blocks.flatMap((b) => Object.values(b.columns)),
    ...(table.budget ? table.budget.columns : []),
  ].filter((c): c is number => c !== undefined);
  const right = Math.max(...roleColumns);
  let left = Math.min(...roleColumns);
  for (let r = table.top; r <= table.bottom; r++) {
    const first = rows.firstOwnText(r);
    if (first && first.col < left) left = first.col;
  }
  return { ...table, ...facts, kind: department ? "department" : "project", left, right };
}
