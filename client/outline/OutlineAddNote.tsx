import { useState } from 'react';
import { NOTE_KIND_STYLE, NOTE_KINDS, type Lane, type NoteKind, type StageId } from '../../shared/index.ts';
import { useSession } from '../board/hooks.ts';
import { FormActions } from './FormActions.tsx';
import { choicesOf, Select } from '../ui/Select.tsx';

const KIND_CHOICES = choicesOf(NOTE_KINDS, (k) => `${NOTE_KIND_STYLE[k].icon} ${NOTE_KIND_STYLE[k].label}`);
/** "+ Add note" under a cell: a text and a kind (the lane's, unless changed); a private draft during private writing. */
export function OutlineAddNote({ stageId, lane, where }: { stageId: StageId; lane: Lane; where: string }) {
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<NoteKind>(lane.kind);
  if (!open)
    return (
      <button
        type="button"
        className="tb-button outline-add"
        onClick={() => {
          setKind(lane.kind);
          setOpen(true);
        }}
        aria-label={`Add note to ${where}`}
      >
        + Add note
      </button>
    );
  const id = `add-${stageId}-${lane.id}`;
  return (
    <form
      className="outline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        // Private writing: the note is my draft (shown on the board, to me alone, until the reveal).
        if (session.privateWriting.interceptsNewNotes())
          session.privateWriting.addDraft(stageId, lane.id, kind, text.trim(), { edit: false });
        else session.run('addNote', { stageId, laneId: lane.id, kind, text: text.trim() });
        session.model.endStep();
        setText('');
        setOpen(false);
      }}
    >
      <label htmlFor={id}>New note in {where}</label>
      {/* Before the text: from the text, Tab then Enter adds the note, as before the kind could be picked. */}
      <label className="outline-kind-pick">
        Kind
        <Select value={kind} onValue={setKind} choices={KIND_CHOICES} />
      </label>
      <textarea
        id={id}
        autoFocus
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      />
      <FormActions submit="Add" onCancel={() => setOpen(false)} />
    </form>
  );
}
