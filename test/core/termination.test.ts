import { join } from "path";
import { Worker } from "worker_threads";
import { SheetGrid } from "../../src/core/grid";
import {
  HUNG_SHEETS,
  TerminationReport,
  TerminationRun,
  showGrid,
} from "../helpers/termination-grids";

/**
 * Table detection ends on every sheet. An endless loop cannot be interrupted on its own thread,
 * so the sheets are detected and scored on a worker thread (test/helpers/termination-worker.ts),
 * which says before each sheet which one it is on; a thread that does not finish within the
 * bound is stopped and the sheet it was on is the counterexample.
 */

const SEED = 20231231;
const CASES = 300;
/** For the whole run, counted once the worker has loaded; a run takes about a second. */
const RUN_BOUND_MS = 20_000;
/** For one sheet of at most 40 × 12 cells, which takes milliseconds. */
const CASE_BOUND_MS = 2_000;

type Outcome =
  | { kind: "done"; cases: number }
  | { kind: "failed"; message: string }
  | { kind: "stopped"; why: string; last: { index: number; grid: SheetGrid } | null };

function runOnWorker(run: TerminationRun, boundMs: number): Promise<Outcome> {
  const worker = new Worker(join(__dirname, "..", "helpers", "termination-worker.ts"), {
    execArgv: ["-r", "ts-node/register/transpile-only"],
    workerData: run,
    // A loop that allocates as it spins ends in this thread's out-of-memory error, not the machine's.
    resourceLimits: { maxOldGenerationSizeMb: 512 },
  });
  return new Promise((resolve) => {
    let last: { index: number; grid: SheetGrid } | null = null;
    let timer: NodeJS.Timeout | undefined;
    const finish = (outcome: Outcome) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      worker.on("error", () => undefined);
      void worker.terminate().then(() => resolve(outcome));
    };
    worker.on("message", (report: TerminationReport) => {
      if (report.kind === "ready") {
        timer = setTimeout(
          () => finish({ kind: "stopped", why: `no answer within ${boundMs / 1000} s`, last }),
          boundMs
        );
      } else if (report.kind === "case") last = { index: report.index, grid: report.grid };
      else finish(report);
    });
    worker.on("error", (error) =>
      finish({ kind: "stopped", why: `the worker failed: ${error.message}`, last })
    );
    worker.on("exit", (code) =>
      finish({ kind: "stopped", why: `the worker ended (exit code ${code})`, last })
    );
  });
}

function explain(outcome: Outcome, what: string): string {
  if (outcome.kind === "done") return "";
  if (outcome.kind === "failed") return `${what}:\n${outcome.message}`;
  const at = outcome.last
    ? `case ${outcome.last.index} never returned:\n${showGrid(outcome.last.grid)}`
    : "no case had started";
  return `${what}: ${outcome.why}; ${at}`;
}

describe("table detection ends", () => {
  test("on the sheets that once made it loop forever (a goal label after a closed table)", async () => {
    const outcome = await runOnWorker(
      { kind: "fixed", grids: HUNG_SHEETS, caseLimitMs: CASE_BOUND_MS },
      10_000
    );
    if (outcome.kind !== "done") throw new Error(explain(outcome, "regression sheets"));
    expect(outcome.cases).toBe(HUNG_SHEETS.length);
  }, 60_000);

  test(`on ${CASES} random sheets made of the words that steer detection, with merged cells`, async () => {
    const outcome = await runOnWorker(
      { kind: "random", seed: SEED, numRuns: CASES, caseLimitMs: CASE_BOUND_MS },
      RUN_BOUND_MS
    );
    if (outcome.kind !== "done")
      throw new Error(explain(outcome, `fast-check seed ${SEED}, ${CASES} runs`));
    expect(outcome.cases).toBe(CASES);
  }, 60_000);
});
