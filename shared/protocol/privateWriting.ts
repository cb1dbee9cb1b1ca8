import { z } from 'zod';
import { departmentSchema, type Department } from '../schema/department.ts';
import { isRecordId, randomId, type LaneId, type StageId } from '../schema/ids.ts';
import { LIMITS } from '../schema/limits.ts';
import { NOTE_KINDS, type NoteKind } from '../schema/noteKind.ts';
import { declaredPersonSchema, type VoterIdentity } from './voting.ts';

/**
 * Private writing phases over Hocuspocus stateless messages (docs/api.md, "Private writing").
 * While a phase is open, the notes people add are drafts: they never enter the shared
 * document (every client holds the whole document), but travel to the server, which checks and
 * stores them and echoes each draft only to its author's own connections. Everyone else hears at
 * most how many drafts each person has. The facilitator's reveal turns every draft into a real
 * note in one server transaction; a cancel keeps the drafts as their authors' (still private)
 * until the next reveal.
 */
export const PRIVATE = {
  // client → server
  hello: 'private:hello',
  start: 'private:start',
  add: 'private:add',
  update: 'private:update',
  remove: 'private:remove',
  reveal: 'private:reveal',
  cancel: 'private:cancel',
  // server → client
  state: 'private:state',
  draft: 'private:draft',
  removed: 'private:removed',
  writers: 'private:writers',
  refused: 'private:refused',
} as const;

/** Most drafts one person keeps on one board (they become notes at the reveal). */
export const MAX_DRAFTS_PER_PERSON = 100;
/** Longest phase the timer can run (the workshop timer's own maximum is 24 h). */
const MAX_PHASE_TIMER_MINUTES = 120;

export type DraftId = `draft:${string}`;
const DRAFT_ID = /^draft:[0-9a-z]{8,32}$/;
export const draftIdSchema = z.custom<DraftId>(
  (v) => typeof v === 'string' && DRAFT_ID.test(v),
  'Not a draft id (draft: and 8–32 letters or digits)',
);

/** A new draft id; the client picks it so it can show and edit the draft before the server answers. */
export function newDraftId(): DraftId {
  return `draft:${randomId(16)}`;
}

export function isDraftId(value: unknown): value is DraftId {
  return typeof value === 'string' && DRAFT_ID.test(value);
}

const stageIdSchema = z.custom<StageId>((v) => isRecordId('stage', v), 'Not a stage id');
const laneIdSchema = z.custom<LaneId>((v) => isRecordId('lane', v), 'Not a lane id');
const requestIdSchema = z.string().max(64).optional();
const draftTextSchema = z
  .string()
  .max(LIMITS.noteTextLength, `A note holds at most ${LIMITS.noteTextLength} characters`);

const phaseSettingsSchema = z.object({
  /**
   * Tie the phase to the workshop timer: the server sets and starts the timer for this many
   * minutes and reveals the drafts when it reaches zero. null: the facilitator reveals by hand.
   */
  timerMinutes: z.number().min(0.05).max(MAX_PHASE_TIMER_MINUTES).nullable().default(null),
});
export type PhaseSettings = z.output<typeof phaseSettingsSchema>;
export type PhaseSettingsInput = z.input<typeof phaseSettingsSchema>;

export const privateWritingClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(PRIVATE.hello), person: declaredPersonSchema }),
  z.object({ type: z.literal(PRIVATE.start), settings: phaseSettingsSchema.default({ timerMinutes: null }) }),
  z.object({
    type: z.literal(PRIVATE.add),
    id: draftIdSchema,
    stageId: stageIdSchema,
    laneId: laneIdSchema,
    kind: z.enum(NOTE_KINDS).optional(),
    text: draftTextSchema.default(''),
    requestId: requestIdSchema,
  }),
  z
    .object({
      type: z.literal(PRIVATE.update),
      id: draftIdSchema,
      text: draftTextSchema.optional(),
      stageId: stageIdSchema.optional(),
      laneId: laneIdSchema.optional(),
      kind: z.enum(NOTE_KINDS).optional(),
      requestId: requestIdSchema,
    })
    .refine((m) => (m.stageId === undefined) === (m.laneId === undefined), {
      message: 'A move names both stageId and laneId',
    }),
  z.object({ type: z.literal(PRIVATE.remove), id: draftIdSchema, requestId: requestIdSchema }),
  z.object({ type: z.literal(PRIVATE.reveal), phaseId: z.string().min(1).max(64) }),
  z.object({ type: z.literal(PRIVATE.cancel), phaseId: z.string().min(1).max(64) }),
]);
export type PrivateWritingClientMessage = z.infer<typeof privateWritingClientMessageSchema>;
export type PrivateWritingClientType = PrivateWritingClientMessage['type'];
/** Every type the client may send, read off the schema so the two cannot drift. */
const PRIVATE_WRITING_CLIENT_TYPES = privateWritingClientMessageSchema.options.map((o) => o.shape.type.value) as [
  PrivateWritingClientType,
  ...PrivateWritingClientType[],
];
export type PrivateWriter = VoterIdentity;

/** One draft as its author sees it (and nobody else). */
export interface Draft {
  readonly id: DraftId;
  readonly stageId: StageId;
  readonly laneId: LaneId;
  /** null: the lane's kind at the reveal. */
  readonly kind: NoteKind | null;
  readonly text: string;
  /** Orders drafts within a cell (set when added or moved): server time, epoch ms. */
  readonly placedAt: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The open phase as everyone may see it. */
export interface PhaseInfo {
  readonly id: string;
  readonly openedAt: number;
  readonly openedBy: string;
  /** The workshop timer run the phase waits for (reveals when it reaches zero); null: revealed by hand. */
  readonly timerRun: number | null;
}

/** How many drafts a person has: the only thing others learn while a phase is open. */
export interface WriterCount {
  readonly personId: string;
  readonly name: string;
  readonly department: Department;
  readonly count: number;
}

export type PhaseEvent =
  | { readonly kind: 'opened' | 'cancelled'; readonly phaseId: string }
  | { readonly kind: 'revealed'; readonly phaseId: string; readonly notes: number; readonly kept: number };

export interface PrivateStateMessage {
  readonly type: typeof PRIVATE.state;
  readonly now: number;
  readonly phase: PhaseInfo | null;
  /** Whether the recipient may write drafts now, and why not. */
  readonly canWrite: boolean;
  readonly why: string | null;
  /** The recipient's own drafts (from this phase, or kept from a cancelled one). */
  readonly drafts: readonly Draft[];
  readonly writers: readonly WriterCount[];
  readonly event: PhaseEvent | null;
}

/** One of the recipient's drafts, added or changed (sent to all of the author's connections). */
export interface PrivateDraftMessage {
  readonly type: typeof PRIVATE.draft;
  readonly draft: Draft;
  readonly requestId: string | null;
}

export interface PrivateRemovedMessage {
  readonly type: typeof PRIVATE.removed;
  readonly id: DraftId;
  readonly requestId: string | null;
}

/** Counts per person, to every connection of the board, when they change. */
interface PrivateWritersMessage {
  readonly type: typeof PRIVATE.writers;
  readonly writers: readonly WriterCount[];
}

const PRIVATE_REFUSAL_CODES = [
  'invalid-message',
  'not-identified',
  'identity-mismatch',
  'not-allowed',
  'board-locked',
  'no-open-phase',
  'phase-already-open',
  'phase-closed',
  'cell-not-found',
  'draft-not-found',
  'draft-exists',
  'too-many-drafts',
  'board-full',
  'storage-failed',
] as const;
export type PrivateRefusalCode = (typeof PRIVATE_REFUSAL_CODES)[number];

export interface PrivateRefusedMessage {
  readonly type: typeof PRIVATE.refused;
  readonly code: PrivateRefusalCode;
  /** A sentence for people (the client shows it as a toast). */
  readonly message: string;
  readonly request: PrivateWritingClientType | null;
  readonly draftId: DraftId | null;
  readonly requestId: string | null;
}

export type PrivateWritingServerMessage =
  | PrivateStateMessage
  | PrivateDraftMessage
  | PrivateRemovedMessage
  | PrivateWritersMessage
  | PrivateRefusedMessage;

const draftSchema = z.object({
  id: draftIdSchema,
  stageId: stageIdSchema,
  laneId: laneIdSchema,
  kind: z.enum(NOTE_KINDS).nullable(),
  text: z.string(),
  placedAt: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
const writersSchema = z.array(
  z.object({ personId: z.string(), name: z.string(), department: departmentSchema, count: z.number().int().min(0) }),
);
const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal(PRIVATE.state),
    now: z.number(),
    phase: z
      .object({ id: z.string(), openedAt: z.number(), openedBy: z.string(), timerRun: z.number().nullable() })
      .nullable(),
    canWrite: z.boolean(),
    why: z.string().nullable(),
    drafts: z.array(draftSchema),
    writers: writersSchema,
    event: z
      .union([
        z.object({ kind: z.enum(['opened', 'cancelled']), phaseId: z.string() }),
        z.object({ kind: z.literal('revealed'), phaseId: z.string(), notes: z.number(), kept: z.number() }),
      ])
      .nullable(),
  }),
  z.object({ type: z.literal(PRIVATE.draft), draft: draftSchema, requestId: z.string().nullable() }),
  z.object({ type: z.literal(PRIVATE.removed), id: draftIdSchema, requestId: z.string().nullable() }),
  z.object({ type: z.literal(PRIVATE.writers), writers: writersSchema }),
  z.object({
    type: z.literal(PRIVATE.refused),
    code: z.enum(PRIVATE_REFUSAL_CODES),
    message: z.string(),
    request: z.enum(PRIVATE_WRITING_CLIENT_TYPES).nullable(),
    draftId: draftIdSchema.nullable(),
    requestId: z.string().nullable(),
  }),
]);

/** A private-writing message from the server, or null if `message` is something else (tolerant reader). */
export function parsePrivateWritingServerMessage(message: unknown): PrivateWritingServerMessage | null {
  const parsed = serverMessageSchema.safeParse(message);
  return parsed.success ? (parsed.data as PrivateWritingServerMessage) : null;
}
