import { copyFileSync, mkdirSync, readdirSync } from "fs";
import { join } from "path";
import { runBatchRescore } from "../../src/cli/batch/batch-command";
import { main } from "../../src/cli/main";
import { runScore } from "../../src/cli/score-command";
import { workerEntry } from "../../src/cli/threads";
import { policyFor } from "../../src/core/policy";
import { REFERENCE } from "../helpers/reference";
import { useTempDir } from "../helpers/temp";

/** A worker that spins forever on hang.xlsx and works normally on every other file. */
const hangingWorker = workerEntry(join(__dirname, "..", "helpers", "hang-worker"));
const tempDir = useTempDir();
const policy = policyFor("wuhan");
/**
 * Long enough for a reference workbook on a fresh thread while other test files load the
 * machine (4 s was not), short enough to keep these tests under half a minute.
 */
const LIMIT = 10;
const STOPPED = `处理时间超过 ${LIMIT} 秒，已停止（文件可能异常）`;

function capture() {
  let out = "";
  let err = "";
  return {
    io: { out: (t: string) => void (out += t), err: (t: string) => void (err += t) },
    out: () => out,
    err: () => err,
  };
}

/** jiguan, a copy of jiuye named hang.xlsx, jiuye: the hanging file in the middle. */
function inputFolder(name: string): string {
  const dir = join(tempDir(), name);
  mkdirSync(dir);
  copyFileSync(join(REFERENCE, "wuhan-jiguan.xlsx"), join(dir, "a-jiguan.xlsx"));
  copyFileSync(join(REFERENCE, "wuhan-jiuye.xlsx"), join(dir, "hang.xlsx"));
  copyFileSync(join(REFERENCE, "wuhan-jiuye.xlsx"), join(dir, "z-jiuye.xlsx"));
  return dir;
}

describe("a file that never finishes", () => {
  test("rescore stops it at the time limit, reports it, and finishes the others on a fresh thread", async () => {
    const input = inputFolder("batch-in");
    const out = join(tempDir(), "batch-out");
    mkdirSync(out);
    const printed = capture();
    const started = Date.now();
    // workers: 0 would run in this thread, where nothing could stop the loop: a limit means a thread.
    const code = await runBatchRescore(
      [input],
      {
        out,
        policy,
        workers: 0,
        timeLimit: LIMIT,
        entry: hangingWorker,
        summary: join(tempDir(), "summary.json"),
      },
      printed.io
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(code).toBe(1);
    const tail = printed.out().slice(printed.out().indexOf("未能处理 1 个文件"));
    expect(tail).toContain(`${join(input, "hang.xlsx")}: ${STOPPED}`);
    expect(printed.out()).toContain("a-jiguan.xlsx [自评表!A1:G24]");
    expect(printed.out()).toContain("z-jiuye.xlsx");
    expect(printed.out()).toContain("复核总分 96.79 分，等级 优");
    expect(printed.err()).toContain("3/3 个工作簿，失败 1");
    // The hanging worker had started a temporary file: it is gone, and no copy of hang.xlsx exists.
    expect(readdirSync(out).sort()).toEqual(["a-jiguan.xlsx", "z-jiuye.xlsx"]);
  }, 60_000);

  test("score reports it as failed and scores the other files", async () => {
    const input = inputFolder("score-in");
    const files = ["a-jiguan.xlsx", "hang.xlsx", "z-jiuye.xlsx"].map((f) => join(input, f));
    const printed = capture();
    const code = await runScore(
      files,
      { json: true, policy, timeLimit: LIMIT, entry: hangingWorker },
      printed.io
    );
    expect(code).toBe(1);
    const json = JSON.parse(printed.out());
    expect(json.files.map((f: { file: string }) => f.file)).toEqual(files);
    expect(json.files[0].tables[0].total).toBe(98.9);
    expect(json.files[1]).toEqual({
      file: files[1],
      error: expect.stringContaining(STOPPED),
      tables: [],
    });
    expect(json.files[2].tables[0].total).toBe(96.79);
    expect(printed.err()).toContain(`hang.xlsx: ${STOPPED}`);
  }, 60_000);
});

describe("--time-limit", () => {
  const sample = join(REFERENCE, "wuhan-jiuye.xlsx");

  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const printed = capture();
    const code = await main(["node", "selfeval", ...args], printed.io);
    return { code, out: printed.out(), err: printed.err() };
  }

  test.each([["0"], ["-5"], ["abc"], [""], ["Infinity"]])(
    "%j is a usage error for score and rescore",
    async (value) => {
      const score = await run("score", "--time-limit", value, sample);
      expect(score.code).toBe(2);
      expect(score.err).toContain("需为正数（秒）");
      expect((await run("rescore", sample, "--out", tempDir(), "--time-limit", value)).code).toBe(
        2
      );
    }
  );

  test("a limit, and --jobs 0, still score and rescore on the real worker threads", async () => {
    const score = await run("score", "--time-limit", "60", sample);
    expect(score.code).toBe(0);
    expect(score.out).toContain("复核总分 96.79 分（填报 96.79 分），等级 优");
    const out = join(tempDir(), "cli-out");
    mkdirSync(out);
    const rescored = await run(
      "rescore",
      sample,
      "--out",
      out,
      "--jobs",
      "0",
      "--time-limit",
      "60"
    );
    expect(rescored.code).toBe(0);
    expect(readdirSync(out)).toEqual(["wuhan-jiuye.xlsx"]);
  }, 60_000);
});
