import { execFileSync } from "child_process";
import { parse } from "csv-parse/sync";
import { readFileSync, readdirSync } from "fs";
import { join } from "path";

/** LibreOffice's CSV filter: UTF-8, comma, double quotes, every sheet to its own file (the last `-1`). */
const ALL_SHEETS_CSV =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** Converts every file in one LibreOffice run; returns sheet name → rows for each file. */
export function libreOfficeCsv(
  files: string[],
  outDir: string
): Map<string, Map<string, string[][]>> {
  execFileSync(
    "soffice",
    ["--headless", "--norestore", "--convert-to", ALL_SHEETS_CSV, "--outdir", outDir, ...files],
    {
      stdio: "pipe",
      timeout: 180_000,
    }
  );
  const result = new Map<string, Map<string, string[][]>>();
  for (const file of files) {
    const base = file.replace(/^.*\//, "").replace(/\.xlsx$/, "");
    const sheets = new Map<string, string[][]>();
    for (const csv of readdirSync(outDir).filter(
      (n) => n.startsWith(`${base}-`) && n.endsWith(".csv")
    )) {
      sheets.set(
        csv.slice(base.length + 1, -4),
        parse(readFileSync(join(outDir, csv), "utf8"), { relax_column_count: true }) as string[][]
      );
    }
    result.set(file, sheets);
  }
  return result;
}
