import { useEffect, useRef, useState } from 'react';
import type { LaneId, NoteKind, StageId } from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { HEADER_H, LABEL_W } from '../geometry/layout.ts';
import { screenRect } from './overlayPosition.ts';
import { RemoveDialog } from './RemoveDialog.tsx';
import { OverBoard } from './OverBoard.tsx';
import { Select } from './Select.tsx';
import { NOTE_KIND_CHOICES } from './boardChoices.ts';

/** Rename, reorder, add and remove for the selected stage (column) or lane (row). */
export function HeaderPanel() {
  const session = useSession();
  const board = useBoard();
  const header = useEditor((s) => s.header);
  const camera = useEditor((s) => s.camera);
  const [removing, setRemoving] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const isStage = header?.type === 'stage';
  const list = isStage ? board.stages : board.lanes;
  const pos = list.findIndex((x) => x.id === header?.id);
  const item = list[pos];
  const [name, setName] = useState(item?.name ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: another stage or lane with the same name still resets the field
  useEffect(() => setName(item?.name ?? ''), [item?.id, item?.name]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another header closes the removal question
  useEffect(() => setRemoving(false), [header?.id]);
  // Double-click on a header (or a new stage/lane) asks for a name: focus it, ready to type over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: another header asking for a name is focused again
  useEffect(() => {
    if (header?.renaming) nameInput.current?.select();
  }, [header?.id, header?.renaming]);
  if (!header || !item || session.model.readOnlyReason) return null;

  const layout = session.layouts.layoutFor(board);
  const stageBox = isStage ? layout.stages[pos] : undefined;
  const laneBox = isStage ? undefined : layout.lanes[pos];
  const headerRect = stageBox
    ? { x: stageBox.x, y: 0, width: stageBox.width, height: HEADER_H }
    : laneBox && { x: 0, y: laneBox.y, width: LABEL_W, height: laneBox.height };
  if (!headerRect) return null;
  const rect = screenRect(camera, headerRect);
  const noun = isStage ? 'stage' : 'lane';
  const rename = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== item.name)
      isStage
        ? session.run('renameStage', { stageId: item.id as StageId, name: trimmed })
        : session.run('renameLane', { laneId: item.id as LaneId, name: trimmed });
    session.editor.update({ header: { ...header, renaming: false } });
  };
  const move = (to: number) =>
    isStage
      ? session.run('moveStage', { stageId: item.id as StageId, position: to })
      : session.run('moveLane', { laneId: item.id as LaneId, position: to });
  const add = (at: number) => {
    const id = isStage
      ? session.run('addStage', { name: 'New stage', position: at })
      : session.run('addLane', { name: 'New lane', kind: 'touchpoint', position: at });
    if (id) session.editor.update({ header: { type: header.type, id, renaming: true } });
  };
  const style = isStage
    ? { left: rect.x + 8, top: rect.y + rect.height + 8 }
    : { left: rect.x + rect.width + 8, top: rect.y + 8 };

  return (
    <>
      <OverBoard className="header-panel" data-testid="header-panel" style={style}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            rename();
          }}
        >
          <label className="field-label" htmlFor="header-name">
            {isStage ? 'Stage name' : 'Lane name'}
          </label>
          <input
            id="header-name"
            data-testid="header-name"
            ref={nameInput}
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
            onBlur={rename}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === 'Escape') setName(item.name);
            }}
          />
        </form>
        {!isStage && (
          <label className="field-label">
            Notes added here are
            <Select
              value={(item as { kind: NoteKind }).kind}
              onValue={(kind) => session.run('setLaneKind', { laneId: item.id as LaneId, kind })}
              choices={NOTE_KIND_CHOICES}
            />
          </label>
        )}
        <div className="panel-row">
          <button
            type="button"
            className="tb-button"
            disabled={pos === 0}
            onClick={() => move(pos - 1)}
            aria-label={`Move ${noun} ${isStage ? 'left' : 'up'}`}
          >
            {isStage ? '← Move' : '↑ Move'}
          </button>
          <button
            type="button"
            className="tb-button"
            disabled={pos === list.length - 1}
            onClick={() => move(pos + 1)}
            aria-label={`Move ${noun} ${isStage ? 'right' : 'down'}`}
          >
            {isStage ? 'Move →' : 'Move ↓'}
          </button>
        </div>
        <div className="panel-row">
          <button type="button" className="tb-button" onClick={() => add(pos)}>
            {isStage ? '+ Stage before' : '+ Lane above'}
          </button>
          <button type="button" className="tb-button" onClick={() => add(pos + 1)}>
            {isStage ? '+ Stage after' : '+ Lane below'}
          </button>
        </div>
        <button
          type="button"
          className="tb-button danger wide"
          disabled={list.length <= 1}
          onClick={() => setRemoving(true)}
        >
          Remove {noun}…
        </button>
      </OverBoard>
      {removing && <RemoveDialog type={header.type} id={item.id} onClose={() => setRemoving(false)} />}
    </>
  );
}
