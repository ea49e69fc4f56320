/**
 * An independent reader: LibreOffice opens the annotated workbooks and exports every sheet
 * to CSV, and the numbers it sees must be the engine's. Needs `soffice`
 * (Debian: libreoffice-calc-nogui); run with `npm run test:interop`.
 */
import { execFileSync } from 'child_process';
import { parse } from 'csv-parse/sync';
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { evaluateWorkbook } from '../../src/core/evaluate';
import { policyFor } from '../../src/core/policy';
import { readGrids } from '../../src/file/read-workbook';
import { clearXlsx, rescoreXlsx } from '../../src/file/write-back';
import { expectedWorkbooks, referenceWorkbook } from '../helpers/reference';
import { useTempDir } from '../helpers/temp';

const tempDir = useTempDir();
// LibreOffice takes seconds to start and convert, more on a busy machine; its own run is bounded below.
jest.setTimeout(240_000);
const ALL_SHEETS_CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Converts every file in one LibreOffice run; returns sheet name → rows for each file. */
function libreOfficeCsv(files: string[], outDir: string): Map<string, Map<string, string[][]>> {
  execFileSync('soffice', ['--headless', '--norestore', '--convert-to', ALL_SHEETS_CSV, '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  const result = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const base = file.replace(/^.*\//, '').replace(/\.xlsx$/, '');
    const sheets = new Map<string, string[][]>();
    for (const csv of readdirSync(outDir).filter((n) => n.startsWith(`${base}-`) && n.endsWith('.csv'))) {
      sheets.set(csv.slice(base.length + 1, -4), parse(readFileSync(join(outDir, csv), 'utf8'), { relax_column_count: true }) as string[][]);
    }
    result.set(file, sheets);
  }
  return result;
}

test('LibreOffice reads the scores, grade and summary that rescore wrote, and the original after clear', async () => {
  const policy = policyFor('wuhan');
  const files = expectedWorkbooks();
  const annotated: string[] = [];
  const cleared: string[] = [];
  for (const expected of files) {
    const result = await rescoreXlsx(referenceWorkbook(expected.file), policy);
    const a = join(tempDir(), `annotated-${expected.file}`);
    writeFileSync(a, result.data);
    annotated.push(a);
    const c = join(tempDir(), `cleared-${expected.file}`);
    writeFileSync(c, (await clearXlsx(result.data)).data);
    cleared.push(c);
  }
  const originals = files.map((e) => {
    const o = join(tempDir(), `original-${e.file}`);
    writeFileSync(o, referenceWorkbook(e.file));
    return o;
  });
  const csv = libreOfficeCsv([...annotated, ...cleared, ...originals], tempDir());

  for (const [k, expected] of files.entries()) {
    const [table] = evaluateWorkbook(await readGrids(referenceWorkbook(expected.file)));
    const sheet = csv.get(annotated[k])!.get(expected.sheet)!;
    const scoreCol = table.detected.right + 1;
    const cell = (row: number, col: number) => sheet[row]?.[col] ?? '';
    expect(cell(table.detected.blocks[0].headerRow, scoreCol)).toBe('复核得分');
    for (const i of table.indicators) expect(Number(cell(i.row - 1, scoreCol))).toBe(i.score);
    expect(Number(cell(table.detected.total!.row, scoreCol))).toBe(expected.total);
    expect(cell(table.detected.total!.row, scoreCol + 1)).toBe('等级：优');
    const summary = csv.get(annotated[k])!.get('复核汇总')!;
    expect(summary[1].slice(0, 6)).toEqual([expected.sheet, expect.any(String), table.range, String(expected.total), String(expected.total), '优']);
    // Clear gives back what LibreOffice sees in the original, sheet for sheet.
    expect(csv.get(cleared[k])).toEqual(csv.get(originals[k]));
  }
});
