import type { z } from 'zod';

/** Why a stateless message was not taken: a shape both voting and private writing refuse with. */
export interface MessageRefusal {
  readonly code: 'invalid-message' | 'storage-failed';
  readonly message: string;
}

/** What a service says when its database fails during a request; nothing was changed. */
export const STORAGE_FAILED: MessageRefusal = { code: 'storage-failed', message: 'The server could not record that; nothing changed. Try again.' };

/**
 * A stateless payload checked against a feature's zod schema: the message, or a refusal that
 * names the first bad field (or says it is not JSON), for the sender to read.
 */
export function parseClientMessage<T>(schema: z.ZodType<T>, payload: string): { ok: true; message: T } | { ok: false; refusal: MessageRefusal } {
  let data: unknown;
  try {
    data = JSON.parse(payload);
  } catch {
    return { ok: false, refusal: { code: 'invalid-message', message: 'Not JSON.' } };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, refusal: { code: 'invalid-message', message: issue ? `${issue.path.join('.') || 'message'}: ${issue.message}` : 'Invalid message.' } };
}
