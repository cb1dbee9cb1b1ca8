import type { z } from 'zod';
import { log } from '../observability/log.ts';
import type { BoardQueue } from './boardQueue.ts';

/** Why a stateless message was not taken: a shape both voting and private writing refuse with. */
export interface MessageRefusal {
  readonly code: 'invalid-message' | 'storage-failed';
  readonly message: string;
}

/** What a service says when its database fails during a request; nothing was changed. */
export const STORAGE_FAILED: MessageRefusal = {
  code: 'storage-failed',
  message: 'The server could not record that; nothing changed. Try again.',
};

/**
 * A stateless payload checked against a feature's zod schema: the message, or a refusal that
 * names the first bad field (or says it is not JSON), for the sender to read.
 */
export function parseClientMessage<T>(
  schema: z.ZodType<T>,
  payload: string,
): { ok: true; message: T } | { ok: false; refusal: MessageRefusal } {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return { ok: false, refusal: { code: 'invalid-message', message: 'Not JSON.' } };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    refusal: {
      code: 'invalid-message',
      message: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'Invalid message.',
    },
  };
}

/**
 * How voting and private writing take a stateless message: a bad payload is refused at once; a
 * good one runs in the board's queue, and a failure during it (the database) is logged and
 * refused as STORAGE_FAILED.
 */
export function handleClientMessage<T extends { readonly type: string }>(request: {
  readonly schema: z.ZodType<T>;
  readonly payload: string;
  readonly boardId: string;
  readonly queue: BoardQueue;
  readonly refuse: (message: T | null, refusal: MessageRefusal) => void;
  readonly dispatch: (message: T) => Promise<void>;
}): Promise<void> {
  const parsed = parseClientMessage(request.schema, request.payload);
  if (!parsed.ok) {
    request.refuse(null, parsed.refusal);
    return Promise.resolve();
  }
  const message = parsed.message;
  return request.queue.run(request.boardId, async () => {
    try {
      await request.dispatch(message);
    } catch (error) {
      log.error({ board: request.boardId, err: error }, `${message.type} failed`);
      request.refuse(message, STORAGE_FAILED);
    }
  });
}
