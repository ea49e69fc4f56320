import { promises as fs } from "fs";
import { dirname } from "path";
import { ScoringPolicy } from "../../core/policy";
import { readFileBytes } from "../../file/open-file";
import { refuseOverwrite, writeAtomically } from "../../file/output-folder";
import { nodeDeflate } from "../../file/node-deflate";
import { rescoreXlsx } from "../../file/write-back";
import { FileSummary, summarizeFile } from "../../report/summary";
import { describe } from "../output";
import { Lang } from "../words";
import { Job } from "./inputs";

/** What the pool sends a worker thread. */
export type JobRequest = { job: Job; policy: ScoringPolicy; lang: Lang };

export type JobResult =
  /** `unscored`: the sentences of tables found but not scorable (no indicator header). */
  | { input: string; output: string; summary: FileSummary; problems: string[]; unscored: string[] }
  | { input: string; error: string };

/** Rescores one workbook and writes its annotated copy; a failure is an answer, not an exception. */
export async function processJob(
  job: Job,
  policy: ScoringPolicy,
  lang: Lang = "zh"
): Promise<JobResult> {
  try {
    refuseOverwrite(job.input, job.output);
    const result = await rescoreXlsx(await readFileBytes(job.input), policy, {
      highlight: true,
      deflate: nodeDeflate,
    });
    await fs.mkdir(dirname(job.output), { recursive: true });
    await writeAtomically(job.output, result.data);
    return {
      input: job.input,
      output: job.output,
      summary: summarizeFile(job.input, result.tables),
      problems: result.problems.map((p) => p.message),
      unscored: result.tables.flatMap((t) => (t.error ? [t.error] : [])),
    };
  } catch (error) {
    return { input: job.input, error: describe(error, lang) };
  }
}
