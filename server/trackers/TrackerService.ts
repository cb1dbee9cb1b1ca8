import type { Hocuspocus } from '@hocuspocus/server';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { buildPriorityList } from '../../shared/export/priorityList.ts';
import { trackerIssue } from '../../shared/export/trackerIssues.ts';
import { type Actor, executeDef, linkActionIssue } from '../../shared/model/commands/index.ts';
import { CommandError } from '../../shared/model/errors.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import type { IssueResult, Tracker, TrackersView } from '../../shared/protocol/trackers.ts';
import type { NoteId } from '../../shared/schema/ids.ts';
import { NO_TRACKERS, type TrackerConfig } from '../config/trackerConfig.ts';
import { BoardQueue, withLiveDocument } from '../live/boardQueue.ts';
import { log } from '../observability/log.ts';
import { githubCreator } from './githubTracker.ts';
import { jiraCreator } from './jiraTracker.ts';
import type { IssueCreator } from './trackerPost.ts';

/** Who the board says wrote the link (commands want an actor). */
const SERVER_ACTOR: Actor = { id: 'server', name: 'Journeyboard', department: 'other' };

/**
 * Creates tracker issues for a board's actions and writes each issue's link onto its action
 * (`linkActionIssue`, one server transaction per action, so a link is never lost to a later
 * failure). Requests of one board run one after another (BoardQueue): a second click while the
 * first request runs finds the links the first wrote and creates nothing twice. Across several
 * instances two requests at the same moment could both create (docs/api.md says so).
 */
export class TrackerService {
  readonly #creators: Partial<Record<Tracker, IssueCreator>>;
  readonly #view: TrackersView;
  readonly #queue = new BoardQueue();
  #instance: Hocuspocus | null = null;

  constructor(config: TrackerConfig = NO_TRACKERS) {
    this.#creators = {
      ...(config.github ? { github: githubCreator(config.github) } : {}),
      ...(config.jira ? { jira: jiraCreator(config.jira) } : {}),
    };
    this.#view = {
      github: config.github ? { repo: config.github.repo } : null,
      jira: config.jira ? { site: config.jira.baseUrl, project: config.jira.project } : null,
    };
  }

  attach(instance: Hocuspocus): void {
    this.#instance = instance;
  }

  /** What the client may know: where issues go, never a token. */
  view(): TrackersView {
    return this.#view;
  }

  isConfigured(tracker: Tracker): boolean {
    return this.#creators[tracker] !== undefined;
  }

  /**
   * One result per note id, in the order given. An action that has an issue already is not sent
   * again; a note that is gone or no action fails with the reason, and so does a tracker error.
   * `baseUrl` starts the link back to the board in each issue.
   */
  async createIssues(
    boardId: string,
    tracker: Tracker,
    noteIds: readonly string[],
    baseUrl: string,
  ): Promise<IssueResult[]> {
    const creator = this.#creators[tracker];
    if (!creator) throw new Error(`${tracker} is not configured`);
    return this.#queue.run(boardId, () =>
      withLiveDocument(
        this.#instance,
        boardId,
        async (doc) => {
          const results: IssueResult[] = [];
          for (const noteId of new Set(noteIds))
            results.push(await this.#createOne(doc, boardId, creator, noteId, baseUrl));
          const created = results.filter((r) => r.state === 'created').length;
          log.info(
            { board: boardId, tracker, created, asked: results.length },
            `trackers: ${created} issue(s) created`,
          );
          return results;
        },
        { trackers: true },
      ),
    );
  }

  async #createOne(
    doc: Parameters<typeof readBoard>[0],
    boardId: string,
    creator: IssueCreator,
    noteId: string,
    baseUrl: string,
  ): Promise<IssueResult> {
    const fail = (message: string): IssueResult => ({ noteId, state: 'failed', url: null, message });
    // Read afresh for each action: the board changes while a tracker answers.
    const board = readBoard(doc);
    const note = board.notesById.get(noteId as NoteId);
    if (!note) return fail('This note is not on the board any more');
    if (!note.action) return fail('This note is not an action: make it one first');
    if (note.action.issueUrl) return { noteId, state: 'exists', url: note.action.issueUrl, message: null };
    const list = buildPriorityList({
      board,
      round: 'latest',
      commentCounts: new Map(),
      commentsIncluded: false,
      baseUrl,
    });
    const item = list.items.find((it) => it.noteId === noteId)!;
    const created = await creator.create(trackerIssue(item, list));
    if (!created.ok) {
      log.warn({ board: boardId, note: noteId }, `trackers: not created: ${created.message}`);
      return fail(created.message);
    }
    try {
      executeDef(doc, SERVER_ACTOR, linkActionIssue, { noteId: note.id, url: created.url }, ORIGIN.server);
      return { noteId, state: 'created', url: created.url, message: null };
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      // Created, but turned back into a note (or removed) meanwhile: say where the issue is.
      return { noteId, state: 'created', url: created.url, message: `Created, but not linked: ${error.message}` };
    }
  }
}
