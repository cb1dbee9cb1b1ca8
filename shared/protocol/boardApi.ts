import { z } from 'zod';
import { ACTION_STATUSES } from '../schema/action.ts';
import { DEPARTMENTS } from '../schema/department.ts';
import { LIMITS } from '../schema/limits.ts';
import { NOTE_KINDS, SENTIMENT_MAX, SENTIMENT_MIN } from '../schema/noteKind.ts';

/**
 * The board API for scripts (docs/api.md, "Board API for scripts"): a board as JSON records, notes
 * added in bulk, the revealed rounds. Answers are plain records, not the document's layout: ids,
 * names and fields a script reads, in board order.
 */

/** Notes one `POST /api/boards/:id/notes` may add (the shared model's paste takes as many at once). */
const MAX_NOTES_PER_BATCH = 500;

const recordIdOf = (type: string) =>
  z.string().regex(new RegExp(`^${type}:[^\\s]{1,64}$`), `Not a ${type} id (${type}:…)`);

/** One note of a batch; kind, colour, sentiment and department have the board's defaults. */
export const newNoteSchema = z.object({
  stageId: recordIdOf('stage'),
  laneId: recordIdOf('lane'),
  text: z
    .string()
    .trim()
    .min(1, 'A note needs text')
    .max(LIMITS.noteTextLength, `A note holds at most ${LIMITS.noteTextLength} characters`),
  /** Default: the lane's kind. */
  kind: z.enum(NOTE_KINDS).optional(),
  colour: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, 'A colour is #rrggbb')
    .nullable()
    .optional(),
  /** Emotion notes: -2..2 (default 0). */
  sentiment: z.number().int().min(SENTIMENT_MIN).max(SENTIMENT_MAX).nullable().optional(),
  /** Default: `other`. */
  department: z.enum(DEPARTMENTS).optional(),
});
export type NewNote = z.infer<typeof newNoteSchema>;

const notesList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, 'Give at least one note')
    .max(MAX_NOTES_PER_BATCH, `At most ${MAX_NOTES_PER_BATCH} notes at once`);

/**
 * `POST /api/boards/:id/notes` body; `authorName` is who the board says wrote them (the caller's
 * person is their author id).
 */
export const addNotesRequestSchema = z.object({
  authorName: z.string().trim().min(1).max(LIMITS.authorNameLength).default('Script'),
  notes: notesList(newNoteSchema),
});

/** The same body with each note left unread, so that every bad note is named, not only the first. */
export const addNotesEnvelopeSchema = addNotesRequestSchema.extend({ notes: notesList(z.unknown()) });

export const addNotesResponseSchema = z.object({
  notes: z.array(z.object({ id: z.string(), stageId: z.string(), laneId: z.string() })),
});
export type AddNotesResponse = z.infer<typeof addNotesResponseSchema>;

/** `GET /api/boards/:id/records`: the board's grid and notes, in board order. */
export const boardRecordsResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.number(),
  stages: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
  lanes: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(NOTE_KINDS) })),
  notes: z.array(
    z.object({
      id: z.string(),
      stageId: z.string(),
      laneId: z.string(),
      kind: z.enum(NOTE_KINDS),
      text: z.string(),
      colour: z.string().nullable(),
      sentiment: z.number().nullable(),
      department: z.enum(DEPARTMENTS),
      authorName: z.string(),
      createdAt: z.number(),
      updatedAt: z.number(),
      personaIds: z.array(z.string()),
      action: z.object({ owner: z.string(), status: z.enum(ACTION_STATUSES), due: z.string().nullable() }).nullable(),
    }),
  ),
});
export type BoardRecordsResponse = z.infer<typeof boardRecordsResponseSchema>;

/** `GET /api/boards/:id/rounds`: revealed rounds, oldest first, results most dots first; never who placed which dot. */
export const roundsResponseSchema = z.object({
  rounds: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      openedAt: z.number(),
      revealedAt: z.number(),
      dotsPerPerson: z.number().int(),
      anonymous: z.boolean(),
      voterCount: z.number().int(),
      results: z.array(
        z.object({
          noteId: z.string(),
          dots: z.number().int(),
          text: z.string(),
          stageId: z.string(),
          laneId: z.string(),
        }),
      ),
    }),
  ),
});
export type RoundsResponse = z.infer<typeof roundsResponseSchema>;
