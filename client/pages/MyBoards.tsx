import { useEffect, useState } from 'react';
import type { Me, MyBoard } from '../../shared/protocol/account.ts';
import { fetchMe, fetchMyBoards } from '../api/account.ts';
import { signInHref, signOut } from '../identity/account.ts';
import { ErrorLine } from '../ui/ErrorLine.tsx';

const ROLE_LABEL: Record<MyBoard['role'], string> = {
  facilitator: 'Facilitator',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
};

/** This browser's company sign-in: null while asking, and also when the server cannot say (links only). */
export function useMe(): [Me | null, (me: Me | null) => void] {
  const [me, setMe] = useState<Me | null>(null);
  useEffect(() => {
    let live = true;
    fetchMe().then(
      (m) => live && setMe(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return [me, setMe];
}

/** "Sign in with your company account", or who is signed in and a way out; nothing when sign-in is off. */
export function AccountBar({ me, onSignedOut }: { me: Me | null; onSignedOut: () => void }) {
  const [error, setError] = useState<string | null>(null);
  if (!me?.signInAvailable) return null;
  if (!me.person) {
    return (
      <a className="btn primary" href={signInHref('/')} data-testid="sign-in">
        Sign in with your company account
      </a>
    );
  }
  return (
    <span className="account-bar" data-testid="account">
      <span>
        Signed in as <strong>{me.person.name ?? me.person.email ?? 'you'}</strong>
      </span>
      <button
        type="button"
        className="btn ghost"
        data-testid="sign-out"
        onClick={() => signOut().then(onSignedOut, (e: Error) => setError(e.message))}
      >
        Sign out
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** Boards the signed-in person created or joined, on any device, with their role there. */
export function MyBoards() {
  const [boards, setBoards] = useState<MyBoard[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    fetchMyBoards().then(setBoards, (e: Error) => setError(`Could not load your boards: ${e.message}`));
  }, []);
  return (
    <section className="recent" aria-labelledby="my-boards-title" data-testid="my-boards">
      <h2 id="my-boards-title">My boards</h2>
      <ErrorLine error={error} />
      {boards === null && !error && <p className="muted">Loading…</p>}
      {boards?.length === 0 && (
        <p className="muted empty-recent">Boards you open while signed in appear here, on every device.</p>
      )}
      {boards && boards.length > 0 && (
        <ul className="stack-list recent-list">
          {boards.map((b) => (
            <li key={b.id}>
              <a href={`/b/${b.id}`} data-testid="my-board">
                <span className="recent-title">{b.title}</span>
                <span className="muted">{ROLE_LABEL[b.role]}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
