import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** A fresh temporary folder per test file, removed afterwards. */
export function useTempDir(): () => string {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "selfeval-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}
