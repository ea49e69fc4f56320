import ExcelJS from "exceljs";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { main } from "../../src/cli/main";
import { REFERENCE } from "../helpers/reference";
import { useTempDir } from "../helpers/temp";
import { dumpXlsx } from "../helpers/workbook-dump";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "selfeval", ...args], {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
}

const jiguan = join(REFERENCE, "wuhan-jiguan.xlsx");
// score and rescore work on worker threads (for --time-limit), which load the TypeScript sources through ts-node.
jest.setTimeout(30_000);
const tempDir = useTempDir();

describe("selfeval score", () => {
  test("--json prints the documented shape", async () => {
    const { code, out } = await run("score", "--json", jiguan);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(["policy", "files"]);
    const [file] = json.files;
    expect(file).toMatchObject({ file: jiguan, error: null });
    const [table] = file.tables;
    expect(table).toMatchObject({
      sheet: "自评表",
      range: "A1:G24",
      kind: "project",
      budget: {
        row: 7,
        weight: 20,
        planned: 8146.59,
        executed: 8082.53,
        rate: 0.9921,
        score: 19.84,
        reportedScore: 19.84,
      },
      total: 98.9,
      reportedTotal: 98.9,
      grade: "优",
      flags: [],
    });
    expect(table.indicators[0]).toEqual({
      row: 9,
      level1: "产出指标",
      level2: "数量指标",
      name: "行政复议应诉案件办理量",
      weight: 4,
      target: "350件",
      actual: "382件",
      method: "positive",
      score: 4,
      reportedScore: 4,
      ratio: 1.09,
      flags: [],
      notes: [],
      breakdown: [],
    });
  });

  test("a table found without an indicator header is an error for that table, and the exit code says so", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("预算");
    sheet.addRow([
      "项目资金（万元）",
      null,
      "年初预算数",
      "全年预算数",
      "全年执行数",
      "分值",
      "执行率",
      "得分",
    ]);
    sheet.addRow([null, "年度资金总额", 100, 100, 100, 10, 1, 10]);
    sheet.addRow(["一级", "二级", "名目", "甲", "乙"]);
    sheet.addRow(["产出指标", "数量指标", "培训人数", "≥100人", "120人"]);
    const path = join(tempDir(), "budget-only.xlsx");
    await workbook.xlsx.writeFile(path);
    const { code, out, err } = await run("score", "--json", path);
    expect(code).toBe(1);
    const [table] = JSON.parse(out).files[0].tables;
    expect(table).toMatchObject({
      grade: null,
      total: null,
      error: expect.stringMatching(/未找到指标表头/),
    });
    expect(err).toMatch(/预算.*未找到指标表头/);
  });

  test("--weak-ratio and --policy reach the engine", async () => {
    const loose = JSON.parse((await run("score", "--json", "--weak-ratio", "3", jiguan)).out);
    expect(
      loose.files[0].tables[0].indicators.filter((i: { flags: string[] }) =>
        i.flags.includes("weak-target")
      )
    ).toHaveLength(0);
    const strict = JSON.parse(
      (await run("score", "--json", "--weak-ratio", "1.2", "--policy", "national", jiguan)).out
    );
    expect(
      strict.files[0].tables[0].indicators.filter((i: { flags: string[] }) =>
        i.flags.includes("weak-target")
      ).length
    ).toBeGreaterThan(2);
  });

  test("the text and the JSON say which rules scored the tables", async () => {
    const text = await run("score", jiguan);
    expect(text.out.split("\n")[0]).toBe(
      "评分规则：武汉市（预算执行 20 分，定性指标 100–80–50–0%，目标偏低倍数 1.5）"
    );
    const json = JSON.parse(
      (await run("score", "--json", "--policy", "national", "--weak-ratio", "2", jiguan)).out
    );
    expect(json.policy).toEqual({
      preset: "national",
      weakRatio: 2,
      description: "财政部（预算执行 10 分，定性指标 100–80–60–0%，目标偏低倍数 2）",
    });
  });

  test("the readable summary names totals, grade and flagged rows", async () => {
    const { code, out } = await run("score", join(REFERENCE, "wuhan-jiuye.xlsx"));
    expect(code).toBe(0);
    expect(out).toContain("复核总分 96.79 分（填报 96.79 分），等级 优");
    expect(out).toContain("第 16 行 工勤人员技术等级考核人数：得分 0.79 分（分值 2 分）  [未完成]");
    expect(out).toContain("完成值为目标值的 46.60 倍，目标值设置偏低");
  });

  test("a failing file is reported, the others are still scored, and the exit code is 1", async () => {
    const bad = join(tempDir(), "notes.xlsx");
    writeFileSync(bad, "not a workbook");
    const { code, out, err } = await run(
      "score",
      "--json",
      bad,
      join(tempDir(), "missing.xlsx"),
      jiguan
    );
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.files.map((f: { error: string | null }) => f.error === null)).toEqual([
      false,
      false,
      true,
    ]);
    expect(json.files[0].error).toContain("不是 .xlsx 工作簿");
    expect(json.files[1].error).toContain("文件不存在");
    expect(json.files[2].tables[0].total).toBe(98.9);
    expect(err).toContain("notes.xlsx");
    expect(err).not.toMatch(/\n\s+at /);
  });

  test("a workbook without any table is a failure with a clear sentence", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("封面").getCell("A1").value = "2023 年度自评材料";
    const file = join(tempDir(), "cover.xlsx");
    await workbook.xlsx.writeFile(file);
    const { code, out } = await run("score", file);
    expect(code).toBe(1);
    expect(out).toContain("未找到绩效自评表");
  });

  test.each([
    [["score"]],
    [["score", "--policy", "shanghai", jiguan]],
    [["score", "--weak-ratio", "abc", jiguan]],
    [["score", "--bogus", jiguan]],
    [["frobnicate"]],
  ])("usage error %j exits 2", async (args) => {
    const { code, err } = await run(...args);
    expect(code).toBe(2);
    expect(err.length).toBeGreaterThan(0);
  });
});

describe("selfeval rescore and clear", () => {
  const sample = join(REFERENCE, "wuhan-jiuye.xlsx");

  test("rescore writes an annotated copy under the same name; clear takes it all out again", async () => {
    const annotated = join(tempDir(), "annotated");
    const cleared = join(tempDir(), "cleared");
    mkdirSync(annotated);
    mkdirSync(cleared);
    const rescored = await run("rescore", sample, "--out", annotated);
    expect(rescored.code).toBe(0);
    expect(rescored.out).toContain("复核总分 96.79 分，等级 优");
    const annotatedFile = join(annotated, "wuhan-jiuye.xlsx");
    expect((await dumpXlsx(readFileSync(annotatedFile))).sheets.map((s) => s.name)).toContain(
      "复核汇总"
    );
    const clearedRun = await run("clear", annotatedFile, "--out", cleared);
    expect(clearedRun.code).toBe(0);
    expect(clearedRun.out).toContain("已撤销全部复核标注");
    expect(await dumpXlsx(readFileSync(join(cleared, "wuhan-jiuye.xlsx")))).toEqual(
      await dumpXlsx(readFileSync(sample))
    );
  });

  test("a missing output folder is made, with its parents", async () => {
    const folder = join(tempDir(), "new", "nested");
    const { code } = await run("rescore", sample, "--out", folder);
    expect(code).toBe(0);
    expect(readFileSync(join(folder, "wuhan-jiuye.xlsx")).length).toBeGreaterThan(1000);
  });

  test("an output folder that is a file: a clear sentence, nothing written", async () => {
    const file = join(tempDir(), "a-file");
    writeFileSync(file, "x");
    const { code, err } = await run("rescore", sample, "--out", file);
    expect(code).toBe(1);
    expect(err).toContain("不是文件夹");
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  test("a read-only output folder", async () => {
    const { code, err } = await run("rescore", sample, "--out", "/proc");
    expect(code).toBe(1);
    expect(err).toContain("不可写入");
  });

  test("an output that would overwrite its input is refused; the other files go on", async () => {
    const own = join(tempDir(), "own.xlsx");
    copyFileSync(sample, own);
    const before = readFileSync(own);
    const { code, out } = await run("rescore", own, sample, "--out", tempDir());
    expect(code).toBe(1);
    expect(out).toContain("会覆盖原文件");
    expect(readFileSync(own).equals(before)).toBe(true);
    expect(out).toContain("复核 2 个工作簿，1 张自评表");
    expect(readFileSync(join(tempDir(), "wuhan-jiuye.xlsx")).length).toBeGreaterThan(1000);
  });

  test("--out is required", async () => {
    expect((await run("rescore", sample)).code).toBe(2);
    expect((await run("clear", sample)).code).toBe(2);
  });
});

describe("one language a line, per --lang", () => {
  const jiuye = join(REFERENCE, "wuhan-jiuye.xlsx");
  /** What the tool itself wrote: without file paths, names of programs and formats, cell addresses. */
  const ownWords = (text: string, files: string[]) =>
    files
      .reduce((t, f) => t.split(f).join(""), text)
      .replace(/selfeval|\.xlsx?|Excel|WPS|wuhan|national/g, "")
      .replace(/\b[A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?\b/g, "");

  test("Chinese by default: flag names, units and errors in Chinese, no English fragment", async () => {
    const bad = join(tempDir(), "lang-notes.xlsx");
    writeFileSync(bad, "not a workbook");
    const { out, err } = await run("score", jiuye, bad);
    expect(out).toContain("第 16 行 工勤人员技术等级考核人数：得分 0.79 分（分值 2 分）  [未完成]");
    expect(out).toContain("复核总分 96.79 分（填报 96.79 分），等级 优");
    expect(out).toContain("错误：不是 .xlsx 工作簿，无法读取");
    expect(ownWords(out + err, [jiuye, bad])).not.toMatch(/[A-Za-z]{2,}/);
  });

  test("a missing weight is said in words, never as ?", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表");
    sheet.addRow(["三级指标", "目标值", "完成值", "分值", "得分"]);
    sheet.addRow(["培训人数", "≥100人", "80人", null, 4]);
    sheet.addRow(["覆盖人数", "≥100人", "100人", 10, 10]);
    const path = join(tempDir(), "no-weight.xlsx");
    await workbook.xlsx.writeFile(path);
    const zh = (await run("score", path)).out;
    expect(zh).toContain("第 2 行 培训人数：得分 4 分（缺少分值）");
    expect(zh).not.toContain("?");
    expect((await run("score", "--lang", "en", path)).out).toContain(
      "row 2 培训人数: score 4 (no weight)  [unreadable]"
    );
  });

  test("--lang en: the tool's own sentences in English only", async () => {
    const bad = join(tempDir(), "lang-notes-en.xlsx");
    writeFileSync(bad, "not a workbook");
    const { out } = await run("score", "--lang", "en", jiuye, bad);
    expect(out.split("\n")[0]).toBe(
      "Scoring rules: Wuhan (budget 20 points, qualitative 100–80–50–0%, weak-target ratio 1.5)"
    );
    expect(out).toContain("row 16 工勤人员技术等级考核人数: score 0.79 of 2 points  [unfinished]");
    expect(out).toContain("error: not an .xlsx workbook; save it as .xlsx and try again");
    expect(out).not.toContain("不是 .xlsx");
  });

  test("rescore and usage errors follow --lang too", async () => {
    const out = join(tempDir(), "lang-out");
    const folder = join(tempDir(), "lang-in");
    mkdirSync(folder);
    copyFileSync(jiuye, join(folder, "a.xlsx"));
    writeFileSync(join(folder, "old.xls"), "x");
    const zh = await run("rescore", folder, "--out", out);
    expect(zh.out).toContain("复核 1 个工作簿，1 张自评表");
    expect(zh.out).toContain(
      "old.xls: 不是 .xlsx 工作簿（.xls），请在 Excel 或 WPS 中另存为 .xlsx 后再复核\n"
    );
    expect(
      ownWords(zh.out + zh.err, [join(folder, "old.xls"), join(folder, "a.xlsx"), folder, out])
    ).not.toMatch(/[A-Za-z]{2,}/);
    const en = await run(
      "rescore",
      folder,
      "--out",
      join(tempDir(), "lang-out-en"),
      "--lang",
      "en"
    );
    expect(en.out).toContain("rescored 1 workbooks, 1 self-evaluation tables");
    expect(en.out).not.toMatch(/不是|复核 1/);
    const usage = await run("score", "--weak-ratio", "abc", jiguan);
    expect(usage.err).toContain("需为大于 1 的数");
    expect(usage.err).not.toContain("a number above 1");
    const usageEn = await run("score", "--lang", "en", "--weak-ratio", "abc", jiguan);
    expect(usageEn.err).toContain("must be a number above 1");
    expect(usageEn.err).not.toContain("需为");
  });
});
