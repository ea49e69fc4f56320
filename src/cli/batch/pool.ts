import { promises as fs } from "fs";
import { availableParallelism } from "os";
import { join } from "path";
import { ScoringPolicy } from "../../core/policy";
import { temporaryPath } from "../../file/output-folder";
import { describe, timeLimitMessage } from "../output";
import { WorkerEntry, runOnThreads, workerEntry } from "../threads";
import { Lang } from "../words";
import { Job } from "./inputs";
import { JobRequest, JobResult, processJob } from "./work";

export type PoolOptions = {
  policy: ScoringPolicy;
  lang?: Lang;
  /** Worker threads; 0 works in this thread (unless there is a time limit). */
  workers: number;
  onResult: (result: JobResult) => void;
  /** Set when the user pressed Ctrl-C: no new job starts. */
  stopped: () => boolean;
  /**
   * Seconds one file may take; past it its worker thread is stopped and replaced, and the file
   * is reported as failed. Only a worker thread can be stopped, so with a limit at least one is used.
   */
  timeLimit?: number;
  /** The module each worker thread runs: ./worker, unless a test gives its own. */
  entry?: WorkerEntry;
};

export function defaultWorkers(jobs: number): number {
  return Math.max(0, Math.min(availableParallelism(), jobs));
}

/** Runs every job on a pool of worker threads (or in this thread), reporting each result as it comes. */
export async function runPool(
  jobs: Job[],
  options: PoolOptions
): Promise<{ interrupted: boolean }> {
  const { policy, timeLimit } = options;
  const lang = options.lang ?? "zh";
  if (options.workers === 0 && timeLimit === undefined) {
    const queue = [...jobs];
    while (queue.length && !options.stopped()) {
      const job = queue.shift() as Job;
      options.onResult(await processJob(job, policy, lang));
    }
    return { interrupted: queue.length > 0 };
  }
  return runOnThreads<JobRequest, JobResult>(
    jobs.map((job) => ({ job, policy, lang })),
    {
      entry: options.entry ?? workerEntry(join(__dirname, "worker")),
      threads: options.workers,
      timeLimit,
      stopped: options.stopped,
      onAnswer: (_request, result) => options.onResult(result),
      onFailure: async ({ job }, failure) => {
        // The stopped thread may have been writing the copy: its temporary file goes with it.
        await fs.rm(temporaryPath(job.output), { force: true });
        const error =
          failure === "time"
            ? timeLimitMessage(timeLimit as number, lang)
            : describe(failure, lang);
        options.onResult({ input: job.input, error });
      },
    }
  );
}
