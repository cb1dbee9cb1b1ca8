/**
 * A Journeyboard server holding a generated board, loaded cold: the board is written, the server
 * restarted, and one participant loads it (its connect-to-synced time is the server's cold load).
 * Shared by the big-board benchmark and the side-by-side one with the peers.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { Participant } from '../sync/participants.ts';
import { startJourneyboard, type Target } from '../sync/targets.ts';
import { connectNotes, fillBoard } from './generate.ts';

export const CLIENT = process.env.BENCH_CLIENT_DIR ?? resolve(import.meta.dirname, '../../dist/client-test');
/** Another checkout's server (`BENCH_SERVER_ROOT`, e.g. main's), to measure it against this one in one harness. */
const SERVER_ROOT = process.env.BENCH_SERVER_ROOT;

export interface ServedBoard {
  readonly target: Target;
  /** The board's id. */
  readonly room: string;
  /** The board's page, relative to `target.httpUrl`. */
  readonly link: string;
  /** The participant that loaded the board after the restart (it stays connected). */
  readonly loader: Participant;
  /** The board as the generator wrote it. */
  readonly doc: Y.Doc;
  readonly docBytes: number;
  readonly loadMs: number;
  stop(): Promise<void>;
}

/**
 * `connectors`: that many connectors between the notes as well (generate.ts); `clientDir`: the
 * built client the server serves (another build's, to compare two in one run).
 */
export async function serveBigBoard(count: number, connectors = 0, clientDir = CLIENT): Promise<ServedBoard> {
  const dataDir = mkdtempSync(join(tmpdir(), 'journeyboard-bigboard-'));
  let target = await startJourneyboard({ clientDir, dataDir, root: SERVER_ROOT });
  const { room, token, link, personId } = await target.createRoom();
  const writer = new Participant(0);
  await writer.connect(target, room, token);
  fillBoard(writer.doc, count, personId);
  if (connectors > 0) connectNotes(writer.doc, connectors);
  const update = Y.encodeStateAsUpdate(writer.doc);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const docBytes = update.length;
  await writer.until(() => true);
  writer.destroy();
  await target.stop();
  target = await startJourneyboard({ clientDir, dataDir, root: SERVER_ROOT });
  const loader = new Participant(1);
  const t0 = performance.now();
  await loader.connect(target, room, token);
  const loadMs = performance.now() - t0;
  const served = target;
  return {
    target: served,
    room,
    link: link ?? '',
    loader,
    doc,
    docBytes,
    loadMs,
    async stop() {
      loader.destroy();
      await served.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The identity every benchmark page opens boards as (people are not under test). */
export const BENCH_IDENTITY = JSON.stringify({ id: 'user-bench', name: 'Bench', department: 'product' });

/**
 * Opens the board and waits until its notes are drawn: ms from navigation to then, as the harness
 * sees it. One check, polled at every frame in the page: each extra round trip to the page would
 * add its own tens of ms to the figure on a busy machine.
 */
export async function openBoard(page: Page, url: string): Promise<number> {
  const start = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () =>
      document.querySelector('.board-page[data-ready="true"]') &&
      window.__journeyboard &&
      // Notes as nodes (before issue 26's bitmaps), as bitmaps, or as cards when zoomed out.
      window.Konva?.stages[0]?.find('.note, .notes-blit, .note-cards').length,
    null,
    { timeout: 60_000, polling: 'raf' },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  return Date.now() - start;
}

/** Sets the zoom to `scale` around the canvas centre (a Ctrl+wheel, as a trackpad pinch sends). */
export async function zoomTo(page: Page, scale: number): Promise<void> {
  await page.evaluate((target) => {
    const el = document.querySelector('[data-testid="board-canvas"]')!;
    const r = el.getBoundingClientRect();
    const now = window.__journeyboard!.workshop().camera.scale;
    // The canvas zooms by exp(-deltaY / 100) per wheel event (useCanvasInteractions.ts).
    const deltaY = -100 * Math.log(target / now);
    el.dispatchEvent(
      new WheelEvent('wheel', {
        deltaY,
        ctrlKey: true,
        clientX: r.left + r.width / 2,
        clientY: r.top + r.height / 2,
        bubbles: true,
        cancelable: true,
      }),
    );
  }, scale);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
}
