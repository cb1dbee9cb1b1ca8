import { useMemo } from 'react';
import {
  pathConnectorIds,
  pathNoteIds,
  pathsFrom,
  resolveMarkedPath,
  samePath,
  type BoardSnapshot,
  type JourneyPath,
  type NoteId,
  type PathsFrom,
} from '../../shared/index.ts';
import type { BoardSession } from './BoardSession.ts';
import { EMPTY_SELECTION, type EditorState } from './editorState.ts';
import { useBoard, useEditor } from './hooks.ts';

export interface PathHighlight {
  readonly from: PathsFrom;
  /** The chosen path, or null when all of them are shown. */
  readonly chosen: JourneyPath | null;
  /** The notes to keep bright (the chosen path's, or every path's). */
  readonly noteIds: ReadonlySet<NoteId>;
  /** Which listed path is the happy path, or -1. */
  readonly happyIndex: number;
}

/** The paths shown from a start note, for the canvas, the panel and the outline; null when none. */
export function pathHighlight(board: BoardSnapshot, state: EditorState['paths']): PathHighlight | null {
  if (!state || !board.notesById.has(state.startId)) return null;
  const from = pathsFrom(board, state.startId);
  const chosen = state.chosen !== null ? (from.paths[state.chosen] ?? null) : null;
  const happy = resolveMarkedPath(board, board.happyPath);
  const happySteps = happy ? pathConnectorIds(happy) : [];
  const happyIndex = happy ? from.paths.findIndex((p) => samePath(pathConnectorIds(p), happySteps)) : -1;
  return { from, chosen, noteIds: chosen ? new Set(pathNoteIds(chosen)) : from.noteIds, happyIndex };
}

export function usePathHighlight(): PathHighlight | null {
  const board = useBoard();
  const state = useEditor((s) => s.paths);
  return useMemo(() => pathHighlight(board, state), [board, state]);
}

/** Shows the paths from a note (the Paths panel, all paths highlighted), from the toolbar or the outline. */
export function showPathsFrom(session: BoardSession, startId: NoteId): void {
  // The selection goes: its toolbar would cover the panel on a phone, and the highlight shows the note.
  session.editor.update({
    panel: 'paths',
    paths: { startId, chosen: null },
    curveAlongPath: false,
    selection: EMPTY_SELECTION,
  });
}
