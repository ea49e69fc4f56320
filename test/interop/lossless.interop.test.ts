/**
 * Independent readers of the lossless corpus (test/fixtures/lossless): openpyxl (Debian
 * python3-openpyxl, through scripts/lossless/dump_cells.py) and LibreOffice open every
 * annotated and cleared copy and read the same cells as in the original. Needs `soffice`
 * and `/usr/bin/python3` with openpyxl; run with `npm run test:interop`.
 */
import { execFileSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { policyFor } from "../../src/core/policy";
import { STATE_SHEET } from "../../src/core/state";
import { clearXlsx, rescoreXlsx } from "../../src/file/write-back";
import { FIXTURES } from "../helpers/reference";
import { libreOfficeCsv } from "../helpers/libreoffice";
import { useTempDir } from "../helpers/temp";

jest.setTimeout(240_000);
const tempDir = useTempDir();
const DIR = join(FIXTURES, "lossless");
const ROOT = join(__dirname, "..", "..");
const corpus = (
  JSON.parse(readFileSync(join(DIR, "manifest.json"), "utf8")) as { file: string }[]
).map((e) => e.file);

type Dump = {
  sheets: { name: string; state: string; type: string }[];
  definedNames: { name: string; localSheetId: number | null; value: string }[];
  cells: Record<string, Record<string, { value: unknown; cached: unknown }>>;
};

function openpyxl(files: string[]): Record<string, Dump> {
  const out = execFileSync(
    "/usr/bin/python3",
    [join(ROOT, "scripts/lossless/dump_cells.py"), ...files],
    { maxBuffer: 64 << 20, timeout: 120_000 }
  );
  return JSON.parse(out.toString()) as Record<string, Dump>;
}

test("openpyxl and LibreOffice read every original cell unchanged in the annotated copies, and the cleared copies as the originals", async () => {
  const policy = policyFor("wuhan");
  const originals: string[] = [];
  const annotated: string[] = [];
  const cleared: string[] = [];
  for (const file of corpus) {
    const input = readFileSync(join(DIR, file));
    const result = await rescoreXlsx(input, policy);
    const name = file.replace(/\.xlsx$/, "");
    for (const [list, label, data] of [
      [originals, "original", input],
      [annotated, "annotated", result.data],
      [cleared, "cleared", (await clearXlsx(result.data)).data],
    ] as const) {
      const path = join(tempDir(), `${label}-${name}.xlsx`);
      writeFileSync(path, data);
      list.push(path);
    }
  }
  const dumps = openpyxl([...originals, ...annotated, ...cleared]);
  const csv = libreOfficeCsv([...originals, ...annotated, ...cleared], tempDir());

  corpus.forEach((file, k) => {
    const [o, a, c] = [dumps[originals[k]], dumps[annotated[k]], dumps[cleared[k]]];
    // openpyxl: names and every original cell's value, formula and cached result.
    expect([file, a.definedNames]).toEqual([file, o.definedNames]);
    for (const [sheet, cells] of Object.entries(o.cells)) {
      for (const [address, cell] of Object.entries(cells))
        expect([file, sheet, address, a.cells[sheet]?.[address]]).toEqual([
          file,
          sheet,
          address,
          cell,
        ]);
    }
    expect(a.sheets.map((s) => [s.name, s.state])).toEqual([
      ...o.sheets.map((s) => [s.name, s.state]),
      ["复核汇总", "visible"],
      [STATE_SHEET, "veryHidden"],
    ]);
    expect([file, c]).toEqual([file, o]);

    // LibreOffice: what each original sheet shows is still there, and clear shows the original again.
    const [lo, la, lc] = [csv.get(originals[k])!, csv.get(annotated[k])!, csv.get(cleared[k])!];
    expect(lo.size).toBeGreaterThan(0);
    for (const [sheet, rows] of lo) {
      rows.forEach((row, r) =>
        row.forEach((text, col) => {
          if (text !== "")
            expect([file, sheet, r, col, la.get(sheet)?.[r]?.[col]]).toEqual([
              file,
              sheet,
              r,
              col,
              text,
            ]);
        })
      );
    }
    expect([file, lc]).toEqual([file, lo]);
  });
});
