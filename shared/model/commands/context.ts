import type * as Y from 'yjs';
import { getRecord, type RecordMap } from '../../doc/boardDoc.ts';
import type { Department } from '../../schema/department.ts';
import type { RecordId } from '../../schema/ids.ts';
import { CommandError } from '../errors.ts';
import { readBoard, type BoardSnapshot } from '../snapshot.ts';

/** Who runs a command: stamped on notes as their author. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly department: Department;
}

export interface CommandContext {
  readonly doc: Y.Doc;
  readonly actor: Actor;
  readonly now: number;
  /** The board as it was when the command started (read lazily: most commands don't need it). */
  board(): BoardSnapshot;
}

export function createContext(
  doc: Y.Doc,
  actor: Actor,
  now = Date.now(),
  current?: () => BoardSnapshot,
): CommandContext {
  let cached: BoardSnapshot | undefined;
  return { doc, actor, now, board: () => (cached ??= current ? current() : readBoard(doc)) };
}

export function requireRecord(ctx: CommandContext, id: RecordId, what: string): RecordMap {
  const rec = getRecord(ctx.doc, id);
  if (!rec) throw new CommandError('not-found', `That ${what} no longer exists; someone may have removed it.`);
  return rec;
}
