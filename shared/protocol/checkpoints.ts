import { z } from 'zod';
import type { BoardContent, BoardDiff } from '../model/boardDiff.ts';

/**
 * Version history over HTTP (docs/api.md, "Checkpoints"):
 * `GET|POST /api/boards/:id/checkpoints`, `GET /api/boards/:id/checkpoints/:cid` (preview) and
 * `POST /api/boards/:id/checkpoints/:cid/restore`.
 */
export const CHECKPOINT_KINDS = [
  'named',
  'activity',
  'before-restore',
  'before-migration',
  'vote-reveal',
  'before-mass-delete',
] as const;
export type CheckpointKindName = (typeof CHECKPOINT_KINDS)[number];

export interface CheckpointSummary {
  readonly id: string;
  readonly kind: CheckpointKindName;
  readonly label: string;
  readonly createdBy: { readonly id: string; readonly name: string } | null;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly noteCount: number;
}

export interface CheckpointListResponse {
  /** Newest first. */
  readonly checkpoints: readonly CheckpointSummary[];
}

export const CHECKPOINT_LABEL_MAX = 80;

/** `POST /api/boards/:id/checkpoints` body: a named checkpoint of the board as it is now. */
export const createCheckpointRequestSchema = z.object({
  label: z
    .string()
    .trim()
    .min(1, 'A checkpoint needs a name')
    .max(CHECKPOINT_LABEL_MAX, `A name has at most ${CHECKPOINT_LABEL_MAX} characters`),
  /** Who is asking (shown in the history); the display name people picked when joining. */
  by: z.object({ id: z.string().min(1).max(64), name: z.string().trim().min(1).max(60) }).optional(),
});

/** `POST …/restore` body (optional): who restores, for the automatic "before restoring" checkpoint. */
export const restoreCheckpointRequestSchema = z.object({
  by: z.object({ id: z.string().min(1).max(64), name: z.string().trim().min(1).max(60) }).optional(),
});

export interface CheckpointPreviewResponse {
  readonly checkpoint: CheckpointSummary;
  /** The board as it was at the checkpoint. */
  readonly board: BoardContent;
  /** What changed since: from the checkpoint to the board now (added = new since, removed = gone since). */
  readonly since: BoardDiff;
}

export interface RestoreCheckpointResponse {
  readonly restored: CheckpointSummary;
  /** The automatic checkpoint of the board just before the restore (so a restore can be undone). */
  readonly before: CheckpointSummary;
  readonly summary: {
    readonly recreated: number;
    readonly removed: number;
    readonly changed: number;
    readonly titleChanged: boolean;
  };
}

/** Stateless payload the server sends a board's clients when its checkpoint list changed. */
export const CHECKPOINTS_CHANGED = JSON.stringify({ type: 'journeyboard:checkpoints' });

export const checkpointSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(CHECKPOINT_KINDS),
  label: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.number(),
  noteCount: z.number().int(),
}) satisfies z.ZodType<CheckpointSummary>;

export const checkpointListResponseSchema = z.object({
  checkpoints: z.array(checkpointSummarySchema),
}) satisfies z.ZodType<CheckpointListResponse>;

/** The preview's board and diff are described in docs/api.md ("Checkpoints"); here only their shape's top. */
export const checkpointPreviewResponseSchema = z.object({
  checkpoint: checkpointSummarySchema,
  board: z.looseObject({}),
  since: z.looseObject({}),
});

export const restoreCheckpointResponseSchema = z.object({
  restored: checkpointSummarySchema,
  before: checkpointSummarySchema,
  summary: z.object({
    recreated: z.number().int(),
    removed: z.number().int(),
    changed: z.number().int(),
    titleChanged: z.boolean(),
  }),
}) satisfies z.ZodType<RestoreCheckpointResponse>;
