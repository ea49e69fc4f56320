import { constants, promises as fs } from "fs";
import { join, resolve } from "path";
import { OutputFolderError, OutputWriteError, WouldOverwriteInputError } from "../core/errors";

/** Makes the folder when it does not exist, and checks once, before any work, that it can be written. */
export async function checkOutputFolder(folder: string): Promise<void> {
  try {
    await fs.mkdir(folder, { recursive: true });
  } catch {
    throw new OutputFolderError(folder, (await isFile(folder)) ? "not-a-folder" : "cannot-create");
  }
  if (!(await fs.stat(folder)).isDirectory()) throw new OutputFolderError(folder, "not-a-folder");
  try {
    await fs.access(folder, constants.W_OK);
    // access() says yes to root on a read-only mount; a real write tells.
    const probe = join(folder, `.selfeval-probe-${process.pid}`);
    await fs.writeFile(probe, "");
    await fs.rm(probe);
  } catch {
    throw new OutputFolderError(folder, "not-writable");
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await fs.stat(path)).isFile();
  } catch {
    return false;
  }
}

/** An output never replaces its input. */
export function refuseOverwrite(input: string, output: string): void {
  if (resolve(output) === resolve(input)) throw new WouldOverwriteInputError();
}

/** The temporary file a write goes through, so that an interrupted run can remove it. */
export function temporaryPath(path: string): string {
  return `${path}.${process.pid}.tmp`;
}

/** Writes through a temporary file and a rename, so a reader never sees half a workbook. */
export async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, path);
  } catch {
    await fs.rm(temporary, { force: true });
    throw new OutputWriteError(path);
  }
}
