import ExcelJS from "exceljs";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { join, relative } from "path";
import { INTERRUPTED, runBatchRescore } from "../../src/cli/batch/batch-command";
import { evaluateWorkbook } from "../../src/core/evaluate";
import { FLAG_TITLES, countFlag, gradeText } from "../../src/core/plan";
import { policyFor } from "../../src/core/policy";
import { readGrids } from "../../src/file/read-workbook";
import { SummaryRow } from "../../src/report/summary";
import { CorpusFile, writeCorpus } from "../helpers/corpus";
import { REFERENCE } from "../helpers/reference";
import { useTempDir } from "../helpers/temp";
import { dumpXlsx, loadXlsx } from "../helpers/workbook-dump";
import { main } from "../../src/cli/main";

const tempDir = useTempDir();
const policy = policyFor("wuhan");

function capture() {
  let out = "";
  let err = "";
  return {
    io: { out: (t: string) => void (out += t), err: (t: string) => void (err += t) },
    out: () => out,
    err: () => err,
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allFiles(join(dir, e.name)) : [join(dir, e.name)]
  );
}

describe("rescoring a folder of a few hundred workbooks", () => {
  let corpus: CorpusFile[];
  let input: string;
  let out: string;
  let code: number;
  let printed: ReturnType<typeof capture>;

  beforeAll(async () => {
    input = join(tempDir(), "submitted");
    out = join(tempDir(), "reviewed");
    mkdirSync(out);
    corpus = await writeCorpus(input, 240);
    printed = capture();
    code = await runBatchRescore(
      [input],
      {
        out,
        policy,
        summary: join(tempDir(), "summary.json"),
        report: join(tempDir(), "report.html"),
        workers: 2,
      },
      printed.io
    );
  }, 180_000);

  test("every readable file gets an annotated copy at the same place under the output folder", () => {
    const written = allFiles(out)
      .map((f) => relative(out, f))
      .sort();
    const expected = corpus
      .filter((f) => !f.broken)
      .map((f) => relative(input, f.path))
      .sort();
    expect(written).toEqual(expected);
  });

  test("the summary agrees with the engine’s own result for every file", async () => {
    const summary = JSON.parse(readFileSync(join(tempDir(), "summary.json"), "utf8")) as {
      tables: SummaryRow[];
      unscored: { file: string; error: string }[];
    };
    const expected: {
      file: string;
      sheet: string;
      total: number | null;
      grade: string;
      flags: Record<string, number>;
    }[] = [];
    for (const file of corpus.filter((f) => !f.broken)) {
      for (const table of evaluateWorkbook(await readGrids(readFileSync(file.path)), { policy })) {
        expected.push({
          file: file.path,
          sheet: table.sheet,
          total: table.total,
          grade: gradeText(table),
          flags: Object.fromEntries(FLAG_TITLES.map(([flag]) => [flag, countFlag(table, flag)])),
        });
      }
    }
    const key = (r: { file: string; sheet: string }) => `${r.file}|${r.sheet}`;
    // Files that could not be rescored are listed apart, each with its reason.
    const legacy = join(input, "单位0", "旧格式.xls");
    expect(summary.unscored.map((u) => u.file).sort()).toEqual(
      [...corpus.filter((f) => f.broken).map((f) => f.path), legacy].sort()
    );
    expect(summary.unscored.every((u) => u.error.length > 0)).toBe(true);
    const actual = summary.tables.map((r) => ({
      file: r.file,
      sheet: r.sheet,
      total: r.total,
      grade: r.grade,
      flags: r.flags,
    }));
    expect([...actual].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b)))
    );
    expect(summary.tables.length).toBeGreaterThan(230);
  });

  test("the summary puts the tables that need a reviewer most first", () => {
    const { tables } = JSON.parse(readFileSync(join(tempDir(), "summary.json"), "utf8")) as {
      tables: SummaryRow[];
    };
    const attention = tables.map((t) => t.attention);
    expect(attention).toEqual([...attention].sort((a, b) => b - a));
    expect(tables[0].flags["total-mismatch"]).toBe(1);
    expect(tables[0].difference).not.toBe(0);
  });

  test("the broken files are listed at the end, and the exit code says some failed", () => {
    expect(code).toBe(1);
    const broken = corpus.filter((f) => f.broken);
    expect(broken.length).toBeGreaterThan(5);
    const tail = printed.out().slice(printed.out().indexOf("未能处理"));
    for (const file of broken) expect(tail).toContain(file.path);
    expect(tail).toContain(
      "旧格式.xls: 不是 .xlsx 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再复核"
    );
    expect(tail).not.toContain("~$");
    expect(printed.out()).toContain(`未能处理 ${broken.length + 1} 个文件`);
  });

  test("progress is shown with counts and the time left", () => {
    expect(printed.err()).toMatch(/\[#+-*\] \d+\/240 个工作簿，失败 \d+，剩余约 \d\d:\d\d/);
    expect(printed.err()).toContain("240/240 个工作簿");
  });

  test("the report is one self-contained page with every finding", () => {
    const html = readFileSync(join(tempDir(), "report.html"), "utf8");
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain("<svg");
    expect(html).toContain(
      `data-stat="自评表">${JSON.parse(readFileSync(join(tempDir(), "summary.json"), "utf8")).tables.length}<`
    );
  });
});

describe("clearing a folder", () => {
  test("gives back every workbook as it was, in the same layout", async () => {
    const input = join(tempDir(), "to-clear");
    const annotated = join(tempDir(), "annotated-folder");
    const cleared = join(tempDir(), "cleared-folder");
    for (const d of [annotated, cleared]) mkdirSync(d);
    await writeCorpus(input, 6, 1000);
    expect(
      await runBatchRescore([input], { out: annotated, policy, workers: 0 }, capture().io)
    ).toBe(1);
    const printed = capture();
    expect(await main(["node", "selfeval", "clear", annotated, "--out", cleared], printed.io)).toBe(
      0
    );
    expect(printed.out()).toContain("已撤销全部复核标注");
    for (const file of allFiles(cleared)) {
      const original = join(input, relative(cleared, file));
      expect(await dumpXlsx(readFileSync(file))).toEqual(await dumpXlsx(readFileSync(original)));
    }
    expect(allFiles(cleared)).toHaveLength(6);
  });
});

describe("summaries in every format", () => {
  test(".csv opens in Excel as UTF-8 and .xlsx has one row per table", async () => {
    const out = join(tempDir(), "formats");
    mkdirSync(out);
    const inputs = ["wuhan-dept.xlsx", "wuhan-jiguan.xlsx"].map((f) => join(REFERENCE, f));
    for (const [ext, check] of [
      [
        ".csv",
        (data: Buffer) => {
          const text = data.toString("utf8");
          expect(
            text.startsWith(
              "\uFEFF文件,工作表,表格位置,单位,项目或目标,复核总分,填报总分,差额,等级"
            )
          ).toBe(true);
          expect(text.split("\r\n").filter(Boolean)).toHaveLength(3);
        },
      ],
      [
        ".xlsx",
        async (data: Buffer) => {
          const sheet = (await loadXlsx(data)).getWorksheet("复核汇总")!;
          // Two tables, then the rules they were scored by under a blank row.
          expect(sheet.rowCount).toBe(5);
          expect(String(sheet.getCell("A5").value)).toMatch(/^评分规则：武汉市/);
          expect([sheet.getCell("F2").value, sheet.getCell("F3").value].sort()).toEqual([
            98.9, 99.69,
          ]);
        },
      ],
    ] as const) {
      const summary = join(tempDir(), `summary${ext}`);
      expect(
        await runBatchRescore(inputs, { out, policy, summary, workers: 0 }, capture().io)
      ).toBe(0);
      await check(readFileSync(summary));
    }
  });
});

describe("bad input", () => {
  const sample = join(REFERENCE, "wuhan-jiguan.xlsx");

  test("two inputs with the same name from different folders do not overwrite each other", async () => {
    const a = join(tempDir(), "a");
    const b = join(tempDir(), "b");
    const out = join(tempDir(), "same-name");
    for (const d of [a, b, out]) mkdirSync(d, { recursive: true });
    writeFileSync(join(a, "自评表.xlsx"), readFileSync(sample));
    writeFileSync(join(b, "自评表.xlsx"), readFileSync(join(REFERENCE, "wuhan-jiuye.xlsx")));
    const printed = capture();
    expect(
      await runBatchRescore(
        [join(a, "自评表.xlsx"), join(b, "自评表.xlsx")],
        { out, policy, workers: 0 },
        printed.io
      )
    ).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["自评表 (2).xlsx", "自评表.xlsx"]);
    expect(printed.err()).toContain("同名");
  });

  test("an output folder inside the input folder is not read back as input", async () => {
    const input = join(tempDir(), "nested");
    const out = join(input, "reviewed");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(input, "x.xlsx"), readFileSync(sample));
    writeFileSync(join(out, "old-copy.xlsx"), readFileSync(sample));
    const printed = capture();
    expect(await runBatchRescore([input], { out, policy, workers: 0 }, printed.io)).toBe(0);
    expect(printed.out()).toContain("复核 1 个工作簿");
    expect(printed.err()).toContain("输出文件夹在输入文件夹");
  });

  test("a file that vanished and an output that cannot be written are listed; the rest goes on", async () => {
    const out = join(tempDir(), "locked");
    mkdirSync(join(out, "wuhan-jiuye.xlsx"), { recursive: true });
    const printed = capture();
    const code = await runBatchRescore(
      [join(tempDir(), "gone.xlsx"), join(REFERENCE, "wuhan-jiuye.xlsx"), sample],
      { out, policy, workers: 0 },
      printed.io
    );
    expect(code).toBe(1);
    expect(printed.out()).toContain("gone.xlsx: 文件不存在或无法打开");
    expect(printed.out()).toMatch(
      /wuhan-jiuye\.xlsx: 无法写入 .*（文件可能正被其他程序打开，或没有写入权限）/
    );
    expect(existsSync(join(out, "wuhan-jiguan.xlsx"))).toBe(true);
  });

  test("Ctrl-C stops after the file in progress: nothing half-written, no summary", async () => {
    const input = join(tempDir(), "many");
    const out = join(tempDir(), "interrupted");
    mkdirSync(out);
    await writeCorpus(input, 12, 1000);
    let interrupt: () => void = () => undefined;
    const printed = capture();
    let results = 0;
    const code = await runBatchRescore(
      [input],
      {
        out,
        policy,
        summary: join(tempDir(), "never.json"),
        workers: 0,
        onInterrupt: (handler) => ((interrupt = handler), () => undefined),
      },
      {
        out: printed.io.out,
        err: (t) => (printed.io.err(t), t.includes("个工作簿") && ++results === 3 && interrupt()),
      }
    );
    expect(code).toBe(INTERRUPTED);
    const written = allFiles(out);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(12);
    expect(written.every((f) => f.endsWith(".xlsx"))).toBe(true);
    expect(existsSync(join(tempDir(), "never.json"))).toBe(false);
    expect(printed.err()).toContain("已停止");
  });
});

describe("a workbook without a table in a folder", () => {
  let input: string;
  let cover: string;
  let out: string;
  let code: number;
  let printed: ReturnType<typeof capture>;

  beforeAll(async () => {
    input = join(tempDir(), "with-cover");
    out = join(tempDir(), "with-cover-out");
    mkdirSync(input);
    writeFileSync(join(input, "a-jiguan.xlsx"), readFileSync(join(REFERENCE, "wuhan-jiguan.xlsx")));
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("封面").getCell("A1").value = "2023 年度自评材料";
    cover = join(input, "cover.xlsx");
    await workbook.xlsx.writeFile(cover);
    printed = capture();
    code = await runBatchRescore(
      [input],
      {
        out,
        policy,
        summary: join(tempDir(), "cover-summary.xlsx"),
        report: join(tempDir(), "cover-report.html"),
        workers: 0,
      },
      printed.io
    );
  });

  const reason = "在工作表 “封面” 中未找到绩效自评表";

  test("is listed among the files not processed with its reason, and the exit code is 1", () => {
    expect(code).toBe(1);
    const tail = printed.out().slice(printed.out().indexOf("未能处理 1 个文件"));
    expect(tail).toContain(`${cover}: ${reason}`);
    expect(existsSync(join(out, "cover.xlsx"))).toBe(false);
    expect(existsSync(join(out, "a-jiguan.xlsx"))).toBe(true);
  });

  test("is a line of the summary workbook, with its reason", async () => {
    const sheet = (
      await loadXlsx(readFileSync(join(tempDir(), "cover-summary.xlsx")))
    ).getWorksheet("复核汇总")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const lines = [2, 3].map((r) => {
      const values = sheet.getRow(r).values as unknown[];
      return Object.fromEntries(header.map((title, k) => [String(title), values[k + 1]]));
    });
    expect(lines.map((l) => l["文件"])).toEqual([join(input, "a-jiguan.xlsx"), cover]);
    expect(lines[1]).toMatchObject({ 等级: "未评分", 说明: expect.stringContaining(reason) });
  });

  test("the output, the summary and the report say which rules scored the tables", async () => {
    const rules = "评分规则：武汉市（预算执行 20 分，定性指标 100–80–50–0%，目标偏低倍数 1.5）";
    expect(printed.out()).toContain(`${rules}\n`);
    const sheet = (
      await loadXlsx(readFileSync(join(tempDir(), "cover-summary.xlsx")))
    ).getWorksheet("复核汇总")!;
    expect(sheet.getCell("A5").value).toBe(rules);
    const html = readFileSync(join(tempDir(), "cover-report.html"), "utf8");
    expect(html).toContain(`<p class="meta" id="rules">${rules}</p>`);
  });

  test("is among the report's files not scored", () => {
    const html = readFileSync(join(tempDir(), "cover-report.html"), "utf8");
    const failed = html.slice(html.indexOf('<table id="failed">'));
    expect(failed.slice(0, failed.indexOf("</table>"))).toContain(`<td>${cover}</td><td>${reason}`);
    expect(html).toContain('data-stat="未能评分的文件">1<');
  });
});
