import { lazy, useCallback, useEffect, useRef, useState } from 'react';
import { canWrite } from '../../shared/index.ts';
import { BoardSession } from '../board/BoardSession.ts';
import { openBoardView, setBottomInset } from '../board/cameraActions.ts';
import { openLinkedNote } from '../board/noteDeepLink.ts';
import { keepView } from '../board/rememberedView.ts';
import { oneSidePanelAtATime } from '../board/sidePanels.ts';
import { SessionContext, useBoardValue, useConnection, useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { useKeyboardShortcuts } from '../board/useKeyboardShortcuts.ts';
import { BoardCanvas } from '../canvas/BoardCanvas.tsx';
import { identityOf, loadProfile, saveProfile, type Identity, type Profile } from '../identity/identity.ts';
import { useProvenPerson } from '../identity/useProvenPerson.ts';
import { rememberBoard } from '../identity/recentBoards.ts';
import { takeBoardToken } from '../sync/boardTokens.ts';
import { installTestApi } from '../testing/install.ts';
import { ReadOnlyBanner } from '../ui/ReadOnlyBanner.tsx';
import { EmotionCurveOverlay } from '../ui/EmotionCurveOverlay.tsx';
import { HeaderPanel } from '../ui/HeaderPanel.tsx';
import { KpiPopover } from '../kpi/KpiPopover.tsx';
import { JoinDialog } from '../ui/JoinDialog.tsx';
import { NoteEditor } from '../ui/NoteEditor.tsx';
import { SelectionToolbar } from '../ui/SelectionToolbar.tsx';
import { ConnectHandle } from '../ui/ConnectHandle.tsx';
import { ConnectorToolbar } from '../ui/ConnectorToolbar.tsx';
import { ConnectDialog, ReconnectDialog } from '../ui/ConnectDialog.tsx';
import { ShortcutsDialog } from '../ui/ShortcutsDialog.tsx';
import { PastePreviewDialog } from '../ui/PastePreviewDialog.tsx';
import {
  ChannelsPanel,
  Deferred,
  PathsPanel,
  DeviceTransferDialog,
  PersonasPanel,
  PriorityPanel,
  TeamsPanel,
} from '../ui/deferred.tsx';
import { Toasts } from '../ui/Toasts.tsx';
import { useBottomBarsInset } from '../ui/floatingInset.ts';
import { Toolbar } from '../ui/Toolbar.tsx';
import { Segmented } from '../ui/Segmented.tsx';
import { useIsPhone } from '../ui/layout/viewport.ts';
import { CommentsOverlay } from '../ui/comments/CommentsOverlay.tsx';
import { TopBar } from '../ui/TopBar.tsx';
import { FollowBanner } from '../ui/workshop/FollowBanner.tsx';
import { LockBanner } from '../ui/workshop/LockBanner.tsx';
import { LobbyBanner } from '../ui/workshop/LobbyBanner.tsx';
import { MassDeleteBanner } from '../ui/workshop/MassDeleteBanner.tsx';
import { useLockedOut } from '../board/workshop/useWorkshop.ts';
import { VotingDock } from '../ui/voting/VotingBar.tsx';
import { DotsLeftBadges } from '../ui/voting/DotsLeftBadges.tsx';
import { PrivateWritingBar } from '../ui/privateWriting/PrivateWritingBar.tsx';
import { DraftOverlay } from '../ui/privateWriting/DraftOverlay.tsx';
import { DOUBLE_PRESS } from '../board/gestureWords.ts';

// Loaded when first opened, like the panels in ui/deferred.tsx.
const OutlineView = lazy(() => import('../outline/OutlineView.tsx').then((m) => ({ default: m.OutlineView })));
const KpiPanel = lazy(() => import('../kpi/KpiPanel.tsx').then((m) => ({ default: m.KpiPanel })));

export function BoardPage({ boardId }: { boardId: string }) {
  // Read (and cleared from the address bar) at once, even before the join dialog.
  const [token] = useState(() => takeBoardToken(boardId));
  const [profile, setProfile] = useState<Profile | null>(loadProfile);
  const proven = useProvenPerson(boardId, token);
  if (!profile)
    return (
      <div className="page-blank">
        <JoinDialog initial={null} onJoin={(name, dept) => setProfile(saveProfile(name, dept))} />
      </div>
    );
  if (proven.kind === 'pending')
    return (
      <div className="page-blank">
        <p className="loading" role="status">
          Joining the board…
        </p>
      </div>
    );
  if (proven.kind === 'refused') return <BoardUnavailable reason={proven.reason} />;
  if (proven.kind === 'failed')
    return <BoardUnavailable reason={`You could not join: ${proven.message}`} onRetry={proven.retry} />;
  // Without a credential (no share link) the id is a placeholder: the server refuses the connection anyway.
  const identity = identityOf(proven.identity?.personId ?? 'unproven', profile);
  return (
    <BoardSessionView
      boardId={boardId}
      token={token}
      credential={proven.identity?.credential ?? null}
      identity={identity}
      onProfile={setProfile}
    />
  );
}

function BoardSessionView({
  boardId,
  token,
  credential,
  identity,
  onProfile,
}: {
  boardId: string;
  token: string | null;
  credential: string | null;
  identity: Identity;
  onProfile: (p: Profile) => void;
}) {
  const [session, setSession] = useState<BoardSession | null>(null);
  // A new session per attempt: while a facilitator has not let this person in, the page tries again.
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the session lives as long as the board is open (a new one per attempt); identity changes are applied below
  useEffect(() => {
    const s = new BoardSession(boardId, identity, token, credential);
    setSession(s);
    const uninstall = installTestApi(s);
    return () => {
      uninstall();
      s.destroy();
    };
  }, [boardId, attempt]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the fields, not the object: a new object with the same person changes nothing
  useEffect(() => session?.setIdentity(identity), [session, identity.id, identity.name, identity.department]);
  if (!session) return null;
  return (
    <SessionContext.Provider value={session}>
      <BoardScreen onProfile={onProfile} onRetry={retry} />
    </SessionContext.Provider>
  );
}

function BoardScreen({ onProfile, onRetry }: { onProfile: (p: Profile) => void; onRetry: () => void }) {
  const session = useSession();
  const connection = useConnection();
  // Only the title: the whole page must not render again on every note change (bench/bigBoard).
  const title = useBoardValue((b) => b.meta.title);
  const newerSchema = useStore(session.flags, (f) => f.newerSchema);
  const role = useStore(session.access, (a) => a.role);
  const roleReadOnly = role !== null && !canWrite(role, 'board');
  const lockedOut = useLockedOut();
  const panel = useStore(session.editor, (s) => s.panel);
  const view = useStore(session.editor, (s) => s.view);
  const setView = (v: 'canvas' | 'outline') =>
    session.editor.update({ view: v, selection: new Set(), editing: null, header: null, panel: null });
  const [ready, setReady] = useState(false);
  const phone = useIsPhone();
  const [editingIdentity, setEditingIdentity] = useState(false);
  // The profile the link carries, fixed when the dialog opens (a new profile would make a new link).
  const [movingDevice, setMovingDevice] = useState<Profile | null>(null);
  useKeyboardShortcuts(session);
  const mainRef = useRef<HTMLElement>(null);
  useBottomBarsInset(mainRef, (px) => setBottomInset(session, px));
  useEffect(
    () => oneSidePanelAtATime({ editor: session.editor, comments: session.comments.ui, voting: session.voting.state }),
    [session],
  );

  useEffect(() => {
    let live = true;
    let stopJoining = () => {};
    void session.connection.synced.then(() => {
      if (!live) return;
      // Fit before the first render with content, so a big board never draws at 100% first.
      stopJoining = openBoardView(session);
      openLinkedNote(session); // `?note=` from an exported priority list
      setReady(true);
    });
    const forget = keepView(session);
    return () => {
      live = false;
      forget();
      stopJoining();
    };
  }, [session]);
  useEffect(() => {
    if (ready) rememberBoard(session.boardId, title);
    if (ready) document.title = `${title} · Journeyboard`;
  }, [ready, title, session.boardId]);

  // Nothing of the board shows while waiting, not even a copy downloaded with the page.
  if (connection.kind === 'refused' && connection.reason === 'awaiting-admission')
    return <WaitingRoom onRetry={onRetry} />;
  // Nor once access was taken away: the board may have opened from this device's copy.
  if (connection.kind === 'refused' && (!ready || connection.revoked))
    return <BoardUnavailable reason={connection.reason} />;
  const stopped = connection.kind === 'refused' ? connection.reason : null;
  const readOnly = newerSchema || roleReadOnly || stopped !== null || lockedOut;
  return (
    <DotsLeftBadges>
      <div className="board-page" data-ready={ready}>
        <button type="button" className="skip-link" onClick={() => setView('outline')}>
          Skip to the accessible outline of this board
        </button>
        <TopBar readOnly={readOnly} onEditIdentity={() => setEditingIdentity(true)} />
        {stopped && (
          <div className="banner banner-error" role="alert">
            {stopped}
            <button type="button" className="btn" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
        )}
        {newerSchema && (
          <div className="banner" role="alert">
            This board was saved by a newer version of Journeyboard, so it is read-only here.
            <button type="button" className="btn primary" onClick={() => window.location.reload()}>
              Reload
            </button>
          </div>
        )}
        {roleReadOnly && !newerSchema && role && <ReadOnlyBanner role={role} />}
        <LockBanner />
        <MassDeleteBanner />
        <LobbyBanner />
        <main className="board-main" ref={mainRef}>
          <Segmented
            className="view-switch"
            label="View"
            options={[
              { value: 'canvas', label: 'Board' },
              // On a phone the outline is the list to work in, not only an accessible copy.
              { value: 'outline', label: phone ? 'List' : 'Outline', testId: 'outline-toggle' },
            ]}
            value={view}
            onChange={setView}
          />
          {view === 'outline' ? (
            <Deferred>
              <OutlineView readOnly={readOnly} />
            </Deferred>
          ) : (
            <>
              <BoardCanvas />
              <FollowBanner />
              {!ready && (
                <div className="loading" role="status">
                  Opening the board…
                </div>
              )}
              <EmotionCurveOverlay />
              <NoteEditor />
              <DraftOverlay />
              <SelectionToolbar />
              <ConnectHandle />
              <ConnectorToolbar />
              <HeaderPanel />
              <KpiPopover readOnly={readOnly} />
              <Toolbar readOnly={readOnly} />
              <Deferred>
                {panel === 'teams' && <TeamsPanel />}
                {panel === 'channels' && <ChannelsPanel readOnly={readOnly} />}
                {panel === 'paths' && <PathsPanel readOnly={readOnly} />}
                {panel === 'personas' && <PersonasPanel readOnly={readOnly} />}
                {panel === 'priorities' && <PriorityPanel readOnly={readOnly} />}
                {panel === 'kpis' && <KpiPanel readOnly={readOnly} />}
              </Deferred>
              {panel === 'shortcuts' && <ShortcutsDialog />}
              <PastePreviewDialog />
              <div className="hint">
                {readOnly
                  ? 'Drag to pan · scroll or Ctrl+wheel to zoom'
                  : `${DOUBLE_PRESS} a cell to add a note · drag to pan · Shift+drag to select`}
              </div>
            </>
          )}
          <ConnectDialog />
          <ReconnectDialog />
          <VotingDock />
          <PrivateWritingBar />
          {/* Comments: in both views, so the panel and threads are reachable from the outline too. */}
          <CommentsOverlay />
          <Toasts />
        </main>
        {editingIdentity && (
          <JoinDialog
            initial={session.identity.get().me}
            onCancel={() => setEditingIdentity(false)}
            onJoin={(name, dept) => {
              onProfile(saveProfile(name, dept));
              setEditingIdentity(false);
            }}
            onAnotherDevice={() => {
              setEditingIdentity(false);
              const { name, department } = session.identity.get().me;
              setMovingDevice({ name, department });
            }}
          />
        )}
        {movingDevice && (
          <Deferred>
            <DeviceTransferDialog profile={movingDevice} onClose={() => setMovingDevice(null)} />
          </Deferred>
        )}
      </div>
    </DotsLeftBadges>
  );
}

const WAITING_RETRY_MS = 4000;

/** Admission is on and a facilitator has not let this person in yet: say so, and knock again now and then. */
function WaitingRoom({ onRetry }: { onRetry: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onRetry, WAITING_RETRY_MS);
    return () => clearTimeout(timer);
  }, [onRetry]);
  return (
    <div className="page-blank">
      <div className="empty-card waiting-room" role="status" data-testid="waiting-room">
        <h1>Waiting for the facilitator</h1>
        <p className="muted">
          The facilitator lets people in one by one. You will join the board as soon as they admit you; keep this page
          open.
        </p>
      </div>
    </div>
  );
}

function BoardUnavailable({ reason, onRetry }: { reason: string; onRetry?: () => void }) {
  const notFound = reason === 'board-not-found';
  const noAccess = reason === 'unauthorized';
  return (
    <div className="page-blank">
      <div className="empty-card" role="alert" data-testid="board-unavailable">
        <h1>
          {notFound
            ? 'This board doesn’t exist'
            : noAccess
              ? 'You need a share link for this board'
              : 'Can’t open this board'}
        </h1>
        <p className="muted">
          {notFound
            ? 'The link may be mistyped, or the board was deleted.'
            : noAccess
              ? 'Boards open only through the secret link their facilitator shares. If you had one, it may have been replaced: ask for the current link.'
              : reason}
        </p>
        {onRetry && (
          <button type="button" className="btn primary" onClick={onRetry}>
            Try again
          </button>
        )}
        <a className={onRetry ? 'btn' : 'btn primary'} href="/">
          Go to your boards
        </a>
      </div>
    </div>
  );
}
