import { z } from 'zod';
import { isPersonId } from './identity.ts';

/**
 * A facilitator removes a person from the board (stateless messages on the board document). The
 * server refuses the person's connections to the board from then on, closes the open ones, voids
 * their ballot in an open round and discards their private drafts; everyone is told.
 */
export const PEOPLE = {
  remove: 'people:remove',
  removed: 'people:removed',
  refused: 'people:refused',
  // Admission: with it on, newcomers wait in a lobby until a facilitator lets them in.
  admission: 'people:admission',
  admit: 'people:admit',
  deny: 'people:deny',
  lobby: 'people:lobby',
} as const;

const personIdSchema = z.string().refine(isPersonId, 'Not a person id');

/** Facilitator → server: the other admission messages. */
export const admissionMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(PEOPLE.admission), on: z.boolean() }),
  z.object({ type: z.literal(PEOPLE.admit), personId: personIdSchema }),
  z.object({ type: z.literal(PEOPLE.deny), personId: personIdSchema }),
]);

/** Server → facilitators: whether admission is on, and who is waiting (oldest first). */
export interface LobbyMessage {
  readonly type: typeof PEOPLE.lobby;
  readonly admission: boolean;
  readonly waiting: readonly { readonly personId: string; readonly name: string; readonly since: number }[];
}

export function parseLobby(value: unknown): LobbyMessage | null {
  const m = value as Partial<LobbyMessage> | null;
  if (m?.type !== PEOPLE.lobby || typeof m.admission !== 'boolean' || !Array.isArray(m.waiting)) return null;
  return {
    type: PEOPLE.lobby,
    admission: m.admission,
    waiting: m.waiting
      .filter((w) => typeof w?.personId === 'string' && typeof w.name === 'string')
      .map((w) => ({ personId: w.personId, name: w.name, since: Number(w.since) })),
  };
}

export const removePersonMessageSchema = z.object({
  type: z.literal(PEOPLE.remove),
  personId: z.string().refine(isPersonId, 'Not a person id'),
  /** The name the facilitator saw, for the notice (the id is what counts). */
  name: z.string().trim().min(1).max(60),
});

/** To everyone on the board once a person is removed. */
export interface PersonRemovedMessage {
  readonly type: typeof PEOPLE.removed;
  readonly personId: string;
  readonly name: string;
  readonly byName: string;
  /** Dots of the open round that no longer count. */
  readonly dotsVoided: number;
  readonly draftsDiscarded: number;
}

export interface PeopleRefusedMessage {
  readonly type: typeof PEOPLE.refused;
  readonly code: 'invalid-message' | 'not-allowed' | 'storage-failed';
  readonly message: string;
}

export function parsePersonRemoved(value: unknown): PersonRemovedMessage | null {
  const m = value as Partial<PersonRemovedMessage> | null;
  if (m?.type !== PEOPLE.removed || typeof m.personId !== 'string' || typeof m.name !== 'string') return null;
  return {
    type: PEOPLE.removed,
    personId: m.personId,
    name: m.name,
    byName: String(m.byName ?? ''),
    dotsVoided: Number(m.dotsVoided ?? 0),
    draftsDiscarded: Number(m.draftsDiscarded ?? 0),
  };
}
