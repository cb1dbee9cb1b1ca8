import type { NoteId, StageId } from '../schema/ids.ts';
import type { Note } from '../schema/note.ts';

/** One dated step of an action: when it was made an action, started or marked done. */
export interface ActionMarker {
  readonly noteId: NoteId;
  readonly text: string;
  readonly event: ActionEvent;
  /** ms since epoch. */
  readonly at: number;
}

export type ActionEvent = 'opened' | 'started' | 'done';

export const ACTION_EVENT_LABEL: Record<ActionEvent, string> = {
  opened: 'Action created',
  started: 'Moved to in progress',
  done: 'Done',
};

/**
 * The markers a stage's KPI chart shows: every dated step of the actions in that stage, oldest
 * first. An action made before steps were dated has no markers (nothing is guessed).
 */
export function actionMarkers(notes: readonly Pick<Note, 'id' | 'text' | 'action' | 'position'>[], stageId: StageId) {
  const markers: ActionMarker[] = [];
  for (const n of notes) {
    if (!n.action || n.position.stageId !== stageId) continue;
    const steps: [ActionEvent, number | null][] = [
      ['opened', n.action.openedAt],
      ['started', n.action.startedAt],
      ['done', n.action.doneAt],
    ];
    for (const [event, at] of steps) if (at !== null) markers.push({ noteId: n.id, text: n.text, event, at });
  }
  return markers.sort((a, b) => a.at - b.at || (a.noteId < b.noteId ? -1 : 1));
}
