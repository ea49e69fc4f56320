import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { ScoringPolicy } from '../../core/policy';
import { Job } from './inputs';
import { JobResult, processJob } from './work';
import { WorkerRequest } from './worker';

export type PoolOptions = {
  policy: ScoringPolicy;
  /** Worker threads; 0 works in this thread. */
  workers: number;
  onResult: (result: JobResult) => void;
  /** Set when the user pressed Ctrl-C: no new job starts. */
  stopped: () => boolean;
};

export function defaultWorkers(jobs: number): number {
  return Math.max(0, Math.min(availableParallelism(), jobs));
}

/** The compiled worker next to this file; under ts-node (tests) the TypeScript source. */
function workerEntry(): { file: string; execArgv: string[] } {
  const compiled = join(__dirname, 'worker.js');
  if (existsSync(compiled)) return { file: compiled, execArgv: [] };
  return { file: join(__dirname, 'worker.ts'), execArgv: ['-r', 'ts-node/register/transpile-only'] };
}

/** Runs every job on a pool of worker threads (or in this thread), reporting each result as it comes. */
export async function runPool(jobs: Job[], options: PoolOptions): Promise<{ interrupted: boolean }> {
  const queue = [...jobs];
  if (options.workers === 0) {
    while (queue.length && !options.stopped()) {
      const job = queue.shift() as Job;
      options.onResult(await processJob(job, options.policy));
    }
    return { interrupted: queue.length > 0 };
  }
  const entry = workerEntry();
  const workers = Array.from({ length: options.workers }, () => new Worker(entry.file, { execArgv: entry.execArgv }));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const next = () => {
            const job = options.stopped() ? undefined : queue.shift();
            if (!job) {
              void worker.terminate().then(() => resolve());
              return;
            }
            const request: WorkerRequest = { job, policy: options.policy };
            worker.once('message', (result: JobResult) => {
              options.onResult(result);
              next();
            });
            worker.postMessage(request);
          };
          worker.once('error', reject);
          next();
        }),
    ),
  );
  return { interrupted: queue.length > 0 };
}
