import { buildPriorityList } from '../../shared/export/priorityList.ts';
import type { BoardSnapshot } from '../../shared/model/snapshot.ts';
import type { ActionStatus } from '../../shared/schema/action.ts';

interface ActionState {
  readonly text: string;
  readonly status: ActionStatus;
  readonly owner: string;
  readonly due: string | null;
}

/** What the webhook events compare between two moments of a board. */
export interface BoardWatch {
  readonly actions: ReadonlyMap<string, ActionState>;
  /** The ranked items that carry dots or an action, top 50, as `priorities.changed` sends them. */
  readonly priorities: readonly {
    readonly rank: number;
    readonly noteId: string;
    readonly text: string;
    readonly votes: number;
    readonly owner: string;
    readonly status: ActionStatus | null;
    readonly due: string | null;
  }[];
}

export function watchOf(board: BoardSnapshot): BoardWatch {
  const actions = new Map<string, ActionState>();
  for (const note of board.notesById.values())
    if (note.action) actions.set(note.id, { text: note.text, ...note.action });
  const list = buildPriorityList({
    board,
    round: 'latest',
    commentCounts: new Map(),
    commentsIncluded: false,
    baseUrl: '',
  });
  const priorities = list.items
    .filter((i) => i.votes > 0 || i.status !== null)
    .slice(0, 50)
    .map(({ rank, noteId, text, votes, owner, status, due }) => ({ rank, noteId, text, votes, owner, status, due }));
  return { actions, priorities };
}

export interface StatusChange {
  readonly noteId: string;
  readonly text: string;
  /** null: the note was not an action before (or is not one any more, for `to`). */
  readonly from: ActionStatus | null;
  readonly to: ActionStatus | null;
  readonly owner: string;
  readonly due: string | null;
}

/** Actions whose status changed, appeared or went away between `before` and `after`. */
export function statusChanges(before: BoardWatch, after: BoardWatch): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const id of new Set([...before.actions.keys(), ...after.actions.keys()])) {
    const was = before.actions.get(id);
    const now = after.actions.get(id);
    if (was?.status === now?.status) continue;
    const shown = now ?? was!;
    changes.push({
      noteId: id,
      text: shown.text,
      from: was?.status ?? null,
      to: now?.status ?? null,
      owner: shown.owner,
      due: shown.due,
    });
  }
  return changes;
}

/** Whether the ranked list a team hands off changed: order, dots, owners, statuses or due dates (not note texts). */
export function prioritiesChanged(before: BoardWatch, after: BoardWatch): boolean {
  const key = (w: BoardWatch) => JSON.stringify(w.priorities.map((p) => [p.noteId, p.votes, p.owner, p.status, p.due]));
  return key(before) !== key(after);
}
