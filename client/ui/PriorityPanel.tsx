import { DeptMark } from './DeptMark.tsx';
import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import {
  ACTION_STATUS_LABEL,
  buildPriorityList,
  canFacilitate,
  DEPARTMENT_STYLE,
  kpisToCompare,
  OUTCOME_DEFAULTS,
  DEPARTMENTS,
  NOTE_KIND_STYLE,
  revealedRounds,
  roundDescription,
  type Department,
  type NoteKind,
  type PriorityItem,
  type RoundChoice,
  type StageId,
} from '../../shared/index.ts';
import { centreOnNote } from '../board/cameraActions.ts';
import { showToast } from '../board/editorState.ts';
import { useBoard, useSession } from '../board/hooks.ts';
import { useStore } from '../board/store.ts';
import { backupPath, importBoardFile, prioritiesPath, type ListFormat } from '../api/exports.ts';
import { downloadFromApi } from '../exports/downloads.ts';
import { downloadBoardPdf, downloadBoardPng } from '../exports/boardDownloads.ts';
import type { PaperSize } from '../exports/pdfExport.ts';
import { useCommentCounts } from '../exports/useCommentCounts.ts';
import { useKpiSeries } from '../board/useKpiSeries.ts';
import { ActionFields } from './ActionFields.tsx';
import { OutcomeLine } from './OutcomeLine.tsx';
import { OutcomeWindowSelect } from './OutcomeWindowSelect.tsx';
import { IssueLink } from './IssueLink.tsx';
import { SendToDialog } from './SendToDialog.tsx';
import './priority.css';
import { SidePanel } from './SidePanel.tsx';
import { BackupFileInput } from './FileInput.tsx';
import { type Choice, choicesOf, Select } from './Select.tsx';
import { NOTE_KIND_CHOICES, stageChoices } from './boardChoices.ts';

const FORMAT_LABEL: Record<ListFormat, string> = { csv: 'CSV', md: 'Markdown', json: 'JSON' };
const DEPT_CHOICES = choicesOf(DEPARTMENTS, (d) => DEPARTMENT_STYLE[d].label);
const PAPERS: readonly Choice<PaperSize>[] = [
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'Letter' },
];

/** Latest, each revealed round by its title and time, and all of them when there are two or more. */
function roundChoices(rounds: ReturnType<typeof revealedRounds>): Choice<RoundChoice>[] {
  const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return [
    { value: 'latest', label: `Latest round${rounds.length ? ` (${rounds.at(-1)!.title})` : ''}` },
    ...rounds.map((r) => ({ value: r.id, label: `${r.title} · ${when(r.revealedAt)}` })),
    ...(rounds.length > 1 ? [{ value: 'all' as const, label: `All ${rounds.length} rounds combined` }] : []),
  ];
}

/** One of the list's filters: "All …" (no filter) or one value; its test id is `priority-<label>`. */
function FilterSelect<T extends string>(props: {
  label: string;
  all: string;
  value: T | '';
  onValue: (value: T | '') => void;
  choices: readonly Choice<T>[];
}) {
  const choices: Choice<T | ''>[] = [{ value: '', label: props.all }, ...props.choices];
  return (
    <label>
      <span>{props.label}</span>
      <Select
        data-testid={`priority-${props.label.toLowerCase()}`}
        value={props.value}
        onValue={props.onValue}
        choices={choices}
      />
    </label>
  );
}

/**
 * The priority list: notes ranked by the dots of a revealed round (latest, one, or all), with
 * their action fields (editable by editors), filters, and every export: the list as CSV,
 * Markdown or JSON, the board as PNG or PDF, and a backup of the whole board.
 */
export function PriorityPanel({ readOnly }: { readOnly: boolean }) {
  const session = useSession();
  const board = useBoard();
  const comments = useCommentCounts();
  const [round, setRound] = useState<RoundChoice>('latest');
  const [stage, setStage] = useState<StageId | ''>('');
  const [kind, setKind] = useState<NoteKind | ''>('');
  const [department, setDepartment] = useState<Department | ''>('');
  const [paper, setPaper] = useState<PaperSize>('a4');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcomeWindow, setOutcomeWindow] = useState<number>(OUTCOME_DEFAULTS.window);
  const windowId = useId();
  const series = useKpiSeries(kpisToCompare(board));
  const [sending, setSending] = useState(false);
  const role = useStore(session.access, (a) => a.role);
  const rounds = revealedRounds(board);
  const choice: RoundChoice =
    round === 'latest' || round === 'all' || rounds.some((r) => r.id === round) ? round : 'latest';
  const filters = useMemo(
    () => ({ stageIds: stage ? [stage] : [], kinds: kind ? [kind] : [], departments: department ? [department] : [] }),
    [stage, kind, department],
  );
  const list = useMemo(
    () =>
      buildPriorityList({
        board,
        round: choice,
        commentCounts: comments.counts,
        commentsIncluded: comments.included,
        baseUrl: window.location.origin,
        filters,
        series,
        outcomeWindow,
      }),
    [board, choice, comments, filters, series, outcomeWindow],
  );
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (what: string, task: () => Promise<unknown>) => {
    setBusy(what);
    try {
      await task();
    } catch (error) {
      showToast(session.editor, `${what} failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setBusy(null);
    }
  };
  const downloadList = (format: ListFormat) =>
    run(FORMAT_LABEL[format], () =>
      downloadFromApi(
        prioritiesPath(session.boardId, format, { round: choice, ...filters, window: outcomeWindow }),
        session.token,
      ),
    );
  const show = (it: PriorityItem) => {
    if (it.removed) return;
    session.editor.update({ selection: new Set([it.noteId]) });
    centreOnNote(session, it.noteId);
  };
  const importFile = (file: File) =>
    run('Import', async () => {
      const created = await importBoardFile(file);
      for (const w of created.warnings) showToast(session.editor, w);
      window.location.assign(created.url);
    });

  return (
    <SidePanel
      className="priority-panel"
      titleId="priority-title"
      title="Priority list"
      testId="priority-panel"
      onClose={() => session.editor.update({ panel: null })}
      ownKeys
    >
      <div className="priority-controls">
        <label>
          <span>Ranked by</span>
          <Select data-testid="priority-round" value={choice} onValue={setRound} choices={roundChoices(rounds)} />
        </label>
        <FilterSelect label="Stage" all="All stages" value={stage} onValue={setStage} choices={stageChoices(board)} />
        <FilterSelect label="Kind" all="All kinds" value={kind} onValue={setKind} choices={NOTE_KIND_CHOICES} />
        <FilterSelect
          label="Department"
          all="All departments"
          value={department}
          onValue={setDepartment}
          choices={DEPT_CHOICES}
        />
        <label
          htmlFor={windowId}
          title="For done actions: the mean of their stage's KPIs over this many measurements before and after"
        >
          <span>Did it work?</span>
          <OutcomeWindowSelect
            id={windowId}
            testId="priority-outcome-window"
            value={outcomeWindow}
            onChange={setOutcomeWindow}
          />
        </label>
      </div>
      <p className="muted small" data-testid="priority-summary">
        {roundDescription(list)} ·{' '}
        {list.items.length === list.totalItems
          ? `${list.items.length} notes`
          : `${list.items.length} of ${list.totalItems} notes`}
      </p>
      <div className="priority-scroll">
        {list.items.length === 0 ? (
          <p className="priority-empty muted">
            No notes to rank here yet. Pain points, opportunities, actions and every note with votes appear in this
            list.
          </p>
        ) : (
          <table className="priority-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  #
                </th>
                <th scope="col" className="num">
                  Votes
                </th>
                <th scope="col">Note</th>
                <th
                  scope="col"
                  className="num"
                  title={comments.included ? undefined : 'Comments are not available on this board yet'}
                >
                  Comments
                </th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((it) => {
                const note = board.notesById.get(it.noteId);
                return (
                  <tr
                    key={it.noteId}
                    data-testid="priority-row"
                    data-note-id={it.noteId}
                    className={it.removed ? 'removed' : undefined}
                  >
                    <td className="num rank">{it.rank}</td>
                    <td className="num">
                      <span className={it.votes > 0 ? 'votes has-votes' : 'votes'}>{it.votes}</span>
                    </td>
                    <td className="note-cell">
                      <button
                        type="button"
                        className="note-link"
                        onClick={() => show(it)}
                        disabled={it.removed}
                        title={it.removed ? 'Deleted after the round' : 'Show on the board'}
                      >
                        <span className="kind-dot" style={{ background: NOTE_KIND_STYLE[it.kind].colour }} aria-hidden>
                          {NOTE_KIND_STYLE[it.kind].icon}
                        </span>
                        <span className="note-text">
                          {it.removed && <em>(removed) </em>}
                          {it.text || <span className="muted">(empty note)</span>}
                        </span>
                      </button>
                      <span className="note-meta">
                        {[it.stage || 'No stage', it.lane].filter(Boolean).join(' · ')}
                        {it.path && (
                          <span className="priority-path" data-testid="priority-path">
                            {' '}
                            · on {it.path}
                          </span>
                        )}
                        {it.department && (
                          <span className="dept-chip" title={DEPARTMENT_STYLE[it.department].label}>
                            <DeptMark department={it.department} spoken />
                            {it.author}
                          </span>
                        )}
                      </span>
                    </td>
                    <td className="num" data-testid="priority-comments">
                      {it.comments ?? (
                        <span className="muted" role="img" aria-label="not available">
                          —
                        </span>
                      )}
                    </td>
                    <td className="action-cell">
                      {note && !readOnly ? (
                        <ActionFields notes={[note]} />
                      ) : it.status ? (
                        <span className="action-summary">
                          <span className={`status status-${it.status}`}>{ACTION_STATUS_LABEL[it.status]}</span>
                          {it.owner && <span>{it.owner}</span>}
                          {it.due && <span className="muted">due {it.due}</span>}
                          {note?.action?.issueUrl && <IssueLink url={note.action.issueUrl} />}
                        </span>
                      ) : (
                        <span className="muted">—</span>
                      )}
                      {it.outcome && (
                        <div className="priority-outcome" data-testid="priority-outcome">
                          {it.outcome.kpis.length === 0 ? (
                            <span className="outcome outcome-too-little-data">{it.outcome.statement}</span>
                          ) : (
                            it.outcome.kpis.map((k) => <OutcomeLine key={k.kpiId} outcome={k} />)
                          )}
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <footer className="priority-exports">
        <fieldset className="export-group" aria-label="Download the list">
          <span className="export-label">List</span>
          {(Object.keys(FORMAT_LABEL) as ListFormat[]).map((f) => (
            <ExportButton key={f} testId={`download-${f}`} busy={busy} onClick={() => void downloadList(f)}>
              {FORMAT_LABEL[f]}
            </ExportButton>
          ))}
        </fieldset>
        <fieldset className="export-group" aria-label="Hand the actions off to a tracker">
          <span className="export-label">Actions</span>
          <ExportButton
            testId="send-to"
            busy={busy}
            onClick={() => setSending(true)}
            title="Jira, Linear or GitHub: files for their importers, or issues created directly"
          >
            Send to…
          </ExportButton>
        </fieldset>
        <fieldset className="export-group" aria-label="Download the board as an image">
          <span className="export-label">Board</span>
          <ExportButton
            testId="download-png-board"
            busy={busy}
            onClick={() => void run('PNG', () => downloadBoardPng(session, 'board'))}
            title="The whole board at 2× resolution"
          >
            PNG
          </ExportButton>
          <ExportButton
            testId="download-png-view"
            busy={busy}
            onClick={() => void run('PNG', () => downloadBoardPng(session, 'view'))}
            title="What you see now, at 2× resolution"
          >
            PNG of view
          </ExportButton>
          <Select aria-label="Paper size" data-testid="pdf-paper" value={paper} onValue={setPaper} choices={PAPERS} />
          <ExportButton
            testId="download-pdf"
            busy={busy}
            onClick={() => void run('PDF', () => downloadBoardPdf(session, list, paper))}
            title="The board on one landscape page, then this list, then charts of the KPIs with measurements"
          >
            PDF
          </ExportButton>
        </fieldset>
        <fieldset className="export-group" aria-label="Backup">
          <span className="export-label">Backup</span>
          <ExportButton
            testId="download-backup"
            busy={busy}
            onClick={() => void run('Backup', () => downloadFromApi(backupPath(session.boardId), session.token))}
            title="Everything on this board as a JSON file that can be imported again"
          >
            Export
          </ExportButton>
          {role === 'facilitator' || role === 'editor' ? (
            <>
              <ExportButton
                testId="import-backup"
                busy={busy}
                onClick={() => fileInput.current?.click()}
                title="Create a new board from a backup file"
              >
                Import…
              </ExportButton>
              <BackupFileInput ref={fileInput} data-testid="import-file" onFile={(f) => void importFile(f)} />
            </>
          ) : null}
        </fieldset>
        {busy && (
          <span className="muted small" role="status">
            Preparing {busy}…
          </span>
        )}
      </footer>
      {sending && (
        <SendToDialog
          list={list}
          facilitator={role !== null && canFacilitate(role)}
          onClose={() => setSending(false)}
        />
      )}
    </SidePanel>
  );
}

/** A button of the export footer; all of them wait while one export is being prepared. */
function ExportButton({
  testId,
  busy,
  onClick,
  title,
  children,
}: {
  testId: string;
  busy: string | null;
  onClick: () => void;
  title?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className="tb-button"
      data-testid={testId}
      disabled={busy !== null}
      onClick={onClick}
      title={title}
    >
      {children}
    </button>
  );
}
