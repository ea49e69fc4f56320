import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PolicyId, isPolicyId, policyFor } from '../core/policy';
import { runClear, runRescore } from './annotate-command';
import { Output, runScore } from './score-command';

const USAGE_ERROR = 2;

function weakRatio(value: string): number {
  const ratio = Number(value);
  if (!Number.isFinite(ratio) || ratio <= 1) throw new InvalidArgumentError('需为大于 1 的数 (a number above 1).');
  return ratio;
}

function policyId(value: string): PolicyId {
  if (!isPolicyId(value)) throw new InvalidArgumentError('可选 wuhan 或 national (wuhan or national).');
  return value;
}

export function buildProgram(io: Output, setExitCode: (code: number) => void): Command {
  const program = new Command('selfeval')
    .description('绩效自评复核助手 — rescores budget performance self-evaluation tables (预算绩效自评表) in .xlsx files')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .command('score')
    .description('score every self-evaluation table in each file and report scores, grades and review flags')
    .argument('<files...>', '.xlsx workbooks')
    .option('--json', 'print the result as JSON')
    .addOption(policyOption())
    .addOption(weakRatioOption())
    .action(async (files: string[], opts: { json?: boolean; policy: PolicyId; weakRatio: number }) => {
      const policy = policyFor(opts.policy, { weakRatio: opts.weakRatio });
      setExitCode(await runScore(files, { json: Boolean(opts.json), policy }, io));
    });
  program
    .command('rescore')
    .description('write annotated copies: computed scores, grade, highlights, a 复核汇总 sheet')
    .argument('<files...>', '.xlsx workbooks')
    .requiredOption('--out <dir>', 'folder for the annotated copies (same file names)')
    .addOption(policyOption())
    .addOption(weakRatioOption())
    .action(async (files: string[], opts: { out: string; policy: PolicyId; weakRatio: number }) => {
      setExitCode(await runRescore(files, opts.out, policyFor(opts.policy, { weakRatio: opts.weakRatio }), io));
    });
  program
    .command('clear')
    .description('write copies with every annotation of rescore taken out again')
    .argument('<files...>', '.xlsx workbooks')
    .requiredOption('--out <dir>', 'folder for the cleared copies (same file names)')
    .action(async (files: string[], opts: { out: string }) => {
      setExitCode(await runClear(files, opts.out, io));
    });
  return program;
}

function policyOption(): Option {
  return new Option('--policy <preset>', 'scoring rules: wuhan or national').default('wuhan').argParser(policyId);
}

function weakRatioOption(): Option {
  return new Option('--weak-ratio <R>', 'actual/target ratio that marks a weak target').default(1.5).argParser(weakRatio);
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
  return { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`) };
}
