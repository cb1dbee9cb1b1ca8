import { z } from 'zod';
import { isRecordId, type NoteId, type RoundId } from '../../shared/schema/ids.ts';

/** The ClusterEvents topic of voting (several instances). */
export const VOTING_TOPIC = 'voting';

const roundId = z.custom<RoundId>((v) => isRecordId('round', v), 'Not a round id');
const noteId = z.custom<NoteId>((v) => isRecordId('note', v), 'Not a note id');

/**
 * What one instance tells the others after a voting change it made. Events carry no ballot and
 * no pending list: each instance reads those from the database and sends them to its own
 * connections through VotingOutbox, the one place that decides who may see what.
 * - `round`: a round opened, was revealed or was cancelled (re-send everyone's state; arm or
 *   drop its deadline; register this instance's voters when it opened).
 * - `ballot`: one person's ballot changed (re-send it to that person's connections here, and the
 *   pending list to the facilitators here); `refunded` lists the notes whose dots came back.
 * - `participants`: someone joined the round elsewhere (the pending list changed).
 */
export const votingEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('round'),
    event: z.object({ kind: z.enum(['opened', 'revealed', 'cancelled']), roundId, title: z.string() }),
  }),
  z.object({ kind: z.literal('ballot'), roundId, personId: z.string().min(1).max(200), refunded: z.array(noteId) }),
  z.object({ kind: z.literal('participants'), roundId }),
]);

export type VotingEvent = z.infer<typeof votingEventSchema>;
