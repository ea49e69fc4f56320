/**
 * Keeping each request and response under Excel on the web's 5 MB payload limit: reads are
 * cut into row pieces and packed into batches by an estimate, and a batch Excel still
 * refuses for its size is split in two and tried again.
 */

/** The limit is 5 MB; the budget leaves room for the envelope and for underestimates. */
export const PAYLOAD_BUDGET = 4 * 1024 * 1024;
/**
 * Estimated response bytes per cell for a value and a number format: about 20 in the
 * reference workbooks' JSON, doubled for long texts. A response that is larger after all is
 * refused by Excel before anything runs, and the batch is halved and read again.
 */
export const BYTES_PER_CELL = 48;
/**
 * Request bytes for one queued write beyond its payload: its object paths and actions as the
 * Office.js client serialises them — about 450 for a range's values, number formats and cell
 * properties on a shared sheet proxy (measured with the client's own request builder).
 */
export const BYTES_PER_WRITE = 600;

export type Piece = { sheet: string; row: number; col: number; rowCount: number; colCount: number };

/** Cuts each used range into row pieces no bigger than the budget. */
export function cutIntoPieces(
  ranges: Piece[],
  budget = PAYLOAD_BUDGET,
  bytesPerCell = BYTES_PER_CELL
): Piece[] {
  const pieces: Piece[] = [];
  for (const range of ranges) {
    const rowsPerPiece = Math.max(
      1,
      Math.floor(budget / (bytesPerCell * Math.max(1, range.colCount)))
    );
    for (let r = 0; r < range.rowCount; r += rowsPerPiece) {
      pieces.push({
        ...range,
        row: range.row + r,
        rowCount: Math.min(rowsPerPiece, range.rowCount - r),
      });
    }
  }
  return pieces;
}

/** Packs items into consecutive batches whose estimated sizes stay within the budget. */
export function packBatches<T>(
  items: T[],
  size: (item: T) => number,
  budget = PAYLOAD_BUDGET
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const bytes = size(item);
    if (current.length > 0 && used + bytes > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export function pieceBytes(piece: Piece): number {
  return piece.rowCount * piece.colCount * BYTES_PER_CELL;
}

const SIZE_ERRORS = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
]);

export function isPayloadTooLarge(error: unknown): boolean {
  return SIZE_ERRORS.has((error as { code?: string } | null)?.code ?? "");
}

/** Halves a batch that was too large: two batches, or one piece's rows in two. */
export function splitBatch(batch: Piece[]): Piece[][] | null {
  if (batch.length > 1) {
    const half = Math.ceil(batch.length / 2);
    return [batch.slice(0, half), batch.slice(half)];
  }
  const [piece] = batch;
  if (piece.rowCount < 2) return null;
  const top = Math.floor(piece.rowCount / 2);
  return [
    [{ ...piece, rowCount: top }],
    [{ ...piece, row: piece.row + top, rowCount: piece.rowCount - top }],
  ];
}

/**
 * Queues items in batches under the payload budget, one sync per batch; a batch Excel refuses
 * for its size is halved and sent again — Excel refuses such a request before running any of
 * it, so nothing is done twice. `queue` returns what `done` reads once the batch has run.
 */
export async function syncInBatches<T, R>(
  context: Excel.RequestContext,
  items: T[],
  size: (item: T) => number,
  queue: (batch: T[]) => R,
  done: (result: R) => void = () => undefined
): Promise<void> {
  for (const batch of packBatches(items, size, PAYLOAD_BUDGET))
    await syncBatch(context, batch, queue, done);
}

async function syncBatch<T, R>(
  context: Excel.RequestContext,
  batch: T[],
  queue: (batch: T[]) => R,
  done: (result: R) => void
): Promise<void> {
  const result = queue(batch);
  try {
    await context.sync();
  } catch (error) {
    if (!isPayloadTooLarge(error) || batch.length < 2) throw error;
    const half = Math.ceil(batch.length / 2);
    await syncBatch(context, batch.slice(0, half), queue, done);
    await syncBatch(context, batch.slice(half), queue, done);
    return;
  }
  done(result);
}
