/**
 * A worker thread for the time-limit tests, given to the pool in place of the CLI's own. It
 * works as they do, except on a file named hang.xlsx: there it leaves a temporary file behind,
 * as a write cut short would, and then spins forever in synchronous code, as the table detector
 * once did on some tables. Only a time limit can end that.
 */
import { writeFileSync } from "fs";
import { basename } from "path";
import type { JobRequest } from "../../src/cli/batch/work";
import { processJob } from "../../src/cli/batch/work";
import type { ScoreRequest } from "../../src/cli/score-command";
import { scoreFile } from "../../src/cli/score-command";
import { serve } from "../../src/cli/threads";
import { temporaryPath } from "../../src/file/output-folder";

/** Kept here, not imported by the tests: importing this module would start serving. */
const HANGING_FILE = "hang.xlsx";

function spinForever(): never {
  for (;;) {
    // nothing: the thread never returns to its event loop
  }
}

serve(async (request: JobRequest | ScoreRequest) => {
  if ("job" in request) {
    if (basename(request.job.input) === HANGING_FILE) {
      writeFileSync(temporaryPath(request.job.output), "half a workbook");
      spinForever();
    }
    return processJob(request.job, request.policy);
  }
  if (basename(request.file) === HANGING_FILE) spinForever();
  return scoreFile(request.file, request.policy);
});
