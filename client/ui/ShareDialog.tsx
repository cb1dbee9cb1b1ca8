import { useState } from 'react';
import { ROLE_INFO, ROLES, type Role } from '../../shared/index.ts';
import { showToast } from '../board/editorState.ts';
import { useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { rotateLink } from '../api/boards.ts';
import { Dialog } from './Dialog.tsx';
import { QrCode } from './QrCode.tsx';
import { RoomQrView } from './RoomQrView.tsx';
import { MembersOnlySetting } from './MembersOnlySetting.tsx';
import { RoleIcon } from './roleIcons.tsx';
import { DangerConfirm } from './DangerConfirm.tsx';
import './share.css';

/** The links a facilitator puts on the projector: the people in the room add notes or comment. */
const ROOM_ROLES: ReadonlySet<Role> = new Set(['editor', 'commenter']);

/**
 * The links my role may hand out, one per role, each with what that role can do, its QR code and a
 * copy button; the editor and commenter links can be shown large to the room. A facilitator can
 * replace a link (after a confirmation): whoever joined with the old one is disconnected by the server.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const session = useSession();
  const { role, links } = useStore(session.access, (a) => a);
  const [copied, setCopied] = useState<Role | null>(null);
  const [confirming, setConfirming] = useState<Role | null>(null);
  const [busy, setBusy] = useState(false);
  const [projected, setProjected] = useState<Role | null>(null);
  const shown = ROLES.filter((r) => links[r]);
  const absolute = (path: string) => new URL(path, window.location.origin).toString();

  const copy = async (r: Role, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(r);
      setTimeout(() => setCopied((c) => (c === r ? null : c)), 2000);
    } catch {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="share-url-${r}"]`);
      input?.select();
      showToast(session.editor, 'Copying was blocked by the browser: the link is selected, press Ctrl+C.', 'error');
    }
  };

  const rotate = async (r: Role) => {
    if (!session.token) return;
    setBusy(true);
    try {
      session.setAccess(await rotateLink(session.boardId, session.token, r));
      // My own link: the server has just closed my connection too; come back with the new token.
      if (r === role) {
        window.location.reload();
        return;
      }
      showToast(session.editor, `New ${ROLE_INFO[r].label.toLowerCase()} link made. The old one no longer works.`);
    } catch (e) {
      showToast(session.editor, `Could not replace the link: ${(e as Error).message}`, 'error');
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  return (
    <Dialog title="Share this board" onClose={onClose} className="share-dialog">
      <p className="share-intro">
        Each link opens the board with its own rights. Send people the link that fits what they should do; anyone with a
        link can use it.
      </p>
      {role === null ? (
        <p className="muted">Loading the links…</p>
      ) : (
        <ul className="stack-list share-list" data-testid="share-links">
          {shown.map((r) => {
            const url = absolute(links[r]!);
            return (
              <li key={r} className={`share-item ${r === role ? 'mine' : ''}`} data-testid={`share-${r}`}>
                <div className="share-head">
                  <span className="share-role-icon">
                    <RoleIcon role={r} />
                  </span>
                  <span className="share-role">{ROLE_INFO[r].label}</span>
                  {r === role && <span className="share-you">your link</span>}
                </div>
                <p className="share-desc">{ROLE_INFO[r].description}</p>
                <div className="share-row">
                  <QrCode
                    text={url}
                    label={`QR code of the ${ROLE_INFO[r].label.toLowerCase()} link`}
                    className="share-qr"
                    testId={`share-qr-${r}`}
                  />
                  <input
                    className="share-url"
                    readOnly
                    value={url}
                    aria-label={`${ROLE_INFO[r].label} link`}
                    data-testid={`share-url-${r}`}
                    onFocus={(e) => e.target.select()}
                  />
                  <button
                    type="button"
                    className={`btn share-copy ${copied === r ? 'copied' : ''}`}
                    onClick={() => void copy(r, url)}
                    data-testid={`copy-${r}`}
                  >
                    {copied === r ? '✓ Copied' : 'Copy link'}
                  </button>
                </div>
                {ROOM_ROLES.has(r) && (
                  <button
                    type="button"
                    className="btn share-room"
                    onClick={() => setProjected(r)}
                    data-testid={`show-room-${r}`}
                  >
                    Show to the room
                  </button>
                )}
                {role === 'facilitator' && confirming !== r && (
                  <div className="share-rotate">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setConfirming(r)}
                      data-testid={`rotate-${r}`}
                    >
                      Replace this link…
                    </button>
                  </div>
                )}
                {confirming === r && (
                  <DangerConfirm
                    className="share-confirm"
                    role="alertdialog"
                    aria-label={`Replace the ${ROLE_INFO[r].label} link`}
                    message={`Make a new ${ROLE_INFO[r].label.toLowerCase()} link? The current one stops working at once and everyone who joined with it is disconnected.`}
                    confirm={busy ? 'Replacing…' : 'Replace link'}
                    confirmTestId={`confirm-rotate-${r}`}
                    busy={busy}
                    onCancel={() => setConfirming(null)}
                    onConfirm={() => void rotate(r)}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {role === 'facilitator' && session.token && (
        <MembersOnlySetting boardId={session.boardId} token={session.token} />
      )}
      <p className="share-note">
        Links are secret: the part after “#” never reaches any server log.{' '}
        {role === 'facilitator'
          ? 'Replace a link if it was shared too widely.'
          : 'If a link was shared too widely, ask the facilitator to replace it.'}
      </p>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} data-testid="share-close">
          Done
        </button>
      </div>
      {projected && links[projected] && (
        <RoomQrView role={projected} url={absolute(links[projected]!)} onClose={() => setProjected(null)} />
      )}
    </Dialog>
  );
}
