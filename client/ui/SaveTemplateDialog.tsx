import { useState } from 'react';
import { TEMPLATE_LIMITS } from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { saveBoardAsTemplate, type TemplateInfo } from '../api/boards.ts';
import { Dialog } from './Dialog.tsx';
import { ErrorLine } from './ErrorLine.tsx';
import { DialogActions } from './DialogActions.tsx';
import { TextField } from './TextField.tsx';

/** Facilitators: save this board as a template that anyone starting a board on this server can pick. */
export function SaveTemplateDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const board = useBoard();
  const [name, setName] = useState(board.meta.title.slice(0, TEMPLATE_LIMITS.nameLength));
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<TemplateInfo | null>(null);
  const save = async () => {
    if (!session.token) return setError('Saving a template needs the facilitator’s link.');
    setBusy(true);
    setError(null);
    try {
      setSaved(
        await saveBoardAsTemplate(session.boardId, session.token, {
          name: name.trim(),
          description: description.trim(),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (saved)
    return (
      <Dialog title="Template saved" onClose={onClose}>
        <p data-testid="template-saved">
          <strong>{saved.name}</strong> is listed under “Saved on this server” on the home page: {saved.stages.length}{' '}
          stages, {saved.noteCount} example notes, {saved.personaCount} personas, {saved.kpiCount} KPIs.
        </p>
        <div className="dialog-actions">
          <a className="btn" href="/" target="_blank" rel="noopener">
            Open the home page
          </a>
          <button type="button" className="btn primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Dialog>
    );
  return (
    <Dialog title="Save as a template" onClose={onClose}>
      <form
        className="save-template"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p className="muted small">
          Keeps the stages, lanes, personas, KPI definitions (metric, unit, target) and the notes as examples. Leaves
          out votes, comments, action owners and due dates, and KPI values.
        </p>
        <TextField
          id="template-name"
          label="Template name"
          data-testid="template-name"
          value={name}
          maxLength={TEMPLATE_LIMITS.nameLength}
          onValue={setName}
          required
        />
        <label className="field-label" htmlFor="template-description">
          Description
        </label>
        <textarea
          id="template-description"
          data-testid="template-description"
          rows={2}
          value={description}
          maxLength={TEMPLATE_LIMITS.descriptionLength}
          placeholder="What this journey is for, e.g. “Our checkout workshop kit”"
          onChange={(e) => setDescription(e.target.value)}
        />
        <ErrorLine error={error} />
        <DialogActions
          onCancel={onClose}
          confirm={busy ? 'Saving…' : 'Save template'}
          confirmTestId="template-save"
          disabled={busy || !name.trim()}
        />
      </form>
    </Dialog>
  );
}
