/**
 * The three apps as the side-by-side benchmark drives them: the same few moves (open, fit, zoom
 * around the middle, find a note near the middle), each through the app's own means.
 */
import type { Page } from '@playwright/test';
import { FIRST_DRAW_MARK } from '../../client/canvas/firstDrawMark.ts';
import { BENCH_IDENTITY, openBoard, zoomTo } from '../bigBoard/serveBoard.ts';

/** `journeyboard-before`: Journeyboard with another build of its client (`--before`), in the same run. */
export type AppName = 'journeyboard' | 'journeyboard-before' | 'tldraw' | 'excalidraw';

interface Point {
  readonly x: number;
  readonly y: number;
}

export interface AppDriver {
  readonly name: AppName;
  /** Opens the board: ms from navigation until its notes were drawn, seen by the harness and marked by the page. */
  open(page: Page): Promise<{ firstRenderMs: number; firstDrawInPageMs: number }>;
  fit(page: Page): Promise<void>;
  zoomTo(page: Page, scale: number): Promise<void>;
  zoom(page: Page): Promise<number>;
  /** Where wheel input goes: the middle of the drawing surface. */
  centre(page: Page): Promise<Point>;
  /** The middle of a note near the centre, on screen, and a way to read where that note is now. */
  noteNearCentre(page: Page): Promise<{ at: Point; where: () => Promise<Point | null> }>;
}

const frame = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));

export function journeyboard(
  boardUrl: () => string,
  name: 'journeyboard' | 'journeyboard-before' = 'journeyboard',
): AppDriver {
  const centre = async (page: Page) => {
    const box = await page.getByTestId('board-canvas').boundingBox();
    if (!box) throw new Error('no board canvas');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  return {
    name,
    async open(page) {
      await page.context().addInitScript((id) => localStorage.setItem('journeyboard.identity', id), BENCH_IDENTITY);
      const firstRenderMs = await openBoard(page, boardUrl());
      const firstDrawInPageMs = await page.evaluate(
        (m) => performance.getEntriesByName(m)[0]?.startTime ?? NaN,
        FIRST_DRAW_MARK,
      );
      return { firstRenderMs, firstDrawInPageMs };
    },
    async fit(page) {
      await page.getByTestId('fit').click();
      await frame(page);
    },
    zoomTo,
    zoom: (page) => page.evaluate(() => window.__journeyboard!.workshop().camera.scale),
    centre,
    async noteNearCentre(page) {
      const c = await centre(page);
      const id = await page.evaluate((c) => {
        const api = window.__journeyboard!;
        // The drag ends two slots to the right: the last note of a cell dropped there stays the
        // last, where it was, and the benchmark would have measured a drag that moved nothing.
        const notes = api.board().notes;
        const last = new Map<string, { id: string; y: number; x: number }>();
        for (const n of notes) {
          const r = api.noteRect(n.id);
          const cell = `${n.stageId} ${n.laneId}`;
          const l = last.get(cell);
          if (r && (!l || r.y > l.y || (r.y === l.y && r.x > l.x))) last.set(cell, { id: n.id, y: r.y, x: r.x });
        }
        const lastIds = new Set([...last.values()].map((l) => l.id));
        let best: { id: string; d: number } | null = null;
        for (const n of notes) {
          const r = api.noteRect(n.id);
          if (!r || lastIds.has(n.id)) continue;
          const d = Math.hypot(r.x + r.width / 2 - c.x, r.y + r.height / 2 - c.y);
          if (!best || d < best.d) best = { id: n.id, d };
        }
        return best?.id ?? null;
      }, c);
      if (!id) throw new Error('no note on screen');
      const where = () => page.evaluate((id) => window.__journeyboard!.noteRect(id), id);
      const r = (await where())!;
      return { at: { x: r.x + r.width / 2, y: r.y + r.height / 2 }, where };
    },
  };
}

/** tldraw's or Excalidraw's page in bench/peers, through its window.__peer. */
export function peer(name: 'tldraw' | 'excalidraw', pagesUrl: () => string): AppDriver {
  return {
    name,
    async open(page) {
      const start = Date.now();
      await page.goto(`${pagesUrl()}/${name}.html`, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__peer?.drawnAt != null, null, { timeout: 600_000, polling: 'raf' });
      await frame(page);
      const firstRenderMs = Date.now() - start;
      const firstDrawInPageMs = await page.evaluate(() => window.__peer!.drawnAt!);
      return { firstRenderMs, firstDrawInPageMs };
    },
    async fit(page) {
      await page.evaluate(() => window.__peer!.fit());
      await frame(page);
    },
    async zoomTo(page, scale) {
      await page.evaluate((s) => window.__peer!.zoomAtCentre(s), scale);
      await frame(page);
    },
    zoom: (page) => page.evaluate(() => window.__peer!.zoom()),
    centre: async (page) => {
      const v = page.viewportSize()!;
      return { x: v.width / 2, y: v.height / 2 };
    },
    async noteNearCentre(page) {
      const near = await page.evaluate(() => window.__peer!.noteNearCentre());
      if (!near) throw new Error('no note on screen');
      const where = () => page.evaluate((i) => window.__peer!.notePosition(i), near.index);
      return { at: near, where };
    },
  };
}
