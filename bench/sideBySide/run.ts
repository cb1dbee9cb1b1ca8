/**
 * The generated big board in Journeyboard, tldraw and Excalidraw, in one Chromium, by one method
 * (bench/bigBoard/panSteps.ts): first render; per input step, all main-thread task time and the
 * frames more than 20 ms apart, for a no-input control, wheel pans at fit, 50 %, 100 % and 200 %,
 * a trackpad pinch from 50 % and a note drag; the JS heap after a garbage collection. Rounds alternate the apps' order, so
 * no app always runs first on a cold machine or last on a hot one; medians and ratios are printed.
 */
import { type Browser, type CDPSession, chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../playwright.config.ts';
import { type PanFigures, panSteps, taskCounter } from '../bigBoard/panSteps.ts';
import { serveBigBoard, type ServedBoard } from '../bigBoard/serveBoard.ts';
import { median, round, table } from '../stats.ts';
import { type AppDriver, type AppName, journeyboard, peer } from './apps.ts';
import { boardForPeers } from './peerBoard.ts';
import { buildPeerPages, servePeerPages } from './peerPages.ts';

const ZOOMS = [0.5, 1, 2] as const;
const PAN_STEPS = 30;
const DRAG_STEPS = 60;

type Row = Record<string, number | string>;

/** Until the page's main thread used under 10 % of 300 ms: the work the last move started is done. */
async function quiet(cdp: CDPSession): Promise<void> {
  const task = async () =>
    ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find(
      (m) => m.name === 'TaskDuration',
    )!.value;
  const until = Date.now() + 20_000;
  let before = await task();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await task();
    if (now - before < 0.03) return;
    before = now;
  }
}

async function heapAfterGcMiB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize / 2 ** 20;
}

const figures = (row: Row, name: string, f: PanFigures) => {
  row[`${name}Ms`] = round(f.taskMsPerStep, 1);
  row[`${name}Gaps`] = f.gapsOver20;
  row[`${name}MaxGapMs`] = round(f.longestGapMs, 0);
};

async function measureApp(browser: Browser, app: AppDriver, shots?: string): Promise<Row> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const row: Row = { app: app.name, ...(await app.open(page)) };
    const cdp = await taskCounter(page);
    const shot = async (label: string) => {
      if (shots) await page.screenshot({ path: join(shots, `${app.name}-${label}.png`) });
    };
    const centre = await app.centre(page);
    await quiet(cdp);
    figures(row, 'still', await panSteps(page, cdp, PAN_STEPS, 'still', centre));
    await app.fit(page);
    await quiet(cdp);
    row.fitZoom = round(await app.zoom(page), 3);
    await shot('fit');
    figures(row, 'panFit', await panSteps(page, cdp, PAN_STEPS, 'pan', centre));
    for (const z of ZOOMS) {
      // Each zoom around the board's middle: the pans before went a screen's height down.
      await app.fit(page);
      await app.zoomTo(page, z);
      await quiet(cdp);
      const zoom = await app.zoom(page);
      if (Math.abs(zoom - z) > 0.01) throw new Error(`${app.name}: zoom ${zoom}, not ${z}`);
      await shot(`${z * 100}`);
      figures(row, `pan${z * 100}`, await panSteps(page, cdp, PAN_STEPS, 'pan', centre));
    }
    // A trackpad pinch (Ctrl+wheel, 30 steps) from 50 %, each app zooming by its own rule.
    await app.fit(page);
    await app.zoomTo(page, 0.5);
    await quiet(cdp);
    figures(row, 'pinch', await panSteps(page, cdp, PAN_STEPS, 'zoom', centre));
    row.pinchEndZoom = round(await app.zoom(page), 2);
    await app.fit(page);
    await app.zoomTo(page, 1);
    await quiet(cdp);
    const note = await app.noteNearCentre(page);
    const before = await note.where();
    figures(row, 'drag', await panSteps(page, cdp, DRAG_STEPS, 'drag', note.at));
    await quiet(cdp);
    const after = await note.where();
    // A drag that moved nothing measured nothing.
    row.dragMoved = String(!!before && !!after && (before.x !== after.x || before.y !== after.y));
    row.heapMiB = round(await heapAfterGcMiB(cdp), 1);
    await cdp.detach();
    return row;
  } finally {
    await context.close();
  }
}

/** With `before`, its Journeyboard and this one swap places each round too. */
const ORDERS: AppName[][] = [
  ['journeyboard-before', 'journeyboard', 'tldraw', 'excalidraw'],
  ['excalidraw', 'tldraw', 'journeyboard', 'journeyboard-before'],
];

/** Medians over the rounds of each numeric column, per app. */
function medians(rows: Row[], app: AppName): Row {
  const mine = rows.filter((r) => r.app === app);
  const out: Row = { app };
  if (mine.length === 0) return out;
  for (const key of Object.keys(mine[0]!))
    if (key === 'round') continue;
    else if (typeof mine[0]![key] === 'number') out[key] = round(median(mine.map((r) => r[key] as number)), 1);
    else if (key !== 'app') out[key] = mine.map((r) => r[key]).join('/');
  return out;
}

function ratios(jb: Row, other: Row, label = `JB/${other.app}`): Row {
  const out: Row = { app: label };
  for (const key of Object.keys(jb))
    if (key === 'app') continue;
    else if (typeof jb[key] === 'number' && !/Gaps$/.test(key) && typeof other[key] === 'number')
      out[key] = round((jb[key] as number) / (other[key] as number), 2);
    else out[key] = '';
  return out;
}

/**
 * The median over rounds of each round's own ratio: on a shared machine the load swings between
 * rounds more than between the apps of one round.
 */
function roundRatios(rows: Row[], app: AppName, other: AppName): Row {
  const per = [...new Set(rows.map((r) => r.round))].flatMap((round) => {
    const a = rows.find((r) => r.round === round && r.app === app);
    const b = rows.find((r) => r.round === round && r.app === other);
    return a && b ? [ratios(a, b)] : [];
  });
  const out: Row = { app: `${app}/${other} by round` };
  if (per.length === 0) return out;
  for (const key of Object.keys(per[0]!))
    if (key === 'app' || key === 'round') continue;
    else if (per.every((r) => typeof r[key] === 'number'))
      out[key] = round(median(per.map((r) => r[key] as number)), 2);
    else out[key] = '';
  return out;
}

export interface SideBySideOptions {
  readonly notes: number;
  readonly rounds: number;
  /** tldraw in the last this many rounds only: at 5,000 notes one of its rounds takes ~20 minutes here. */
  readonly tldrawRounds: number;
  /** Screenshots of each app at each zoom, first round, in this folder. */
  readonly shots?: string;
  /** A built client (`npm run build:test` of another checkout, copied): measured as `journeyboard-before`. */
  readonly before?: string;
  /** After each app's round, with the rows so far. */
  readonly progress?: (rows: readonly Row[]) => void;
}

export async function runSideBySideBenchmark(opts: SideBySideOptions) {
  buildPeerPages();
  let served: ServedBoard | null = null;
  const boardUrl = () => `${served!.target.httpUrl}${served!.link}`;
  // The peers' board is Journeyboard's own layout of the same generated document.
  const layoutSource = await serveBigBoard(opts.notes);
  const board = boardForPeers(layoutSource.doc);
  await layoutSource.stop();
  const pages = await servePeerPages(board);
  const apps: Record<AppName, AppDriver> = {
    journeyboard: journeyboard(boardUrl),
    'journeyboard-before': journeyboard(boardUrl, 'journeyboard-before'),
    tldraw: peer('tldraw', () => pages.url),
    excalidraw: peer('excalidraw', () => pages.url),
  };
  if (opts.shots) mkdirSync(opts.shots, { recursive: true });
  const browser = await chromium.launch(config.use!.launchOptions);
  const rows: Row[] = [];
  try {
    for (let round = 0; round < opts.rounds; round++)
      for (const name of ORDERS[round % ORDERS.length]!) {
        if (name === 'tldraw' && round < opts.rounds - opts.tldrawRounds) continue;
        if (name === 'journeyboard-before' && !opts.before) continue;
        const mine = name === 'journeyboard' || name === 'journeyboard-before';
        // Journeyboard opens the board from a server that has just loaded it (cold), each round.
        if (mine) served = await serveBigBoard(opts.notes, 0, name === 'journeyboard' ? undefined : opts.before);
        try {
          const shots = round === 0 || (name === 'tldraw' && round === opts.rounds - opts.tldrawRounds);
          const row = await measureApp(browser, apps[name], shots ? opts.shots : undefined);
          rows.push({ round, ...row });
          opts.progress?.(rows);
          console.log(`round ${round + 1}: ${name} done (first render ${row.firstRenderMs} ms)`);
        } finally {
          if (mine) await served?.stop();
        }
      }
  } finally {
    await browser.close();
    await pages.stop();
  }
  const names: AppName[] = [
    'journeyboard',
    ...(opts.before ? ['journeyboard-before' as const] : []),
    'tldraw',
    'excalidraw',
  ];
  const summary = names.filter((a) => rows.some((r) => r.app === a)).map((a) => medians(rows, a));
  const [mine, tl, ex] = [medians(rows, 'journeyboard'), medians(rows, 'tldraw'), medians(rows, 'excalidraw')];
  const ratioRows = [
    ...(rows.some((r) => r.app === 'tldraw') ? [ratios(mine, tl), roundRatios(rows, 'journeyboard', 'tldraw')] : []),
    ratios(mine, ex),
    roundRatios(rows, 'journeyboard', 'excalidraw'),
    ...(opts.before
      ? [
          roundRatios(rows, 'journeyboard-before', 'excalidraw'),
          roundRatios(rows, 'journeyboard', 'journeyboard-before'),
        ]
      : []),
  ];
  console.log(
    `\nThe ${opts.notes}-note board side by side (medians of ${opts.rounds}; ms are main-thread ms per step)`,
  );
  console.log(table([...summary, ...ratioRows]));
  return { notes: opts.notes, before: opts.before, rounds: rows, medians: summary, ratios: ratioRows };
}
