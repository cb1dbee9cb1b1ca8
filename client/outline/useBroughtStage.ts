import { useEffect, useRef } from 'react';
import type { StageId } from '../../shared/index.ts';
import type { BoardSession } from '../board/BoardSession.ts';
import { useEditor, useSession } from '../board/hooks.ts';
import { stageInView } from '../geometry/stageInView.ts';

/**
 * Calls `onStage` with the stage at the middle of the board view each time that view moves while
 * the outline is shown: nobody pans a hidden canvas, so the move is the facilitator's (bringing
 * everyone to a stage) or the person this one follows. The list goes where the board would.
 */
export function useBroughtStage(onStage: (stage: StageId) => void): void {
  const session = useSession();
  const camera = useEditor((s) => s.camera);
  const shown = useRef(camera);
  const latest = useRef(onStage);
  latest.current = onStage;
  useEffect(() => {
    if (camera === shown.current) return;
    shown.current = camera;
    const stage = stageInSight(session);
    if (stage) latest.current(stage);
  }, [camera, session]);
}

/**
 * The stage the board view is on: the list opens there, so a person who joins while the
 * facilitator leads (openBoardView) starts on the stage the room is looking at.
 */
export function stageInSight(session: BoardSession): StageId | null {
  const layout = session.layouts.layoutFor(session.model.source.getSnapshot());
  const { camera, viewport } = session.editor.get();
  return stageInView(layout, camera, viewport);
}
