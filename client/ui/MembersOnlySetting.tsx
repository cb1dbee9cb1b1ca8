import { useEffect, useState } from 'react';
import { fetchSignInRule, saveSignInRule } from '../api/account.ts';

/**
 * Facilitators only, and only when the server has company sign-in: "only signed-in members of
 * example.com may edit and vote". Guests keep joining by link, as commenters or viewers.
 */
export function MembersOnlySetting({ boardId, token }: { boardId: string; token: string }) {
  // undefined: sign-in is off here (or not known yet), so there is nothing to set.
  const [saved, setSaved] = useState<string | null | undefined>(undefined);
  const [domain, setDomain] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    fetchSignInRule(boardId, token).then(
      (d) => {
        setSaved(d);
        setDomain(d ?? '');
      },
      () => undefined,
    );
  }, [boardId, token]);
  if (saved === undefined) return null;

  const save = async (next: string | null) => {
    setBusy(true);
    setMessage(null);
    try {
      const stored = await saveSignInRule(boardId, token, next);
      setSaved(stored);
      setMessage(
        stored
          ? `From now on, only people signed in with an @${stored} account edit and vote. Others who join comment.`
          : 'Anyone with the editor link edits and votes again.',
      );
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="share-members"
      data-testid="members-only"
      onSubmit={(e) => {
        e.preventDefault();
        void save(domain.trim() || null);
      }}
    >
      <label className="field-label" htmlFor="members-domain">
        Only signed-in members of this domain may edit and vote
      </label>
      <div className="share-row">
        <input
          id="members-domain"
          className="share-url"
          value={domain}
          placeholder="example.com"
          onChange={(e) => setDomain(e.target.value)}
          data-testid="members-domain"
        />
        <button type="submit" className="btn" disabled={busy} data-testid="members-save">
          {saved && !domain.trim() ? 'Lift' : 'Save'}
        </button>
      </div>
      <p className="share-desc" role="status">
        {message ??
          (saved
            ? `Members of ${saved} only; guests join as commenters or viewers. People already on the board keep their rights until they reconnect.`
            : 'Anyone with the editor link may edit and vote.')}
      </p>
    </form>
  );
}
