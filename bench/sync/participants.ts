import { HocuspocusProvider } from '@hocuspocus/provider';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { executeCommand, findTemplate, initializeBoard, readBoard, type NoteId } from '../../shared/index.ts';
import type { Target } from './targets.ts';

/**
 * A clock shared by the benchmark's threads (each has its own `performance.now()` origin):
 * milliseconds since the epoch, with performance.now()'s resolution.
 */
export const stamp = (): number => performance.timeOrigin + performance.now();

/**
 * One simulated workshop participant: a Y.Doc with a real provider, owning one note whose text
 * it rewrites as a sequence number. Every participant records when it first saw each number of
 * every other participant's note, so the harness can tell when an edit reached everyone.
 */
export class Participant {
  readonly doc = new Y.Doc();
  readonly index: number;
  noteId: NoteId | null = null;
  private seq = 0;
  private provider: HocuspocusProvider | WebsocketProvider | null = null;
  /** noteId -> highest sequence number seen, and waiters on it. */
  private readonly seen = new Map<string, number>();
  private readonly waiters = new Set<() => void>();
  /** Receipt times (`stamp()`) of (noteId, seq), only while `recording`. */
  readonly receipts = new Map<string, number>();
  recording = false;

  constructor(index: number) {
    this.index = index;
    this.doc.getMap('records').observeDeep((events) => {
      const now = stamp();
      for (const e of events) {
        const id = e.path[0];
        if (typeof id !== 'string' || !id.startsWith('note:')) continue;
        const text = (this.doc.getMap('records').get(id) as Y.Map<unknown> | undefined)?.get('text');
        const n = Number(String(text ?? ''));
        if (!Number.isFinite(n) || n <= (this.seen.get(id) ?? -1)) continue;
        this.seen.set(id, n);
        if (this.recording) this.receipts.set(`${id}#${n}`, now);
      }
      for (const w of this.waiters) w();
    });
  }

  connect(target: Pick<Target, 'protocol' | 'wsUrl'>, room: string, token: string | null): Promise<void> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`participant ${this.index} did not sync`)), 60_000);
      const done = () => {
        clearTimeout(timer);
        ok();
      };
      if (target.protocol === 'hocuspocus') {
        const p = new HocuspocusProvider({
          url: target.wsUrl,
          name: room,
          document: this.doc,
          token: token ?? 'bench',
        });
        p.on('synced', ({ state }: { state: boolean }) => state && done());
        p.on('authenticationFailed', ({ reason }: { reason: string }) => fail(new Error(reason)));
        this.provider = p;
      } else {
        const p = new WebsocketProvider(target.wsUrl, room, this.doc, { disableBc: true });
        p.on('sync', (synced: boolean) => synced && done());
        this.provider = p;
      }
    });
  }

  /** For baselines, whose servers create nothing: the first participant writes the board. */
  initializeBoard(): void {
    initializeBoard(this.doc, { boardId: 'bench', title: 'Bench', template: findTemplate('blank')! });
  }

  addOwnNote(): void {
    const b = readBoard(this.doc);
    this.noteId = executeCommand(
      this.doc,
      { id: `p${this.index}`, name: `P${this.index}`, department: 'other' },
      'addNote',
      {
        stageId: b.stages[this.index % b.stages.length]!.id,
        laneId: b.lanes[0]!.id,
        text: '0',
      },
    );
    this.seen.set(this.noteId, 0);
  }

  /** Rewrites its note's text to the next sequence number; returns (noteId, seq). */
  edit(): { noteId: NoteId; seq: number } {
    const seq = ++this.seq;
    executeCommand(this.doc, { id: `p${this.index}`, name: `P${this.index}`, department: 'other' }, 'editNoteText', {
      noteId: this.noteId!,
      text: String(seq),
    });
    return { noteId: this.noteId!, seq };
  }

  noteCount(): number {
    return readBoard(this.doc).notes.length;
  }

  hasSeen(noteId: string, seq: number): boolean {
    return (this.seen.get(noteId) ?? -1) >= seq;
  }

  /** Resolves once `check` holds, re-checked on every change to this participant's doc. */
  until(check: () => boolean, timeoutMs = 60_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        fail(new Error(`participant ${this.index}: timed out`));
      }, timeoutMs);
      const w = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters.delete(w);
        ok();
      };
      this.waiters.add(w);
    });
  }

  destroy(): void {
    this.provider?.destroy();
    this.provider = null;
    this.doc.destroy();
  }
}
