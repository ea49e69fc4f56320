import { evaluateWorkbook } from '../core/evaluate';
import { NoTableError } from '../core/errors';
import { ScoringPolicy } from '../core/policy';
import { readWorkbookFile } from '../file/open-file';
import { Output, describe } from './output';
import { FileReport, toJson } from './report-json';
import { toText } from './report-text';

export type ScoreOptions = { json: boolean; policy: ScoringPolicy };

/** Scores each file; one file's failure is reported and the others go on. Returns the exit code. */
export async function runScore(files: string[], options: ScoreOptions, io: Output): Promise<number> {
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await scoreFile(file, options.policy));
  io.out(options.json ? `${JSON.stringify(toJson(reports), null, 1)}\n` : toText(reports));
  for (const r of reports) if (r.error) io.err(`selfeval: ${r.file}: ${r.error}`);
  return reports.some((r) => r.error) ? 1 : 0;
}

export async function scoreFile(file: string, policy: ScoringPolicy): Promise<FileReport> {
  try {
    const grids = await readWorkbookFile(file);
    const tables = evaluateWorkbook(grids, { policy });
    if (tables.length === 0) throw new NoTableError(grids.map((g) => g.name));
    return { file, error: null, tables };
  } catch (error) {
    return { file, error: describe(error), tables: [] };
  }
}
