import { promises as fs } from "fs";
import { extname } from "path";
import { ScoringPolicy, describePolicy } from "../../core/policy";
import { checkOutputFolder, temporaryPath, writeAtomically } from "../../file/output-folder";
import { summaryXlsx } from "../../file/summary-xlsx";
import { reportHtml } from "../../report/report-html";
import {
  Finding,
  SummaryRow,
  UnscoredFile,
  WeakTarget,
  sortForReview,
  summaryCsv,
} from "../../report/summary";
import { Output, describe } from "../output";
import { Lang, WORDS } from "../words";
import { policyJson } from "../report-json";
import { WorkerEntry } from "../threads";
import { collectJobs } from "./inputs";
import { defaultWorkers, runPool } from "./pool";
import { createProgress } from "./progress";

export type BatchOptions = {
  out: string;
  policy: ScoringPolicy;
  /** The language of the command line's own sentences; Chinese unless told. */
  lang?: Lang;
  summary?: string;
  report?: string;
  /** Worker threads; defaults to the machine's cores. */
  workers?: number;
  /** Seconds one file may take before its worker thread is stopped and the file fails (see runPool). */
  timeLimit?: number;
  /** The module each worker thread runs; only tests give their own. */
  entry?: WorkerEntry;
  /** Whether stderr is a terminal (progress redrawn in place). */
  tty?: boolean;
  /** Registers the Ctrl-C handler; returns the function that removes it. */
  onInterrupt?: (handler: () => void) => () => void;
};

export const SUMMARY_FORMATS = [".xlsx", ".csv", ".json"];
export const INTERRUPTED = 130;
/** Up to this many files, each table gets its own line. */
const LIST_LIMIT = 20;

/**
 * `selfeval rescore FILE|DIR... --out OUT`: annotated copies under OUT with the folder
 * structure kept, a progress line, the broken files listed at the end, and optionally a
 * summary and a review report across every file.
 */
export async function runBatchRescore(
  inputs: string[],
  options: BatchOptions,
  io: Output
): Promise<number> {
  const lang = options.lang ?? "zh";
  const w = WORDS[lang];
  try {
    await checkOutputFolder(options.out);
  } catch (error) {
    io.err(`selfeval: ${describe(error, lang)}\n`);
    return 1;
  }
  const { jobs, skipped, notes } = await collectJobs(inputs, options.out, lang);
  for (const note of notes) io.err(`selfeval: ${note}\n`);

  const rows: SummaryRow[] = [];
  const findings: Finding[] = [];
  const weakTargets: WeakTarget[] = [];
  const failed: UnscoredFile[] = skipped.map((s) => ({
    file: s.input,
    error: s.reason,
  }));
  // Outputs of the jobs not yet answered: their temporary files are removed if the run is stopped.
  const unfinished = new Map(jobs.map((j) => [j.input, j.output]));
  let done = 0;
  let unscoredFiles = 0;
  let stopping = false;
  const progress = createProgress(jobs.length, io.err, options.tty ?? false, lang);
  const removeHandler = options.onInterrupt?.(() => {
    if (stopping) return;
    stopping = true;
    io.err(`\nselfeval: ${w.stopping}\n`);
  });

  try {
    const { interrupted } = await runPool(jobs, {
      policy: options.policy,
      lang,
      workers: options.workers ?? defaultWorkers(jobs.length),
      timeLimit: options.timeLimit,
      entry: options.entry,
      stopped: () => stopping,
      onResult: (result) => {
        done++;
        unfinished.delete(result.input);
        if ("error" in result) failed.push({ file: result.input, error: result.error });
        else {
          rows.push(...result.summary.rows);
          findings.push(...result.summary.findings);
          weakTargets.push(...result.summary.weakTargets);
          for (const problem of [...result.problems, ...result.unscored])
            io.err(`selfeval: ${result.input}: ${problem}\n`);
          if (result.unscored.length) unscoredFiles++;
        }
        progress.update(done, failed.length - skipped.length);
      },
    });
    progress.finish();
    if (interrupted) {
      // Nothing half-written: a copy is only ever renamed into place whole.
      await Promise.all(
        [...unfinished.values()].map((output) => fs.rm(temporaryPath(output), { force: true }))
      );
      io.err(`selfeval: ${w.interrupted(done, jobs.length)}\n`);
      return INTERRUPTED;
    }
  } finally {
    removeHandler?.();
  }

  const sorted = sortForReview(rows);
  const rules = describePolicy(options.policy);
  if (options.summary) await writeSummary(options.summary, sorted, failed, options.policy);
  if (options.report) {
    const html = reportHtml({
      generated: new Date().toLocaleString("zh-CN", { hour12: false }),
      rules,
      files: jobs.length + skipped.length,
      failed,
      rows: sorted,
      findings,
      weakTargets,
    });
    await writeAtomically(options.report, new TextEncoder().encode(html));
  }
  if (jobs.length <= LIST_LIMIT) {
    for (const row of rows)
      io.out(
        `${row.file} [${row.sheet}!${row.range}] ${w.batchLine(row.project, row.total, row.grade)}\n`
      );
  }
  io.out(`${w.rules(describePolicy(options.policy, lang))}\n`);
  io.out(`${w.done(jobs.length, rows.length, options.out)}\n`);
  if (options.summary) io.out(`${w.summary(options.summary)}\n`);
  if (options.report) io.out(`${w.report(options.report)}\n`);
  if (failed.length) {
    io.out(`${w.failed(failed.length)}\n`);
    for (const f of failed) io.out(`  ${f.file}: ${f.error}\n`);
  }
  if (unscoredFiles) io.out(`${w.unscoredFiles(unscoredFiles)}\n`);
  return failed.length || unscoredFiles ? 1 : 0;
}

async function writeSummary(
  path: string,
  rows: SummaryRow[],
  unscored: UnscoredFile[],
  policy: ScoringPolicy
): Promise<void> {
  const ext = extname(path).toLowerCase();
  const data =
    ext === ".xlsx"
      ? await summaryXlsx(rows, unscored, describePolicy(policy))
      : new TextEncoder().encode(
          ext === ".csv"
            ? summaryCsv(rows, unscored)
            : `${JSON.stringify({ policy: policyJson(policy), tables: rows, unscored }, null, 1)}\n`
        );
  await writeAtomically(path, data);
}
