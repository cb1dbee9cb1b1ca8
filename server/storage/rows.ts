import { CorruptBoardError } from './BoardStore.ts';

/** Bytes of a board's row, or CorruptBoardError (a damaged row fails its board, never the server). */
export function blob(boardId: string, value: unknown, what: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw new CorruptBoardError(boardId, `${what} is ${value === null ? 'null' : typeof value}, not binary data`);
}

export function int(boardId: string, value: unknown, what: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  throw new CorruptBoardError(boardId, `${what} is not a number`);
}

/** Backups copy bytes as they are, even bad ones: a null becomes empty bytes (the board stays corrupt, not lost). */
export function rawBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return new TextEncoder().encode(value);
  return new Uint8Array();
}

/** How many rows an insert, update or delete touched (Kysely reports a bigint). */
export function changed(result: {
  numUpdatedRows?: bigint;
  numDeletedRows?: bigint;
  numInsertedOrUpdatedRows?: bigint;
}): number {
  return Number(result.numUpdatedRows ?? result.numDeletedRows ?? result.numInsertedOrUpdatedRows ?? 0n);
}
