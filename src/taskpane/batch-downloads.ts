import { zipSync } from "fflate";
import { TableResult } from "../core/evaluate";
import { opinionsXlsx } from "../file/opinions-xlsx";
import { summaryXlsx } from "../file/summary-xlsx";
import { opinionsHtml } from "../report/opinions";
import { reportHtml } from "../report/report-html";
import { FileSummary, sortForReview, summarizeFile } from "../report/summary";

/** A workbook of the batch: its results and the rules they come from, or why it could not be rescored. */
export type BatchFile = {
  name: string;
  tables: TableResult[] | null;
  error: string | null;
  rules: string;
};

/** The name the annotated copy of a workbook is saved under. */
export function annotatedName(name: string): string {
  return `${name.replace(/\.xlsx$/i, "")}-复核.xlsx`;
}

/** Every annotated copy in one .zip, each under its annotated name (a repeated name gets a number). */
export function zipOfCopies(copies: { name: string; data: Uint8Array }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const { name, data } of copies) {
    const base = annotatedName(name);
    let entry = base;
    for (let k = 2; entry in entries; k++) entry = base.replace(/\.xlsx$/, ` (${k}).xlsx`);
    // Already deflated parts inside: storing the workbooks costs nothing in size.
    entries[entry] = data;
  }
  return zipSync(entries, { level: 0 });
}

function summaries(files: BatchFile[]): FileSummary {
  const all = files
    .filter((f) => f.tables)
    .map((f) => summarizeFile(f.name, f.tables as TableResult[]));
  return {
    rows: sortForReview(all.flatMap((s) => s.rows)),
    findings: all.flatMap((s) => s.findings),
    weakTargets: all.flatMap((s) => s.weakTargets),
  };
}

/** The same 复核汇总 workbook the command line writes with `--summary`. */
export function batchSummary(files: BatchFile[]): Promise<Uint8Array> {
  return summaryXlsx(summaries(files).rows, unscoredOf(files), rulesOf(files));
}

/** The files that gave no table, with the sentence saying why. */
const unscoredOf = (files: BatchFile[]) =>
  files.filter((f) => f.error).map((f) => ({ file: f.name, error: f.error as string }));

/** The 复核意见 list of every finding, to send back: a workbook, and a page to print. */
export function batchOpinions(files: BatchFile[]): Uint8Array {
  return opinionsXlsx(summaries(files).findings);
}

export function batchOpinionsPage(files: BatchFile[], generated: Date): Uint8Array {
  const html = opinionsHtml(summaries(files).findings, {
    generated: generated.toLocaleString("zh-CN", { hour12: false }),
    rules: rulesOf(files),
  });
  return new TextEncoder().encode(html);
}

const rulesOf = (files: BatchFile[]) => [...new Set(files.map((f) => f.rules))].join("；");

/** The same review report the command line writes with `--report`. */
export function batchReport(files: BatchFile[], generated: Date): Uint8Array {
  const { rows, findings, weakTargets } = summaries(files);
  const html = reportHtml({
    generated: generated.toLocaleString("zh-CN", { hour12: false }),
    files: files.length,
    failed: unscoredOf(files),
    rows,
    findings,
    weakTargets,
    rules: rulesOf(files),
  });
  return new TextEncoder().encode(html);
}
