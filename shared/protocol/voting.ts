import { z } from 'zod';
import { departmentSchema, type Department } from '../schema/department.ts';
import { isRecordId, type LaneId, type NoteId, type RoundId } from '../schema/ids.ts';
import { NOTE_KINDS, type NoteKind } from '../schema/noteKind.ts';

/**
 * Secret dot-voting rounds over Hocuspocus stateless messages (docs/api.md, "Voting").
 * Ballots never enter the shared document before reveal: every client holds the whole document,
 * so a ballot written there could be read by anyone. A client sends its intents; the server
 * checks them against the open round, stores the ballot in its database and answers the voter
 * alone with their own ballot. Every message is one JSON object with a `type`.
 */
export const VOTING = {
  // client → server
  hello: 'voting:hello',
  start: 'voting:start',
  place: 'voting:place',
  remove: 'voting:remove',
  reveal: 'voting:reveal',
  cancel: 'voting:cancel',
  // server → client
  state: 'voting:state',
  ballot: 'voting:ballot',
  refused: 'voting:refused',
} as const;

export const MAX_DOTS_PER_PERSON = 99;
/** A round can stay open for days (async voting); a time limit is at most 30 days. */
const MAX_TIME_LIMIT_MINUTES = 30 * 24 * 60;

const laneIdKey = z.custom<LaneId>((v) => isRecordId('lane', v), 'Not a lane id');
const noteIdSchema = z.custom<NoteId>((v) => isRecordId('note', v), 'Not a note id');
const roundIdSchema = z.custom<RoundId>((v) => isRecordId('round', v), 'Not a round id');
const dots = z.number().int().min(0).max(MAX_DOTS_PER_PERSON);
const MAX_VOTABLE_NOTES = 500;

/** What the facilitator chooses when starting a round, with the defaults a round starts from. */
export const roundSettingsSchema = z
  .object({
    title: z.string().trim().min(1, 'A round needs a title').max(120, 'A title has at most 120 characters'),
    dotsPerPerson: z
      .number()
      .int()
      .min(1, 'At least 1 dot')
      .max(MAX_DOTS_PER_PERSON, `At most ${MAX_DOTS_PER_PERSON} dots`)
      .default(5),
    /** Most dots one person may stack on one note; null = no cap. */
    capPerNote: z.number().int().min(1).max(MAX_DOTS_PER_PERSON).nullable().default(null),
    /** A note can be voted on when its kind is listed here OR its lane is in `votableLaneIds`. */
    votableKinds: z.array(z.enum(NOTE_KINDS)).max(NOTE_KINDS.length).default(['pain', 'idea']),
    votableLaneIds: z.array(laneIdKey).max(100).default([]),
    /** Notes that can be voted on whatever their kind or lane (a review round of chosen pain points). */
    votableNoteIds: z.array(noteIdSchema).max(MAX_VOTABLE_NOTES).default([]),
    /** Most dots one person may place on the notes of a lane (lanes not listed: only the overall budget). */
    laneBudgets: z.record(laneIdKey, dots).default({}),
    /** The server reveals the round itself when this runs out; null = no limit. */
    timeLimitMinutes: z.number().int().min(1).max(MAX_TIME_LIMIT_MINUTES).nullable().default(null),
    /** Anonymous: the revealed record holds no voter id. Named: it keeps each person's dots. */
    anonymous: z.boolean().default(true),
    facilitatorVotes: z.boolean().default(true),
    /** Only the people on the board when the round opened may vote (a late link holder cannot join in). */
    onlyPresent: z.boolean().default(false),
  })
  .refine((s) => s.votableKinds.length > 0 || s.votableLaneIds.length > 0 || s.votableNoteIds.length > 0, {
    message: 'Choose at least one note kind, lane or note to vote on',
  });

export type RoundSettings = z.output<typeof roundSettingsSchema>;
export type RoundSettingsInput = z.input<typeof roundSettingsSchema>;

export const DEFAULT_ROUND_SETTINGS: RoundSettings = roundSettingsSchema.parse({
  title: 'Which problems do we fix first?',
});

/**
 * Who a connection says it is in `hello`: its display name and department. The id is the one the
 * server proved for the connection (shared/protocol/identity.ts); an `id` sent here is ignored.
 */
export const declaredPersonSchema = z.object({
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1).max(60),
  department: departmentSchema,
});

/** A person as the server keys ballots and drafts: the proven id, with the declared name. */
export interface VoterIdentity {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
}

/** Every message a client may send. `requestId` (optional) comes back on a refusal. */
export const votingClientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal(VOTING.hello), person: declaredPersonSchema }),
  z.object({ type: z.literal(VOTING.start), settings: roundSettingsSchema }),
  z.object({
    type: z.literal(VOTING.place),
    roundId: roundIdSchema,
    noteId: noteIdSchema,
    requestId: z.string().max(64).optional(),
  }),
  z.object({
    type: z.literal(VOTING.remove),
    roundId: roundIdSchema,
    noteId: noteIdSchema,
    requestId: z.string().max(64).optional(),
  }),
  z.object({ type: z.literal(VOTING.reveal), roundId: roundIdSchema }),
  z.object({ type: z.literal(VOTING.cancel), roundId: roundIdSchema }),
]);
export type VotingClientMessage = z.infer<typeof votingClientMessageSchema>;
export type VotingClientType = VotingClientMessage['type'];
/** Every type the client may send, read off the schema so the two cannot drift. */
const VOTING_CLIENT_TYPES = votingClientMessageSchema.options.map((o) => o.shape.type.value) as [
  VotingClientType,
  ...VotingClientType[],
];

/** The open round as everyone may see it: its settings, never anyone's dots. */
export interface OpenRoundInfo {
  readonly id: RoundId;
  readonly settings: RoundSettings;
  readonly openedAt: number;
  /** Server time (epoch ms) when the server reveals it by itself; null = no time limit. */
  readonly endsAt: number | null;
  readonly openedBy: string;
}

/** What the recipient may still do in the open round. */
export interface MyVotingStatus {
  /** False for viewers, for the facilitator of a round they do not vote in, and before `hello`. */
  readonly canVote: boolean;
  /** Why not, in words, when `canVote` is false. */
  readonly why: string | null;
  readonly remaining: number;
  /** Dots left per lane that has a budget (min of the lane budget and the overall remainder). */
  readonly remainingByLane: Readonly<Record<LaneId, number>>;
}

/** Facilitators only: who still has dots (how many), never what anyone voted. */
export interface PendingVoter {
  readonly personId: string;
  readonly name: string;
  readonly department: Department;
  readonly remaining: number;
}

/**
 * Sent to each connection after `hello`, to everyone when a round opens, is revealed or cancelled,
 * and to facilitators whenever someone's remaining dots change. `now` is the server's clock, so a
 * countdown to `endsAt` is right even when the recipient's clock is not.
 */
export interface VotingStateMessage {
  readonly type: typeof VOTING.state;
  readonly now: number;
  readonly round: OpenRoundInfo | null;
  readonly you: MyVotingStatus | null;
  /** Only in messages to facilitators; null for everyone else. */
  readonly pending: readonly PendingVoter[] | null;
  /** What just happened to the round, if this message announces it (for a toast). */
  readonly event: {
    readonly kind: 'opened' | 'revealed' | 'cancelled';
    readonly roundId: RoundId;
    readonly title: string;
  } | null;
}

/** The recipient's own ballot; sent only to that person's connections. */
export interface VotingBallotMessage {
  readonly type: typeof VOTING.ballot;
  readonly roundId: RoundId;
  readonly dots: Readonly<Record<NoteId, number>>;
  readonly remaining: number;
  readonly remainingByLane: Readonly<Record<LaneId, number>>;
  /** Notes deleted during the round whose dots came back to this voter. */
  readonly refunded: readonly NoteId[];
}

const REFUSAL_CODES = [
  'invalid-message',
  'not-identified',
  'identity-mismatch',
  'not-eligible',
  'not-allowed',
  'members-only',
  'facilitator-not-voting',
  'no-open-round',
  'round-closed',
  'round-already-open',
  'not-votable',
  'note-not-found',
  'budget-spent',
  'lane-budget-spent',
  'note-cap',
  'no-dot-here',
  'busy',
  'storage-failed',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface VotingRefusedMessage {
  readonly type: typeof VOTING.refused;
  readonly code: RefusalCode;
  readonly message: string;
  /** The type of the refused request. */
  readonly request: VotingClientType | null;
  readonly noteId: NoteId | null;
  readonly requestId: string | null;
}

export type VotingServerMessage = VotingStateMessage | VotingBallotMessage | VotingRefusedMessage;

const roundSettingsOut = z.custom<RoundSettings>((v) => roundSettingsSchema.safeParse(v).success);
const countRecord = <K extends string>(key: z.ZodType<K>) => z.record(key, z.number().int().min(0));
const serverMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal(VOTING.state),
    now: z.number(),
    round: z
      .object({
        id: roundIdSchema,
        settings: roundSettingsOut,
        openedAt: z.number(),
        endsAt: z.number().nullable(),
        openedBy: z.string(),
      })
      .nullable(),
    you: z
      .object({
        canVote: z.boolean(),
        why: z.string().nullable(),
        remaining: z.number().int().min(0),
        remainingByLane: countRecord(laneIdKey),
      })
      .nullable(),
    pending: z
      .array(
        z.object({
          personId: z.string(),
          name: z.string(),
          department: departmentSchema,
          remaining: z.number().int().min(0),
        }),
      )
      .nullable(),
    event: z
      .object({ kind: z.enum(['opened', 'revealed', 'cancelled']), roundId: roundIdSchema, title: z.string() })
      .nullable(),
  }),
  z.object({
    type: z.literal(VOTING.ballot),
    roundId: roundIdSchema,
    dots: countRecord(noteIdSchema),
    remaining: z.number().int().min(0),
    remainingByLane: countRecord(laneIdKey),
    refunded: z.array(noteIdSchema),
  }),
  z.object({
    type: z.literal(VOTING.refused),
    code: z.enum(REFUSAL_CODES),
    message: z.string(),
    request: z.enum(VOTING_CLIENT_TYPES).nullable(),
    noteId: noteIdSchema.nullable(),
    requestId: z.string().nullable(),
  }),
]);

/** A voting message from the server, or null if `message` is something else (tolerant reader). */
export function parseVotingServerMessage(message: unknown): VotingServerMessage | null {
  const parsed = serverMessageSchema.safeParse(message);
  return parsed.success ? (parsed.data as VotingServerMessage) : null;
}

/**
 * A round on the notes of one path only: no kind or lane is votable, only the path's notes (a
 * loop's return counted once), so the server's ballot rules refuse a dot anywhere else.
 */
export function pathRoundSettings(title: string, noteIds: readonly NoteId[]): RoundSettingsInput {
  return {
    title: title.slice(0, 120),
    votableKinds: [],
    votableNoteIds: [...new Set(noteIds)].slice(0, MAX_VOTABLE_NOTES),
  };
}

/** Whether a note may receive dots under these settings: its kind, its lane or the note itself is listed. */
export function isVotable(
  settings: Pick<RoundSettings, 'votableKinds' | 'votableLaneIds'> & { readonly votableNoteIds?: readonly NoteId[] },
  note: { readonly id: string; readonly kind: NoteKind; readonly laneId: string },
): boolean {
  return (
    settings.votableKinds.includes(note.kind) ||
    (settings.votableLaneIds as readonly string[]).includes(note.laneId) ||
    (settings.votableNoteIds ?? []).includes(note.id as NoteId)
  );
}
