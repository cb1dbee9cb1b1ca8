import type { BoardSnapshot } from '../model/snapshot.ts';
import type { ActionStatus } from '../schema/action.ts';
import type { Department } from '../schema/department.ts';
import { isRecordId, type NoteId, type RoundId, type StageId } from '../schema/ids.ts';
import type { NoteKind } from '../schema/noteKind.ts';
import type { Round } from '../schema/round.ts';
import { actionOutcome, OUTCOME_DEFAULTS, type ActionOutcome } from '../model/actionOutcome.ts';
import type { KpiId } from '../schema/ids.ts';
import type { KpiPoint } from '../schema/kpiSeries.ts';
import { priorityComparator } from './priorityOrder.ts';
import { notePathNames } from '../model/notePaths.ts';

/**
 * The priority list: notes ranked by the dots of revealed voting rounds, with their action
 * fields, as the exports (CSV, Markdown, JSON) and the Priority list panel show it. A pure
 * function of the board snapshot; nothing here reads Yjs or the clock.
 *
 * Which notes are listed (decision, docs/api.md "Priority list"): every note that has dots in the
 * chosen round(s) or is an action, plus every pain point and opportunity (idea) note, so the list
 * is useful before any round. A note deleted after a round still counts for that round: it is
 * listed from the round's record of it (`removed: true`), never silently dropped.
 *
 * Order (stable, documented): votes descending, then board order (stage order, lane order,
 * position in the cell, id), orphans after placed notes, removed notes last (by id).
 * `rank` is the 1-based position in that order over the WHOLE board, before filters, so a
 * filtered list keeps each note's board-wide rank.
 */

/** `latest` (the default): the last revealed round; `all`: every revealed round summed; or one round's id. */
export type RoundChoice = 'latest' | 'all' | RoundId;

export interface PriorityFilters {
  readonly stageIds?: readonly StageId[];
  readonly kinds?: readonly NoteKind[];
  readonly departments?: readonly Department[];
}

export interface PriorityListInput {
  readonly board: BoardSnapshot;
  readonly round: RoundChoice;
  /** Comments per note (from the comments document). */
  readonly commentCounts: ReadonlyMap<NoteId, number>;
  /**
   * False when the comments could not be read: every item's `comments` is then null (an empty
   * cell), never a made-up 0.
   */
  readonly commentsIncluded: boolean;
  /** Origin the deep links start with, e.g. `https://journeys.example.com` (no trailing slash needed). */
  readonly baseUrl: string;
  readonly filters?: PriorityFilters;
  /**
   * Each KPI's whole series, oldest first, for "Did it work?" (the server reads them from its
   * table). A KPI missing here is compared over the points the board mirrors (`recent`).
   */
  readonly series?: ReadonlyMap<KpiId, readonly KpiPoint[]>;
  /** Measurements on each side of "done" (default OUTCOME_DEFAULTS.window). */
  readonly outcomeWindow?: number;
}

export interface PriorityItem {
  /** 1-based, board-wide (before filters). */
  readonly rank: number;
  readonly noteId: NoteId;
  readonly votes: number;
  readonly text: string;
  readonly stageId: string;
  /** Stage name, or "" when the note's stage is gone. */
  readonly stage: string;
  readonly laneId: string;
  readonly lane: string;
  /** The name of the note's channel (web, phone, store…); "" for none, a removed channel or a removed note. */
  readonly channel: string;
  readonly kind: NoteKind;
  readonly department: Department | null;
  readonly author: string;
  /** Comments on the note; null when comments were not available. */
  readonly comments: number | null;
  readonly owner: string;
  /** null: the note is not an action. */
  readonly status: ActionStatus | null;
  readonly due: string | null;
  /** When a done action was marked done, ISO 8601 UTC; null otherwise (or when not known). */
  readonly doneAt: string | null;
  /** "Did it work?" for a done action: its stage's KPIs before vs after; null for anything else. */
  readonly outcome: ActionOutcome | null;
  /** Which path the note sits on (`notePathNames`): "Happy path", path names, or "" for none. */
  readonly path: string;
  /** Deep link that opens the board on this note (no token: the reader uses their own link). */
  readonly link: string | null;
  /** The note was deleted after the round; text, kind and cell are from the round's record. */
  readonly removed: boolean;
}

interface PriorityRoundInfo {
  readonly id: RoundId;
  readonly title: string;
  readonly revealedAt: number;
  readonly voterCount: number;
}

export interface PriorityList {
  readonly board: { readonly id: string; readonly title: string; readonly url: string };
  readonly round: { readonly choice: RoundChoice; readonly rounds: readonly PriorityRoundInfo[] };
  /** Every revealed round, oldest first (what a round picker offers). */
  readonly availableRounds: readonly PriorityRoundInfo[];
  readonly commentsIncluded: boolean;
  readonly filters: {
    readonly stageIds: readonly string[];
    readonly kinds: readonly NoteKind[];
    readonly departments: readonly Department[];
  };
  readonly items: readonly PriorityItem[];
  /** Items before filters (for "showing 4 of 12"). */
  readonly totalItems: number;
  /** Measurements on each side of "done" behind every outcome. */
  readonly outcomeWindow: number;
}

export type RoundResolution =
  | { readonly ok: true; readonly rounds: readonly Round[] }
  | { readonly ok: false; readonly message: string };

/** Only revealed rounds count: a round record without a reveal time is not a result. */
export function revealedRounds(board: BoardSnapshot): readonly Round[] {
  return board.rounds.filter((r) => r.revealedAt > 0);
}

/** The rounds a choice stands for; an unknown round id is an error (the HTTP route answers 400). */
export function resolveRounds(board: BoardSnapshot, choice: RoundChoice): RoundResolution {
  const rounds = revealedRounds(board);
  if (choice === 'all') return { ok: true, rounds };
  if (choice === 'latest') return { ok: true, rounds: rounds.slice(-1) };
  const round = rounds.find((r) => r.id === choice);
  return round ? { ok: true, rounds: [round] } : { ok: false, message: `This board has no revealed round "${choice}"` };
}

/** Parses `?round=`: absent or empty means latest. Returns null for something that is no choice at all. */
export function parseRoundChoice(value: string | null | undefined): RoundChoice | null {
  if (value === null || value === undefined || value === '' || value === 'latest') return 'latest';
  if (value === 'all') return 'all';
  return isRecordId('round', value) && value.length <= 128 ? value : null;
}

export function noteDeepLink(baseUrl: string, boardId: string, noteId: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}/b/${encodeURIComponent(boardId)}?note=${encodeURIComponent(noteId).replace(/%3A/gi, ':')}`;
}

export function buildPriorityList(input: PriorityListInput): PriorityList {
  const { board } = input;
  const resolved = resolveRounds(board, input.round);
  if (!resolved.ok) throw new RangeError(resolved.message);
  const votes = new Map<NoteId, number>();
  for (const r of resolved.rounds)
    for (const [id, n] of Object.entries(r.totals) as [NoteId, number][]) votes.set(id, (votes.get(id) ?? 0) + n);

  const stageName = new Map(board.stages.map((s) => [s.id as string, s.name]));
  const laneName = new Map(board.lanes.map((l) => [l.id as string, l.name]));
  const channelName = new Map(board.channels.map((c) => [c.id as string, c.name]));
  const boardOrder = new Map(board.notes.map((n, i) => [n.id, i]));
  const info = (id: NoteId) => {
    for (let i = resolved.rounds.length - 1; i >= 0; i--) {
      const n = resolved.rounds[i]!.notes[id];
      if (n) return n;
    }
    return undefined;
  };

  type Draft = Omit<PriorityItem, 'rank'> & { readonly order: number };
  const drafts: Draft[] = [];
  const count = (id: NoteId) => (input.commentsIncluded ? (input.commentCounts.get(id) ?? 0) : null);
  const outcomeWindow = input.outcomeWindow ?? OUTCOME_DEFAULTS.window;
  const recent = new Map(board.kpis.map((k) => [k.id, k.recent]));
  const seriesOf = (id: KpiId) => input.series?.get(id) ?? recent.get(id) ?? [];
  const paths = notePathNames(board);
  for (const n of board.notes) {
    const v = votes.get(n.id) ?? 0;
    if (!(v > 0 || n.action !== null || n.kind === 'pain' || n.kind === 'idea')) continue;
    drafts.push({
      noteId: n.id,
      votes: v,
      text: n.text,
      stageId: n.position.stageId,
      stage: stageName.get(n.position.stageId) ?? '',
      laneId: n.position.laneId,
      lane: laneName.get(n.position.laneId) ?? '',
      channel: (n.channelId && channelName.get(n.channelId)) ?? '',
      kind: n.kind,
      department: n.department,
      author: n.authorName,
      comments: count(n.id),
      owner: n.action?.owner ?? '',
      status: n.action?.status ?? null,
      due: n.action?.due ?? null,
      doneAt: n.action?.doneAt ? new Date(n.action.doneAt).toISOString() : null,
      outcome: actionOutcome(n, board.kpis, seriesOf, { ...OUTCOME_DEFAULTS, window: outcomeWindow }),
      path: paths.get(n.id) ?? '',
      link: noteDeepLink(input.baseUrl, board.meta.boardId, n.id),
      removed: false,
      order: boardOrder.get(n.id)!,
    });
  }
  const removed = [...votes.keys()].filter((id) => !board.notesById.has(id) && (votes.get(id) ?? 0) > 0).sort();
  removed.forEach((id, i) => {
    const was = info(id);
    drafts.push({
      noteId: id,
      votes: votes.get(id)!,
      text: was?.text ?? '',
      stageId: was?.stageId ?? '',
      stage: (was && stageName.get(was.stageId)) ?? '',
      laneId: was?.laneId ?? '',
      lane: (was && laneName.get(was.laneId)) ?? '',
      channel: '',
      kind: was?.kind ?? 'touchpoint',
      department: null,
      author: '',
      comments: count(id),
      owner: '',
      status: null,
      due: null,
      doneAt: null,
      outcome: null,
      path: '',
      link: null,
      removed: true,
      order: board.notes.length + i,
    });
  });
  drafts.sort(priorityComparator(board));
  const ranked: PriorityItem[] = drafts.map(({ order: _order, ...d }, i) => ({ rank: i + 1, ...d }));

  const f = input.filters ?? {};
  const items = ranked.filter(
    (it) =>
      (!f.stageIds?.length || f.stageIds.includes(it.stageId as StageId)) &&
      (!f.kinds?.length || f.kinds.includes(it.kind)) &&
      (!f.departments?.length || (it.department !== null && f.departments.includes(it.department))),
  );
  const roundInfo = (r: Round): PriorityRoundInfo => ({
    id: r.id,
    title: r.title,
    revealedAt: r.revealedAt,
    voterCount: r.voterCount,
  });
  return {
    board: {
      id: board.meta.boardId,
      title: board.meta.title,
      url: `${input.baseUrl.replace(/\/+$/, '')}/b/${encodeURIComponent(board.meta.boardId)}`,
    },
    round: { choice: input.round, rounds: resolved.rounds.map(roundInfo) },
    availableRounds: revealedRounds(board).map(roundInfo),
    commentsIncluded: input.commentsIncluded,
    filters: {
      stageIds: [...(f.stageIds ?? [])],
      kinds: [...(f.kinds ?? [])],
      departments: [...(f.departments ?? [])],
    },
    items,
    totalItems: ranked.length,
    outcomeWindow,
  };
}
