import { TableResult } from "../core/evaluate";
import { gradeText, tableName } from "../core/plan";
import { ScoringPolicy, describePolicy } from "../core/policy";
import { FileReport } from "./report-json";

const KIND = { project: "项目支出", department: "部门整体" } as const;

/** The readable summary `selfeval score` prints without --json. */
export function toText(files: FileReport[], policy: ScoringPolicy): string {
  const lines: string[] = [`评分规则：${describePolicy(policy)}`, ""];
  for (const file of files) {
    lines.push(file.file);
    if (file.error) {
      lines.push(`  错误 error: ${file.error}`);
      continue;
    }
    for (const table of file.tables) lines.push(...tableLines(table));
    lines.push("");
  }
  return lines.join("\n").trimEnd() + "\n";
}

function tableLines(t: TableResult): string[] {
  const lines = [`  [${t.sheet}!${t.range}] ${KIND[t.kind]}「${tableName(t)}」`];
  if (t.error) return [...lines, `    错误 error: ${t.error}`];
  const reported = t.reportedTotal === null ? "未填" : String(t.reportedTotal);
  const result =
    t.total === null
      ? `未评分（${gradeText(t)}）`
      : `复核总分 ${t.total}（填报 ${reported}），等级 ${t.grade}`;
  lines.push(`    ${result}；指标 ${t.indicators.length} 个`);
  if (t.budget) {
    const rate = t.budget.rate === null ? "—" : `${(t.budget.rate * 100).toFixed(2)}%`;
    lines.push(
      `    预算执行 第 ${t.budget.row} 行：执行率 ${rate}，得分 ${t.budget.score}/${t.budget.weight}`
    );
  }
  for (const note of t.notes) lines.push(`    ! ${note}`);
  for (const i of t.indicators) {
    if (i.flags.length === 0) continue;
    const weight = i.weight === null ? "?" : String(i.weight);
    lines.push(`    第 ${i.row} 行 ${i.name}：${i.score}/${weight}  [${i.flags.join(", ")}]`);
    for (const note of i.notes) lines.push(`      - ${note}`);
  }
  return lines;
}
