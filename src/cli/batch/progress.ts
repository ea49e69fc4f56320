import { Lang, WORDS } from "../words";

/** A progress line with counts and the time left, redrawn in place on a terminal, or a line every tenth elsewhere. */
export type Progress = { update(done: number, failed: number): void; finish(): void };

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, "0");
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${two(m)}:${two(s % 60)}`;
}

export function progressLine(
  done: number,
  total: number,
  failed: number,
  elapsedMs: number,
  width = 24,
  lang: Lang = "zh"
): string {
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  const left = done === 0 ? "--:--" : clock(((elapsedMs / done) * (total - done)) / 1000);
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${WORDS[lang].progress(done, total, failed, left)}`;
}

export function createProgress(
  total: number,
  write: (text: string) => void,
  tty: boolean,
  lang: Lang = "zh",
  now: () => number = Date.now
): Progress {
  const start = now();
  let lastTenth = -1;
  return {
    update(done, failed) {
      const line = progressLine(done, total, failed, now() - start, undefined, lang);
      if (tty) {
        write(`\r${line}`);
        return;
      }
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth !== lastTenth || done === total) {
        lastTenth = tenth;
        write(`${line}\n`);
      }
    },
    finish() {
      if (tty) write("\n");
    },
  };
}
