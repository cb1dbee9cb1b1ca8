import { ACTION_STATUS_LABEL } from '../schema/action.ts';
import { DEPARTMENT_STYLE } from '../schema/department.ts';
import { NOTE_KIND_STYLE } from '../schema/noteKind.ts';
import type { BoardSnapshot } from '../model/snapshot.ts';
import { PRIORITY_COLUMNS, type PriorityColumn, roundDescription } from './labels.ts';
import type { PriorityItem, PriorityList } from './priorityList.ts';

/**
 * Text safe in a Markdown table cell (CommonMark + GFM): backslash-escapes what Markdown would read
 * as syntax inside a line (emphasis, code, links and images, HTML, entities, strikethrough, table
 * pipes); line breaks become `<br>`. Parentheses need nothing once brackets are escaped, and `#`,
 * `+`, `-` only mean something at the start of a line, which a cell never is.
 */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '<br>');
}

/** A link target: angle brackets keep spaces or parentheses from ending it. */
function linkTo(url: string): string {
  return `[open](<${url.replace(/[<>]/g, encodeURIComponent)}>)`;
}

interface Column {
  readonly title: string;
  readonly right?: boolean;
  readonly cell: (it: PriorityItem) => string;
}

const COLUMNS: Record<PriorityColumn, Column> = {
  rank: { title: '#', right: true, cell: (it) => String(it.rank) },
  votes: { title: 'Votes', right: true, cell: (it) => String(it.votes) },
  text: { title: 'Note', cell: (it) => (it.removed ? '*(removed)* ' : '') + escapeMarkdownCell(it.text || '(empty)') },
  stage: { title: 'Stage', cell: (it) => escapeMarkdownCell(it.stage) },
  lane: { title: 'Lane', cell: (it) => escapeMarkdownCell(it.lane) },
  channel: { title: 'Channel', cell: (it) => escapeMarkdownCell(it.channel) },
  kind: { title: 'Kind', cell: (it) => NOTE_KIND_STYLE[it.kind].label },
  department: { title: 'Department', cell: (it) => (it.department ? DEPARTMENT_STYLE[it.department].label : '') },
  author: { title: 'Author', cell: (it) => escapeMarkdownCell(it.author) },
  comments: { title: 'Comments', right: true, cell: (it) => (it.comments === null ? '' : String(it.comments)) },
  owner: { title: 'Owner', cell: (it) => escapeMarkdownCell(it.owner) },
  status: { title: 'Status', cell: (it) => (it.status ? ACTION_STATUS_LABEL[it.status] : '') },
  due: { title: 'Due', cell: (it) => it.due ?? '' },
  done: { title: 'Done', cell: (it) => it.doneAt?.slice(0, 10) ?? '' },
  outcome: { title: 'Did it work?', cell: (it) => escapeMarkdownCell(it.outcome?.statement ?? '') },
  path: { title: 'Path', cell: (it) => escapeMarkdownCell(it.path) },
  link: { title: 'Link', cell: (it) => (it.link ? linkTo(it.link) : '') },
};

function table(items: readonly PriorityItem[], columns: readonly PriorityColumn[]): string {
  const cols = columns.map((c) => COLUMNS[c]);
  const lines = [
    `| ${cols.map((c) => c.title).join(' | ')} |`,
    `| ${cols.map((c) => (c.right ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const it of items) lines.push(`| ${cols.map((c) => c.cell(it)).join(' | ')} |`);
  return lines.join('\n');
}

const PER_STAGE: readonly PriorityColumn[] = [
  'rank',
  'votes',
  'text',
  'lane',
  'channel',
  'kind',
  'department',
  'owner',
  'status',
  'due',
  'done',
  'outcome',
  'path',
  'link',
];

/**
 * The priority list as Markdown: a heading, what it ranks by, one table of every item, then a
 * section per stage (board order; items whose stage is gone under "Not on the board").
 */
export function priorityMarkdown(
  list: PriorityList,
  board: Pick<BoardSnapshot, 'stages'>,
  generatedAt: string,
): string {
  const out: string[] = [];
  out.push(`# Priorities: ${escapeMarkdownCell(list.board.title)}`, '');
  out.push(`- Ranked by: ${escapeMarkdownCell(roundDescription(list))}`);
  out.push(`- Board: <${list.board.url}>`);
  out.push(`- Generated: ${generatedAt}`);
  const filtered = list.items.length !== list.totalItems;
  out.push(`- Items: ${list.items.length}${filtered ? ` of ${list.totalItems} (filtered)` : ''}`);
  if (!list.commentsIncluded) out.push('- Comments: not available from this server (the Comments column is empty)');
  out.push('');
  if (list.items.length === 0) {
    out.push('No notes to rank yet: pain points, opportunities, actions and voted notes appear here.', '');
    return out.join('\n');
  }
  out.push(table(list.items, PRIORITY_COLUMNS), '');
  const known = new Set(board.stages.map((s) => s.id as string));
  for (const s of board.stages) {
    const items = list.items.filter((it) => it.stageId === s.id);
    if (items.length === 0) continue;
    out.push(`## ${escapeMarkdownCell(s.name)}`, '', table(items, PER_STAGE), '');
  }
  const elsewhere = list.items.filter((it) => !known.has(it.stageId));
  if (elsewhere.length)
    out.push('## Not on the board', '', 'Notes whose stage was removed.', '', table(elsewhere, PER_STAGE), '');
  return out.join('\n');
}
