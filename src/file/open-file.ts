import { promises as fs } from "fs";
import { FileNotFoundError, FileTooLargeError } from "../core/errors";
import { SheetGrid } from "../core/grid";
import { readGrids } from "./read-workbook";

/** Larger files are refused before they are unzipped. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

export async function readFileBytes(path: string, maxBytes = MAX_FILE_BYTES): Promise<Buffer> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) throw new FileNotFoundError();
    size = stat.size;
  } catch {
    throw new FileNotFoundError();
  }
  if (size > maxBytes)
    throw new FileTooLargeError(Math.ceil(size / 1048576), Math.floor(maxBytes / 1048576));
  try {
    return await fs.readFile(path);
  } catch {
    throw new FileNotFoundError();
  }
}

export async function readWorkbookFile(
  path: string,
  maxBytes = MAX_FILE_BYTES
): Promise<SheetGrid[]> {
  return readGrids(await readFileBytes(path, maxBytes));
}
