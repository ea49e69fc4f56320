import { Flag } from "../core/evaluate";
import { FLAG_TITLES } from "../core/plan";
import { ATTENTION, Finding, SummaryRow, UnscoredFile, WeakTarget } from "./summary";

export type ReportInput = {
  /** When the run ended, as the reader should see it. */
  generated: string;
  /** The rules the tables were scored by, in one line (describePolicy). */
  rules: string;
  files: number;
  /** Files that gave no table to score: unreadable, not .xlsx, or without a table. */
  failed: UnscoredFile[];
  rows: SummaryRow[];
  findings: Finding[];
  weakTargets: WeakTarget[];
};

const escape = (text: string | number) =>
  String(text).replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string
  );

const TITLE: Record<Flag, string> = Object.fromEntries(FLAG_TITLES) as Record<Flag, string>;
const GRADES = ["优", "良", "中", "差"] as const;
const GRADE_COLOURS = { 优: "#107c41", 良: "#2b88d8", 中: "#c19c00", 差: "#c50f1f" };

/** Horizontal bars with their labels and values, as inline SVG. */
function barChart(
  id: string,
  title: string,
  bars: { label: string; value: number; colour?: string; note?: string }[],
  format = (v: number) => String(v)
): string {
  const width = 640;
  const labelWidth = 230;
  const barHeight = 22;
  const height = Math.max(1, bars.length) * (barHeight + 6) + 10;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const body = bars
    .filter((b) => Number.isFinite(b.value))
    .map((b, k) => {
      const y = 5 + k * (barHeight + 6);
      // Divided first: a product of two large values would overflow before the division.
      const w = Math.max(1, (b.value / max) * (width - labelWidth - 90));
      return [
        `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escape(b.label)}</text>`,
        `<rect x="${labelWidth}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${b.colour ?? "#2b88d8"}"><title>${escape(b.note ?? `${b.label}: ${format(b.value)}`)}</title></rect>`,
        `<text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 16}" data-value="${b.value}">${escape(format(b.value))}</text>`,
      ].join("");
    })
    .join("");
  return `<figure id="${id}"><figcaption>${escape(title)}</figcaption><svg viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escape(title)}">${bars.length ? body : '<text x="10" y="20">无</text>'}</svg></figure>`;
}

/** Reported against computed totals: a point per table, on the diagonal where they agree. */
function totalsChart(rows: SummaryRow[]): string {
  const size = 360;
  const pad = 40;
  // The axes start a little below the lowest total, on a multiple of 5, so the points spread out.
  const scored = rows.filter((r): r is SummaryRow & { total: number } => r.total !== null);
  const lowest = Math.min(100, ...scored.map((r) => Math.min(r.total, r.reportedTotal ?? r.total)));
  const lo = Math.max(0, Math.min(90, Math.floor(lowest / 5) * 5 - 5));
  const scale = (v: number) => pad + ((v - lo) / (100 - lo)) * (size - 2 * pad);
  const points = scored
    .filter((r) => r.reportedTotal !== null)
    .map((r) => {
      const off = r.difference !== null && r.difference !== 0;
      return `<circle cx="${scale(r.total).toFixed(1)}" cy="${(size - scale(r.reportedTotal as number)).toFixed(1)}" r="${off ? 5 : 3.5}" fill="${off ? "#c50f1f" : "#107c41"}" fill-opacity="0.7"><title>${escape(`${r.file} ${r.sheet}：复核 ${r.total}，填报 ${r.reportedTotal}`)}</title></circle>`;
    })
    .join("");
  const ticks = [lo, (lo + 100) / 2, 100]
    .map(
      (v) =>
        `<text x="${scale(v).toFixed(1)}" y="${size - 12}" text-anchor="middle">${Math.round(v)}</text><text x="${pad - 6}" y="${(size - scale(v) + 4).toFixed(1)}" text-anchor="end">${Math.round(v)}</text>`
    )
    .join("");
  return `<figure id="totals"><figcaption>填报总分与复核总分（红点为不一致）</figcaption><svg viewBox="0 0 ${size} ${size}" width="${size}" role="img" aria-label="填报总分与复核总分">
<line x1="${scale(lo)}" y1="${size - scale(lo)}" x2="${scale(100)}" y2="${size - scale(100)}" stroke="#999" stroke-dasharray="4 3"/>
<line x1="${pad}" y1="${size - pad}" x2="${size - pad}" y2="${size - pad}" stroke="#444"/><line x1="${pad}" y1="${pad}" x2="${pad}" y2="${size - pad}" stroke="#444"/>
${ticks}<text x="${size / 2}" y="${size - 1}" text-anchor="middle">复核总分</text><text x="12" y="${size / 2}" transform="rotate(-90 12 ${size / 2})" text-anchor="middle">填报总分</text>${points}</svg></figure>`;
}

/**
 * The weakest targets, each indicator once: the same indicator (by name) in several tables is
 * one bar, at its weakest, with the number of tables.
 */
function weakestIndicators(targets: WeakTarget[], limit: number) {
  const byName = new Map<string, { target: WeakTarget; tables: number }>();
  for (const target of targets) {
    const seen = byName.get(target.name);
    if (!seen) byName.set(target.name, { target, tables: 1 });
    else {
      seen.tables++;
      if (target.ratio > seen.target.ratio) seen.target = target;
    }
  }
  return [...byName.values()].sort((a, b) => b.target.ratio - a.target.ratio).slice(0, limit);
}

/** What 关注度 means, from the very weights that make it. */
const ATTENTION_EXPLAINED = `关注度：每个问题按类计分相加（${FLAG_TITLES.map(([flag, title]) => ({
  title,
  weight: ATTENTION[flag],
}))
  .sort((a, b) => b.weight - a.weight)
  .map((f) => `${f.title} ${f.weight}`)
  .join("、")}），再加填报与复核总分之差的 10 倍。越高越应先看。`;

/** A single self-contained page: no script, no network, printable on A4. */
export function reportHtml(input: ReportInput): string {
  const { rows, findings, weakTargets, failed } = input;
  const gradeCounts = GRADES.map((g) => ({
    label: g,
    value: rows.filter((r) => r.grade === g).length,
    colour: GRADE_COLOURS[g],
  }));
  const flagCounts = FLAG_TITLES.map(([flag, title]) => ({
    label: title,
    value: rows.reduce((s, r) => s + r.flags[flag], 0),
  }))
    .filter((b) => b.value > 0)
    .sort((a, b) => b.value - a.value);
  const worst = weakestIndicators(weakTargets, 15);
  const mismatched = rows.filter((r) => r.difference !== null && r.difference !== 0).length;
  const stats: [string, string | number][] = [
    ["文件", input.files],
    ["未能评分的文件", failed.length],
    ["自评表", rows.length],
    ["总分不一致", mismatched],
    ["需关注的指标", findings.length],
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>绩效自评复核报告</title>
<style>
@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #222; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #ccc; }
.meta { color: #666; } .stats { display: flex; gap: 6mm; flex-wrap: wrap; margin: 4mm 0; }
.stats div { border: 1px solid #ddd; border-radius: 2mm; padding: 2mm 4mm; } .stats b { display: block; font-size: 15pt; }
figure { margin: 3mm 0; break-inside: avoid; } figcaption { font-weight: bold; margin-bottom: 1mm; }
svg text { font-size: 12px; fill: #333; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; } thead { display: table-header-group; }
th, td { border: 1px solid #ccc; padding: 1mm 1.5mm; text-align: left; vertical-align: top; } tr { break-inside: avoid; }
th { background: #eef4ea; } td.num { text-align: right; white-space: nowrap; } .bad { color: #c50f1f; font-weight: bold; }
</style></head><body>
<h1>绩效自评复核报告</h1>
<p class="meta">生成于 ${escape(input.generated)}</p>
<p class="meta" id="rules">评分规则：${escape(input.rules)}</p>
<div class="stats">${stats.map(([k, v]) => `<div><b data-stat="${escape(k)}">${escape(v)}</b>${escape(k)}</div>`).join("")}</div>
<h2>等级分布</h2>
${barChart("grades", "各等级的自评表数", gradeCounts)}
<h2>填报与复核</h2>
${totalsChart(rows)}
<h2>常见问题</h2>
${barChart("flags", "各类问题出现的次数", flagCounts)}
<h2>目标值设置偏低最严重的指标</h2>
${barChart(
  "weak",
  "完成值为目标值的倍数",
  worst.map(({ target: w, tables }) => ({
    label: `${w.name.length > 14 ? `${w.name.slice(0, 13)}…` : w.name}${tables > 1 ? `（${tables} 表）` : ""}`,
    value: w.ratio,
    colour: "#c19c00",
    note: `${w.file} ${w.sheet}!${w.cell}：目标 ${w.target}，完成 ${w.actual}${tables > 1 ? `；另有 ${tables - 1} 张表的同名指标` : ""}`,
  })),
  (v) => `${v.toFixed(2)} 倍`
)}
<h2>各表复核结果（按关注度排序）</h2>
<p class="meta">${escape(ATTENTION_EXPLAINED)}</p>
<table id="tables"><thead><tr><th>文件</th><th>工作表</th><th>项目或目标</th><th>复核总分</th><th>填报总分</th><th>差额</th><th>等级</th><th>关注度</th></tr></thead><tbody>
${rows.map((r) => `<tr><td>${escape(r.file)}</td><td>${escape(r.sheet)}</td><td>${escape(r.project)}</td><td class="num">${r.total ?? "—"}</td><td class="num">${r.reportedTotal ?? "未填"}</td><td class="num${r.difference ? " bad" : ""}">${r.difference ?? ""}</td><td>${r.grade}</td><td class="num">${r.attention}</td></tr>`).join("\n")}
</tbody></table>
${failed.length ? `<h2>未能评分的文件</h2><table id="failed"><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>${failed.map((f) => `<tr><td>${escape(f.file)}</td><td>${escape(f.error)}</td></tr>`).join("")}</tbody></table>` : ""}
<h2>全部发现</h2>
<table id="findings"><thead><tr><th>文件</th><th>工作表</th><th>单元格</th><th>指标或表</th><th>问题</th><th>说明</th><th>复核标记</th></tr></thead><tbody>
${findings.map((f) => `<tr><td>${escape(f.file)}</td><td>${escape(f.sheet)}</td><td>${escape(f.cell)}</td><td>${escape(f.name)}</td><td>${f.flags.map((fl) => escape(TITLE[fl])).join("、")}</td><td>${escape(f.reason)}</td><td>${escape(f.marked)}</td></tr>`).join("\n")}
</tbody></table>
</body></html>
`;
}
