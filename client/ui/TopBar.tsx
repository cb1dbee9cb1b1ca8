import { useEffect, useState } from 'react';
import { LIMITS } from '../../shared/index.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { showToast } from '../board/editorState.ts';
import { useStore } from '../board/store.ts';
import { ConnectionPill } from './ConnectionPill.tsx';
import { PeopleBar } from './PeopleBar.tsx';

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
  const share = async () => {
    const url = window.location.href;
    try {
      await navigator.clipboard.writeText(url);
      showToast(session.editor, 'Board link copied. Anyone with it can join.');
    } catch {
      showToast(session.editor, `Share this link: ${url}`);
    }
  };
  return (
    <header className="topbar">
      <a className="brand" href="/" title="All boards">
        <span className="brand-mark" aria-hidden>◆</span>
        <span className="brand-name">Journeyboard</span>
      </a>
      <span className="divider" aria-hidden />
      <input
        className="title-input"
        aria-label="Board title"
        data-testid="board-title"
        value={title}
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
        <ConnectionPill />
        <PeopleBar />
        <button className="btn ghost" onClick={onEditIdentity} title="Change your name or department" data-testid="identity-button">
          {me.name}
        </button>
        <button className="btn primary" onClick={share}>Share</button>
      </div>
    </header>
  );
}
