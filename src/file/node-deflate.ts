import { deflateRawSync } from "zlib";
import { Deflate } from "../package/zip";

/** Node's native raw deflate: the same format as the portable one, several times faster on a large sheet. */
export const nodeDeflate: Deflate = (content) => deflateRawSync(content, { level: 6 });
