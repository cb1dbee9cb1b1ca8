import type { Channel } from '../schema/channel.ts';
import type { ChannelId, StageId } from '../schema/ids.ts';
import type { Note } from '../schema/note.ts';
import type { BoardSnapshot } from './boardSnapshot.ts';

/** The channel a note is on, or null: none, or one removed concurrently (a dangling id). */
export function channelOf(board: Pick<BoardSnapshot, 'channels'>, note: Pick<Note, 'channelId'>): Channel | null {
  return note.channelId === null ? null : (board.channels.find((c) => c.id === note.channelId) ?? null);
}

/** One cell of the channel view: what a stage holds on one channel. */
export interface ChannelCell {
  readonly touchpoints: number;
  readonly painPoints: number;
  /** Mean sentiment (−2…+2) of the emotion notes, or null when there are none. */
  readonly sentiment: number | null;
  readonly emotions: number;
}

export interface ChannelView {
  /** The board's channels in order, then `null` for notes on no channel (when there are any). */
  readonly columns: readonly (Channel | null)[];
  /** Per stage id, per column key (`channelKey`), its cell; absent cells are empty. */
  readonly cells: ReadonlyMap<StageId, ReadonlyMap<string, ChannelCell>>;
  /**
   * Per stage, how far apart its channels feel: the highest channel's mean sentiment minus the
   * lowest's, where two or more channels have emotion notes (the inconsistency to look at).
   */
  readonly spread: ReadonlyMap<StageId, number>;
}

export function channelKey(channel: Channel | null): string {
  return channel?.id ?? 'none';
}

/**
 * Stages × channels: per cell the touchpoints, pain points and mean sentiment, so a team sees
 * where the same service feels different on phone, chat and web. Orphan notes (no stage) are left
 * out; a note on a removed channel counts as on none.
 */
export function channelView(board: BoardSnapshot): ChannelView {
  const known = new Set<ChannelId>(board.channels.map((c) => c.id));
  const sums = new Map<StageId, Map<string, { t: number; p: number; s: number; e: number }>>();
  let anyWithout = false;
  const stageIds = new Set(board.stages.map((s) => s.id));
  for (const n of board.notes) {
    if (!stageIds.has(n.position.stageId)) continue;
    const key = n.channelId !== null && known.has(n.channelId) ? n.channelId : 'none';
    if (key === 'none') anyWithout = true;
    const row = sums.get(n.position.stageId) ?? new Map();
    sums.set(n.position.stageId, row);
    const cell = row.get(key) ?? { t: 0, p: 0, s: 0, e: 0 };
    row.set(key, cell);
    if (n.kind === 'touchpoint') cell.t++;
    else if (n.kind === 'pain') cell.p++;
    else if (n.kind === 'emotion' && n.sentiment !== null) {
      cell.s += n.sentiment;
      cell.e++;
    }
  }
  const cells = new Map<StageId, Map<string, ChannelCell>>();
  for (const [stageId, row] of sums)
    cells.set(
      stageId,
      new Map(
        [...row].map(([key, c]) => [
          key,
          { touchpoints: c.t, painPoints: c.p, emotions: c.e, sentiment: c.e ? round1(c.s / c.e) : null },
        ]),
      ),
    );
  const spread = new Map<StageId, number>();
  for (const [stageId, row] of cells) {
    const means = [...row]
      .filter(([key]) => key !== 'none')
      .flatMap(([, c]) => (c.sentiment === null ? [] : [c.sentiment]));
    if (means.length >= 2) spread.set(stageId, round1(Math.max(...means) - Math.min(...means)));
  }
  return { columns: anyWithout ? [...board.channels, null] : board.channels, cells, spread };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
