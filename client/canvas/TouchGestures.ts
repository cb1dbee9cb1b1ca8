import type { BoardSnapshot, NoteId } from '../../shared/index.ts';
import type { BoardSession } from '../board/BoardSession.ts';
import { finishEditing, select } from '../board/noteActions.ts';
import { type Camera, toBoard } from '../geometry/camera.ts';
import { draftAt } from '../geometry/draftGeometry.ts';
import type { Point } from '../geometry/geometry.ts';
import { dropTargetAt, hitTest } from '../geometry/hitTest.ts';
import type { BoardLayout } from '../geometry/layout.ts';
import {
  beyondSlop,
  DRAG_HOLD_MS,
  edgeScroll,
  isDoubleTap,
  LONG_PRESS_MS,
  pinchCamera,
  TAP_SLOP,
  type Tap,
} from '../geometry/touchGeometry.ts';
import { openAt, pickConnector, pickHeaderOrKpi } from './canvasActions.ts';
import { voteClick } from './voteClick.ts';

type State =
  | { kind: 'idle' }
  /** One finger down, not yet a pan, a drag or a tap. */
  | { kind: 'press'; id: number; start: Point; at: number; note: NoteId | null }
  | { kind: 'pan'; id: number; start: Point; camera: Camera }
  /** `origin`: where the finger picked the notes up, in board units (an edge scroll moves the board, not it). */
  | { kind: 'drag'; id: number; start: Point; origin: Point; ids: ReadonlySet<NoteId> }
  | { kind: 'pinch'; ids: readonly [number, number]; from: readonly [Point, Point]; camera: Camera };

/**
 * Touch on the board canvas (pointer events of type "touch"; mouse and pen keep their own
 * handling in useCanvasInteractions). One finger on the board pans, two pinch-zoom around their
 * midpoint and pan; a tap selects (or places a dot while voting); a double-tap adds a note to an
 * empty cell or edits the note; a finger held on a note picks it up (LONG_PRESS_MS, or moving
 * after DRAG_HOLD_MS), and the board scrolls while it is held near an edge. A finger that starts
 * moving on a note at once pans: on a phone most of the board is notes.
 */
export class TouchGestures {
  readonly #el: HTMLElement;
  readonly #session: BoardSession;
  readonly #latest: () => { layout: BoardLayout; board: BoardSnapshot };
  readonly #pointers = new Map<number, Point>();
  #state: State = { kind: 'idle' };
  #lastTap: Tap | null = null;
  #holdTimer: ReturnType<typeof setTimeout> | null = null;
  #frame = 0;
  #edgeFrame = 0;

  constructor(el: HTMLElement, session: BoardSession, latest: () => { layout: BoardLayout; board: BoardSnapshot }) {
    this.#el = el;
    this.#session = session;
    this.#latest = latest;
    // No browser pinch-zoom, double-tap zoom, scrolling or pull-to-refresh starting on the board:
    // the canvas handles every touch itself.
    el.style.touchAction = 'none';
    el.style.overscrollBehavior = 'none';
    el.style.setProperty('-webkit-user-select', 'none');
    el.style.userSelect = 'none';
  }

  down(e: PointerEvent): void {
    e.preventDefault();
    this.#el.setPointerCapture?.(e.pointerId);
    this.#pointers.set(e.pointerId, this.#local(e));
    const { editor } = this.#session;
    if (this.#pointers.size === 1 && editor.get().editing) finishEditing(this.#session);
    if (this.#pointers.size === 2 && this.#state.kind !== 'drag') {
      this.#startPinch();
      return;
    }
    if (this.#pointers.size > 1) return;
    const start = this.#local(e);
    const { layout, board } = this.#latest();
    const hit = hitTest(layout, board, toBoard(editor.get().camera, start));
    const note = hit.type === 'note' ? hit.id : null;
    this.#state = { kind: 'press', id: e.pointerId, start, at: e.timeStamp, note };
    if (note && !this.#readOnly()) this.#holdTimer = setTimeout(() => this.#pickUp(start), LONG_PRESS_MS);
  }

  move(e: PointerEvent): void {
    if (!this.#pointers.has(e.pointerId)) return;
    this.#pointers.set(e.pointerId, this.#local(e));
    const s = this.#state;
    if (s.kind === 'press' && s.id === e.pointerId && beyondSlop(s.start, this.#local(e))) {
      this.#clearHold();
      if (s.note && !this.#readOnly() && e.timeStamp - s.at >= DRAG_HOLD_MS) this.#pickUp(s.start);
      else this.#state = { kind: 'pan', id: s.id, start: s.start, camera: this.#session.editor.get().camera };
    }
    // One camera or drag update a frame, however many touch events arrive in it.
    if (!this.#frame) this.#frame = requestAnimationFrame(() => this.#apply());
  }

  up(e: PointerEvent): void {
    if (!this.#pointers.has(e.pointerId)) return;
    this.#apply();
    const at = this.#pointers.get(e.pointerId)!;
    this.#pointers.delete(e.pointerId);
    const s = this.#state;
    const cancelled = e.type === 'pointercancel';
    if (s.kind === 'pinch') {
      const rest = [...this.#pointers][0];
      // The finger left on the board goes on panning from where it is.
      this.#state = rest
        ? { kind: 'pan', id: rest[0], start: rest[1], camera: this.#session.editor.get().camera }
        : { kind: 'idle' };
      return;
    }
    if (('id' in s && s.id !== e.pointerId) || s.kind === 'idle') return;
    this.#clearHold();
    this.#state = { kind: 'idle' };
    if (s.kind === 'drag') this.#drop(s.ids, cancelled);
    else if (s.kind === 'press' && !cancelled) this.#tap({ at: e.timeStamp, point: at });
  }

  dispose(): void {
    this.#clearHold();
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#edgeFrame);
  }

  #local(e: { clientX: number; clientY: number }): Point {
    const r = this.#el.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  }

  #readOnly(): boolean {
    return this.#session.model.readOnlyReason !== null;
  }

  #clearHold(): void {
    if (this.#holdTimer !== null) clearTimeout(this.#holdTimer);
    this.#holdTimer = null;
  }

  #startPinch(): void {
    this.#clearHold();
    const [a, b] = [...this.#pointers];
    this.#state = {
      kind: 'pinch',
      ids: [a![0], b![0]],
      from: [a![1], b![1]],
      camera: this.#session.editor.get().camera,
    };
  }

  /** The pressed note (with the rest of the selection, if it is part of it) is picked up. */
  #pickUp(start: Point): void {
    this.#holdTimer = null;
    const s = this.#state;
    if (s.kind !== 'press' || !s.note) return;
    const { editor } = this.#session;
    if (!editor.get().selection.has(s.note)) select(this.#session, [s.note]);
    const origin = toBoard(editor.get().camera, start);
    this.#state = { kind: 'drag', id: s.id, start, origin, ids: editor.get().selection };
    navigator.vibrate?.(10);
    this.#apply();
    this.#edgeFrame = requestAnimationFrame(() => this.#edgeScroll());
  }

  #apply(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    const s = this.#state;
    const { editor } = this.#session;
    if (s.kind === 'pan') {
      const p = this.#pointers.get(s.id);
      if (p)
        editor.update({ camera: { ...s.camera, x: s.camera.x + p.x - s.start.x, y: s.camera.y + p.y - s.start.y } });
    } else if (s.kind === 'pinch') {
      const [a, b] = [this.#pointers.get(s.ids[0]), this.#pointers.get(s.ids[1])];
      if (a && b) editor.update({ camera: pinchCamera(s.camera, s.from, [a, b]) });
    } else if (s.kind === 'drag') {
      const p = this.#pointers.get(s.id);
      if (p) this.#dragTo(s, p);
    }
  }

  #dragTo(s: Extract<State, { kind: 'drag' }>, screen: Point): void {
    const { editor } = this.#session;
    const { layout, board } = this.#latest();
    const { camera } = editor.get();
    const p = toBoard(camera, screen);
    editor.update({
      drag: {
        ids: s.ids,
        offset: { x: p.x - s.origin.x, y: p.y - s.origin.y },
        target: dropTargetAt(layout, board, p, s.ids),
      },
    });
  }

  #edgeScroll(): void {
    const s = this.#state;
    if (s.kind !== 'drag') return;
    const p = this.#pointers.get(s.id);
    const { editor } = this.#session;
    if (p) {
      const v = edgeScroll(p, { width: this.#el.clientWidth, height: this.#el.clientHeight });
      if (v.x !== 0 || v.y !== 0) {
        const { camera } = editor.get();
        editor.update({ camera: { ...camera, x: camera.x + v.x, y: camera.y + v.y } });
        this.#dragTo(s, p);
      }
    }
    this.#edgeFrame = requestAnimationFrame(() => this.#edgeScroll());
  }

  /** A note held and let go where it was (no further than a tap's slop) stays put. */
  #drop(ids: ReadonlySet<NoteId>, cancelled: boolean): void {
    cancelAnimationFrame(this.#edgeFrame);
    const { editor } = this.#session;
    const { drag, camera } = editor.get();
    editor.update({ drag: null });
    const target = drag?.target;
    const moved = drag !== null && Math.hypot(drag.offset.x, drag.offset.y) * camera.scale > TAP_SLOP;
    if (!cancelled && moved && target) this.#session.run('moveNotes', { noteIds: [...ids], ...target });
  }

  #tap(tap: Tap): void {
    const double = isDoubleTap(this.#lastTap, tap);
    this.#lastTap = double ? null : tap;
    const session = this.#session;
    const { editor } = session;
    const { layout, board } = this.#latest();
    const p = toBoard(editor.get().camera, tap.point);
    const hit = hitTest(layout, board, p);
    // Voting: every tap on a note is a dot, as every click is; two quick taps are two dots.
    if (hit.type === 'note' && voteClick(session, hit.id, p, layout)) return;
    if (double) {
      openAt(session, layout, board, p);
      return;
    }
    const draft = draftAt(layout, p);
    if (draft || session.privateWriting.state.get().selected) session.privateWriting.select(draft);
    if (draft) {
      select(session, []);
      return;
    }
    if (hit.type === 'note') {
      select(session, [hit.id]);
      const at = board.notesById.get(hit.id)?.position;
      if (at) editor.update({ lastCell: { stageId: at.stageId, laneId: at.laneId } });
    } else if (!pickHeaderOrKpi(session, board, hit) && !pickConnector(session, board, p, 16)) {
      select(session, []);
      const cell = hit.type === 'cell' ? { stageId: hit.stageId, laneId: hit.laneId } : null;
      editor.update({ header: null, kpiEditor: null, lastCell: cell });
    }
  }
}
