import { useState } from 'react';
import {
  CONNECTOR_KIND_LABEL,
  CONNECTOR_KINDS,
  describeConnector,
  type BoardSnapshot,
  type Connector,
  type ConnectorKind,
  type NoteId,
} from '../../shared/index.ts';
import { useBoard, useEditor, useSession } from '../board/hooks.ts';
import { Dialog } from './Dialog.tsx';
import { DialogActions } from './DialogActions.tsx';
import { choicesOf, Select } from './Select.tsx';

const KIND_CHOICES = choicesOf(CONNECTOR_KINDS, (k) => CONNECTOR_KIND_LABEL[k]);

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

/** Every note but `except`, grouped by stage, as one select (what "Connect to…" and "Reconnect to…" pick from). */
function NoteSelect({
  label,
  board,
  except,
  value,
  onChange,
}: {
  label: string;
  board: BoardSnapshot;
  except: NoteId | null;
  value: NoteId | '';
  onChange: (id: NoteId) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as NoteId)} autoFocus>
        {board.stages.map((s) => (
          <optgroup key={s.id} label={s.name}>
            {board.notes
              .filter((n) => n.position.stageId === s.id && n.id !== except)
              .map((n) => (
                <option key={n.id} value={n.id}>
                  {noteChoiceLabel(board, n.id)}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

function ConnectForm({ from, board, close }: { from: NoteId; board: BoardSnapshot; close: () => void }) {
  const session = useSession();
  const [to, setTo] = useState<NoteId | ''>(board.notes.find((n) => n.id !== from)?.id ?? '');
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
        <NoteSelect label="To note" board={board} except={from} value={to} onChange={setTo} />
        <label>
          Type
          <Select value={kind} onValue={setKind} choices={KIND_CHOICES} />
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

/**
 * "Reconnect to…": an orphan (one of its notes was deleted meanwhile) gets a new note for the end
 * it lost; the end it kept stays. Offered in the connector's toolbar and in the outline.
 */
export function ReconnectDialog() {
  const session = useSession();
  const board = useBoard();
  const id = useEditor((s) => s.reconnect);
  const connector = id && board.orphanConnectors.find((c) => c.id === id);
  if (!connector) return null;
  return (
    <ReconnectForm
      key={connector.id}
      connector={connector}
      board={board}
      close={() => session.editor.update({ reconnect: null })}
    />
  );
}

function ReconnectForm({ connector, board, close }: { connector: Connector; board: BoardSnapshot; close: () => void }) {
  const session = useSession();
  // The end that is left; with neither left, both are chosen again.
  const keptFrom = board.notesById.has(connector.from) ? connector.from : null;
  const keptTo = board.notesById.has(connector.to) ? connector.to : null;
  const [from, setFrom] = useState<NoteId | ''>(keptFrom ?? board.notes[0]?.id ?? '');
  const [to, setTo] = useState<NoteId | ''>(keptTo ?? board.notes.find((n) => n.id !== from)?.id ?? '');
  const reconnect = () => {
    if (!from || !to) return;
    const done = session.run('reconnectConnector', { connectorId: connector.id, from, to });
    if (done !== undefined) {
      close();
      session.editor.update({ connector: connector.id });
    }
  };
  return (
    <Dialog title="Reconnect to…" onClose={close}>
      <p className="muted">
        {describeConnector(connector)} from {noteChoiceLabel(board, connector.from)} to{' '}
        {noteChoiceLabel(board, connector.to)}.
      </p>
      <form
        className="connect-form"
        onSubmit={(e) => {
          e.preventDefault();
          reconnect();
        }}
      >
        {!keptFrom && <NoteSelect label="From note" board={board} except={keptTo} value={from} onChange={setFrom} />}
        {!keptTo && <NoteSelect label="To note" board={board} except={keptFrom} value={to} onChange={setTo} />}
        <DialogActions onCancel={close} confirm="Reconnect" disabled={!from || !to || from === to} />
      </form>
    </Dialog>
  );
}
