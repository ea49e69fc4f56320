import { readFileBytes } from '../file/open-file';
import { checkOutputFolder, outputPath, writeAtomically } from '../file/output-folder';
import { clearXlsx } from '../file/write-back';
import { Output, describe } from './score-command';

type FileOutcome = { lines: string[]; failed: boolean };

/** Runs one write command over every file; a failing file is reported and the rest go on. */
async function eachFile(files: string[], folder: string, io: Output, work: (input: string, output: string) => Promise<string[]>): Promise<number> {
  try {
    await checkOutputFolder(folder);
  } catch (error) {
    io.err(`selfeval: ${describe(error)}\n`);
    return 1;
  }
  let failed = false;
  for (const input of files) {
    const outcome: FileOutcome = await Promise.resolve()
      .then(() => work(input, outputPath(input, folder)))
      .then((lines) => ({ lines, failed: false }))
      .catch((error: unknown) => ({ lines: [`  错误 error: ${describe(error)}`], failed: true }));
    failed ||= outcome.failed;
    io.out([input, ...outcome.lines].join('\n') + '\n');
    if (outcome.failed) io.err(`selfeval: ${input}: ${outcome.lines[0].replace(/^\s*错误 error: /, '')}\n`);
  }
  return failed ? 1 : 0;
}

/** `selfeval clear`: copies with every annotation taken out again. */
export async function runClear(files: string[], folder: string, io: Output): Promise<number> {
  return eachFile(files, folder, io, async (input, output) => {
    const result = await clearXlsx(await readFileBytes(input));
    await writeAtomically(output, result.data);
    return [result.cleared ? '  已撤销全部复核标注 (annotations removed)' : '  没有复核标注 (no annotations found)', `  → ${output}`];
  });
}
