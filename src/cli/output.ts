import { SelfEvalError } from "../core/errors";

/** Where a command writes: stdout and stderr in the CLI, strings in tests. */
export type Output = { out: (text: string) => void; err: (text: string) => void };

/** One sentence for the user, Chinese then English; never a stack trace. */
export function describe(error: unknown): string {
  if (error instanceof SelfEvalError) return `${error.message} (${error.english})`;
  const detail = error instanceof Error ? error.message : String(error);
  return `读取或评分时出错：${detail} (unexpected error)`;
}

/** The sentence for a file stopped at the time limit (`--time-limit`). */
export function timeLimitMessage(seconds: number): string {
  return `处理时间超过 ${seconds} 秒，已停止（文件可能异常） (stopped after ${seconds} s; the file may be malformed)`;
}
