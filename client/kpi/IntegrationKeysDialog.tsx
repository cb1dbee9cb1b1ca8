import { useCallback, useEffect, useMemo, useState } from 'react';
import type { IntegrationKeyView } from '../../shared/index.ts';
import { EvidenceApi } from '../api/evidence.ts';
import { useSession } from '../board/hooks.ts';
import { ColumnHeads } from '../ui/ColumnHeads.tsx';
import { Dialog } from '../ui/Dialog.tsx';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

/** A facilitator's keys for jobs that feed the board's measurements: make one (shown once), see, revoke. */
export function IntegrationKeysDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const api = useMemo(() => new EvidenceApi(session.boardId, () => session.token), [session]);
  const [keys, setKeys] = useState<readonly IntegrationKeyView[]>([]);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const report = (e: unknown) => setFailure(messageOf(e));
  const reload = useCallback(() => api.keys().then(setKeys, (e: unknown) => setFailure(messageOf(e))), [api]);
  useEffect(() => void reload(), [reload]);

  const create = async () => {
    setFailure(null);
    try {
      setSecret((await api.createKey(name)).secret);
      setName('');
      await reload();
    } catch (e) {
      report(e);
    }
  };
  return (
    <Dialog title="Integration keys" onClose={onClose} className="integration-keys">
      <p className="muted small">
        A job (a nightly BI export, a survey tool’s script) sends measurements to this board with a key:{' '}
        <code>POST /api/boards/{session.boardId}/measurements</code> with <code>Authorization: Bearer jbk_…</code>. A
        key works on this board only and can be revoked at any time.
      </p>
      <form
        className="panel-row"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label className="grow">
          Key name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Nightly BI export"
            maxLength={60}
          />
        </label>
        <button type="submit" className="btn primary" disabled={name.trim() === ''}>
          Make a key
        </button>
      </form>
      {secret && (
        <div className="key-once" role="status">
          <p>
            <strong>Copy this key now:</strong> it is not shown again.
          </p>
          <code data-testid="integration-key-secret">{secret}</code>
          <button type="button" className="btn small" onClick={() => void navigator.clipboard?.writeText(secret)}>
            Copy
          </button>
        </div>
      )}
      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
      {keys.length === 0 ? (
        <p className="muted small">No keys yet.</p>
      ) : (
        <div className="kpi-table-wrap">
          <table className="kpi-table" data-testid="integration-keys">
            <ColumnHeads
              columns={[
                'Name',
                'Key',
                'Made',
                'Last used',
                <span key="revoke" className="sr-only">
                  Revoke
                </span>,
              ]}
            />
            <tbody>
              {keys.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td data-label="Key">
                    <code>{k.prefix}…</code>
                  </td>
                  <td data-label="Made">{when(k.createdAt)}</td>
                  <td data-label="Last used">{when(k.lastUsedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="btn ghost small"
                      aria-label={`Revoke ${k.name}`}
                      onClick={() => api.revokeKey(k.id).then(reload, report)}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
