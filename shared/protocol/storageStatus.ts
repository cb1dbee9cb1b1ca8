import { z } from 'zod';

/**
 * The server tells each board's clients whether their changes are being stored, as a Hocuspocus
 * stateless message (`provider.on('stateless', ({ payload }) => …)`). `delayed` is sent when a
 * save to the database fails (the board stays in memory and the server retries with back-off),
 * again to anyone who connects meanwhile, and `ok` once a save succeeds again. Nothing is lost
 * while delayed; the client says "Saving delayed" so people know.
 */
const STORAGE_STATUS_TYPE = 'journeyboard:storage';

const storageStatusSchema = z.object({
  type: z.literal(STORAGE_STATUS_TYPE),
  state: z.enum(['ok', 'delayed']),
  /** When saving started failing (epoch ms); only with `delayed`. */
  since: z.number().optional(),
});

export type StorageStatus = z.infer<typeof storageStatusSchema>;

export function encodeStorageStatus(status: Omit<StorageStatus, 'type'>): string {
  return JSON.stringify({ type: STORAGE_STATUS_TYPE, ...status });
}

/** The status in a stateless payload, or null if the payload is something else. */
export function parseStorageStatus(payload: string): StorageStatus | null {
  try {
    const parsed = storageStatusSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
