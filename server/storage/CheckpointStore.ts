import type { CheckpointKindName } from '../../shared/protocol/checkpoints.ts';
import type { VotingDump } from '../voting/VotingStore.ts';
import type { BoardDocumentDump } from './BoardDocumentStore.ts';
import type { BoardInfo } from './BoardStore.ts';

/**
 * The version-history and operator half of a BoardStore (kept in its own file; BoardStore extends
 * it). Checkpoints are full encoded states: Hocuspocus documents use gc: true, so Yjs snapshots
 * (`Y.createDocFromSnapshot`) cannot be used.
 */
export interface CheckpointStore {
  /** Stores a checkpoint; fails if the board does not exist or the id is taken. */
  addCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;
  /** The board's checkpoints without their state, newest first. */
  listCheckpoints(boardId: string): Promise<CheckpointInfo[]>;
  /** One checkpoint with its state, or null. */
  getCheckpoint(boardId: string, checkpointId: string): Promise<StoredCheckpoint | null>;
  deleteCheckpoints(boardId: string, checkpointIds: readonly string[]): Promise<void>;

  // Operator tools (backup, restore): raw rows, never decoded, so a corrupt board travels too.
  /** Everything stored for one board (row, log, checkpoints), read in one transaction; null if none. */
  exportBoard(boardId: string): Promise<BoardDump | null>;
  /** Replaces the board (row, log, checkpoints) with the dump, in one transaction. */
  importBoard(dump: BoardDump): Promise<void>;
}

/** Why a checkpoint was taken. Only `named` and `vote-reveal` are kept forever; the rest thin out with age. */
export type CheckpointKind = CheckpointKindName;

export const CHECKPOINT_KINDS: readonly CheckpointKind[] = [
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

/** One board's rows, as backup writes them and restore reads them back. */
export interface BoardDump {
  readonly board: BoardInfo & { readonly snapshot: Uint8Array };
  /** In log order; seq numbers are reassigned on import. */
  readonly updates: readonly { readonly at: number; readonly update: Uint8Array }[];
  readonly checkpoints: readonly StoredCheckpoint[];
  /** Voting rounds and ballots (issue 4); absent in dumps made before voting existed. */
  readonly voting?: VotingDump;
  /** The board's other documents (comments); absent in backups made before they existed. */
  readonly documents?: readonly BoardDocumentDump[];
}
