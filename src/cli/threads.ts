import { existsSync } from "fs";
import { Worker, parentPort } from "worker_threads";

/**
 * Work on worker threads with a time limit per request. A time limit can only stop code that
 * runs on another thread — an endless loop in the engine never gives this thread a turn — so
 * a thread past the limit is terminated (which stops even synchronous code) and a fresh one
 * takes the next request.
 */

/** The module a worker thread runs and the Node options it needs. */
export type WorkerEntry = { file: string; execArgv: string[] };

/** The compiled module `base.js`; under ts-node (tests) the TypeScript source `base.ts`. */
export function workerEntry(base: string): WorkerEntry {
  const compiled = `${base}.js`;
  if (existsSync(compiled)) return { file: compiled, execArgv: [] };
  return { file: `${base}.ts`, execArgv: ["-r", "ts-node/register/transpile-only"] };
}

/** Said once by a worker thread when its modules are loaded, so that loading is not counted against a file. */
const READY = "selfeval:ready";

/** A worker thread's side: answers each request with the handler's result, one at a time. */
export function serve<Request, Answer>(handler: (request: Request) => Promise<Answer>): void {
  const port = parentPort;
  if (!port) return;
  port.on("message", async (request: Request) => port.postMessage(await handler(request)));
  port.postMessage(READY);
}

export type ThreadOptions<Request, Answer> = {
  entry: WorkerEntry;
  /** Worker threads (at least one is used). */
  threads: number;
  /** Seconds one request may take; none when undefined. */
  timeLimit?: number;
  /** When it says so, no new request starts. */
  stopped: () => boolean;
  onAnswer: (request: Request, answer: Answer) => void;
  /** The request ran out of time (`'time'`) or its thread failed; that thread is already stopped. */
  onFailure: (request: Request, failure: "time" | Error) => void | Promise<void>;
};

/** setTimeout fires at once beyond this delay (about 24.8 days). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

type Outcome<T> = { message: T } | { failure: "time" | Error };

/** Runs every request on up to `threads` worker threads; `interrupted` when `stopped()` left some unsent. */
export async function runOnThreads<Request, Answer>(
  requests: Request[],
  options: ThreadOptions<Request, Answer>
): Promise<{ interrupted: boolean }> {
  const queue = [...requests];
  const limitMs =
    options.timeLimit === undefined
      ? undefined
      : Math.min(options.timeLimit * 1000, LONGEST_TIMER_MS);

  const lane = async () => {
    let worker: Worker | null = null;
    for (;;) {
      if (options.stopped() || queue.length === 0) break;
      const request = queue.shift() as Request;
      let outcome: Outcome<Answer>;
      if (!worker) {
        worker = new Worker(options.entry.file, { execArgv: options.entry.execArgv });
        // A late error from a thread being stopped must not become an uncaught exception here.
        worker.on("error", () => undefined);
        const started = await nextMessage<unknown>(worker, limitMs);
        if ("failure" in started) outcome = started;
        else if (started.message !== READY)
          outcome = { failure: new Error("worker thread did not start") };
        else outcome = await ask<Answer>(worker, request, limitMs);
      } else {
        outcome = await ask<Answer>(worker, request, limitMs);
      }
      if ("message" in outcome) {
        options.onAnswer(request, outcome.message);
        continue;
      }
      await worker.terminate();
      worker = null;
      await options.onFailure(request, outcome.failure);
    }
    await worker?.terminate();
  };

  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(options.threads, requests.length)) }, lane)
  );
  return { interrupted: queue.length > 0 };
}

function ask<Answer>(
  worker: Worker,
  request: unknown,
  limitMs: number | undefined
): Promise<Outcome<Answer>> {
  const answer = nextMessage<Answer>(worker, limitMs);
  worker.postMessage(request);
  return answer;
}

/** The thread's next message, or why none came: the time limit, an error, or the thread ending. */
function nextMessage<T>(worker: Worker, limitMs: number | undefined): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const settle = (outcome: Outcome<T>) => {
      if (timer) clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      resolve(outcome);
    };
    const onMessage = (message: T) => settle({ message });
    const onError = (error: Error) => settle({ failure: error });
    const onExit = (code: number) =>
      settle({ failure: new Error(`worker thread ended (exit code ${code})`) });
    const timer =
      limitMs === undefined ? undefined : setTimeout(() => settle({ failure: "time" }), limitMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}
