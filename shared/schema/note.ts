import { z } from 'zod';
import * as Y from 'yjs';
import { DEPARTMENTS, type Department } from './department.ts';
import { isRecordId, type ChannelId, type LaneId, type NoteId, type PersonaId, type StageId } from './ids.ts';
import { LIMITS } from './limits.ts';
import { NOTE_KINDS, NOTE_KIND_STYLE, SENTIMENT_MAX, SENTIMENT_MIN, type NoteKind } from './noteKind.ts';
import { isPersonaTagKey } from './persona.ts';
import { readAction, type NoteAction } from './action.ts';

/**
 * Where a note sits. Stored as ONE map value so that two concurrent moves resolve to one of the
 * two cells someone chose, never a mix of one person's stage and the other's lane.
 */
interface NotePosition {
  readonly stageId: StageId;
  readonly laneId: LaneId;
  /** Fractional index within the cell; notes in a cell sort by (index, id). */
  readonly index: string;
}

export interface Note {
  readonly typeName: 'note';
  readonly id: NoteId;
  readonly position: NotePosition;
  readonly kind: NoteKind;
  /** Plain text of the note's Y.Text `text` field. */
  readonly text: string;
  /** An explicit colour, or null for the colour of its kind. */
  readonly colour: string | null;
  /** -2..+2 for emotion notes, null otherwise (kept when the kind changes, shown only for emotions). */
  readonly sentiment: number | null;
  readonly department: Department;
  readonly authorId: string;
  readonly authorName: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Personas this note is about, sorted (from its `persona:<id>` keys set to true). */
  readonly personaIds: readonly PersonaId[];
  /** Set when the note was turned into an action (owner, status, due date). */
  readonly action: NoteAction | null;
  /** Through what it happens (schema 8): the id of one of the board's channels, or null. */
  readonly channelId: ChannelId | null;
}

export const noteIdSchema = z.custom<NoteId>((v) => isRecordId('note', v), 'Not a note id');
export const noteTextSchema = z
  .string()
  .max(LIMITS.noteTextLength, `A note holds at most ${LIMITS.noteTextLength} characters`);
export const colourSchema = z.string().regex(/^#[0-9a-f]{6}$/i, 'A colour is #rrggbb');

export function noteColour(note: Pick<Note, 'colour' | 'kind'>): string {
  return note.colour ?? NOTE_KIND_STYLE[note.kind].colour;
}

function readPosition(raw: unknown): NotePosition {
  const p = (raw ?? {}) as Record<string, unknown>;
  return {
    stageId: isRecordId('stage', p.stageId) ? p.stageId : 'stage:missing',
    laneId: isRecordId('lane', p.laneId) ? p.laneId : 'lane:missing',
    index: typeof p.index === 'string' ? p.index : 'a0',
  };
}

export function readNote(id: NoteId, raw: Record<string, unknown>): Note {
  const sentiment = raw.sentiment;
  return {
    typeName: 'note',
    id,
    position: readPosition(raw.position),
    kind: (NOTE_KINDS as readonly unknown[]).includes(raw.kind) ? (raw.kind as NoteKind) : 'touchpoint',
    text: raw.text instanceof Y.Text ? raw.text.toString() : typeof raw.text === 'string' ? raw.text : '',
    colour: typeof raw.colour === 'string' ? raw.colour : null,
    sentiment:
      typeof sentiment === 'number' &&
      Number.isInteger(sentiment) &&
      sentiment >= SENTIMENT_MIN &&
      sentiment <= SENTIMENT_MAX
        ? sentiment
        : null,
    department: (DEPARTMENTS as readonly unknown[]).includes(raw.department) ? (raw.department as Department) : 'other',
    authorId: typeof raw.authorId === 'string' ? raw.authorId : '',
    authorName: typeof raw.authorName === 'string' ? raw.authorName : 'Someone',
    createdAt: typeof raw.createdAt === 'number' ? raw.createdAt : 0,
    updatedAt: typeof raw.updatedAt === 'number' ? raw.updatedAt : 0,
    personaIds: Object.keys(raw)
      .filter((k) => isPersonaTagKey(k) && raw[k] === true)
      .sort() as PersonaId[],
    action: readAction(raw),
    channelId: isRecordId('channel', raw.channel) ? raw.channel : null,
  };
}
