/**
 * What a visit downloads, and how a return visit opens: bytes received over the WebSocket (CDP
 * `Network.webSocketFrameReceived`, payloads) and as the board's download (`GET …/state`, bytes
 * on the wire: compressed body and headers), from navigation until the page is connected and the
 * socket has been quiet for a moment. A return visit is the same browser context opening the
 * board again: its IndexedDB holds the local copy the first visit kept.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { executeCommand, readBoard } from '../../shared/index.ts';
import type { Participant } from '../sync/participants.ts';
import { FIRST_DRAW_MARK } from '../../client/canvas/firstDrawMark.ts';
import { localCopyUpdates } from '../../e2e/localCopy.ts';
import { round } from '../stats.ts';
import { openBoard } from './serveBoard.ts';

const STATE = /\/api\/boards\/[^/]+\/state$/;
/** The socket counts as done once no frame arrived for this long after the page connected. */
const QUIET_MS = 500;

export interface WireCounts {
  readonly wsBytes: number;
  readonly wsFrames: number;
  readonly downloadBytes: number;
}

/** Starts counting what `page` receives; `settled()` waits until connected and quiet, then reads. */
export async function countWire(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  let wsBytes = 0;
  let wsFrames = 0;
  let downloadBytes = 0;
  let lastFrame = Date.now();
  const downloads = new Set<string>();
  cdp.on('Network.webSocketFrameReceived', ({ response }) => {
    // Binary frames (opcode 2) come base64-encoded; Yjs and Hocuspocus send only binary ones.
    wsBytes +=
      response.opcode === 2
        ? Buffer.from(response.payloadData, 'base64').length
        : Buffer.byteLength(response.payloadData);
    wsFrames++;
    lastFrame = Date.now();
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    if (STATE.test(new URL(response.url).pathname)) downloads.add(requestId);
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    if (downloads.has(requestId)) downloadBytes += encodedDataLength;
  });
  return {
    async settled(): Promise<WireCounts> {
      await page.waitForFunction(() => window.__journeyboard?.connection() === 'connected', null, {
        timeout: 60_000,
      });
      while (Date.now() - lastFrame < QUIET_MS) await page.waitForTimeout(QUIET_MS - (Date.now() - lastFrame));
      return { wsBytes, wsFrames, downloadBytes };
    },
    detach: () => cdp.detach(),
  };
}

/** Waits until this device's copy of the board is in IndexedDB (as the offline spec checks it). */
async function localCopyKept(page: Page, boardId: string): Promise<void> {
  await page.waitForFunction(localCopyUpdates, `journeyboard:${boardId}`, { timeout: 60_000, polling: 500 });
  // And, for clients that open return visits from it, until the copy has marked itself: rows
  // can be there before it has (clients before localCopyMark.ts never mark, hence the catch).
  await page
    .waitForFunction((id) => localStorage.getItem(`journeyboard.copy.${id}`) !== null, boardId, { timeout: 15_000 })
    .catch(() => {});
}

/**
 * The page's own timings, from its navigation start (without the harness's round trips): when
 * the board was first drawn, and how long the page's `measure` took and when it ended (NaN if none).
 */
export function pageTimings(page: Page, measure: string): Promise<[number, number, number]> {
  return page.evaluate(
    ([mark, name]) => {
      const m = performance.getEntriesByName(name)[0];
      return [
        performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
        m?.duration ?? NaN,
        m ? m.startTime + m.duration : NaN,
      ] as [number, number, number];
    },
    [FIRST_DRAW_MARK, measure] as const,
  );
}

async function visit(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const wire = await countWire(page);
  const firstRenderMs = await openBoard(page, url);
  const [firstDraw, openCopy, openedAt] = await pageTimings(page, 'journeyboard:open-local-copy');
  return {
    page,
    wire,
    firstRenderMs,
    firstDrawInPageMs: round(firstDraw, 0),
    openLocalCopyMs: round(openCopy, 0),
    openedAtMs: round(openedAt, 0),
  };
}

const kib = (n: number) => round(n / 1024, 1);
const total = (w: WireCounts) => w.wsBytes + w.downloadBytes;

/**
 * `first`: the cold visit's page, still open, and its counts. Closes it once its local copy is
 * kept, opens the board again (no change meanwhile), then again after `changes` remote edits.
 */
export async function measureReturnVisits(
  first: { page: Page; counts: WireCounts },
  url: string,
  boardId: string,
  loader: Participant,
  changes = 10,
) {
  const context = first.page.context();
  await localCopyKept(first.page, boardId);
  await first.page.close(); // pagehide: the local copy stores what it was waiting to store

  const same = await visit(context, url);
  const sameCounts = await same.wire.settled();
  await same.wire.detach();
  await same.page.close();

  // A few notes edited by someone else while this person was away.
  const noteIds = readBoard(loader.doc)
    .notes.slice(0, changes)
    .map((n) => n.id);
  const stamp = `Edited while away ${Date.now()}`;
  for (const noteId of noteIds)
    executeCommand(loader.doc, { id: 'remote', name: 'Remote', department: 'sales' }, 'editNoteText', {
      noteId,
      text: `${stamp} ${noteId}`,
    });
  const changed = await visit(context, url);
  // The return visit must end up showing the edits, or its byte count means nothing.
  const last = noteIds.at(-1)!;
  await changed.page.waitForFunction(
    ([id, text]) => window.__journeyboard!.board().notes.find((n) => n.id === id)?.text === text,
    [last, `${stamp} ${last}`] as const,
    { timeout: 60_000 },
  );
  const changedCounts = await changed.wire.settled();
  await changed.wire.detach();
  await changed.page.close();

  const cold = total(first.counts);
  return {
    coldWsKiB: kib(first.counts.wsBytes),
    coldDownloadKiB: kib(first.counts.downloadBytes),
    returnWsKiB: kib(sameCounts.wsBytes),
    returnDownloadKiB: kib(sameCounts.downloadBytes),
    returnPct: round((100 * total(sameCounts)) / cold, 2),
    returnChangedWsKiB: kib(changedCounts.wsBytes),
    returnChangedDownloadKiB: kib(changedCounts.downloadBytes),
    returnChangedPct: round((100 * total(changedCounts)) / cold, 2),
    returnFirstRenderMs: same.firstRenderMs,
    returnFirstDrawInPageMs: same.firstDrawInPageMs,
    returnOpenLocalCopyMs: same.openLocalCopyMs,
    returnCopyOpenedAtMs: same.openedAtMs,
    returnChangedFirstRenderMs: changed.firstRenderMs,
  };
}
