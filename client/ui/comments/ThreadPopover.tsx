import { useEffect, useMemo, useRef, useState } from 'react';
import { isUnread, threadsOn } from '../../../shared/comments/index.ts';
import { useComments, useCommentsSnapshot, useCommentsUi } from '../../board/comments/hooks.ts';
import { describeTarget } from '../../board/comments/targets.ts';
import { useBoard, useEditor, useSession } from '../../board/hooks.ts';
import { screenRect } from '../overlayPosition.ts';
import { Composer } from './Composer.tsx';
import { ThreadCard } from './ThreadCard.tsx';
import './comments.css';
import { useIsPhone } from '../layout/viewport.ts';
import { CloseButton } from '../IconButton.tsx';
import { OverBoard } from '../OverBoard.tsx';

const WIDTH = 360;

/**
 * The threads on one note, stage, lane or the board, next to it on the canvas (or beside the
 * panel when it has no place: the whole board, or a deleted note): open threads first, resolved
 * ones folded, and a box to start a new thread.
 */
export function ThreadPopover() {
  const comments = useComments();
  const popover = useCommentsUi((s) => s.popover);
  const readOnlyReason = useCommentsUi((s) => s.readOnlyReason);
  const panelOpen = useCommentsUi((s) => s.panelOpen);
  useCommentsUi((s) => s.readsHere); // re-render when reads change
  const visit = useCommentsUi((s) => s.visit);
  const snapshot = useCommentsSnapshot();
  const board = useBoard();
  const session = useSession();
  const camera = useEditor((s) => s.camera);
  const viewport = useEditor((s) => s.viewport);
  const view = useEditor((s) => s.view);
  const phone = useIsPhone();
  const [showResolved, setShowResolved] = useState(false);
  const [composing, setComposing] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another target starts with resolved threads hidden and no composer
  useEffect(() => {
    setShowResolved(false);
    setComposing(false);
  }, [popover?.target.kind, popover?.target.id]);
  // Scroll the thread asked for into view (from the panel or the summary).
  useEffect(() => {
    if (!popover?.threadId) return;
    ref.current?.querySelector(`[data-thread-id="${popover.threadId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [popover?.threadId]);
  // Escape closes it wherever the focus is: after the first comment its composer goes away and
  // the focus falls back to the page. A composer that uses Escape itself stops it first.
  const isOpen = popover !== null;
  useEffect(() => {
    if (!isOpen) return;
    const listeners = new AbortController();
    window.addEventListener('keydown', (e) => e.key === 'Escape' && comments.closePopover(), {
      signal: listeners.signal,
    });
    return () => listeners.abort();
  }, [isOpen, comments]);
  const threads = useMemo(() => (popover ? threadsOn(snapshot, popover.target) : []), [snapshot, popover]);
  if (!popover) return null;

  const info = describeTarget(board, session.layouts.layoutFor(board), popover.target);
  const open = threads.filter((t) => !t.resolution);
  const resolved = threads.filter((t) => t.resolution);
  const wanted = popover.threadId ? threads.find((t) => t.id === popover.threadId) : undefined;
  const shownResolved = showResolved || Boolean(wanted?.resolution);
  const reads = comments.reads();
  const me = comments.identity;
  const readOnly = readOnlyReason !== null;

  // Beside the target when it is on screen; else at the left of the panel.
  let style: React.CSSProperties;
  const r = info.rect && view === 'canvas' ? screenRect(camera, info.rect) : null;
  if (r && r.x + r.width > 0 && r.x < viewport.width && r.y + r.height > 0 && r.y < viewport.height) {
    const right = r.x + r.width + 14;
    const left = right + WIDTH > viewport.width - 8 ? Math.max(8, r.x - WIDTH - 14) : right;
    const top = Math.min(Math.max(56, r.y), Math.max(56, viewport.height - 460));
    style = { left, top, maxHeight: Math.max(260, viewport.height - top - 12) };
  } else {
    style = { right: panelOpen ? 'min(420px, 44vw)' : 16, top: 64, maxHeight: Math.max(260, viewport.height - 76) };
  }

  return (
    <OverBoard
      className="thread-popover floating-card"
      ref={ref}
      // On a phone it is a full-screen sheet (responsive.css): no place beside the note to keep.
      style={phone ? undefined : { ...style, width: WIDTH }}
      role="dialog"
      aria-label={`Comments: ${info.label}`}
      data-testid="thread-popover"
      tabIndex={-1}
    >
      <header className="popover-head">
        <div>
          <span className="target-kind">{info.kind}</span>
          <h3 className={info.exists ? '' : 'deleted-target'} data-testid="popover-target">
            {info.label}
          </h3>
          {!info.exists && (
            <p className="small muted">Its comments are kept, and come back in place if it is restored.</p>
          )}
        </div>
        <CloseButton label="Close comments" onClick={() => comments.closePopover()} data-testid="popover-close" />
      </header>
      <div className="popover-body">
        {open.length === 0 && resolved.length === 0 && <p className="muted small empty-threads">No comments yet.</p>}
        {open.map((t) => (
          <ThreadCard
            key={t.id}
            thread={t}
            people={snapshot.people}
            unread={isUnread(t, me.id, reads) && visit !== null}
            readOnly={readOnly}
          />
        ))}
        {resolved.length > 0 && (
          <button
            type="button"
            className="link-button resolved-toggle"
            aria-expanded={shownResolved}
            onClick={() => setShowResolved((s) => !s)}
            data-testid="show-resolved"
          >
            {shownResolved ? 'Hide' : 'Show'} {resolved.length} resolved thread{resolved.length === 1 ? '' : 's'}
          </button>
        )}
        {shownResolved &&
          resolved.map((t) => (
            <ThreadCard key={t.id} thread={t} people={snapshot.people} unread={false} readOnly={readOnly} />
          ))}
      </div>
      {readOnly ? (
        <p className="small muted read-only-note">{readOnlyReason}</p>
      ) : open.length > 0 && !composing ? (
        <div className="new-thread-row">
          <button
            type="button"
            className="link-button"
            onClick={() => setComposing(true)}
            data-testid="new-thread-open"
          >
            + Start a new thread
          </button>
        </div>
      ) : (
        <Composer
          people={snapshot.people}
          meId={me.id}
          autoFocus={threads.length === 0 || composing}
          placeholder={threads.length === 0 ? 'Write a comment…' : 'Start a new thread…'}
          submitLabel="Comment"
          testId="new-thread"
          onCancel={composing ? () => setComposing(false) : undefined}
          onSubmit={(text, m) => {
            const ok = comments.run('startThread', { target: popover.target, text, mentions: m }) !== undefined;
            if (ok) {
              setComposing(false);
              ref.current?.focus(); // the composer goes away; keep the keyboard in the dialog
            }
            return ok;
          }}
        />
      )}
    </OverBoard>
  );
}
