import { z } from 'zod';
import { DEPARTMENTS } from '../schema/department.ts';

/**
 * Stateless messages on a board's comments connection (`<boardId>/comments`):
 * - client → server `journeyboard:visit` when it arrives: who this is (the id the browser
 *   declares; no accounts). The server answers `journeyboard:visit-info`, records the person
 *   as someone who joined the board (mention candidates) and remembers the visit; when the
 *   connection closes, the person's last-seen time moves to then.
 * - client → server `journeyboard:thread-read` when the person opens a thread.
 */
export const VISIT = 'journeyboard:visit';
export const VISIT_INFO = 'journeyboard:visit-info';
export const THREAD_READ = 'journeyboard:thread-read';

export const visitMessageSchema = z.object({
  type: z.literal(VISIT),
  // `id` is ignored: the server keys visits by the person it proved for the connection.
  person: z.object({
    id: z.string().max(128).optional(),
    name: z.string().trim().min(1).max(60),
    department: z.enum(DEPARTMENTS),
  }),
});

export const threadReadMessageSchema = z.object({ type: z.literal(THREAD_READ), threadId: z.string().min(1).max(128) });

const NOTE_CHANGES = ['added', 'edited', 'moved', 'deleted'] as const;
export type NoteChange = (typeof NOTE_CHANGES)[number];

/** One note's change since the person's last visit (several events on one note collapse to one). */
export interface NoteActivity {
  readonly noteId: string;
  readonly change: NoteChange;
  /** Server time of the note's latest event. */
  readonly at: number;
  readonly label: string;
}

const visitInfoSchema = z.object({
  type: z.literal(VISIT_INFO),
  /** Server time now, and of the person's first visit (the unread baseline for never-opened threads). */
  now: z.number(),
  firstSeenAt: z.number(),
  /** When the person was last seen on this board before this visit; null on a first visit. */
  previousSeenAt: z.number().nullable(),
  /** Thread id → when the person last opened it. */
  reads: z.record(z.string(), z.number()),
  /** Notes changed since previousSeenAt (empty on a first visit), newest first. */
  notes: z.array(z.object({ noteId: z.string(), change: z.enum(NOTE_CHANGES), at: z.number(), label: z.string() })),
});
export type VisitInfo = z.infer<typeof visitInfoSchema>;

export function parseVisitInfo(message: unknown): VisitInfo | null {
  const parsed = visitInfoSchema.safeParse(message);
  return parsed.success ? parsed.data : null;
}

/**
 * Several events of one note since a time, as one line of the summary: a note added and then
 * deleted meanwhile is left out (the person never saw it); added then edited is "added"; a note
 * that is gone is "deleted"; otherwise "moved" beats "edited".
 */
export function collapseNoteEvents(
  events: readonly { noteId: string; change: NoteChange; at: number; label: string }[],
): NoteActivity[] {
  const byNote = new Map<string, { first: NoteChange; last: NoteChange; moved: boolean; at: number; label: string }>();
  for (const e of events) {
    const cur = byNote.get(e.noteId);
    if (!cur)
      byNote.set(e.noteId, { first: e.change, last: e.change, moved: e.change === 'moved', at: e.at, label: e.label });
    else
      Object.assign(cur, {
        last: e.change,
        moved: cur.moved || e.change === 'moved',
        at: Math.max(cur.at, e.at),
        label: e.label || cur.label,
      });
  }
  const out: NoteActivity[] = [];
  for (const [noteId, s] of byNote) {
    if (s.first === 'added' && s.last === 'deleted') continue;
    const change: NoteChange =
      s.last === 'deleted' ? 'deleted' : s.first === 'added' ? 'added' : s.moved ? 'moved' : 'edited';
    out.push({ noteId, change, at: s.at, label: s.label });
  }
  return out.sort((a, b) => b.at - a.at || (a.noteId < b.noteId ? -1 : 1));
}
