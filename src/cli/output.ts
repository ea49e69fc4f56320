import { SelfEvalError } from "../core/errors";
import { Lang, WORDS } from "./words";

/** Where a command writes: stdout and stderr in the CLI, strings in tests. */
export type Output = { out: (text: string) => void; err: (text: string) => void };

/** One sentence for the user in the chosen language; never a stack trace. */
export function describe(error: unknown, lang: Lang = "zh"): string {
  if (error instanceof SelfEvalError) return lang === "zh" ? error.message : error.english;
  const detail = error instanceof Error ? error.message : String(error);
  return WORDS[lang].unexpected(detail);
}

/** The sentence for a file stopped at the time limit (`--time-limit`). */
export function timeLimitMessage(seconds: number, lang: Lang = "zh"): string {
  return WORDS[lang].timeLimit(seconds);
}
