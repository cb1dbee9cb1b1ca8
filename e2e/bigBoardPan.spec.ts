import type { Browser, Page } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { expect, personPage, test } from './fixtures.ts';

/**
 * A pan moves pixels already drawn (client/canvas/useDrawnCamera.ts): what is on screen while
 * shifted must be what a fresh drawing of the same view shows, for notes that came into view
 * during the pan and for changes that arrived meanwhile. Each comparison is taken while the view
 * is still shifted (checked before and after the screenshot) against the drawing made once the
 * pan settled, at the same camera.
 */

type Rect = { x: number; y: number; width: number; height: number };

const shifted = (page: Page) =>
  page.evaluate(() => document.querySelector<HTMLElement>('[data-testid="board-canvas"] > div')?.style.transform ?? '');
const camera = (page: Page) => page.evaluate(() => window.__journeyboard!.workshop().camera);
/** Drawn, and every note from a bitmap of its own zoom (a zoom shows the old ones scaled until idle). */
const settledNotes = (page: Page) =>
  expect.poll(() => page.evaluate(() => window.__journeyboard!.noteBitmapsSettled())).toBe(true);
const frames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null)))));

async function canvasBox(page: Page): Promise<Rect> {
  const box = await page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no board canvas');
  return box;
}

/** Waits for the settled drawing at the same camera and returns its screenshot. */
async function settledShot(page: Page): Promise<Buffer> {
  await expect.poll(() => shifted(page)).toBe('');
  await settledNotes(page);
  await frames(page);
  return page.getByTestId('board-canvas').screenshot();
}

/**
 * The share of pixels that differ by more than 48 in a channel. Compared in a blank page of the
 * same browser: the board page's CSP does not load data: images.
 */
async function differingShare(browser: Browser, a: Buffer, b: Buffer): Promise<number> {
  const page = await (await browser.newContext()).newPage();
  try {
    return await page.evaluate(
      async ([x, y]) => {
        const pixels = async (b64: string) => {
          const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(bitmap, 0, 0);
          return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
        };
        const [p, q] = [await pixels(x!), await pixels(y!)];
        if (p.length !== q.length) return 1;
        let differing = 0;
        for (let i = 0; i < p.length; i += 4)
          if (Math.max(...[0, 1, 2].map((c) => Math.abs(p[i + c]! - q[i + c]!))) > 48) differing++;
        return differing / (p.length / 4);
      },
      [a.toString('base64'), b.toString('base64')],
    );
  } finally {
    await page.context().close();
  }
}

async function openAt100(board: BoardPageObject, boardId: string): Promise<void> {
  await board.open(boardId);
  await board.page.locator('.zoom-label').click();
  await expect.poll(async () => (await camera(board.page)).scale).toBe(1);
  // Drawn again at 100 %: until then the zoom shows the earlier drawing, stretched.
  await expect.poll(() => shifted(board.page)).toBe('');
  await settledNotes(board.page);
}

/** Ids of the notes whose whole rect is on the canvas. */
async function notesInView(board: BoardPageObject): Promise<string[]> {
  const box = await canvasBox(board.page);
  return board.page.evaluate((b) => {
    const api = window.__journeyboard!;
    return api
      .board()
      .notes.map((n) => n.id)
      .filter((id) => {
        const r = api.noteRect(id);
        return r && r.x >= b.x && r.y >= b.y && r.x + r.width <= b.x + b.width && r.y + r.height <= b.y + b.height;
      });
  }, box);
}

test('notes that come into view during a pan are drawn as a fresh drawing of that view shows them', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Panning', 'ecommerce');
  const board = new BoardPageObject(await personPage(browser, server, { name: 'Pam Pan', department: 'product' }));
  await openAt100(board, boardId);
  const page = board.page;
  const before = new Set(await notesInView(board));
  const box = await canvasBox(page);
  // A pan with the middle button, past the drawn margin more than once, the button kept down:
  // the view stays shifted until it is let go.
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 40, y);
  await page.mouse.down({ button: 'middle' });
  await page.mouse.move(box.x + box.width - 760, y - 30, { steps: 12 });
  await expect.poll(() => shifted(page)).not.toBe('');
  await frames(page);
  const shot = await page.getByTestId('board-canvas').screenshot();
  expect(await shifted(page), 'still shifted after the screenshot').not.toBe('');
  await page.mouse.up({ button: 'middle' });
  const entered = (await notesInView(board)).filter((id) => !before.has(id));
  expect(entered.length).toBeGreaterThan(0);
  expect(await differingShare(browser, shot, await settledShot(page))).toBeLessThan(0.005);
});

test('a note edited, moved or added by someone else while my view is panned is drawn where and as it is', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Remote while panned', 'ecommerce');
  const me = new BoardPageObject(await personPage(browser, server, { name: 'Pam Pan', department: 'product' }));
  const peer = new BoardPageObject(await personPage(browser, server, { name: 'Rex Remote', department: 'sales' }));
  await openAt100(me, boardId);
  await peer.open(boardId);

  // I pan with the middle button and keep it down: the view stays shifted while the changes arrive.
  const box = await canvasBox(me.page);
  await me.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await me.page.mouse.down({ button: 'middle' });
  await me.page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 - 50, { steps: 6 });
  await expect.poll(() => shifted(me.page)).not.toBe('');

  const [edited, moved] = await notesInView(me);
  const info = await me.board();
  const cellInView = async (exclude: string) => {
    for (const s of info.stages)
      for (const l of info.lanes) {
        const r = await me.cellRect(s.id, l.id);
        if (
          s.id + l.id !== exclude &&
          r.x > box.x &&
          r.y > box.y &&
          r.x + 300 < box.x + box.width &&
          r.y + 200 < box.y + box.height
        )
          return { stage: s.name, lane: l.name, cell: `${s.id}/${l.id}` };
      }
    throw new Error('no cell in view');
  };
  const movedNote = info.notes.find((n) => n.id === moved)!;
  const to = await cellInView(movedNote.stageId + movedNote.laneId);
  const cellOf = async (id: string) => {
    const n = await me.noteById(id);
    return n && `${n.stageId}/${n.laneId}`;
  };
  await peer.editNote(edited!, 'Edited while you panned');
  await peer.dragNote(moved!, to.stage, to.lane);
  const added = await peer.addNote(to.stage, to.lane, 'Added while you panned');
  await expect.poll(async () => (await me.noteById(edited!))?.text).toBe('Edited while you panned');
  await expect.poll(() => cellOf(moved!)).toBe(to.cell);
  await expect.poll(async () => (await me.noteById(added))?.text).toBe('Added while you panned');
  await frames(me.page);
  const shot = await me.page.getByTestId('board-canvas').screenshot();
  expect(await shifted(me.page), 'still shifted after the screenshot').not.toBe('');
  await me.page.mouse.up({ button: 'middle' });
  expect(await differingShare(browser, shot, await settledShot(me.page))).toBeLessThan(0.005);
});

/** Draws the notes the canvas shows as live Konva nodes instead of their bitmaps (noteProbes.ts). */
const drawLive = (page: Page) => page.evaluate(() => window.__journeyboard!.probeNotes(true));

test('a note whose text changes is never drawn from its old bitmap', async ({ browser, server }) => {
  const boardId = await server.createBoard('Fresh bitmaps', 'ecommerce');
  const me = new BoardPageObject(await personPage(browser, server, { name: 'Pam Pan', department: 'product' }));
  const peer = new BoardPageObject(await personPage(browser, server, { name: 'Rex Remote', department: 'sales' }));
  await openAt100(me, boardId);
  await peer.open(boardId);
  const [id] = await notesInView(me);
  await frames(me.page);
  // Inside the note's edge: the peer's selection outline around it is presence, not the note.
  const shotOfNote = async () => {
    const r = await me.noteRect(id!);
    return me.page.screenshot({ clip: { x: r.x + 6, y: r.y + 6, width: r.width - 12, height: r.height - 12 } });
  };
  const old = await shotOfNote();

  await peer.editNote(id!, 'A new text, longer than the one it replaces, over two lines at least');
  await expect.poll(async () => (await me.noteById(id!))?.text).toContain('A new text');
  await frames(me.page);
  const changed = await shotOfNote();
  expect(await differingShare(browser, old, changed)).toBeGreaterThan(0.05);

  // The same note drawn live, from its current text, at the same camera.
  expect(await drawLive(me.page)).toBeGreaterThan(0);
  // The live drawing sits on the whole device pixel the bitmap was put on (noteProbes.ts); a
  // bitmap of other content differs by far more (5 % and up above).
  expect(await differingShare(browser, changed, await shotOfNote())).toBeLessThan(0.03);
});

test('a note a pan brings into view is drawn as its live drawing shows it', async ({ browser, server }) => {
  const boardId = await server.createBoard('Cached on the way in', 'ecommerce');
  const board = new BoardPageObject(await personPage(browser, server, { name: 'Pam Pan', department: 'product' }));
  await openAt100(board, boardId);
  const page = board.page;
  const box = await canvasBox(page);
  // At 200 % the drawn area holds a part of this small board only.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100 * Math.log(2));
  await page.keyboard.up('Control');
  await expect.poll(async () => (await camera(page)).scale).toBeCloseTo(2, 2);
  await expect.poll(() => shifted(page)).toBe('');
  await settledNotes(page);
  const drawn = () =>
    page.evaluate(() => {
      window.__journeyboard!.probeNotes();
      return window.Konva!.stages[0]!.find('.note').map((n) => n.id());
    });
  const before = new Set(await drawn());
  // Past the drawn margin: the notes drawn then get their bitmaps in that frame.
  const y = box.y + box.height / 2;
  for (let i = 0; i < 2; i++) {
    await page.mouse.move(box.x + box.width - 40, y);
    await page.mouse.down({ button: 'middle' });
    await page.mouse.move(box.x + box.width - 760, y - 30, { steps: 12 });
    await page.mouse.up({ button: 'middle' });
  }
  await expect.poll(() => shifted(page)).toBe('');
  await settledNotes(page);
  await frames(page);
  const entered = (await notesInView(board)).filter((id) => !before.has(id));
  expect(entered.length).toBeGreaterThan(0);
  const id = entered[0]!;
  const shotOfNote = async () => {
    const r = await board.noteRect(id);
    return page.screenshot({ clip: { x: r.x + 6, y: r.y + 6, width: r.width - 12, height: r.height - 12 } });
  };
  const fromBitmap = await shotOfNote();
  expect(await drawLive(page)).toBeGreaterThan(0);
  expect(await differingShare(browser, fromBitmap, await shotOfNote())).toBeLessThan(0.03);
});
