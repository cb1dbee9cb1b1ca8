import Konva from 'konva';
import type { BoardSession } from '../board/BoardSession.ts';
import type { Rect } from '../geometry/geometry.ts';
import { HEADER_H } from '../geometry/layout.ts';
import { cellRect } from '../geometry/hitTest.ts';
import { screenRect } from '../ui/overlayPosition.ts';
import { channelOf, kpiStatus, type LaneId, type StageId } from '../../shared/index.ts';
import { kpiShapeName } from '../canvas/KpiLayer.tsx';
import { probeNotes } from './noteProbes.ts';
import { bitmapsSettled } from '../canvas/BlittedNotes.tsx';
import { votingTestState, type VotingTestState } from '../board/voting/testState.ts';

/** What e2e tests can ask the page. Rects are in page (CSS pixel) coordinates. */
export interface JourneyboardTestApi {
  board(): {
    title: string;
    stages: { id: string; name: string }[];
    lanes: { id: string; name: string; kind: string }[];
    notes: {
      id: string;
      text: string;
      stageId: string;
      laneId: string;
      kind: string;
      authorId: string;
      authorName: string;
      department: string;
      action: { owner: string; status: string; due: string | null; issueUrl: string | null } | null;
      /** The channel's name, or null (none, or removed meanwhile). */
      channel: string | null;
    }[];
  };
  noteRect(id: string): Rect | null;
  /**
   * The opacity the note is drawn with (1, or less when a filter dims it); null when it is not
   * drawn as a shape of its own (out of view, or zoomed out to plain cards).
   */
  noteOpacity(id: string): number | null;
  /** Every drawn connector, its route's corners in page coordinates; orphans have no points. */
  connectors(): {
    id: string;
    from: string;
    to: string;
    kind: string;
    label: string;
    share: number | null;
    orphan: boolean;
    points: { x: number; y: number }[];
  }[];
  cellRect(stageId: string, laneId: string): Rect | null;
  stageHeaderRect(stageId: string): Rect | null;
  selection(): string[];
  peers(): { name: string; selection: string[]; editing: string | null; hasCursor: boolean }[];
  connection(): string;
  /** My role from the share link (null until the server answered). */
  role(): string | null;
  canvasShapeCount(name: string): number;
  /**
   * Puts a hidden Konva drawing of each note the canvas drew last where tests can find it; `live`:
   * shown instead of the notes' bitmaps (noteProbes.ts).
   */
  probeNotes(live?: boolean): number;
  /** Every note is drawn from a bitmap of its own zoom bucket (after a zoom, idle slices draw them: BlittedNotes.tsx). */
  noteBitmapsSettled(): boolean;
  /**
   * Resolves at the first frame drawn after the note shows `text` (for benchmarks): `at` is
   * Date.now() then, `pageMs` the time since the transaction that brought the text began here,
   * `workMs` the part until React had rendered it (the rest is waiting for the frame, and drawing).
   */
  noteTextShownAt(id: string, text: string): Promise<{ at: number; pageMs: number; workMs: number }>;
  /** Stage KPIs as the board shows them, with their status against target and their card's page rect. */
  kpis(): {
    id: string;
    stageId: string;
    metric: string;
    value: number | null;
    target: number | null;
    unit: string;
    direction: string;
    status: string;
    /** The period of the latest measurement and the values its card's sparkline draws. */
    measuredAt: string | null;
    recent: number[];
    shapeName: string;
    rect: Rect | null;
  }[];
  /** Live workshops: the timer by the server's clock, the lock, whom I follow, my camera. */
  workshop(): {
    timerStatus: string;
    timerRun: number;
    /** The last run whose zero this page signalled (chime and pulse), or -1. */
    lastChimedRun: number;
    remainingMs: number;
    clockOffsetMs: number;
    locked: boolean;
    lockedOut: boolean;
    readOnlyReason: string | null;
    following: string | null;
    cursorsHidden: boolean;
    camera: { x: number; y: number; scale: number };
  };
  /** The emotion curve as plotted now: per series, each stage's mean and the point's page y. */
  curve(): { key: string; points: { stageIndex: number; mean: number; y: number }[] }[];
  /** The board's layout size in board units (a whole-board PNG is this plus a margin, times 2). */
  layoutSize(): { width: number; height: number };
  /** Every KPI card shown: its box in board units and on the page. */
  kpiRects(): { board: Rect; page: Rect }[];
  /** Voting rounds as this page knows them: the open round, my own dots, revealed rounds. */
  voting(): VotingTestState;
  /** Private writing: the phase, my drafts (with their rect on the page) and the counts I hear. */
  privateWriting(): {
    phaseId: string | null;
    canWrite: boolean;
    drafts: { id: string; text: string; stageId: string; laneId: string; rect: Rect | null }[];
    writers: { name: string; count: number }[];
    lastRefusal: { code: string; message: string } | null;
  };
}

declare global {
  interface Window {
    __journeyboard?: JourneyboardTestApi;
    /** Konva itself, so tests can find shapes by name through its own API. */
    Konva?: typeof Konva;
  }
}

export function installTestApi(session: BoardSession): () => void {
  const toPage = (r: Rect): Rect => {
    const canvas = document.querySelector('[data-testid="board-canvas"]')!.getBoundingClientRect();
    const s = screenRect(session.editor.get().camera, r);
    return { ...s, x: s.x + canvas.left, y: s.y + canvas.top };
  };
  const snapshot = () => session.model.source.getSnapshot();
  const api: JourneyboardTestApi = {
    board: () => {
      const b = snapshot();
      return {
        title: b.meta.title,
        stages: b.stages.map((s) => ({ id: s.id, name: s.name })),
        lanes: b.lanes.map((l) => ({ id: l.id, name: l.name, kind: l.kind })),
        notes: b.notes.map((n) => ({
          id: n.id,
          text: n.text,
          stageId: n.position.stageId,
          laneId: n.position.laneId,
          kind: n.kind,
          authorId: n.authorId,
          authorName: n.authorName,
          department: n.department,
          // The fields people set; the dated steps are checked through the views that show them.
          action: n.action && {
            owner: n.action.owner,
            status: n.action.status,
            due: n.action.due,
            issueUrl: n.action.issueUrl,
          },
          channel: channelOf(b, n)?.name ?? null,
        })),
      };
    },
    connectors: () => {
      const b = snapshot();
      const routes = new Map(session.layouts.routesFor(b).map((r) => [r.id, r]));
      return [...b.connectors, ...b.orphanConnectors].map((c) => ({
        id: c.id,
        from: c.from,
        to: c.to,
        kind: c.kind,
        label: c.label,
        share: c.share,
        orphan: b.orphanConnectors.includes(c),
        points: (routes.get(c.id)?.points ?? []).map((p) => {
          const r = toPage({ ...p, width: 0, height: 0 });
          return { x: r.x, y: r.y };
        }),
      }));
    },
    noteRect: (id) => {
      const r = session.layouts.layoutFor(snapshot()).notes.get(id as never);
      return r ? toPage(r) : null;
    },
    noteOpacity: (id) => {
      probeNotes();
      for (const stage of Konva.stages) {
        const node = stage.find('.note').find((n) => n.id() === id);
        if (node) return node.opacity();
      }
      return null;
    },
    cellRect: (stageId, laneId) => {
      const r = cellRect(session.layouts.layoutFor(snapshot()), stageId as StageId, laneId as LaneId);
      return r ? toPage(r) : null;
    },
    stageHeaderRect: (stageId) => {
      const s = session.layouts.layoutFor(snapshot()).stages.find((x) => x.id === stageId);
      return s ? toPage({ x: s.x, y: 0, width: s.width, height: HEADER_H }) : null;
    },
    selection: () => [...session.editor.get().selection],
    peers: () =>
      session.presence
        .getPeers()
        .map((p) => ({ name: p.user.name, selection: p.selection, editing: p.editing, hasCursor: p.cursor !== null })),
    connection: () => session.connection.status.get().kind,
    role: () => session.access.get().role,
    noteTextShownAt: (id, text) =>
      new Promise((resolve) => {
        // When the change began to apply here, for `pageMs`: the first transaction after this call
        // (the board is otherwise quiet in the benchmark; observers may run transactions of their own).
        let began = performance.now();
        let seen = false;
        const onTransaction = () => {
          if (!seen) began = performance.now();
          seen = true;
        };
        const doc = session.model.doc;
        const check = () => {
          if (snapshot().notesById.get(id as never)?.text !== text) return false;
          doc.off('beforeTransaction', onTransaction);
          // React renders in a microtask queued before this one, and Konva draws in the animation
          // frame it then asks for; a frame callback added after that runs after the draw.
          queueMicrotask(() => {
            const workMs = performance.now() - began;
            requestAnimationFrame(() => resolve({ at: Date.now(), pageMs: performance.now() - began, workMs }));
          });
          return true;
        };
        if (check()) return;
        doc.on('beforeTransaction', onTransaction);
        const off = session.model.source.subscribe(() => check() && off());
      }),
    curve: () =>
      session.layouts.curveFor(snapshot(), session.editor.get().curveGrouping).map((s) => ({
        key: s.key,
        points: s.points.map((p) => ({
          stageIndex: p.stageIndex,
          mean: p.mean,
          y: toPage({ x: p.x, y: p.y, width: 0, height: 0 }).y,
        })),
      })),
    kpis: () => {
      const layout = session.layouts.layoutFor(snapshot());
      return snapshot().kpis.map((k) => {
        const r = layout.kpis.get(k.id);
        return {
          id: k.id,
          stageId: k.stageId,
          metric: k.metric,
          value: k.value,
          target: k.target,
          unit: k.unit,
          direction: k.direction,
          status: kpiStatus(k),
          measuredAt: k.measuredAt,
          recent: k.recent.map((p) => p.value),
          shapeName: kpiShapeName(k),
          rect: r ? toPage(r) : null,
        };
      });
    },
    kpiRects: () =>
      [...session.layouts.layoutFor(snapshot()).kpis.values()].map((r) => ({ board: r, page: toPage(r) })),
    layoutSize: () => {
      const l = session.layouts.layoutFor(snapshot());
      return { width: l.width, height: l.height };
    },
    workshop: () => {
      const w = session.workshop;
      return {
        timerStatus: w.state.timer.status,
        timerRun: w.state.timer.run,
        lastChimedRun: w.lastChimedRun,
        remainingMs: w.remainingMs(),
        clockOffsetMs: w.clock.offset,
        locked: w.state.lock.locked,
        lockedOut: w.isLockedOut(),
        readOnlyReason: session.model.readOnlyReason,
        following: w.followedPeer()?.user.name ?? null,
        cursorsHidden: w.cursorsHidden(),
        camera: { ...session.editor.get().camera },
      };
    },
    voting: () => votingTestState(session),
    privateWriting: () => {
      const s = session.privateWriting.state.get();
      const layout = session.layouts.layoutFor(snapshot());
      return {
        phaseId: s.phase?.id ?? null,
        canWrite: s.canWrite,
        drafts: s.drafts.map((d) => {
          const r = layout.drafts.get(d.id);
          return { id: d.id, text: d.text, stageId: d.stageId, laneId: d.laneId, rect: r ? toPage(r) : null };
        }),
        writers: s.writers.map((w) => ({ name: w.name, count: w.count })),
        lastRefusal: s.lastRefusal,
      };
    },
    // Every stage: a drag is drawn on a stage of its own (client/canvas/DragLayer.tsx).
    canvasShapeCount: (name) => {
      probeNotes();
      return Konva.stages.length === 0 ? -1 : Konva.stages.reduce((n, stage) => n + stage.find(`.${name}`).length, 0);
    },
    probeNotes,
    noteBitmapsSettled: bitmapsSettled,
  };
  window.__journeyboard = api;
  window.Konva = Konva;
  return () => {
    if (window.__journeyboard === api) delete window.__journeyboard;
  };
}
