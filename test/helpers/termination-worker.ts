/**
 * The worker thread of test/core/termination.test.ts. An endless loop cannot be interrupted on
 * the thread it runs on, so detection runs here: before each sheet this thread tells the test
 * which sheet it is on, and when a sheet never returns the test stops the thread and names it.
 */
import fc from "fast-check";
import { performance } from "perf_hooks";
import { parentPort, workerData } from "worker_threads";
import { detectTables } from "../../src/core/detect";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { SheetGrid } from "../../src/core/grid";
import { TerminationReport, TerminationRun, sheetGrid } from "./termination-grids";

const port = parentPort;
const run = workerData as TerminationRun;
const tell = (report: TerminationReport) => port?.postMessage(report);

let index = 0;
/** Detects and scores one sheet; a sheet that returns but takes too long fails too. */
function check(grid: SheetGrid): void {
  tell({ kind: "case", index: index++, grid });
  const start = performance.now();
  detectTables(grid);
  evaluateWorkbook([grid]);
  const ms = performance.now() - start;
  if (ms > run.caseLimitMs)
    throw new Error(
      `detectTables + evaluateWorkbook took ${Math.round(ms)} ms (bound ${run.caseLimitMs} ms)`
    );
}

tell({ kind: "ready" });
if (run.kind === "fixed") {
  try {
    run.grids.forEach(check);
    tell({ kind: "done", cases: run.grids.length });
  } catch (error) {
    tell({
      kind: "failed",
      message: `case ${index - 1}: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
} else {
  const result = fc.check(fc.property(sheetGrid, check), { seed: run.seed, numRuns: run.numRuns });
  tell(
    result.failed
      ? { kind: "failed", message: fc.defaultReportMessage(result) ?? "failed" }
      : { kind: "done", cases: result.numRuns }
  );
}
