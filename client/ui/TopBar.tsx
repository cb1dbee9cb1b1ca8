import { useEffect, useState } from 'react';
import { LIMITS } from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { ConnectionPill } from './ConnectionPill.tsx';
import { PeopleBar } from './PeopleBar.tsx';
import { RoleBadge } from './RoleBadge.tsx';
import { Deferred, HistoryPanel, SaveTemplateDialog, ShareDialog } from './deferred.tsx';
import { FacilitateMenu } from './workshop/FacilitateMenu.tsx';
import { TimerChip } from './workshop/TimerChip.tsx';
import { CommentsToggle } from './comments/CommentsToggle.tsx';

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
  const [sharing, setSharing] = useState(false);
  const [history, setHistory] = useState(false);
  const [savingTemplate, setSavingTemplate] = useState(false);
  return (
    <header className="topbar">
      <a className="brand" href="/" title="All boards">
        <span className="brand-mark" aria-hidden>
          ◆
        </span>
        <span className="brand-name">Journeyboard</span>
      </a>
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
      <div className="topbar-right">
        {role === 'facilitator' ? <FacilitateMenu onSaveTemplate={() => setSavingTemplate(true)} /> : <TimerChip />}
        <ConnectionPill />
        <PeopleBar />
        <button
          type="button"
          className="btn ghost"
          onClick={onEditIdentity}
          title="Change your name or department"
          data-testid="identity-button"
        >
          {me.name}
        </button>
        {role && <RoleBadge role={role} />}
        <CommentsToggle />
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
        <button type="button" className="btn primary" onClick={() => setSharing(true)} data-testid="share-button">
          Share
        </button>
      </div>
      <Deferred>
        {sharing && <ShareDialog onClose={() => setSharing(false)} />}
        {history && <HistoryPanel onClose={() => setHistory(false)} />}
        {savingTemplate && <SaveTemplateDialog onClose={() => setSavingTemplate(false)} />}
      </Deferred>
    </header>
  );
}
