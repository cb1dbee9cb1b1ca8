import { z } from 'zod';
import { draftIdSchema } from '../../shared/protocol/privateWriting.ts';

/** The ClusterEvents topic of private writing (several instances). */
export const PRIVATE_WRITING_TOPIC = 'private-writing';

const phaseId = z.string().min(1).max(64);

/**
 * What one instance tells the others after a private-writing change it made. Events carry no
 * draft text, cell or count: each instance reads those from the database and sends them to its
 * own connections through PrivateWritingOutbox, the one place that decides who may see what (a
 * draft to its author's connections only, counts to everyone).
 * - `phase`: a phase opened, was revealed or was cancelled (re-send everyone's state with the
 *   event; watch or drop the phase's timer).
 * - `draft`: one person's draft was added, changed or removed (re-send it, or its removal, to
 *   that person's connections here; with `counts`, everyone's counts too).
 */
export const privateWritingEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('phase'),
    event: z.union([
      z.object({ kind: z.enum(['opened', 'cancelled']), phaseId }),
      z.object({ kind: z.literal('revealed'), phaseId, notes: z.number().int().min(0), kept: z.number().int().min(0) }),
    ]),
  }),
  z.object({
    kind: z.literal('draft'),
    personId: z.string().min(1).max(200),
    draftId: draftIdSchema,
    counts: z.boolean(),
  }),
]);

export type PrivateWritingEvent = z.infer<typeof privateWritingEventSchema>;
