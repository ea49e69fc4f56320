/**
 * An independent reader: LibreOffice opens the annotated workbooks and exports every sheet
 * to CSV, and the numbers it sees must be the engine's. Needs `soffice`
 * (Debian: libreoffice-calc-nogui); run with `npm run test:interop`.
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { policyFor } from "../../src/core/policy";
import { readGrids } from "../../src/file/read-workbook";
import { clearXlsx, rescoreXlsx } from "../../src/file/write-back";
import { expectedWorkbooks, referenceWorkbook } from "../helpers/reference";
import { libreOfficeCsv } from "../helpers/libreoffice";
import { useTempDir } from "../helpers/temp";

const tempDir = useTempDir();
// LibreOffice takes seconds to start and convert, more on a busy machine; its own run is bounded below.
jest.setTimeout(240_000);

test("LibreOffice reads the scores, grade and summary that rescore wrote, and the original after clear", async () => {
  const policy = policyFor("wuhan");
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
    const cell = (row: number, col: number) => sheet[row]?.[col] ?? "";
    expect(cell(table.detected.blocks[0].headerRow, scoreCol)).toBe("复核得分");
    for (const i of table.indicators) expect(Number(cell(i.row - 1, scoreCol))).toBe(i.score);
    expect(Number(cell(table.detected.total!.row, scoreCol))).toBe(expected.total);
    expect(cell(table.detected.total!.row, scoreCol + 1)).toBe("等级：优");
    const summary = csv.get(annotated[k])!.get("复核汇总")!;
    expect(summary[1].slice(0, 6)).toEqual([
      expected.sheet,
      expect.any(String),
      table.range,
      String(expected.total),
      String(expected.total),
      "优",
    ]);
    // Clear gives back what LibreOffice sees in the original, sheet for sheet.
    expect(csv.get(cleared[k])).toEqual(csv.get(originals[k]));
  }
});
