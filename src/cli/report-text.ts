import { TableResult } from "../core/evaluate";
import { gradeText, tableName } from "../core/plan";
import { ScoringPolicy, describePolicy } from "../core/policy";
import { FileReport } from "./report-json";
import { Lang, WORDS, Words } from "./words";

/** The readable summary `selfeval score` prints without --json. */
export function toText(files: FileReport[], policy: ScoringPolicy, lang: Lang = "zh"): string {
  const w = WORDS[lang];
  const lines: string[] = [w.rules(describePolicy(policy, lang)), ""];
  for (const file of files) {
    lines.push(file.file);
    if (file.error) {
      lines.push(`  ${w.error(file.error)}`);
      continue;
    }
    for (const table of file.tables) lines.push(...tableLines(table, w));
    lines.push("");
  }
  return lines.join("\n").trimEnd() + "\n";
}

function tableLines(t: TableResult, w: Words): string[] {
  const lines = [`  [${t.sheet}!${t.range}] ${w.table(w.kind[t.kind], tableName(t))}`];
  if (t.error) return [...lines, `    ${w.error(t.error)}`];
  const result =
    t.total === null ? w.ungraded(gradeText(t)) : w.graded(t.total, t.reportedTotal, t.grade ?? "");
  lines.push(`    ${result}${w.separator}${w.indicatorCount(t.indicators.length)}`);
  if (t.budget) {
    const rate = t.budget.rate === null ? "—" : `${(t.budget.rate * 100).toFixed(2)}%`;
    lines.push(`    ${w.budget(t.budget.row, rate, t.budget.score, t.budget.weight)}`);
  }
  for (const note of t.notes) lines.push(`    ! ${note}`);
  for (const i of t.indicators) {
    if (i.flags.length === 0) continue;
    lines.push(`    ${w.indicator(i.row, i.name, i.score, i.weight)}  [${w.flags(i.flags)}]`);
    for (const note of i.notes) lines.push(`      - ${note}`);
  }
  return lines;
}
