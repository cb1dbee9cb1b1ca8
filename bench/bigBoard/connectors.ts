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
import { BENCH_IDENTITY, openBoard, serveBigBoard } from './serveBoard.ts';

const DRAG_STEPS = 60;

async function measureVariant(notes: number, connectors: number) {
  const { target, link, doc, docBytes, stop } = await serveBigBoard(notes, connectors);
  // What a cold visit downloads (GET …/state: the v2 update, brotli): the wire's share of the size.
  const v2 = Y.encodeStateAsUpdateV2(doc);
  const browser = await chromium.launch(config.use!.launchOptions);
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((identity) => localStorage.setItem('journeyboard.identity', identity), BENCH_IDENTITY);
    const page = await context.newPage();
    const firstRenderMs = await openBoard(page, `${target.httpUrl}${link}`);
    const [firstDrawInPageMs] = await pageTimings(page, 'journeyboard:apply-download');
    const connectorsDrawn = await page.evaluate(() => window.Konva!.stages[0]!.find('.connector').length);
    const drag = await dragAt100(page, DRAG_STEPS);
    return {
      connectors,
      docBytes,
      docV2Bytes: v2.length,
      docV2BrotliBytes: brotliCompressSync(v2).length,
      firstRenderMs,
      firstDrawInPageMs: round(firstDrawInPageMs, 0),
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

export async function runConnectorComparison({
  notes,
  connectors,
  repeats,
}: {
  notes: number;
  connectors: number;
  repeats: number;
}) {
  const rows: ({ repeat: number; uptime: string } & Awaited<ReturnType<typeof measureVariant>>)[] = [];
  for (let r = 0; r < repeats; r++) {
    const order = r % 2 === 0 ? [0, connectors] : [connectors, 0];
    for (const c of order) rows.push({ repeat: r + 1, uptime: uptime(), ...(await measureVariant(notes, c)) });
  }
  const of = (c: number) => rows.filter((row) => row.connectors === c);
  const figures = [
    'firstRenderMs',
    'firstDrawInPageMs',
    'dragP50Ms',
    'dragP95Ms',
    'docBytes',
    'docV2Bytes',
    'docV2BrotliBytes',
  ] as const;
  const summary = figures.map((figure) => {
    const without = median(of(0).map((row) => row[figure]));
    const withThem = median(of(connectors).map((row) => row[figure]));
    const ratio = withThem / without;
    return { figure, without: round(without), with: round(withThem), ratio: round(ratio, 3), within10: ratio <= 1.1 };
  });
  console.log(`\nBig board of ${notes} notes without and with ${connectors} connectors (${repeats} repeats)`);
  console.log(table(rows));
  console.log(table(summary.map((s) => ({ ...s, within10: s.within10 ? 'yes' : 'no' }))));
  return { notes, connectors, repeats, rows, summary };
}
