import type { CheckpointKindName } from '../../shared/protocol/checkpoints.ts';
import type { BoardInfo } from './BoardStore.ts';

/*
 * Version history's rows (CheckpointRepository.ts). Checkpoints are full encoded states: Hocuspocus
 * documents use gc: true, so Yjs snapshots (`Y.createDocFromSnapshot`) cannot be used.
 */

/** Why a checkpoint was taken. Only `named` and `vote-reveal` are kept forever; the rest thin out with age. */
export type CheckpointKind = CheckpointKindName;

const CHECKPOINT_KINDS: readonly CheckpointKind[] = [
  'named',
  'activity',
  'before-restore',
  'before-migration',
  'vote-reveal',
  'before-mass-delete',
];

/** Tolerant read of a stored kind: an unknown value (a newer server wrote it) counts as automatic. */
export function checkpointKindOf(value: unknown): CheckpointKind {
  return (CHECKPOINT_KINDS as readonly unknown[]).includes(value) ? (value as CheckpointKind) : 'activity';
}

export interface CheckpointInfo {
  readonly id: string;
  readonly boardId: string;
  readonly kind: CheckpointKind;
  /** The name someone gave it, or a generated description ("Before restoring …"). */
  readonly label: string;
  /** Who asked for it; null for automatic checkpoints. */
  readonly createdBy: { readonly id: string; readonly name: string } | null;
  readonly createdAt: number;
  /** Denormalised so the history list need not decode every state. */
  readonly noteCount: number;
}

export interface StoredCheckpoint extends CheckpointInfo {
  /** `Y.encodeStateAsUpdate` of the whole board. */
  readonly state: Uint8Array;
}

/** One board's rows as the restore-board tool keeps them before replacing its snapshot. */
export interface BoardDump {
  readonly board: BoardInfo & { readonly snapshot: Uint8Array };
  /** In log order. */
  readonly updates: readonly { readonly at: number; readonly update: Uint8Array }[];
  readonly checkpoints: readonly StoredCheckpoint[];
}
