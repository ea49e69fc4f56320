import { promises as fs } from "fs";
import { basename, extname, join, relative, resolve, sep } from "path";
import { Lang, WORDS, Words } from "../words";

/** One workbook to rescore and where its annotated copy goes. */
export type Job = { input: string; output: string };
/** A file passed over, with the reason the user sees. */
export type Skipped = { input: string; reason: string };

const SPREADSHEET = /\.(xls|xlsm|xlsb|xltx|xltm|et|ett|ods|csv|wps)$/i;

function skipReason(path: string, w: Words): string | null {
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") return null;
  if (ext === ".xlsm") return w.macroWorkbook;
  return w.notXlsx(ext);
}

/** Excel's owner files (~$名称.xlsx) and hidden files are not workbooks. */
const isNoise = (name: string) => name.startsWith("~$") || name.startsWith(".");

async function walk(dir: string, skipDir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    if (isNoise(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (resolve(path) !== skipDir) files.push(...(await walk(path, skipDir)));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files;
}

/**
 * Expands the inputs into jobs. One folder keeps its structure directly under the output
 * folder; several inputs each get a subfolder named after them. An output folder inside an
 * input folder is not walked, and two inputs that would land on the same name are told apart.
 */
export async function collectJobs(
  inputs: string[],
  outDir: string,
  lang: Lang = "zh"
): Promise<{ jobs: Job[]; skipped: Skipped[]; notes: string[] }> {
  const w = WORDS[lang];
  const out = resolve(outDir);
  const jobs: Job[] = [];
  const skipped: Skipped[] = [];
  const notes: string[] = [];
  const several = inputs.length > 1;
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) {
      const root = resolve(input);
      if (out === root || out.startsWith(root + sep)) notes.push(w.outputInsideInput(input));
      for (const file of await walk(input, out)) {
        const reason = skipReason(file, w);
        if (reason && SPREADSHEET.test(file)) skipped.push({ input: file, reason });
        if (reason) continue;
        const rel = relative(input, file);
        jobs.push({ input: file, output: join(out, several ? basename(root) : "", rel) });
      }
    } else {
      const reason = stat ? skipReason(input, w) : null;
      if (reason) skipped.push({ input, reason });
      else jobs.push({ input, output: join(out, basename(input)) });
    }
  }
  return { jobs: distinctOutputs(jobs, notes, w), skipped, notes };
}

/** `名称.xlsx`, `名称 (2).xlsx`: no output overwrites another. */
function distinctOutputs(jobs: Job[], notes: string[], w: Words): Job[] {
  const taken = new Set<string>();
  return jobs.map((job) => {
    let output = job.output;
    const ext = extname(output);
    for (let k = 2; taken.has(output); k++)
      output = `${job.output.slice(0, -ext.length)} (${k})${ext}`;
    taken.add(output);
    if (output !== job.output) notes.push(w.sameName(job.input, output));
    return { ...job, output };
  });
}
