import { useState } from 'react';
import {
  CONNECTOR_KIND_LABEL,
  CONNECTOR_KINDS,
  type BoardSnapshot,
  type ConnectorKind,
  type NoteId,
} from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { Dialog } from './Dialog.tsx';
import { DialogActions } from './DialogActions.tsx';

/** A note as a choice: its stage and lane, and the start of its text. */
export function noteChoiceLabel(board: BoardSnapshot, id: NoteId): string {
  const n = board.notesById.get(id);
  if (!n) return 'a deleted note';
  const stage = board.stages.find((s) => s.id === n.position.stageId)?.name ?? 'No stage';
  const lane = board.lanes.find((l) => l.id === n.position.laneId)?.name ?? 'no lane';
  const text = n.text.trim().replace(/\s+/g, ' ');
  return `${stage} · ${lane}: ${text.length > 50 ? `${text.slice(0, 49)}…` : text || '(empty note)'}`;
}

/**
 * "Connect to…": the keyboard's (and a screen reader's) way to draw a connector, from the outline
 * or from a note's connect handle. Lists every other note by stage.
 */
export function ConnectDialog() {
  const session = useSession();
  const board = useBoard();
  const from = useEditor((s) => s.connectFrom);
  if (!from || !board.notesById.has(from)) return null;
  return (
    <ConnectForm key={from} from={from} board={board} close={() => session.editor.update({ connectFrom: null })} />
  );
}

function ConnectForm({ from, board, close }: { from: NoteId; board: BoardSnapshot; close: () => void }) {
  const session = useSession();
  const others = board.notes.filter((n) => n.id !== from);
  const [to, setTo] = useState<NoteId | ''>(others[0]?.id ?? '');
  const [kind, setKind] = useState<ConnectorKind>('next-step');
  const [label, setLabel] = useState('');
  const connect = () => {
    if (!to) return;
    const id = session.run('addConnector', { from, to, kind, label });
    if (id) close();
  };
  return (
    <Dialog title="Connect to…" onClose={close}>
      <p className="muted">From {noteChoiceLabel(board, from)}</p>
      <form
        className="connect-form"
        onSubmit={(e) => {
          e.preventDefault();
          connect();
        }}
      >
        <label>
          To note
          <select value={to} onChange={(e) => setTo(e.target.value as NoteId)} autoFocus>
            {board.stages.map((s) => (
              <optgroup key={s.id} label={s.name}>
                {others
                  .filter((n) => n.position.stageId === s.id)
                  .map((n) => (
                    <option key={n.id} value={n.id}>
                      {noteChoiceLabel(board, n.id)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          Type
          <select value={kind} onChange={(e) => setKind(e.target.value as ConnectorKind)}>
            {CONNECTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {CONNECTOR_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Label (optional)
          <input type="text" value={label} maxLength={60} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <DialogActions onCancel={close} confirm="Connect" disabled={!to} />
      </form>
    </Dialog>
  );
}
