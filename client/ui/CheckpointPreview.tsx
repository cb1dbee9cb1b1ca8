import { useEffect, useMemo, useState } from 'react';
import { noteColour, type CheckpointPreviewResponse, type CheckpointSummary } from '../../shared/index.ts';
import type { CheckpointsApi } from '../api/checkpoints.ts';
import { showToast } from '../board/editorState.ts';
import { useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { Dialog } from './Dialog.tsx';
import { describeCheckpoint } from './historyFormat.ts';
import { DangerConfirm } from './DangerConfirm.tsx';
import { ErrorLine } from './ErrorLine.tsx';

/**
 * A read-only look at a checkpoint: the board as it was (a compact grid of its stages, lanes and
 * notes) and what changed since; a facilitator can restore it after confirming.
 */
export function CheckpointPreview({
  checkpoint,
  api,
  canRestore,
  onClose,
  onRestored,
}: {
  checkpoint: CheckpointSummary;
  api: CheckpointsApi;
  canRestore: boolean;
  onClose: () => void;
  onRestored: () => void;
}) {
  const session = useSession();
  const me = useStore(session.identity, (s) => s.me);
  const [preview, setPreview] = useState<CheckpointPreviewResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    let live = true;
    api.preview(checkpoint.id).then(
      (p) => live && setPreview(p),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [api, checkpoint.id]);

  const restore = async () => {
    setRestoring(true);
    try {
      await api.restore(checkpoint.id, { id: me.id, name: me.name });
      showToast(session.editor, `Restored “${checkpoint.label}”. The board as it was just before is saved in History.`);
      onClose();
      onRestored();
    } catch (e) {
      showToast(session.editor, e instanceof Error ? e.message : String(e), 'error');
      setRestoring(false);
      setConfirming(false);
    }
  };

  return (
    <Dialog title={checkpoint.label} onClose={onClose} className="dialog-wide">
      <p className="muted preview-meta">{describeCheckpoint(checkpoint)}</p>
      <ErrorLine error={error} />
      {!preview && !error && <p className="muted">Loading this version…</p>}
      {preview && <PreviewBody preview={preview} />}
      <div className="dialog-actions">
        {confirming ? (
          <DangerConfirm
            className="restore-confirm"
            role="alert"
            data-testid="restore-confirm"
            message="Everyone’s board changes to this version. Notes added since are removed, removed ones come back; the current board is kept as a checkpoint."
            confirm={restoring ? 'Restoring…' : 'Restore'}
            confirmTestId="confirm-restore"
            busy={restoring}
            onCancel={() => setConfirming(false)}
            onConfirm={() => void restore()}
          />
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
            {canRestore && (
              <button
                type="button"
                className="btn primary"
                onClick={() => setConfirming(true)}
                disabled={!preview}
                data-testid="restore-checkpoint"
              >
                Restore this version
              </button>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}

function PreviewBody({ preview }: { preview: CheckpointPreviewResponse }) {
  const { board, since } = preview;
  const removedSince = useMemo(() => new Set(since.removed.map((e) => e.id)), [since]);
  const changedSince = useMemo(() => new Map(since.changed.map((e) => [e.id, e.what])), [since]);
  const nothing = !since.title && since.added.length + since.removed.length + since.changed.length === 0;
  return (
    <div className="preview-body">
      <div className="preview-summary" data-testid="preview-summary">
        {nothing && <span className="chip">Same as the board now</span>}
        {since.added.length > 0 && <span className="chip chip-added">+{since.added.length} added since</span>}
        {since.removed.length > 0 && <span className="chip chip-removed">−{since.removed.length} removed since</span>}
        {since.changed.length > 0 && <span className="chip chip-changed">{since.changed.length} changed since</span>}
        {since.title && <span className="chip chip-changed">Title was “{since.title.from}”</span>}
      </div>
      <figure
        className="mini-board"
        style={{ gridTemplateColumns: `120px repeat(${board.stages.length}, minmax(110px, 1fr))` }}
        aria-label="The board at this checkpoint"
      >
        <div className="mini-corner">{board.title}</div>
        {board.stages.map((s) => (
          <div key={s.id} className={`mini-stage ${removedSince.has(s.id) ? 'was-removed' : ''}`}>
            {s.name}
          </div>
        ))}
        {board.lanes.map((l) => (
          <MiniLane
            key={l.id}
            laneId={l.id}
            name={l.name}
            preview={preview}
            removedSince={removedSince}
            changedSince={changedSince}
          />
        ))}
      </figure>
      <p className="preview-legend muted">
        <span className="legend-item">
          <span className="legend-box was-removed" /> removed since, comes back on restore
        </span>
        <span className="legend-item">
          <span className="legend-box was-changed" /> changed since
        </span>
      </p>
      {since.added.length > 0 && (
        <details className="preview-list">
          <summary>Added since, removed on restore ({since.added.length})</summary>
          <ul>
            {since.added.map((e) => (
              <li key={e.id}>
                {e.type}: {e.label || '(empty)'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function MiniLane({
  laneId,
  name,
  preview,
  removedSince,
  changedSince,
}: {
  laneId: string;
  name: string;
  preview: CheckpointPreviewResponse;
  removedSince: ReadonlySet<string>;
  changedSince: ReadonlyMap<string, readonly string[]>;
}) {
  const { board } = preview;
  return (
    <>
      <div className={`mini-lane ${removedSince.has(laneId) ? 'was-removed' : ''}`}>{name}</div>
      {board.stages.map((s) => (
        <div key={s.id} className="mini-cell">
          {board.notes
            .filter((n) => n.position.stageId === s.id && n.position.laneId === laneId)
            .map((n) => (
              <div
                key={n.id}
                className={`mini-note ${removedSince.has(n.id) ? 'was-removed' : changedSince.has(n.id) ? 'was-changed' : ''}`}
                style={{ background: noteColour(n) }}
                title={changedSince.has(n.id) ? `Changed since: ${changedSince.get(n.id)!.join(', ')}` : n.text}
                data-testid="mini-note"
              >
                {n.text || '…'}
              </div>
            ))}
        </div>
      ))}
    </>
  );
}
