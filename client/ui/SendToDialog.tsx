import { useEffect, useState } from 'react';
import {
  type IssueResult,
  type PriorityList,
  TRACKER_NAME,
  type Tracker,
  type TrackersView,
  trackerIssues,
} from '../../shared/index.ts';
import { createTrackerIssues, fetchTrackers } from '../api/trackers.ts';
import { showToast } from '../board/editorState.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { downloadTrackerFile, type TrackerFile } from '../exports/trackerDownloads.ts';
import { Dialog } from './Dialog.tsx';
import { IssueLink } from './IssueLink.tsx';
import './sendTo.css';

const FILES: readonly { kind: TrackerFile; name: string; what: string }[] = [
  { kind: 'jira', name: 'Jira', what: 'CSV for Jira’s importer' },
  { kind: 'linear', name: 'Linear', what: 'CSV for Linear’s importer' },
  { kind: 'github-json', name: 'GitHub issues', what: 'JSON, one REST payload per issue' },
  { kind: 'github-script', name: 'GitHub CLI', what: 'A gh issue create script' },
];

/**
 * "Send to…": the list's actions as files for Jira, Linear and GitHub (made here, so offline
 * too), and for a facilitator, issues created directly in the trackers the operator set up.
 */
export function SendToDialog({
  list,
  facilitator,
  onClose,
}: {
  list: PriorityList;
  facilitator: boolean;
  onClose: () => void;
}) {
  const session = useSession();
  const board = useBoard();
  const issues = trackerIssues(list);
  const linked = (noteId: string) => board.notesById.get(noteId as never)?.action?.issueUrl ?? null;
  const waiting = issues.filter((i) => !linked(i.noteId));
  const [trackers, setTrackers] = useState<TrackersView | null>(null);
  const [busy, setBusy] = useState<Tracker | null>(null);
  const [results, setResults] = useState<{ tracker: Tracker; results: readonly IssueResult[] } | null>(null);

  useEffect(() => {
    if (!facilitator) return;
    let live = true;
    fetchTrackers(session.boardId, session.token).then(
      (view) => live && setTrackers(view),
      () => live && setTrackers({ github: null, jira: null }),
    );
    return () => {
      live = false;
    };
  }, [facilitator, session]);

  const download = (kind: TrackerFile) => {
    const name = downloadTrackerFile(kind, list);
    showToast(session.editor, `Downloaded ${name}`);
  };
  const create = async (tracker: Tracker) => {
    setBusy(tracker);
    try {
      const answer = await createTrackerIssues(
        session.boardId,
        session.token,
        tracker,
        waiting.map((i) => i.noteId),
      );
      setResults(answer);
    } catch (error) {
      showToast(
        session.editor,
        `Could not create issues: ${error instanceof Error ? error.message : String(error)}`,
        'error',
      );
    } finally {
      setBusy(null);
    }
  };
  const where = (t: Tracker) =>
    t === 'github'
      ? trackers?.github?.repo
      : trackers?.jira
        ? `${trackers.jira.project} on ${new URL(trackers.jira.site).host}`
        : '';
  const configured = (['github', 'jira'] as const).filter((t) => trackers?.[t]);
  const title = (noteId: string) => issues.find((i) => i.noteId === noteId)?.title ?? noteId;

  return (
    <Dialog title="Send to…" onClose={onClose} className="send-to">
      <p className="muted small" data-testid="send-to-count">
        {issues.length === 0
          ? 'This list has no actions yet. Turn a pain point or an idea into an action (Make action), then send it.'
          : `${issues.length} action${issues.length === 1 ? '' : 's'} from this list, in its order${
              list.items.length < list.totalItems ? ' (with its filters)' : ''
            }.`}
      </p>
      <section aria-labelledby="send-files">
        <h3 id="send-files" className="send-heading">
          Download for an importer
        </h3>
        <div className="send-files">
          {FILES.map((f) => (
            <button
              key={f.kind}
              type="button"
              className="send-file"
              data-testid={`send-${f.kind}`}
              disabled={issues.length === 0}
              onClick={() => download(f.kind)}
            >
              <span className="send-file-name">{f.name}</span>
              <span className="send-file-what">{f.what}</span>
            </button>
          ))}
        </div>
      </section>
      {facilitator && (
        <section aria-labelledby="send-direct">
          <h3 id="send-direct" className="send-heading">
            Create issues directly
          </h3>
          {trackers === null ? (
            <p className="muted small">Checking which trackers this server can reach…</p>
          ) : configured.length === 0 ? (
            <p className="muted small" data-testid="send-no-trackers">
              This server has no tracker set up. Whoever runs it can add a GitHub or Jira token (see the README).
            </p>
          ) : (
            <div className="send-direct">
              {configured.map((t) => (
                <button
                  key={t}
                  type="button"
                  className="btn primary"
                  data-testid={`create-in-${t}`}
                  disabled={busy !== null || waiting.length === 0}
                  onClick={() => void create(t)}
                >
                  {busy === t
                    ? `Creating in ${TRACKER_NAME[t]}…`
                    : waiting.length === 0
                      ? `Nothing new for ${TRACKER_NAME[t]}`
                      : `Create ${waiting.length} issue${waiting.length === 1 ? '' : 's'} in ${TRACKER_NAME[t]}`}
                  <span className="send-where">{where(t)}</span>
                </button>
              ))}
              {waiting.length < issues.length && (
                <p className="muted small">{alreadySent(issues.length - waiting.length, issues.length)}</p>
              )}
            </div>
          )}
          {results && (
            <ul className="send-results" aria-live="polite" data-testid="send-results">
              {results.results.map((r) => (
                <li key={r.noteId} className={`send-result ${r.state}`}>
                  <span className="send-result-title">{title(r.noteId)}</span>
                  {r.url ? <IssueLink url={r.url} /> : null}
                  {r.state === 'failed' && <span className="send-result-why">{r.message}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <div className="dialog-actions send-footer">
        <span className="muted small">The files are made on this device, so they work offline too.</span>
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function alreadySent(sent: number, total: number): string {
  if (sent === total)
    return total === 1 ? 'This action has an issue already.' : `All ${total} actions have an issue already.`;
  return `${sent} of ${total} actions ${sent === 1 ? 'has' : 'have'} an issue already and ${sent === 1 ? 'is' : 'are'} not sent again.`;
}
