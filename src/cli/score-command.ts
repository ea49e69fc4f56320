import { evaluateWorkbook } from '../core/evaluate';
import { NoTableError, SelfEvalError } from '../core/errors';
import { ScoringPolicy } from '../core/policy';
import { readWorkbookFile } from '../file/open-file';
import { FileReport, toJson } from './report-json';
import { toText } from './report-text';

export type ScoreOptions = { json: boolean; policy: ScoringPolicy };

export type Output = { out: (text: string) => void; err: (text: string) => void };

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

/** One sentence for the user, Chinese then English; never a stack trace. */
export function describe(error: unknown): string {
  if (error instanceof SelfEvalError) return `${error.message} (${error.english})`;
  const detail = error instanceof Error ? error.message : String(error);
  return `读取或评分时出错：${detail} (unexpected error)`;
}
