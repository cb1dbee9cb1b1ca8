import { z } from 'zod';
import { DEPARTMENTS, type Department } from './department.ts';
import { isRecordId, type NoteId, type RoundId } from './ids.ts';
import { NOTE_KINDS, type NoteKind } from './noteKind.ts';

/**
 * The revealed result of a dot-voting round. Written only by the server, once, at reveal (ballots
 * are secret until then and never enter the document): every client and every export reads the
 * same result. Clients must not write `round:` records; the server rewrites any it finds changed
 * from its own database. Each field is a plain value written whole (no concurrent edits).
 */
export interface Round {
  readonly typeName: 'round';
  readonly id: RoundId;
  readonly title: string;
  readonly openedAt: number;
  readonly revealedAt: number;
  readonly dotsPerPerson: number;
  /** Named rounds keep dots per person; anonymous ones keep no voter id in the document. */
  readonly anonymous: boolean;
  /** People who placed at least one dot. */
  readonly voterCount: number;
  /** Dots per note (notes with no dot are absent). */
  readonly totals: Readonly<Record<NoteId, number>>;
  /**
   * What each voted note was at reveal (text, kind, where), so a round's result stays readable
   * after the note is edited, moved or deleted.
   */
  readonly notes: Readonly<Record<NoteId, RoundNoteInfo>>;
  /** Counts per department; a department with fewer than 3 voters is left out (never singled out). */
  readonly byDepartment: Readonly<Partial<Record<Department, DepartmentTally>>>;
  /** Named rounds only: each voter's dots. null for an anonymous round. */
  readonly byPerson: readonly PersonBallot[] | null;
}

export interface RoundNoteInfo {
  readonly text: string;
  readonly kind: NoteKind;
  readonly stageId: string;
  readonly laneId: string;
}

interface DepartmentTally {
  readonly voters: number;
  readonly totals: Readonly<Record<NoteId, number>>;
}

interface PersonBallot {
  readonly personId: string;
  readonly name: string;
  readonly department: Department;
  readonly dots: Readonly<Record<NoteId, number>>;
}

/** Fewer voters than this in a department and its split is not shown. */
export const MIN_DEPARTMENT_VOTERS = 3;

const count = z.number().int().min(0).max(1_000_000);
const tallySchema = z.record(
  z.string().refine((k) => isRecordId('note', k)),
  count,
);
const noteInfoSchema = z.object({
  text: z.string().max(2000),
  kind: z.enum(NOTE_KINDS),
  stageId: z.string().max(128),
  laneId: z.string().max(128),
});

/** The fields of a round record as the server writes them; also what repairs check against. */
export const roundFieldsSchema = z.object({
  title: z.string().max(120),
  openedAt: z.number().finite(),
  revealedAt: z.number().finite(),
  dotsPerPerson: z.number().int().min(1).max(99),
  anonymous: z.boolean(),
  voterCount: count,
  totals: tallySchema,
  notes: z.record(
    z.string().refine((k) => isRecordId('note', k)),
    noteInfoSchema,
  ),
  byDepartment: z.partialRecord(z.enum(DEPARTMENTS), z.object({ voters: count, totals: tallySchema })),
  byPerson: z
    .array(
      z.object({
        personId: z.string().max(128),
        name: z.string().max(60),
        department: z.enum(DEPARTMENTS),
        dots: tallySchema,
      }),
    )
    .nullable(),
});
export type RoundFields = z.infer<typeof roundFieldsSchema>;

export const ROUND_DEFAULTS: RoundFields = {
  title: 'Voting round',
  openedAt: 0,
  revealedAt: 0,
  dotsPerPerson: 1,
  anonymous: true,
  voterCount: 0,
  totals: {},
  notes: {},
  byDepartment: {},
  byPerson: null,
};

/** Tolerant: a field that does not match the schema reads as its empty value (never a voter id). */
export function readRound(id: RoundId, raw: Record<string, unknown>): Round {
  const field = <K extends keyof RoundFields>(k: K): RoundFields[K] => {
    const parsed = roundFieldsSchema.shape[k].safeParse(raw[k]);
    return parsed.success ? (parsed.data as RoundFields[K]) : ROUND_DEFAULTS[k];
  };
  const anonymous = field('anonymous');
  return {
    typeName: 'round',
    id,
    title: field('title'),
    openedAt: field('openedAt'),
    revealedAt: field('revealedAt'),
    dotsPerPerson: field('dotsPerPerson'),
    anonymous,
    voterCount: field('voterCount'),
    totals: field('totals') as Round['totals'],
    notes: field('notes') as Round['notes'],
    byDepartment: field('byDepartment') as Round['byDepartment'],
    byPerson: anonymous ? null : (field('byPerson') as Round['byPerson']),
  };
}

/** Revealed rounds, oldest first (ties by id), the order the rounds list and exports use. */
export function byRevealTime(a: Round, b: Round): number {
  return a.revealedAt - b.revealedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
