import { deflateSync, inflateSync, strFromU8, strToU8 } from "fflate";
import { CorruptWorkbookError, UnsupportedPackageError, ZipTooLargeError } from "../core/errors";

/**
 * The zip container of an .xlsx (PKWARE APPNOTE 6.3.x, without ZIP64): entries are read from
 * the central directory and decompressed only when asked for, and written back with the
 * compressed bytes of every unchanged entry copied as they were.
 */

/** An .xlsx that would unzip to more than this is refused before anything is unzipped. */
const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;
const MAX_ENTRIES = 20000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;
/** The deflate option bits (1, 2) and the UTF-8 name bit are kept when an entry is copied. */
const KEPT_FLAGS = 0x0806;

export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  /** The compressed bytes, a view into the archive. */
  raw: Uint8Array;
};

function findEndOfDirectory(view: DataView, length: number): number {
  for (let i = length - 22; i >= Math.max(0, length - 22 - 65535); i--)
    if (view.getUint32(i, true) === EOCD) return i;
  throw new CorruptWorkbookError("zip directory not found");
}

/** The entries of an archive, in the order of its central directory; refuses zip bombs and truncated files. */
export function readZip(data: Uint8Array, limit = MAX_UNZIPPED_BYTES): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const eocd = findEndOfDirectory(view, data.length);
  const count = view.getUint16(eocd + 10, true);
  if (count > MAX_ENTRIES) throw new ZipTooLargeError(limit);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  for (let k = 0; k < count; k++) {
    if (offset + 46 > data.length || view.getUint32(offset, true) !== CENTRAL)
      throw new CorruptWorkbookError("zip directory damaged");
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    // 0xFFFFFFFF means the real size is in a ZIP64 record: larger than 4 GB, far past the limit.
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw new ZipTooLargeError(limit);
    total += size;
    if (total > limit) throw new ZipTooLargeError(limit);
    const nameLength = view.getUint16(offset + 28, true);
    const name = strFromU8(data.subarray(offset + 46, offset + 46 + nameLength));
    const local = view.getUint32(offset + 42, true);
    if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL)
      throw new CorruptWorkbookError(`zip entry ${name} damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + compressedSize > data.length)
      throw new CorruptWorkbookError(`zip entry ${name} truncated`);
    if (names.has(name)) throw new CorruptWorkbookError(`zip entry ${name} repeated`);
    names.add(name);
    entries.push({
      name,
      method,
      flags,
      crc: view.getUint32(offset + 16, true),
      compressedSize,
      size,
      time: view.getUint16(offset + 12, true),
      date: view.getUint16(offset + 14, true),
      raw: data.subarray(start, start + compressedSize),
    });
    offset +=
      46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** An entry's content; checks the method, the encryption flag and the checksum. */
export function inflateEntry(entry: ZipEntry): Uint8Array {
  if (entry.flags & FLAG_ENCRYPTED)
    throw new UnsupportedPackageError(entry.name, "encrypted entry");
  let content: Uint8Array;
  if (entry.method === STORED) content = entry.raw;
  else if (entry.method === DEFLATED) {
    try {
      content = inflateSync(entry.raw, { out: new Uint8Array(entry.size) });
    } catch {
      throw new CorruptWorkbookError(`zip entry ${entry.name} damaged`);
    }
  } else throw new UnsupportedPackageError(entry.name, `compression method ${entry.method}`);
  if (content.length !== entry.size || crc32(content) !== entry.crc)
    throw new CorruptWorkbookError(`zip entry ${entry.name} damaged`);
  return content;
}

/** Raw deflate (RFC 1951). fflate's runs everywhere; a host may give a faster one (Node's zlib). */
export type Deflate = (content: Uint8Array) => Uint8Array;
export const portableDeflate: Deflate = (content) => deflateSync(content, { level: 6 });

/** A new entry from its content, deflated, dated as `stamp` (another entry of the package) so output is repeatable. */
export function deflateEntry(
  name: string,
  content: Uint8Array,
  stamp: Pick<ZipEntry, "time" | "date">,
  deflate: Deflate = portableDeflate,
  crc = crc32(content)
): ZipEntry {
  const raw = deflate(content);
  return {
    name,
    method: DEFLATED,
    flags: 0,
    crc,
    compressedSize: raw.length,
    size: content.length,
    time: stamp.time,
    date: stamp.date,
    raw,
  };
}

/** Writes an archive: local headers without data descriptors, the central directory, its end record. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  if (entries.length > 0xffff) throw new ZipTooLargeError(MAX_UNZIPPED_BYTES);
  const names = entries.map((e) => strToU8(e.name));
  const localSize = entries.reduce((sum, e, k) => sum + 30 + names[k].length + e.raw.length, 0);
  const centralSize = names.reduce((sum, n) => sum + 46 + n.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, k) => {
    offsets.push(at);
    view.setUint32(at, LOCAL, true);
    at = writeHeaderFields(view, at + 4, entry, names[k]);
    out.set(names[k], at);
    at += names[k].length;
    out.set(entry.raw, at);
    at += entry.raw.length;
  });
  const centralStart = at;
  entries.forEach((entry, k) => {
    view.setUint32(at, CENTRAL, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, version 2.0
    at = writeHeaderFields(view, at + 6, entry, names[k]);
    // comment length, disk number, internal and external attributes: all zero
    view.setUint32(at + 10, offsets[k], true);
    out.set(names[k], at + 14);
    at += 14 + names[k].length;
  });
  view.setUint32(at, EOCD, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** The fields local and central headers share, from "version needed" to the extra field's length. */
function writeHeaderFields(view: DataView, at: number, entry: ZipEntry, name: Uint8Array): number {
  const ascii = name.every((b) => b < 0x80);
  view.setUint16(at, 20, true);
  view.setUint16(at + 2, (entry.flags & KEPT_FLAGS & ~FLAG_UTF8) | (ascii ? 0 : FLAG_UTF8), true);
  view.setUint16(at + 4, entry.method, true);
  view.setUint16(at + 6, entry.time, true);
  view.setUint16(at + 8, entry.date, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.compressedSize, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, name.length, true);
  view.setUint16(at + 24, 0, true);
  return at + 26;
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 as zip uses it (ISO 3309). */
export function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
