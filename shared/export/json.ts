import type { PriorityList } from './priorityList.ts';

const PRIORITIES_FORMAT = 'journeyboard.priorities';
const PRIORITIES_VERSION = 1;

/** The JSON export, field by field in docs/api.md ("Priority list JSON, version 1"). */
export interface PrioritiesJson {
  readonly format: typeof PRIORITIES_FORMAT;
  readonly version: typeof PRIORITIES_VERSION;
  readonly board: PriorityList['board'];
  readonly round: PriorityList['round'];
  readonly commentsIncluded: boolean;
  readonly filters: PriorityList['filters'];
  /** ISO 8601, UTC. */
  readonly generatedAt: string;
  readonly totalItems: number;
  /** Measurements on each side of "done" behind every item's `outcome`. */
  readonly outcomeWindow: number;
  readonly items: PriorityList['items'];
}

function prioritiesJson(list: PriorityList, generatedAt: string): PrioritiesJson {
  return {
    format: PRIORITIES_FORMAT,
    version: PRIORITIES_VERSION,
    board: list.board,
    round: list.round,
    commentsIncluded: list.commentsIncluded,
    filters: list.filters,
    generatedAt,
    totalItems: list.totalItems,
    outcomeWindow: list.outcomeWindow,
    items: list.items,
  };
}

/** Pretty-printed with a final newline: diffable, and what the HTTP route sends. */
export function priorityJsonText(list: PriorityList, generatedAt: string): string {
  return `${JSON.stringify(prioritiesJson(list, generatedAt), null, 2)}\n`;
}
