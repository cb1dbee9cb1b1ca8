import type { NoteId } from '../../shared/index.ts';
import { NOTE_H, NOTE_W } from '../geometry/layout.ts';
import type { NoteLook } from './shapes/noteNode.ts';

/** What a bitmap covers around a note, in board units: its shadow sits 2 below, strokes half a unit out. */
export const BITMAP_BOUNDS = { x: -4, y: -4, width: NOTE_W + 8, height: NOTE_H + 10 } as const;

/** A drawn bitmap: an HTMLCanvasElement in the browser; anything with a size in tests. */
export interface Bitmap {
  readonly width: number;
  readonly height: number;
}

/** Draws `look` into a new bitmap at `ratio` device pixels per board unit. */
export type DrawNote<B extends Bitmap> = (look: NoteLook, ratio: number) => B;

interface Entry<B> {
  /** The look's note record: a change of any field makes a new record (the model's snapshots). */
  readonly note: NoteLook['note'];
  /** The rest of the look, as one string. */
  readonly decoration: string;
  readonly ratio: number;
  readonly bitmap: B;
}

/**
 * Total pixels kept: ~190 MB of bitmaps. At 100 % (1 device pixel per unit) that is ~2,300 notes,
 * the drawn area's six times over; at 50 % four times as many. The least recently drawn go first.
 */
const PIXEL_BUDGET = 48_000_000;

/**
 * One bitmap per note, kept while its look and zoom bucket stand: the notes layer blits them
 * instead of drawing each note's ~15 shapes (docs/performance.md, section 21). A bitmap is
 * keyed by everything it shows, so a text change, a vote badge that shortens the kind label,
 * an author's colour or a remote edit mid-pan draws a new one the next time the note is drawn:
 * a stale bitmap is never returned (noteBitmaps.test.ts).
 */
export class NoteBitmaps<B extends Bitmap> {
  private readonly entries = new Map<NoteId, Entry<B>>();
  private pixels = 0;
  /** Bitmaps drawn so far (the benchmark and tests read it). */
  made = 0;

  private readonly draw: DrawNote<B>;
  private readonly budget: number;

  constructor(draw: DrawNote<B>, budget = PIXEL_BUDGET) {
    this.draw = draw;
    this.budget = budget;
  }

  /**
   * The note's bitmap at `ratio`, drawn now when there is none for this look. `stretch`: a bitmap
   * of this look at another zoom bucket will do (it is drawn scaled, a little blurred or coarse,
   * as maps show a zoom); the caller draws the right one later (`exact` is false).
   */
  get(look: NoteLook, ratio: number, stretch = false): { bitmap: B; exact: boolean } {
    const id = look.note.id;
    const decoration = decorationOf(look);
    const entry = this.entries.get(id);
    if (entry && entry.note === look.note && entry.decoration === decoration && (entry.ratio === ratio || stretch)) {
      // Most recently used last: Map keeps insertion order.
      this.entries.delete(id);
      this.entries.set(id, entry);
      return { bitmap: entry.bitmap, exact: entry.ratio === ratio };
    }
    if (entry) this.drop(id, entry);
    const bitmap = this.draw(look, ratio);
    this.made++;
    this.entries.set(id, { note: look.note, decoration, ratio, bitmap });
    this.pixels += bitmap.width * bitmap.height;
    for (const [oldest, e] of this.entries) {
      if (this.pixels <= this.budget || oldest === id) break;
      this.drop(oldest, e);
    }
    return { bitmap, exact: true };
  }

  /** Whether `get` would return a bitmap without drawing one. */
  has(look: NoteLook, ratio: number): boolean {
    const entry = this.entries.get(look.note.id);
    return !!entry && entry.note === look.note && entry.ratio === ratio && entry.decoration === decorationOf(look);
  }

  /** Forgets every bitmap (a font came in: bitmaps drawn before it show the fallback's glyphs). */
  clear(): void {
    this.entries.clear();
    this.pixels = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(id: NoteId, entry: Entry<B>): void {
    this.entries.delete(id);
    this.pixels -= entry.bitmap.width * entry.bitmap.height;
  }
}

function decorationOf(look: NoteLook): string {
  return `${look.labelWidth}|${look.authorColour ?? ''}|${look.personaColours.join(',')}|${look.channelIcon ?? ''}`;
}
