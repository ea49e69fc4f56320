/**
 * `npm run bench`: prints what the engine and the hosts cost, as a table for the README.
 * Benchmarks report; they never fail the build on a timing.
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { evaluateWorkbook } from "../src/core/evaluate";
import { SheetGrid } from "../src/core/grid";
import { policyFor } from "../src/core/policy";
import { defaultSettings } from "../src/core/settings";
import { rescoreOpenWorkbook } from "../src/excel/excel-host";
import type { nodeDeflate } from "../src/file/node-deflate";
import type { rescoreXlsx } from "../src/file/write-back";
import { FakeExcel, fakeFromGrids } from "../test/helpers/fake-excel";
import { layoutTable, toGrid, workbookBuffer } from "../test/helpers/layouts";
import { referenceTable } from "../test/helpers/reference";
import { wpsRescoreCalls } from "../test/helpers/wps-calls";
import { writeHugeSheet } from "./hostile-corpus";

const policy = policyFor("wuhan");
const rows: string[][] = [];
const report = (what: string, value: string, goal = "") => {
  rows.push([what, value, goal]);
  process.stderr.write(`${what}: ${value}\n`);
};

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function engineThroughput(): Promise<void> {
  const spec = referenceTable("jiuye");
  const many = Array.from({ length: 5000 }, () => spec.blocks[0].rows).flat();
  const grid = toGrid(layoutTable({ ...spec, blocks: [{ ...spec.blocks[0], rows: many }] }));
  const ms = await median(5, async () => evaluateWorkbook([grid], { policy }));
  report(
    "engine: detect + score + review",
    `${Math.round((many.length / ms) * 1000).toLocaleString("en")} indicator rows/s (${many.length.toLocaleString("en")} rows in ${ms.toFixed(0)} ms)`
  );
}

async function rescoreAgainstExceljs(): Promise<void> {
  const sheets = Array.from({ length: 200 }, (_, k) =>
    layoutTable(referenceTable(["dept", "jiguan", "jiuye", "buzhu"][k % 4]), {
      sheetName: `项目${k + 1}`,
    })
  );
  const data = await workbookBuffer(sheets);
  // The built CLI code against exceljs's built code: compiled JavaScript on both sides.
  const built = require(join(__dirname, "..", "dist", "node", "file", "write-back")) as {
    rescoreXlsx: typeof rescoreXlsx;
  };
  const builtDeflate = (
    require(join(__dirname, "..", "dist", "node", "file", "node-deflate")) as {
      nodeDeflate: typeof nodeDeflate;
    }
  ).nodeDeflate;
  // Alternating runs, so that the machine's drift weighs on both sides alike.
  const bareTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let k = 0; k < 7; k++) {
    bareTimes.push(
      await median(1, async () => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
        await workbook.xlsx.writeBuffer();
      })
    );
    ourTimes.push(
      await median(1, () =>
        built.rescoreXlsx(data, policy, { highlight: true, deflate: builtDeflate })
      )
    );
  }
  const middle = (times: number[]) =>
    [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  const bare = middle(bareTimes);
  const ours = middle(ourTimes);
  report("rescore, 200-sheet workbook (built CLI code)", `${ours.toFixed(0)} ms`);
  const portable = await median(3, () => built.rescoreXlsx(data, policy));
  report(
    "rescore, 200-sheet workbook (portable deflate, as the browser page runs it)",
    `${portable.toFixed(0)} ms`
  );
  report("exceljs load + save of the same file", `${bare.toFixed(0)} ms`);
  report("ratio rescore / bare exceljs", (ours / bare).toFixed(2), "at most 0.5");
}

async function addinSyncs(): Promise<void> {
  const grid = toGrid(layoutTable(referenceTable("jiguan")));
  const cases: [string, SheetGrid[]][] = [1, 10, 100, 200, 500].map((count) => [
    `${count} sheet${count > 1 ? "s" : ""}`,
    Array.from({ length: count }, (_, k) => ({ ...grid, name: `项目${k + 1}` })),
  ]);
  // One table of 8,400 indicator rows: the largest single table the issue tracker has seen.
  const spec = referenceTable("jiuye");
  const rows = Array.from(
    { length: 8400 / spec.blocks[0].rows.length + 1 },
    () => spec.blocks[0].rows
  )
    .flat()
    .slice(0, 8400);
  cases.push([
    "one 8,400-row table",
    [toGrid(layoutTable({ ...spec, blocks: [{ ...spec.blocks[0], rows }] }))],
  ]);
  for (const [label, grids] of cases) {
    const fake = new FakeExcel();
    fakeFromGrids(fake, grids);
    fake.install();
    const ms = await median(1, () => rescoreOpenWorkbook(defaultSettings()));
    const largest = Math.max(...fake.syncs.map((s) => s.request));
    const response = Math.max(...fake.syncs.map((s) => s.response));
    const total = fake.syncs.reduce((sum, s) => sum + s.request, 0);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    report(
      `add-in host, ${label} (requests built by the Office.js client, test double)`,
      `${fake.syncCount} syncs, largest request ${kb(largest)}, requests ${kb(total)} in all, largest response ${kb(response)}, ${fake.refused.length} refused, ${ms.toFixed(0)} ms`,
      "constant syncs, every request under 4 MB"
    );
    FakeExcel.uninstall();
  }
}

/**
 * Calls from the WPS host to WPS per rescore (each a process round trip, about 0.2 ms), on the
 * WPS double: by number of sheets, and for one table of 20 against 2,000 indicator rows.
 */
function wpsCalls(): void {
  for (const sheets of [1, 10, 100, 200]) {
    const { calls } = wpsRescoreCalls(sheets);
    report(
      `WPS host (test double), ${sheets} sheet${sheets > 1 ? "s" : ""}`,
      `${calls.toLocaleString("en")} calls, ${Math.round(calls / sheets)} a sheet`,
      "no more calls a sheet as sheets are added"
    );
  }
  for (const rows of [20, 2000]) {
    const { calls } = wpsRescoreCalls(1, rows);
    report(
      `WPS host (test double), one table of ${rows.toLocaleString("en")} rows`,
      `${calls.toLocaleString("en")} calls`,
      "the same for any number of rows"
    );
  }
}

/** Time and peak memory of rescoring one large sheet, each measured in a fresh process. */
async function largeSheets(dir: string): Promise<void> {
  const goals: Record<number, string> = {
    50_000: "under 4 s and 400 MB",
    100_000: "under 8 s and 800 MB",
  };
  for (const count of [50_000, 100_000]) {
    const file = join(dir, `rows-${count}.xlsx`);
    await writeHugeSheet(file, count);
    // The built CLI code, as users run it: no TypeScript compiler in the process's memory.
    const child = `
      const { readFileSync } = require('fs');
      const { rescoreXlsx } = require('./dist/node/file/write-back');
      const { nodeDeflate } = require('./dist/node/file/node-deflate');
      const { policyFor } = require('./dist/node/core/policy');
      const data = readFileSync(process.argv[1]);
      const start = Date.now();
      rescoreXlsx(data, policyFor('wuhan'), { highlight: true, deflate: nodeDeflate }).then((r) => {
        process.stdout.write(JSON.stringify({ ms: Date.now() - start, rows: r.tables[0].indicators.length, maxRssKb: process.resourceUsage().maxRSS }));
      });`;
    const out = execFileSync(process.execPath, ["-e", child, file], {
      cwd: join(__dirname, ".."),
      maxBuffer: 1 << 20,
    });
    const result = JSON.parse(out.toString()) as { ms: number; rows: number; maxRssKb: number };
    report(
      `rescore, ${count.toLocaleString("en")}-row sheet (fresh process)`,
      `${(result.ms / 1000).toFixed(1)} s, peak RSS ${(result.maxRssKb / 1024).toFixed(0)} MB, ${result.rows.toLocaleString("en")} indicators; file ${(readFileSync(file).length / 1048576).toFixed(1)} MB`,
      goals[count]
    );
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "selfeval-bench-"));
  try {
    await engineThroughput();
    // The measured host code is the built CLI's, as users run it.
    execFileSync("npm", ["run", "--silent", "build:cli"], {
      cwd: join(__dirname, ".."),
      stdio: "inherit",
    });
    await rescoreAgainstExceljs();
    await addinSyncs();
    wpsCalls();
    await largeSheets(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  process.stdout.write(
    [
      `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
      "",
      line(["measure", "result", "goal"]),
      line(["---", "---", "---"]),
      ...rows.map(line),
      "",
    ].join("\n")
  );
}

void main();
