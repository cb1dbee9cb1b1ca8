import { describeMassDelete } from '../../../shared/index.ts';
import { showToast } from '../../board/editorState.ts';
import { useSession } from '../../board/hooks.ts';
import { useStore } from '../../board/store.ts';
import { useIsFacilitator } from '../../board/workshop/useWorkshop.ts';
import './workshop.css';
import { CloseButton } from '../IconButton.tsx';

/** Under the top bar, for facilitators: someone removed many notes; one click puts them back. */
export function MassDeleteBanner() {
  const session = useSession();
  const { notices, restoring } = useStore(session.massDeletes.view, (v) => v);
  const facilitator = useIsFacilitator();
  if (!facilitator || notices.length === 0) return null;

  const restore = async (checkpointId: string) => {
    try {
      await session.massDeletes.restore(checkpointId, session.identity.get().me);
      showToast(session.editor, 'Restored. The board as it was just before is in History, if you need it back.');
    } catch (e) {
      showToast(session.editor, e instanceof Error ? e.message : String(e), 'error');
    }
  };

  return (
    <div className="mass-delete-banners">
      {notices.map((n) => (
        <div key={n.checkpointId} className="mass-delete-banner" role="alert" data-testid="mass-delete-notice">
          <span>
            <strong>{describeMassDelete(n)}</strong> at{' '}
            {new Date(n.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })} —
          </span>
          <button
            type="button"
            className="btn mass-delete-restore"
            disabled={restoring !== null}
            onClick={() => void restore(n.checkpointId)}
            title="Put the board back as it was just before; History keeps the board as it is now"
            data-testid="mass-delete-restore"
          >
            {restoring === n.checkpointId ? 'Restoring…' : 'Restore'}
          </button>
          <CloseButton
            label="Dismiss"
            onClick={() => session.massDeletes.dismiss(n.checkpointId)}
            data-testid="mass-delete-dismiss"
          />
        </div>
      ))}
    </div>
  );
}
