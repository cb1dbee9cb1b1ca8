import { useState } from 'react';
import type { LaneId, StageId } from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { Dialog } from './Dialog.tsx';
import { DialogActions } from './DialogActions.tsx';
import { Select } from './Select.tsx';

/** Removing a stage or lane that holds notes asks what to do with them: nothing is lost silently. */
export function RemoveDialog({ type, id, onClose }: { type: 'stage' | 'lane'; id: string; onClose: () => void }) {
  const session = useSession();
  const board = useBoard();
  const isStage = type === 'stage';
  const list = isStage ? board.stages : board.lanes;
  const item = list.find((x) => x.id === id);
  const others = list.filter((x) => x.id !== id);
  const count = board.notes.filter((n) => (isStage ? n.position.stageId : n.position.laneId) === id).length;
  const [choice, setChoice] = useState<'move' | 'delete'>('move');
  const [to, setTo] = useState(others[0]?.id ?? '');
  if (!item) return null;

  const confirm = () => {
    const decide = <T extends string>(target: T) =>
      count === 0
        ? undefined
        : choice === 'delete'
          ? { notes: 'delete' as const }
          : { notes: 'move' as const, to: target };
    if (isStage) session.run('removeStage', { stageId: id as StageId, decision: decide(to as StageId) });
    else session.run('removeLane', { laneId: id as LaneId, decision: decide(to as LaneId) });
    // A refused removal leaves the stage or lane (and a toast saying why); keep its panel then.
    const snapshot = session.model.source.getSnapshot();
    if (![...snapshot.stages, ...snapshot.lanes].some((x) => x.id === id)) session.editor.update({ header: null });
    onClose();
  };

  return (
    <Dialog title={`Remove “${item.name}”?`} onClose={onClose}>
      {count === 0 ? (
        <p>This {type} is empty.</p>
      ) : (
        <fieldset className="choice">
          <legend>
            It holds {count} note{count === 1 ? '' : 's'}. What should happen to {count === 1 ? 'it' : 'them'}?
          </legend>
          <label>
            <input type="radio" name="remove-choice" checked={choice === 'move'} onChange={() => setChoice('move')} />{' '}
            Move to
            <Select
              value={to}
              onValue={setTo}
              disabled={choice !== 'move'}
              aria-label={`Target ${type}`}
              choices={others.map((o) => ({ value: o.id, label: o.name }))}
            />
          </label>
          <label>
            <input
              type="radio"
              name="remove-choice"
              checked={choice === 'delete'}
              onChange={() => setChoice('delete')}
            />{' '}
            Delete {count === 1 ? 'the note' : `all ${count} notes`}
          </label>
        </fieldset>
      )}
      <DialogActions
        onCancel={onClose}
        confirm={`Remove ${type}`}
        confirmTestId="confirm-remove"
        onConfirm={confirm}
        danger
      />
    </Dialog>
  );
}
