import { promises as fs } from "fs";
import { dirname } from "path";
import { readFileBytes } from "../file/open-file";
import { checkOutputFolder, refuseOverwrite, writeAtomically } from "../file/output-folder";
import { nodeDeflate } from "../file/node-deflate";
import { clearXlsx } from "../file/write-back";
import { collectJobs } from "./batch/inputs";
import { Output, describe } from "./output";

/**
 * `selfeval clear FILE|DIR... --out OUT`: copies with every annotation taken out again, laid
 * out under OUT as `rescore` lays them out; a failing file is reported and the rest go on.
 */
export async function runClear(inputs: string[], folder: string, io: Output): Promise<number> {
  try {
    await checkOutputFolder(folder);
  } catch (error) {
    io.err(`selfeval: ${describe(error)}\n`);
    return 1;
  }
  const { jobs, skipped, notes } = await collectJobs(inputs, folder);
  for (const note of notes) io.err(`selfeval: ${note}\n`);
  let failed = skipped.length > 0;
  for (const s of skipped) io.out(`${s.input}\n  错误 error: ${s.reason}\n`);
  for (const job of jobs) {
    try {
      refuseOverwrite(job.input, job.output);
      const result = await clearXlsx(await readFileBytes(job.input), nodeDeflate);
      await fs.mkdir(dirname(job.output), { recursive: true });
      await writeAtomically(job.output, result.data);
      const what = result.cleared
        ? "已撤销全部复核标注 (annotations removed)"
        : "没有复核标注 (no annotations found)";
      io.out(`${job.input}\n  ${what}\n  → ${job.output}\n`);
    } catch (error) {
      failed = true;
      io.out(`${job.input}\n  错误 error: ${describe(error)}\n`);
      io.err(`selfeval: ${job.input}: ${describe(error)}\n`);
    }
  }
  return failed ? 1 : 0;
}
