import { useEffect, useState } from 'react';
import { forgetBoard, loadRecentBoards, type RecentBoard } from '../identity/recentBoards.ts';
import { TemplatePreview } from '../ui/TemplatePreview.tsx';
import { ImportBoardButton } from '../ui/ImportBoardButton.tsx';
import {
  createBoard,
  CreateTokenRequired,
  deleteSavedTemplate,
  fetchTemplates,
  type TemplateInfo,
} from '../api/boards.ts';
import { storedBoardToken, storedBoardTokens } from '../sync/boardTokens.ts';
import { AccountBar, MyBoards, useMe } from './MyBoards.tsx';
import { CloseButton } from '../ui/IconButton.tsx';
import { ErrorLine } from '../ui/ErrorLine.tsx';
import { TextField } from '../ui/TextField.tsx';

function ago(t: number, now = Date.now()): string {
  const s = Math.round((now - t) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  return new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

const CREATE_TOKEN_KEY = 'journeyboard.createToken';

/**
 * Create a board from a template; reopen boards used on this device. `joinedAs`: the name this
 * device has just taken over from another (JoinDevicePage), said once at the top.
 */
export function HomePage({ joinedAs }: { joinedAs?: string } = {}) {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null);
  const [templateId, setTemplateId] = useState('blank');
  const [title, setTitle] = useState('');
  // /auth/callback sends a refused sign-in back here; the reason is in the server's log, not the URL.
  const [error, setError] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('signIn') === 'failed'
      ? 'Signing in with your company account did not work. Try again, or go on by link.'
      : null,
  );
  const [busy, setBusy] = useState(false);
  const [recent, setRecent] = useState<RecentBoard[]>(loadRecentBoards);
  // Only asked for when the server has CREATE_TOKEN set; remembered on this device.
  const [createToken, setCreateToken] = useState(() => localStorage.getItem(CREATE_TOKEN_KEY) ?? '');
  const [needsToken, setNeedsToken] = useState(false);
  const [me, setMe] = useMe();

  useEffect(() => {
    // With CREATE_TOKEN set, the server lists saved templates only to callers with the token.
    fetchTemplates(storedBoardTokens(), localStorage.getItem(CREATE_TOKEN_KEY) ?? undefined).then(
      setTemplates,
      (e: Error) => setError(`Could not load templates: ${e.message}`),
    );
    document.title = 'Journeyboard';
  }, []);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const chosen = templates?.find((t) => t.id === templateId);
      const { url } = await createBoard(
        title.trim() || chosen?.name || 'Customer journey',
        templateId,
        createToken.trim() || undefined,
      );
      if (createToken.trim()) localStorage.setItem(CREATE_TOKEN_KEY, createToken.trim());
      window.location.assign(url);
    } catch (e) {
      if (e instanceof CreateTokenRequired) setNeedsToken(true);
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const saved = templates?.filter((t) => t.source === 'saved') ?? [];
  // Who may remove a saved template: the facilitator of its board (the token this device kept
  // for that board, if any; the server checks the role) or the server's creation token.
  const removalToken = (t: TemplateInfo) =>
    localStorage.getItem(CREATE_TOKEN_KEY) ?? (t.sourceBoardId ? storedBoardToken(t.sourceBoardId) : null);
  const remove = async (t: TemplateInfo, token: string) => {
    setError(null);
    try {
      await deleteSavedTemplate(t.id, token);
      if (templateId === t.id) setTemplateId('blank');
      setTemplates(await fetchTemplates(storedBoardTokens(), localStorage.getItem(CREATE_TOKEN_KEY) ?? undefined));
    } catch (e) {
      setError(`Could not remove “${t.name}”: ${(e as Error).message}`);
    }
  };
  return (
    <div className="home">
      <header className="home-header">
        <span className="brand">
          <span className="brand-mark" aria-hidden>
            ◆
          </span>
          <span className="brand-name">Journeyboard</span>
        </span>
        <span className="muted">Map the customer journey together, live.</span>
        <AccountBar me={me} onSignedOut={() => setMe({ signInAvailable: true, signedIn: false, person: null })} />
      </header>
      <main className="home-main">
        {joinedAs !== undefined && (
          <p className="joined-banner" role="status" data-testid="joined-device">
            <span aria-hidden>✓</span> This device is now {joinedAs}. Open a board’s link here to carry on as {joinedAs}
            .
          </p>
        )}
        <section className="create-card" aria-labelledby="create-title">
          <h1 id="create-title">Start a journey map</h1>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void create();
            }}
          >
            <TextField
              id="board-title"
              label="Board title"
              data-testid="new-board-title"
              value={title}
              maxLength={120}
              onValue={setTitle}
              placeholder="e.g. Checkout journey — Q3 workshop"
            />
            <span className="field-label">Template</span>
            <div className="templates" role="radiogroup" aria-label="Template">
              {templates === null && !error && <p className="muted">Loading templates…</p>}
              {templates
                ?.filter((t) => t.source === 'builtin')
                .map((t) => (
                  <TemplateChoice
                    key={t.id}
                    template={t}
                    checked={templateId === t.id}
                    onChoose={() => setTemplateId(t.id)}
                  />
                ))}
              {saved.length > 0 && (
                <>
                  <h2 className="templates-heading" id="saved-templates">
                    Saved on this server
                  </h2>
                  {saved.map((t) => {
                    const token = removalToken(t);
                    return (
                      <TemplateChoice
                        key={t.id}
                        template={t}
                        checked={templateId === t.id}
                        onChoose={() => setTemplateId(t.id)}
                        onRemove={token ? () => remove(t, token) : undefined}
                      />
                    );
                  })}
                </>
              )}
            </div>
            {needsToken && (
              <>
                <label className="field-label" htmlFor="create-token">
                  Creation token (from the person who runs this server)
                </label>
                <input
                  id="create-token"
                  type="password"
                  data-testid="create-token"
                  value={createToken}
                  autoComplete="off"
                  onChange={(e) => setCreateToken(e.target.value)}
                  onBlur={() =>
                    createToken.trim() &&
                    fetchTemplates(storedBoardTokens(), createToken.trim()).then(setTemplates, () => undefined)
                  }
                />
              </>
            )}
            <ErrorLine error={error} />
            <button type="submit" className="btn primary big" data-testid="create-board" disabled={busy || !templates}>
              {busy ? 'Creating…' : 'Create board'}
            </button>
          </form>
        </section>
        <div className="home-side">
          {me?.person && <MyBoards />}
          <section className="recent" aria-labelledby="recent-title">
            <h2 id="recent-title">Recently opened on this device</h2>
            {recent.length === 0 ? (
              <p className="muted empty-recent">
                Boards you open appear here. Share a board’s link to invite colleagues from marketing, sales and
                support.
              </p>
            ) : (
              <ul className="stack-list recent-list">
                {recent.map((b) => (
                  <li key={b.id}>
                    <a href={`/b/${b.id}`} data-testid="recent-board">
                      <span className="recent-title">{b.title}</span>
                      <span className="muted">opened {ago(b.openedAt)}</span>
                    </a>
                    <CloseButton
                      label={`Forget ${b.title}`}
                      title="Remove from this list"
                      onClick={() => {
                        forgetBoard(b.id);
                        setRecent(loadRecentBoards());
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
            <ImportBoardButton />
          </section>
        </div>
      </main>
    </div>
  );
}

function TemplateChoice({
  template: t,
  checked,
  onChoose,
  onRemove,
}: {
  template: TemplateInfo;
  checked: boolean;
  onChoose: () => void;
  onRemove?: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const parts = [`${t.stages.length} stages`, t.noteCount ? `${t.noteCount} example notes` : 'empty'];
  if (t.personaCount) parts.push(`${t.personaCount} persona${t.personaCount === 1 ? '' : 's'}`);
  if (t.kpiCount) parts.push(`${t.kpiCount} KPI${t.kpiCount === 1 ? '' : 's'}`);
  return (
    <label className={`template ${checked ? 'active' : ''}`} data-testid={`template-${t.id}`}>
      <input type="radio" name="template" value={t.id} checked={checked} onChange={onChoose} />
      <TemplatePreview template={t} />
      <span className="template-name">
        {t.name}
        {t.source === 'saved' && <span className="template-badge">Saved</span>}
      </span>
      <span className="template-desc">{t.description}</span>
      <span className="template-meta">
        {parts.join(' · ')}
        {t.createdAt !== undefined && ` · saved ${ago(t.createdAt)}`}
      </span>
      {onRemove && (
        <span className="template-remove">
          {confirming ? (
            <>
              <span>Remove it for everyone on this server?</span>
              <button
                type="button"
                className="btn danger"
                data-testid="remove-template-confirm"
                onClick={() => void onRemove().finally(() => setConfirming(false))}
              >
                Remove
              </button>
              <button type="button" className="btn ghost" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </>
          ) : (
            <button
              type="button"
              className="template-remove-link"
              data-testid="remove-template"
              aria-label={`Remove the saved template ${t.name}`}
              onClick={() => setConfirming(true)}
            >
              Remove
            </button>
          )}
        </span>
      )}
    </label>
  );
}
