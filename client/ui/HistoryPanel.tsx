import { useState } from 'react';
import { canFacilitate, CHECKPOINT_LABEL_MAX, type CheckpointSummary } from '../../shared/index.ts';
import { showToast } from '../board/editorState.ts';
import { useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { useCheckpoints } from '../board/useCheckpoints.ts';
import { CheckpointPreview } from './CheckpointPreview.tsx';
import { describeCheckpoint, KIND_INFO } from './historyFormat.ts';
import './history.css';
import { PanelHeading } from './PanelHeading.tsx';
import { ErrorLine } from './ErrorLine.tsx';

/** Version history: the board's checkpoints, newest first; save one with a name; preview and restore. */
export function HistoryPanel({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const role = useStore(session.access, (a) => a.role);
  const me = useStore(session.identity, (s) => s.me);
  const { list, error, api, reload } = useCheckpoints(session);
  const [label, setLabel] = useState('');
  const [saving, setSaving] = useState(false);
  const [open, setOpen] = useState<CheckpointSummary | null>(null);
  const facilitator = role !== null && canFacilitate(role);

  const save = async () => {
    const name = label.trim();
    if (!name) return;
    setSaving(true);
    try {
      await api.save(name, { id: me.id, name: me.name });
      setLabel('');
      showToast(session.editor, `Saved “${name}”`);
      reload();
    } catch (e) {
      showToast(session.editor, e instanceof Error ? e.message : String(e), 'error');
    } finally {
      setSaving(false);
    }
  };

  return (
    <aside
      className="history-panel floating-card"
      aria-label="Version history"
      data-testid="history-panel"
      onKeyDown={(e) => e.stopPropagation()}
    >
      <PanelHeading
        className="history-header"
        title="History"
        sub={
          <p className="muted history-sub">
            Saved versions of this board. Restoring one keeps everything since in a checkpoint too.
          </p>
        }
        closeLabel="Close history"
        closeTestId="history-close"
        onClose={onClose}
      />

      {facilitator && (
        <form
          className="history-save"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input
            className="history-input"
            aria-label="Checkpoint name"
            placeholder="Name this version, e.g. After the sales workshop"
            value={label}
            maxLength={CHECKPOINT_LABEL_MAX}
            onChange={(e) => setLabel(e.target.value)}
            data-testid="checkpoint-name"
          />
          <button
            className="btn primary"
            type="submit"
            disabled={saving || label.trim() === ''}
            data-testid="save-checkpoint"
          >
            Save checkpoint
          </button>
        </form>
      )}

      <ErrorLine error={error} />
      {list === null && !error && <p className="muted">Loading…</p>}
      {list?.length === 0 && (
        <div className="history-empty">
          <p>
            <strong>No checkpoints yet.</strong>
          </p>
          <p className="muted">
            One is taken automatically after each stretch of editing
            {facilitator ? ', and you can save one with a name above' : ''}.
          </p>
        </div>
      )}
      {list && list.length > 0 && (
        <ol className="history-list" data-testid="checkpoint-list">
          {list.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                className={`history-item kind-${c.kind}`}
                onClick={() => setOpen(c)}
                data-testid="checkpoint-item"
                data-kind={c.kind}
              >
                <span className="history-icon" aria-hidden>
                  {KIND_INFO[c.kind].icon}
                </span>
                <span className="history-text">
                  <span className="history-label" title={c.label}>
                    {c.label}
                  </span>
                  <span className="history-meta">{describeCheckpoint(c)}</span>
                </span>
                <span className="history-chevron" aria-hidden>
                  ›
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {open && (
        <CheckpointPreview
          checkpoint={open}
          api={api}
          canRestore={facilitator}
          onClose={() => setOpen(null)}
          onRestored={onClose}
        />
      )}
    </aside>
  );
}
