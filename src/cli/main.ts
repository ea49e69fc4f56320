import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { PolicyId, isPolicyId, policyFor } from "../core/policy";
import { extname } from "path";
import { runClear } from "./clear-command";
import { INTERRUPTED, SUMMARY_FORMATS, runBatchRescore } from "./batch/batch-command";
import { Output } from "./output";
import { runScore } from "./score-command";
import { LANGS, Lang } from "./words";

const USAGE_ERROR = 2;

/** What the help and the argument errors say, in the language of `--lang`. */
const HELP = {
  zh: {
    program: "绩效自评复核助手：为 .xlsx 工作簿中的预算绩效自评表复核评分",
    score: "为每个工作簿中的每张自评表评分，列出复核总分、等级和需关注的指标",
    rescore: "写出复核后的工作簿副本（可为文件夹）：复核得分、等级、标注和复核汇总表",
    clear: "写出撤销全部复核标注后的工作簿副本",
    files: ".xlsx 工作簿",
    inputs: ".xlsx 工作簿或存放工作簿的文件夹",
    json: "以 JSON 输出结果",
    outRescore: "存放复核后副本的文件夹（文件名和文件夹结构不变）",
    outClear: "存放撤销标注后副本的文件夹（文件名和文件夹结构不变）",
    summary: "全部工作簿的汇总：.xlsx、.csv 或 .json",
    report: "复核报告：一个独立的 .html 页面",
    jobs: "工作线程数（默认：处理器核数）",
    policy: "评分规则：wuhan（武汉市）或 national（财政部）",
    weakRatio: "完成值/目标值达到此倍数即为目标偏低",
    timeLimit: "每个文件最多处理的秒数；超时的文件停止处理，列为失败",
    lang: "输出语言：zh（中文）或 en（英文）",
    aboveOne: "需为大于 1 的数",
    positiveSeconds: "需为正数（秒）",
    policyChoice: "可选 wuhan 或 national",
    summaryFormat: "需为 .xlsx、.csv 或 .json",
    jobCount: "需为 0 到 64 的整数",
    langChoice: "可选 zh 或 en",
  },
  en: {
    program:
      "Self-Evaluation Scorer: rescores budget performance self-evaluation tables in .xlsx workbooks",
    score:
      "score every self-evaluation table in each workbook and report scores, grades and review flags",
    rescore:
      "write annotated copies of workbooks and folders of workbooks: computed scores, grade, highlights, a summary sheet",
    clear: "write copies with every annotation of rescore taken out again",
    files: ".xlsx workbooks",
    inputs: ".xlsx workbooks or folders of them",
    json: "print the result as JSON",
    outRescore: "folder for the annotated copies (same names, folder structure kept)",
    outClear: "folder for the cleared copies (same names, folder structure kept)",
    summary: "a summary across every workbook: .xlsx, .csv or .json",
    report: "a review report as one self-contained .html page",
    jobs: "worker threads (default: the number of cores)",
    policy: "scoring rules: wuhan or national",
    weakRatio: "actual/target ratio that marks a weak target",
    timeLimit: "seconds one file may take; past it the file is stopped and reported as failed",
    lang: "language of the output: zh or en",
    aboveOne: "must be a number above 1",
    positiveSeconds: "must be a positive number of seconds",
    policyChoice: "wuhan or national",
    summaryFormat: "must end in .xlsx, .csv or .json",
    jobCount: "must be an integer from 0 to 64",
    langChoice: "zh or en",
  },
} satisfies Record<Lang, Record<string, string>>;

/**
 * The language asked for, read before the arguments are parsed: the help and the errors about
 * the other arguments are written in it. An unknown value is refused later, by the option.
 */
function requestedLang(argv: string[]): Lang {
  const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = at < 0 ? "" : argv[at].includes("=") ? argv[at].split("=")[1] : argv[at + 1];
  return LANGS.find((l) => l === value) ?? "zh";
}

export function buildProgram(
  io: Output,
  setExitCode: (code: number) => void,
  lang: Lang = "zh"
): Command {
  const h = HELP[lang];
  const weakRatio = (value: string): number => {
    const ratio = Number(value);
    if (!Number.isFinite(ratio) || ratio <= 1) throw new InvalidArgumentError(h.aboveOne);
    return ratio;
  };
  const seconds = (value: string): number => {
    const limit = Number(value);
    if (value.trim() === "" || !Number.isFinite(limit) || limit <= 0)
      throw new InvalidArgumentError(h.positiveSeconds);
    return limit;
  };
  const policyId = (value: string): PolicyId => {
    if (!isPolicyId(value)) throw new InvalidArgumentError(h.policyChoice);
    return value;
  };
  const summaryPath = (value: string): string => {
    if (!SUMMARY_FORMATS.includes(extname(value).toLowerCase()))
      throw new InvalidArgumentError(h.summaryFormat);
    return value;
  };
  const jobCount = (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 64) throw new InvalidArgumentError(h.jobCount);
    return n;
  };
  const langOption = () =>
    new Option("--lang <lang>", h.lang).default("zh").argParser((value: string): Lang => {
      const chosen = LANGS.find((l) => l === value);
      if (!chosen) throw new InvalidArgumentError(h.langChoice);
      return chosen;
    });
  const policyOption = () =>
    new Option("--policy <preset>", h.policy).default("wuhan").argParser(policyId);
  // Every file gets a time limit, so that no input can keep `score` or `rescore` from ending.
  const timeLimitOption = () =>
    new Option("--time-limit <seconds>", h.timeLimit).default(120).argParser(seconds);
  const weakRatioOption = () =>
    new Option("--weak-ratio <R>", h.weakRatio).default(1.5).argParser(weakRatio);

  const program = new Command("selfeval")
    .description(h.program)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .command("score")
    .description(h.score)
    .argument("<files...>", h.files)
    .option("--json", h.json)
    .addOption(policyOption())
    .addOption(weakRatioOption())
    .addOption(timeLimitOption())
    .addOption(langOption())
    .action(
      async (
        files: string[],
        opts: {
          json?: boolean;
          policy: PolicyId;
          weakRatio: number;
          timeLimit: number;
          lang: Lang;
        }
      ) => {
        const policy = policyFor(opts.policy, { weakRatio: opts.weakRatio });
        const options = {
          json: Boolean(opts.json),
          policy,
          lang: opts.lang,
          timeLimit: opts.timeLimit,
        };
        setExitCode(await runScore(files, options, io));
      }
    );
  program
    .command("rescore")
    .description(h.rescore)
    .argument("<inputs...>", h.inputs)
    .requiredOption("--out <dir>", h.outRescore)
    .option("--summary <file>", h.summary, summaryPath)
    .option("--report <file>", h.report)
    .option("--jobs <n>", h.jobs, jobCount)
    .addOption(policyOption())
    .addOption(weakRatioOption())
    .addOption(timeLimitOption())
    .addOption(langOption())
    .action(
      async (
        inputs: string[],
        opts: {
          out: string;
          summary?: string;
          report?: string;
          jobs?: number;
          policy: PolicyId;
          weakRatio: number;
          timeLimit: number;
          lang: Lang;
        }
      ) => {
        const policy = policyFor(opts.policy, { weakRatio: opts.weakRatio });
        const code = await runBatchRescore(
          inputs,
          {
            out: opts.out,
            policy,
            lang: opts.lang,
            summary: opts.summary,
            report: opts.report,
            workers: opts.jobs,
            timeLimit: opts.timeLimit,
            tty: Boolean(process.stderr.isTTY),
            onInterrupt,
          },
          io
        );
        setExitCode(code);
      }
    );
  program
    .command("clear")
    .description(h.clear)
    .argument("<inputs...>", h.inputs)
    .requiredOption("--out <dir>", h.outClear)
    .addOption(langOption())
    .action(async (inputs: string[], opts: { out: string; lang: Lang }) => {
      setExitCode(await runClear(inputs, opts.out, io, opts.lang));
    });
  return program;
}

/** Ctrl-C once stops after the files in progress; twice stops at once (a copy is never half-written either way). */
function onInterrupt(handler: () => void): () => void {
  let pressed = 0;
  const listener = () => {
    pressed++;
    if (pressed > 1) process.exit(INTERRUPTED);
    handler();
  };
  process.on("SIGINT", listener);
  return () => process.off("SIGINT", listener);
}

/** The CLI entry point: parses argv, runs, and returns the exit code. */
export async function main(argv: string[], io: Output = consoleOutput()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c), requestedLang(argv));
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_ERROR;
    io.err(`selfeval: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function consoleOutput(): Output {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t.endsWith("\n") ? t : `${t}\n`),
  };
}
