/**
 * The hostile corpus: every file gets a clear answer, and no input cell of any of them
 * changes. Run with `npm run test:corpus` (it writes a 100,000-row sheet and a zip bomb).
 */
import ExcelJS from "exceljs";
import { mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { writeHostileCorpus, HostileCase } from "../../scripts/hostile-corpus";
import { runBatchRescore } from "../../src/cli/batch/batch-command";
import { scoreFile } from "../../src/cli/score-command";
import { SelfEvalError } from "../../src/core/errors";
import { policyFor } from "../../src/core/policy";
import { STATE_SHEET } from "../../src/core/state";
import { readFileBytes } from "../../src/file/open-file";
import { readGrids } from "../../src/file/read-workbook";
import { rescoreXlsx } from "../../src/file/write-back";
import { useTempDir } from "../helpers/temp";

const tempDir = useTempDir();
const policy = policyFor("wuhan");
let cases: HostileCase[];

beforeAll(async () => {
  cases = await writeHostileCorpus(join(tempDir(), "hostile"));
}, 300_000);

/** Every input cell: value (formulas with their result), number format; and merges and visibility. */
async function inputs(data: Uint8Array, skipSheets: Set<string>): Promise<Map<string, string>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const cells = new Map<string, string>();
  for (const sheet of workbook.worksheets) {
    if (skipSheets.has(sheet.name)) continue;
    cells.set(`${sheet.name}!state`, sheet.state);
    cells.set(
      `${sheet.name}!merges`,
      JSON.stringify([...((sheet.model as unknown as { merges?: string[] }).merges ?? [])].sort())
    );
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (row.hidden) cells.set(`${sheet.name}!row${row.number}`, "hidden");
      row.eachCell({ includeEmpty: false }, (cell) =>
        cells.set(
          `${sheet.name}!${cell.address}`,
          JSON.stringify([cell.value, cell.numFmt ?? null])
        )
      );
    });
  }
  return cells;
}

test("every hostile file gets a clear answer", async () => {
  for (const c of cases) {
    const report = await scoreFile(c.file, policy);
    if ("error" in c.expect) {
      expect({ about: c.about, error: report.error !== null }).toEqual({
        about: c.about,
        error: true,
      });
      const error = await readFileBytes(c.file)
        .then(readGrids)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SelfEvalError);
      expect((error as SelfEvalError).code).toBe(c.expect.error);
      expect(report.error).not.toMatch(/\n|\bat \w+ \(/);
    } else {
      expect({ about: c.about, error: report.error, tables: report.tables.length }).toEqual({
        about: c.about,
        error: null,
        tables: c.expect.tables,
      });
      for (const table of report.tables) {
        for (const indicator of table.indicators) {
          expect(Number.isFinite(indicator.score)).toBe(true);
          expect(indicator.score).toBeGreaterThanOrEqual(0);
          if (indicator.weight !== null)
            expect(indicator.score).toBeLessThanOrEqual(indicator.weight);
          if (indicator.flags.includes("unreadable"))
            expect(indicator.notes.join()).toMatch(/[A-Z]+\d+/);
        }
      }
    }
  }
}, 300_000);

test("no input cell of any readable hostile file changes when it is rescored", async () => {
  for (const c of cases.filter((x) => "tables" in x.expect)) {
    const original = readFileSync(c.file);
    const annotated = await rescoreXlsx(original, policy);
    const added = new Set(["复核汇总", STATE_SHEET]);
    const before = await inputs(original, added);
    const after = await inputs(annotated.data, added);
    const changed = [...before]
      .filter(([key, value]) => after.get(key) !== value)
      .map(([key]) => key);
    expect({ about: c.about, changed }).toEqual({ about: c.about, changed: [] });
  }
}, 600_000);

test("the whole corpus in one batch: scored where readable, the rest listed", async () => {
  const out = join(tempDir(), "reviewed");
  mkdirSync(out);
  let printed = "";
  const code = await runBatchRescore(
    [join(tempDir(), "hostile")],
    { out, policy, workers: 2 },
    { out: (t) => void (printed += t), err: () => undefined }
  );
  expect(code).toBe(1);
  expect(printed).toContain(`未能处理 ${cases.filter((c) => "error" in c.expect).length} 个文件`);
  for (const c of cases.filter((x) => "error" in x.expect)) expect(printed).toContain(c.file);
}, 600_000);
