import { promises as fs } from "fs";
import { dirname } from "path";
import { readFileBytes } from "../file/open-file";
import { checkOutputFolder, refuseOverwrite, writeAtomically } from "../file/output-folder";
import { nodeDeflate } from "../file/node-deflate";
import { clearXlsx } from "../file/write-back";
import { collectJobs } from "./batch/inputs";
import { Output, describe } from "./output";
import { Lang, WORDS } from "./words";

/**
 * `selfeval clear FILE|DIR... --out OUT`: copies with every annotation taken out again, laid
 * out under OUT as `rescore` lays them out; a failing file is reported and the rest go on.
 */
export async function runClear(
  inputs: string[],
  folder: string,
  io: Output,
  lang: Lang = "zh"
): Promise<number> {
  const w = WORDS[lang];
  try {
    await checkOutputFolder(folder);
  } catch (error) {
    io.err(`selfeval: ${describe(error, lang)}\n`);
    return 1;
  }
  const { jobs, skipped, notes } = await collectJobs(inputs, folder, lang);
  for (const note of notes) io.err(`selfeval: ${note}\n`);
  let failed = skipped.length > 0;
  for (const s of skipped) io.out(`${s.input}\n  ${w.error(s.reason)}\n`);
  for (const job of jobs) {
    try {
      refuseOverwrite(job.input, job.output);
      const result = await clearXlsx(await readFileBytes(job.input), nodeDeflate);
      await fs.mkdir(dirname(job.output), { recursive: true });
      await writeAtomically(job.output, result.data);
      const what = result.cleared ? w.cleared : w.nothingToClear;
      io.out(`${job.input}\n  ${what}\n  → ${job.output}\n`);
    } catch (error) {
      failed = true;
      io.out(`${job.input}\n  ${w.error(describe(error, lang))}\n`);
      io.err(`selfeval: ${job.input}: ${describe(error, lang)}\n`);
    }
  }
  return failed ? 1 : 0;
}
