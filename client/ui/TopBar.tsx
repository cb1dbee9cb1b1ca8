import { useEffect, useState } from 'react';
import { initials, LIMITS, ROLE_INFO } from '../../shared/index.ts';
import { useComments, useCommentsUi, useUnreadThreads } from '../board/comments/hooks.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { ConnectionPill } from './ConnectionPill.tsx';
import { StateLinkChip } from './futureState/StateLinkChip.tsx';
import { useFutureState } from '../board/useFutureState.ts';
import { PeopleBar } from './PeopleBar.tsx';
import { RoleBadge } from './RoleBadge.tsx';
import { Deferred, HistoryPanel, SaveTemplateDialog, ShareDialog, WebhooksDialog } from './deferred.tsx';
import { FacilitateMenu } from './workshop/FacilitateMenu.tsx';
import { ParticipantPanel } from './workshop/ParticipantPanel.tsx';
import { TimerChip } from './workshop/TimerChip.tsx';
import { CommentsToggle } from './comments/CommentsToggle.tsx';
import { MoreMenu, type MenuAction } from './layout/MoreMenu.tsx';
import { splitByWidth } from './layout/overflow.ts';
import { useViewportWidth } from './layout/viewport.ts';
import './layout/responsive.css';

/**
 * Window widths from which each control stands in the bar; below, it is in the "More" menu. The
 * timer, Facilitate, the connection and my name (as initials) stay at every width; at 360 px the
 * bar then still fits.
 */
const INLINE_FROM = { home: 480, share: 480, people: 480, comments: 900, history: 1100 } as const;
/** From this width my name is written out in the bar, with my role; below, my initials stand for it. */
const NAME_FROM = 1200;
type TopBarControl = keyof typeof INLINE_FROM;

/** Board title (editable), who is here, connection state, sharing and my identity. */
export function TopBar({ readOnly, onEditIdentity }: { readOnly: boolean; onEditIdentity: () => void }) {
  const session = useSession();
  const board = useBoard();
  const me = useStore(session.identity, (s) => s.me);
  const [title, setTitle] = useState(board.meta.title);
  useEffect(() => setTitle(board.meta.title), [board.meta.title]);
  const commit = () => {
    const t = title.trim();
    if (t && t !== board.meta.title) session.run('renameBoard', { title: t });
    else setTitle(board.meta.title);
  };
  const role = useStore(session.access, (a) => a.role);
  // One read of the pair for the chip and the Facilitate menu's "Make future state".
  const futureState = useFutureState();
  const comments = useComments();
  const commentsOpen = useCommentsUi((s) => s.panelOpen);
  const unread = useUnreadThreads().length;
  const [sharing, setSharing] = useState(false);
  const [history, setHistory] = useState(false);
  const [participants, setParticipants] = useState(false);
  const [savingTemplate, setSavingTemplate] = useState(false);
  const [webhooksOpen, setWebhooksOpen] = useState(false);
  const menu: Record<TopBarControl, MenuAction> = {
    home: { id: 'home', label: 'All boards', onSelect: () => window.location.assign('/') },
    share: { id: 'share', label: 'Share…', onSelect: () => setSharing(true), testId: 'share-button' },
    people: {
      id: 'people',
      label: 'Who is here',
      onSelect: () => setParticipants(true),
      testId: 'participants-button',
    },
    comments: {
      id: 'comments',
      label: unread > 0 ? `Comments (${unread} unread)` : 'Comments',
      checked: commentsOpen,
      onSelect: () => comments.ui.update({ panelOpen: !commentsOpen }),
      testId: 'comments-toggle',
    },
    history: {
      id: 'history',
      label: 'Version history',
      checked: history,
      onSelect: () => setHistory((h) => !h),
      testId: 'history-button',
    },
  };
  const controls = (Object.keys(INLINE_FROM) as TopBarControl[]).map((id) => ({ id, inlineFrom: INLINE_FROM[id] }));
  const width = useViewportWidth();
  const { inline, overflow } = splitByWidth(controls, width);
  const nameShown = width >= NAME_FROM;
  const shows = (id: TopBarControl) => inline.some((c) => c.id === id);
  return (
    <header className="topbar">
      {shows('home') && (
        <a className="brand" href="/" title="All boards" aria-label="Journeyboard: all boards">
          <span className="brand-mark" aria-hidden>
            ◆
          </span>
          <span className="brand-name">Journeyboard</span>
        </a>
      )}
      <span className="divider" aria-hidden />
      <input
        className="title-input"
        aria-label="Board title"
        data-testid="board-title"
        value={title}
        title={title}
        maxLength={LIMITS.titleLength}
        readOnly={readOnly}
        onChange={(e) => setTitle(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
          if (e.key === 'Escape') setTitle(board.meta.title);
        }}
      />
      <StateLinkChip futureState={futureState} />
      <div className="topbar-right">
        {role === 'facilitator' ? (
          <FacilitateMenu
            onSaveTemplate={() => setSavingTemplate(true)}
            onWebhooks={() => setWebhooksOpen(true)}
            futureState={futureState}
          />
        ) : (
          <TimerChip />
        )}
        <ConnectionPill />
        {shows('people') && <PeopleBar />}
        <button
          type="button"
          className={nameShown ? 'btn ghost' : 'btn ghost me-button'}
          onClick={onEditIdentity}
          title="Change your name or department"
          aria-label={nameShown ? undefined : `${initials(me.name)}, ${me.name}: change your name or department`}
          data-testid="identity-button"
        >
          {nameShown ? me.name : initials(me.name)}
        </button>
        {nameShown && role && <RoleBadge role={role} />}
        {shows('comments') && <CommentsToggle />}
        {shows('history') && (
          <button
            type="button"
            className={history ? 'btn ghost active' : 'btn ghost'}
            onClick={() => setHistory((h) => !h)}
            aria-pressed={history}
            title="Version history: saved checkpoints, preview and restore"
            data-testid="history-button"
          >
            History
          </button>
        )}
        {shows('share') && (
          <button type="button" className="btn primary" onClick={() => setSharing(true)} data-testid="share-button">
            Share
          </button>
        )}
        <MoreMenu
          items={overflow.map((c) => menu[c.id])}
          title="More: sharing, who is here, comments, history"
          testId="topbar-more"
          label={null}
          header={
            !nameShown && role ? (
              <span>
                {me.name} · {ROLE_INFO[role].label}
              </span>
            ) : undefined
          }
        />
      </div>
      <Deferred>
        {sharing && <ShareDialog onClose={() => setSharing(false)} />}
        {history && <HistoryPanel onClose={() => setHistory(false)} />}
        {savingTemplate && <SaveTemplateDialog onClose={() => setSavingTemplate(false)} />}
        {webhooksOpen && <WebhooksDialog onClose={() => setWebhooksOpen(false)} />}
      </Deferred>
      {participants && !shows('people') && <ParticipantPanel onClose={() => setParticipants(false)} />}
    </header>
  );
}
