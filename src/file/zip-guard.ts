import { CorruptWorkbookError, ZipTooLargeError } from '../core/errors';

/** An .xlsx that would unzip to more than this is refused before anything is unzipped. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
const MAX_ENTRIES = 20000;
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/**
 * Reads the zip's central directory (no decompression) and refuses an archive whose entries
 * would expand past the limit — a zip bomb — or whose directory is missing (a truncated file).
 */
export function checkZipSize(data: Uint8Array, limit = MAX_UNZIPPED_BYTES): void {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new CorruptWorkbookError('zip directory not found');
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (entries > MAX_ENTRIES) throw new ZipTooLargeError(limit);
  let total = 0;
  for (let k = 0; k < entries; k++) {
    if (offset + 46 > data.length || view.getUint32(offset, true) !== CENTRAL) throw new CorruptWorkbookError('zip directory damaged');
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF means the real size is in a ZIP64 record: larger than 4 GB, far past the limit.
    if (size === 0xffffffff) throw new ZipTooLargeError(limit);
    total += size;
    if (total > limit) throw new ZipTooLargeError(limit);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}
