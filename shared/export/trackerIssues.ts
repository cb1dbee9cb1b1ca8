import { ACTION_STATUS_LABEL, type ActionStatus } from '../schema/action.ts';
import type { NoteId } from '../schema/ids.ts';
import type { NoteKind } from '../schema/noteKind.ts';
import { fileSlug } from './labels.ts';
import type { PriorityItem, PriorityList } from './priorityList.ts';

/**
 * The priority list's actions as tracker issues: what the Jira and Linear CSVs, the GitHub
 * payloads and script, and the server's direct creation all send (docs/api.md, "Send to…").
 * Only actions are handed off (a pain point nobody owns is not work yet), in the list's order.
 */
export interface TrackerIssue {
  readonly noteId: NoteId;
  /** The note's first line, at most TITLE_LENGTH characters. */
  readonly title: string;
  /** The whole note, then where it sits, its votes, the action's fields and a link back. */
  readonly description: string;
  readonly priority: TrackerPriority;
  /** Lowercase, no spaces (Jira refuses spaces in a label): `journeyboard`, the kind, the stage. */
  readonly labels: readonly string[];
  readonly owner: string;
  readonly status: ActionStatus;
  /** `YYYY-MM-DD` or null. */
  readonly due: string | null;
}

export type TrackerPriority = 'High' | 'Medium' | 'Low';

/** Jira's summary holds 255 characters, GitHub's title 256; a title people scan is far shorter. */
const TITLE_LENGTH = 120;

const KIND_LABEL: Record<NoteKind, string> = {
  pain: 'pain-point',
  idea: 'opportunity',
  touchpoint: 'touchpoint',
  action: 'customer-action',
  thought: 'thought',
  emotion: 'emotion',
};

/**
 * From the list's rank (votes first, docs/api.md "Order (ties)"): the top three High, the next
 * seven Medium, the rest Low; an action nobody voted for is Low wherever it ranks.
 */
export function trackerPriority(rank: number, votes: number): TrackerPriority {
  if (votes === 0 || rank > 10) return 'Low';
  return rank <= 3 ? 'High' : 'Medium';
}

export function issueTitle(text: string): string {
  const line = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const title = line.replace(/\s+/g, ' ').trim();
  if (title === '') return 'Untitled action';
  return title.length <= TITLE_LENGTH ? title : `${title.slice(0, TITLE_LENGTH - 1).trimEnd()}…`;
}

function issueDescription(it: PriorityItem, list: PriorityList): string {
  const where = [it.stage && `Stage: ${it.stage}`, it.lane && `Lane: ${it.lane}`].filter(Boolean).join(' · ');
  const action = [
    `Status: ${it.status ? ACTION_STATUS_LABEL[it.status] : ''}`,
    it.owner && `Owner: ${it.owner}`,
    it.due && `Due: ${it.due}`,
  ].filter(Boolean);
  return [
    it.text.replace(/\r\n|\r/g, '\n'),
    '',
    where,
    `Votes: ${it.votes} (rank ${it.rank} on the priority list)`,
    action.join(' · '),
    `From the journey board “${list.board.title}”: ${it.link ?? list.board.url}`,
  ]
    .filter((line, i) => i < 2 || line !== '')
    .join('\n');
}

export function trackerIssue(it: PriorityItem, list: PriorityList): TrackerIssue {
  const stage = it.stage ? fileSlug(it.stage) : '';
  return {
    noteId: it.noteId,
    title: issueTitle(it.text),
    description: issueDescription(it, list),
    priority: trackerPriority(it.rank, it.votes),
    labels: ['journeyboard', KIND_LABEL[it.kind], ...(stage ? [stage] : [])],
    owner: it.owner,
    status: it.status ?? 'open',
    due: it.due,
  };
}

/** Every action of the list (its filters apply), in its order. */
export function trackerIssues(list: PriorityList): TrackerIssue[] {
  return list.items.filter((it) => it.status !== null && !it.removed).map((it) => trackerIssue(it, list));
}
