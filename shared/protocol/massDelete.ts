import { z } from 'zod';

/**
 * The server tells a board's facilitators, as a Hocuspocus stateless message, that someone removed
 * many records at once (or in a short run), and which checkpoint holds the board as it was
 * just before: restoring it (`POST /api/boards/:id/checkpoints/:checkpointId/restore`) brings them
 * back, and is itself undoable through the "before restoring" checkpoint it keeps. Sent when it
 * happens, updated (same `checkpointId`, higher counts) while the run goes on, and again to a
 * facilitator who connects within ten minutes.
 */
export const MASS_DELETE_TYPE = 'journeyboard:mass-delete';

const massDeleteNoticeSchema = z.object({
  type: z.literal(MASS_DELETE_TYPE),
  checkpointId: z.string().min(1).max(64),
  /** The display name in the remover's presence (people pick it; not proof of who it was). */
  by: z.string().max(60),
  /** Notes removed in the run so far… */
  notes: z.number().int().nonnegative(),
  /** …and records of every kind (stages, lanes, notes, personas, KPIs…). */
  records: z.number().int().nonnegative(),
  /** When the run began (server epoch ms). */
  at: z.number(),
});

export type MassDeleteNotice = z.infer<typeof massDeleteNoticeSchema>;

export function parseMassDeleteNotice(message: unknown): MassDeleteNotice | null {
  const parsed = massDeleteNoticeSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}

/** "Ann removed 40 notes" (or "…3 records" when no notes were among them). */
export function describeMassDelete(n: Pick<MassDeleteNotice, 'by' | 'notes' | 'records'>): string {
  const who = n.by.trim() || 'Someone';
  if (n.notes === 0) return `${who} removed ${n.records} record${n.records === 1 ? '' : 's'}`;
  const others = n.records - n.notes;
  return `${who} removed ${n.notes} note${n.notes === 1 ? '' : 's'}${others > 0 ? ` and ${others} other record${others === 1 ? '' : 's'}` : ''}`;
}
