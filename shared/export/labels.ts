import { ACTION_STATUS_LABEL } from '../schema/action.ts';
import { DEPARTMENT_STYLE } from '../schema/department.ts';
import { NOTE_KIND_STYLE } from '../schema/noteKind.ts';
import type { PriorityItem, PriorityList } from './priorityList.ts';

/** Human labels for the columns people read (CSV, Markdown, PDF); JSON keeps the machine values. */
export const PRIORITY_COLUMNS = [
  'rank',
  'votes',
  'text',
  'stage',
  'lane',
  'channel',
  'kind',
  'department',
  'author',
  'comments',
  'owner',
  'status',
  'due',
  'done',
  'outcome',
  'path',
  'link',
] as const;
export type PriorityColumn = (typeof PRIORITY_COLUMNS)[number];

export function itemLabels(it: PriorityItem): Record<PriorityColumn, string | number> {
  return {
    rank: it.rank,
    votes: it.votes,
    text: it.text,
    stage: it.stage,
    lane: it.lane,
    channel: it.channel,
    kind: NOTE_KIND_STYLE[it.kind].label,
    department: it.department ? DEPARTMENT_STYLE[it.department].label : '',
    author: it.author,
    comments: it.comments ?? '',
    owner: it.owner,
    status: it.status ? ACTION_STATUS_LABEL[it.status] : '',
    due: it.due ?? '',
    done: it.doneAt?.slice(0, 10) ?? '',
    outcome: it.outcome?.statement ?? '',
    path: it.path,
    link: it.link ?? '',
  };
}

/** `2026-11-30 14:05 UTC`: the same text on every machine (no locale, no time zone). */
function utcMinute(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** What the list ranks by, in words: "Round “Checkout pains” (revealed …)", "All 3 rounds", … */
export function roundDescription(list: PriorityList): string {
  const { choice, rounds } = list.round;
  if (rounds.length === 0) return 'No revealed voting round yet: every note has 0 votes';
  if (choice === 'all') return `All ${rounds.length} revealed round${rounds.length === 1 ? '' : 's'} combined`;
  const r = rounds[0]!;
  return `${choice === 'latest' ? 'Latest round' : 'Round'} “${r.title}” (revealed ${utcMinute(r.revealedAt)}, ${r.voterCount} voter${r.voterCount === 1 ? '' : 's'})`;
}

/** A file name from the board title: ASCII letters, digits and dashes only. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'board';
}
