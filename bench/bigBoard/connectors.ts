/**
 * The big board with and without connectors, in one run (issue 27's target: first render, drag
 * frame p95 and document size each within 10 %). The two variants alternate within each repeat,
 * and which goes first alternates between repeats, so a load that changes during the run weighs
 * on both alike.
 */
import { loadavg } from 'node:os';
import { brotliCompressSync } from 'node:zlib';
import * as Y from 'yjs';
import { chromium } from '@playwright/test';
import config from '../../playwright.config.ts';
import { median, percentile, round, table } from '../stats.ts';
import { pageTimings } from './returnVisit.ts';
import { dragAt100 } from './run.ts';
import { PhaseProfiler } from './profile.ts';
import { BENCH_IDENTITY, CLIENT, openBoard, serveBigBoard } from './serveBoard.ts';

const DRAG_STEPS = 60;

/** `client`: which built client serves the page (this checkout's, or `--before`'s); `profiler`: a CPU profile of the first render. */
async function measureVariant(
  notes: number,
  connectors: number,
  client: { name: string; dir: string },
  profileDir: string | undefined,
  repeat: number,
) {
  // One per browser: a profiler keeps its page's DevTools session.
  const profiler = new PhaseProfiler(profileDir);
  const { target, link, doc, docBytes, stop } = await serveBigBoard(notes, connectors, client.dir);
  // What a cold visit downloads (GET …/state: the v2 update, brotli): the wire's share of the size.
  const v2 = Y.encodeStateAsUpdateV2(doc);
  const browser = await chromium.launch(config.use!.launchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((identity) => localStorage.setItem('journeyboard.identity', identity), BENCH_IDENTITY);
    const page = await context.newPage();
    // Same origin first, so the profiler's renderer is the one that opens the board.
    await page.goto(`${target.httpUrl}/healthz`);
    await profiler.start(page);
    const firstRenderMs = await openBoard(page, `${target.httpUrl}${link}`);
    const [firstDrawInPageMs, applyDownloadMs, appliedAt] = await pageTimings(page, 'journeyboard:apply-download');
    await profiler.stop(`${client.name}-${connectors}-first-render-${repeat}`);
    const connectorsDrawn = await page.evaluate(() => window.Konva!.stages[0]!.find('.connector').length);
    const drag = await dragAt100(page, DRAG_STEPS);
    return {
      client: client.name,
      connectors,
      docBytes,
      docV2Bytes: v2.length,
      docV2BrotliBytes: brotliCompressSync(v2).length,
      firstRenderMs,
      firstDrawInPageMs: round(firstDrawInPageMs, 0),
      applyDownloadMs: round(applyDownloadMs, 0),
      // From the board in the doc to its first frame: snapshot, layout, routes, mount, draw.
      drawAfterApplyMs: round(firstDrawInPageMs - appliedAt, 0),
      dragP50Ms: round(percentile(drag, 50)),
      dragP95Ms: round(percentile(drag, 95)),
      connectorsDrawn,
    };
  } finally {
    await browser.close();
    await stop();
  }
}

/** What `uptime` says of the load: averages over 1, 5 and 15 minutes. */
const uptime = () =>
  `${new Date().toISOString().slice(11, 19)} load average: ${loadavg()
    .map((n) => n.toFixed(2))
    .join(', ')}`;

/**
 * `before`: another build's client directory (e.g. main's dist/client-test copied aside), served in
 * the same run as this checkout's: each repeat then measures four variants, in an order that
 * reverses between repeats. `profileDir`: a CPU profile of each first render there.
 */
export async function runConnectorComparison({
  notes,
  connectors,
  repeats,
  before,
  profileDir,
}: {
  notes: number;
  connectors: number;
  repeats: number;
  before?: string;
  profileDir?: string;
}) {
  const clients = [{ name: 'after', dir: CLIENT }, ...(before ? [{ name: 'before', dir: before }] : [])];
  const variants = clients.flatMap((client) => [0, connectors].map((c) => ({ client, connectors: c })));
  const rows: ({ repeat: number; uptime: string } & Awaited<ReturnType<typeof measureVariant>>)[] = [];
  for (let r = 0; r < repeats; r++) {
    const order = r % 2 === 0 ? variants : [...variants].reverse();
    for (const v of order)
      rows.push({
        repeat: r + 1,
        uptime: uptime(),
        ...(await measureVariant(notes, v.connectors, v.client, profileDir, r + 1)),
      });
  }
  const of = (client: string, c: number) => rows.filter((row) => row.client === client && row.connectors === c);
  const figures = [
    'firstRenderMs',
    'firstDrawInPageMs',
    'applyDownloadMs',
    'drawAfterApplyMs',
    'dragP50Ms',
    'dragP95Ms',
    'docBytes',
    'docV2Bytes',
    'docV2BrotliBytes',
  ] as const;
  const summary = clients.flatMap(({ name }) =>
    figures.map((figure) => {
      const without = median(of(name, 0).map((row) => row[figure]));
      const withThem = median(of(name, connectors).map((row) => row[figure]));
      const ratio = withThem / without;
      return {
        client: name,
        figure,
        without: round(without),
        with: round(withThem),
        ratio: round(ratio, 3),
        within10: ratio <= 1.1,
      };
    }),
  );
  console.log(`\nBig board of ${notes} notes without and with ${connectors} connectors (${repeats} repeats)`);
  console.log(table(rows));
  console.log(table(summary.map((s) => ({ ...s, within10: s.within10 ? 'yes' : 'no' }))));
  return { notes, connectors, repeats, before, rows, summary };
}
