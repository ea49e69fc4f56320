import { Flag } from "../core/evaluate";
import { FLAG_TITLES } from "../core/plan";
import { Finding } from "./summary";

/**
 * The 复核意见 list a reviewer sends back to a department: one line per finding, with where it
 * is and what to do, the same words in the workbook list and on the printable page.
 */
export const OPINION_COLUMNS = [
  "序号",
  "文件",
  "工作表",
  "单元格",
  "指标或表",
  "问题",
  "复核意见",
  "复核标记",
];

const TITLE: Record<Flag, string> = Object.fromEntries(FLAG_TITLES) as Record<Flag, string>;

export function opinionCells(finding: Finding, k: number): (string | number)[] {
  return [
    k + 1,
    finding.file,
    finding.sheet,
    finding.cell,
    finding.name,
    finding.flags.map((f) => TITLE[f]).join("、"),
    finding.reason,
    finding.marked,
  ];
}

const escape = (text: string | number) =>
  String(text).replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string
  );

/** The same list as one self-contained page to print on landscape A4 (no script, no network). */
export function opinionsHtml(
  findings: Finding[],
  heading: { generated: string; rules: string }
): string {
  const rows = findings
    .map(
      (f, k) =>
        `<tr>${opinionCells(f, k)
          .map((v) => `<td>${escape(v)}</td>`)
          .join("")}</tr>`
    )
    .join("\n");
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>复核意见</title>
<style>
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 16pt; margin: 0 0 2mm; } .meta { color: #666; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; } thead { display: table-header-group; }
th, td { border: 1px solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eef4ea; } tr { break-inside: avoid; } td:last-child { width: 40%; }
</style></head><body>
<h1>复核意见</h1>
<p class="meta">共 ${findings.length} 条；生成于 ${escape(heading.generated)}；评分规则：${escape(heading.rules)}</p>
<table><thead><tr>${OPINION_COLUMNS.map((c) => `<th>${escape(c)}</th>`).join("")}</tr></thead><tbody>
${rows}
</tbody></table>
</body></html>
`;
}
