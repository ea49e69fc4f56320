import { join } from "path";
import { evaluateWorkbook } from "../core/evaluate";
import { NoTableError } from "../core/errors";
import { ScoringPolicy } from "../core/policy";
import { readWorkbookFile } from "../file/open-file";
import { Output, describe, timeLimitMessage } from "./output";
import { FileReport, toJson } from "./report-json";
import { toText } from "./report-text";
import { WorkerEntry, runOnThreads, workerEntry } from "./threads";
import { Lang } from "./words";

export type ScoreOptions = {
  json: boolean;
  policy: ScoringPolicy;
  lang?: Lang;
  /** Seconds one file may take; with a limit the files are scored on a worker thread. */
  timeLimit?: number;
  /** The module that worker thread runs: ./score-worker, unless a test gives its own. */
  entry?: WorkerEntry;
};

/** What `score` sends its worker thread. */
export type ScoreRequest = { file: string; policy: ScoringPolicy; lang: Lang };

/** Scores each file; one file's failure is reported and the others go on. Returns the exit code. */
export async function runScore(
  files: string[],
  options: ScoreOptions,
  io: Output
): Promise<number> {
  const lang = options.lang ?? "zh";
  const reports =
    options.timeLimit === undefined
      ? await scoreHere(files, options.policy, lang)
      : await scoreOnThread(files, options.policy, lang, options.timeLimit, options.entry);
  io.out(
    options.json
      ? `${JSON.stringify(toJson(reports, options.policy), null, 1)}\n`
      : toText(reports, options.policy, lang)
  );
  for (const r of reports) if (r.error) io.err(`selfeval: ${r.file}: ${r.error}`);
  const unscored = reports.flatMap((r) =>
    r.tables.filter((t) => t.error).map((t) => `selfeval: ${r.file}: ${t.error}`)
  );
  for (const line of unscored) io.err(line);
  return reports.some((r) => r.error) || unscored.length ? 1 : 0;
}

async function scoreHere(
  files: string[],
  policy: ScoringPolicy,
  lang: Lang
): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await scoreFile(file, policy, lang));
  return reports;
}

/**
 * Scores the files in order on one worker thread. The engine is synchronous: on this thread a
 * file that sent it into an endless loop could never be stopped. On a worker thread it can: at
 * the time limit the thread is terminated, that file is reported as failed, and a fresh thread
 * scores the rest.
 */
async function scoreOnThread(
  files: string[],
  policy: ScoringPolicy,
  lang: Lang,
  timeLimit: number,
  entry?: WorkerEntry
): Promise<FileReport[]> {
  const requests: ScoreRequest[] = files.map((file) => ({ file, policy, lang }));
  const reports = new Map<ScoreRequest, FileReport>();
  await runOnThreads<ScoreRequest, FileReport>(requests, {
    entry: entry ?? workerEntry(join(__dirname, "score-worker")),
    threads: 1,
    timeLimit,
    stopped: () => false,
    onAnswer: (request, report) => void reports.set(request, report),
    onFailure: (request, failure) => {
      const error =
        failure === "time" ? timeLimitMessage(timeLimit, lang) : describe(failure, lang);
      reports.set(request, { file: request.file, error, tables: [] });
    },
  });
  return requests.map((request) => reports.get(request) as FileReport);
}

export async function scoreFile(
  file: string,
  policy: ScoringPolicy,
  lang: Lang = "zh"
): Promise<FileReport> {
  try {
    const grids = await readWorkbookFile(file);
    const tables = evaluateWorkbook(grids, { policy });
    if (tables.length === 0) throw new NoTableError(grids.map((g) => g.name));
    return { file, error: null, tables };
  } catch (error) {
    return { file, error: describe(error, lang), tables: [] };
  }
}
