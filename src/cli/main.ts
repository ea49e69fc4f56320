import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { PolicyId, isPolicyId, policyFor } from "../core/policy";
import { extname } from "path";
import { runClear } from "./clear-command";
import { INTERRUPTED, SUMMARY_FORMATS, runBatchRescore } from "./batch/batch-command";
import { Output } from "./output";
import { runScore } from "./score-command";

const USAGE_ERROR = 2;

function weakRatio(value: string): number {
  const ratio = Number(value);
  if (!Number.isFinite(ratio) || ratio <= 1)
    throw new InvalidArgumentError("需为大于 1 的数 (a number above 1).");
  return ratio;
}

function seconds(value: string): number {
  const limit = Number(value);
  if (value.trim() === "" || !Number.isFinite(limit) || limit <= 0)
    throw new InvalidArgumentError("需为正数（秒） (a positive number of seconds).");
  return limit;
}

function policyId(value: string): PolicyId {
  if (!isPolicyId(value))
    throw new InvalidArgumentError("可选 wuhan 或 national (wuhan or national).");
  return value;
}

export function buildProgram(io: Output, setExitCode: (code: number) => void): Command {
  const program = new Command("selfeval")
    .description(
      "绩效自评复核助手 — rescores budget performance self-evaluation tables (预算绩效自评表) in .xlsx files"
    )
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .command("score")
    .description(
      "score every self-evaluation table in each file and report scores, grades and review flags"
    )
    .argument("<files...>", ".xlsx workbooks")
    .option("--json", "print the result as JSON")
    .addOption(policyOption())
    .addOption(weakRatioOption())
    .addOption(timeLimitOption())
    .action(
      async (
        files: string[],
        opts: { json?: boolean; policy: PolicyId; weakRatio: number; timeLimit: number }
      ) => {
        const policy = policyFor(opts.policy, { weakRatio: opts.weakRatio });
        setExitCode(
          await runScore(files, { json: Boolean(opts.json), policy, timeLimit: opts.timeLimit }, io)
        );
      }
    );
  program
    .command("rescore")
    .description(
      "write annotated copies of workbooks and folders of workbooks: computed scores, grade, highlights, a 复核汇总 sheet"
    )
    .argument("<inputs...>", ".xlsx workbooks or folders of them")
    .requiredOption(
      "--out <dir>",
      "folder for the annotated copies (same names, folder structure kept)"
    )
    .option("--summary <file>", "a summary across every file: .xlsx, .csv or .json", summaryPath)
    .option("--report <file>", "a review report as one self-contained .html page")
    .option("--jobs <n>", "worker threads (default: the number of cores)", jobCount)
    .addOption(policyOption())
    .addOption(weakRatioOption())
    .addOption(timeLimitOption())
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
        }
      ) => {
        const policy = policyFor(opts.policy, { weakRatio: opts.weakRatio });
        const code = await runBatchRescore(
          inputs,
          {
            out: opts.out,
            policy,
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
    .description("write copies with every annotation of rescore taken out again")
    .argument("<inputs...>", ".xlsx workbooks or folders of them")
    .requiredOption(
      "--out <dir>",
      "folder for the cleared copies (same names, folder structure kept)"
    )
    .action(async (inputs: string[], opts: { out: string }) => {
      setExitCode(await runClear(inputs, opts.out, io));
    });
  return program;
}

function summaryPath(value: string): string {
  if (!SUMMARY_FORMATS.includes(extname(value).toLowerCase()))
    throw new InvalidArgumentError("需为 .xlsx、.csv 或 .json (.xlsx, .csv or .json).");
  return value;
}

function jobCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new InvalidArgumentError("需为 0 到 64 的整数 (an integer from 0 to 64).");
  return n;
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

function policyOption(): Option {
  return new Option("--policy <preset>", "scoring rules: wuhan or national")
    .default("wuhan")
    .argParser(policyId);
}

/** Every file gets a time limit, so that no input can keep `score` or `rescore` from ending. */
function timeLimitOption(): Option {
  return new Option(
    "--time-limit <seconds>",
    "seconds one file may take; past it the file is stopped and reported as failed"
  )
    .default(120)
    .argParser(seconds);
}

function weakRatioOption(): Option {
  return new Option("--weak-ratio <R>", "actual/target ratio that marks a weak target")
    .default(1.5)
    .argParser(weakRatio);
}

/** The CLI entry point: parses argv, runs, and returns the exit code. */
export async function main(argv: string[], io: Output = consoleOutput()): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => (code = c));
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
