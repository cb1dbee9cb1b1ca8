import { type Browser, devices } from '@playwright/test';
import { BoardPageObject } from './BoardPageObject.ts';
import { expect, personPage, test } from './fixtures.ts';
import type { TestServer } from './server.ts';
import { TouchObject } from './TouchObject.ts';
import { VotingObject } from './VotingObject.ts';

type Point = { x: number; y: number };
type Rect = { x: number; y: number; width: number; height: number };

/** A board opened on an emulated touch device, in Debian's Chromium like every spec. */
async function touchBoard(
  browser: Browser,
  server: TestServer,
  device: 'Pixel 7' | 'iPad Mini',
  boardId: string,
  role: 'facilitator' | 'editor' = 'facilitator',
) {
  const { defaultBrowserType: _, ...emulation } = devices[device];
  const context = await browser.newContext({ ...emulation, baseURL: server.url });
  await context.addInitScript(() =>
    localStorage.setItem('journeyboard.identity', JSON.stringify({ name: 'Tia Touch', department: 'support' })),
  );
  const board = new BoardPageObject(await context.newPage());
  // No Fit press: a toolbar button is a mouse click, and this page is driven by touch only.
  await board.open(boardId, role, { fit: false });
  return { board, touch: new TouchObject(board.page) };
}

const cameraOf = (board: BoardPageObject) => board.page.evaluate(() => window.__journeyboard!.workshop().camera);
const centre = (r: Rect): Point => ({
  x: r.x + r.width / 2,
  y: r.y + r.height / 2,
});

async function canvasBox(board: BoardPageObject) {
  const box = await board.page.getByTestId('board-canvas').boundingBox();
  if (!box) throw new Error('no board canvas');
  return box;
}

/** An empty spot near the bottom right of a cell, inside the canvas. */
async function emptySpotIn(board: BoardPageObject, cell: Rect): Promise<Point> {
  const box = await canvasBox(board);
  return {
    x: Math.min(cell.x + cell.width, box.x + box.width) - 16,
    y: Math.min(cell.y + cell.height, box.y + box.height) - 12,
  };
}

/** The board point under page point `p`. */
async function boardPointAt(board: BoardPageObject, p: Point): Promise<Point> {
  const [c, box] = [await cameraOf(board), await canvasBox(board)];
  return { x: (p.x - box.x - c.x) / c.scale, y: (p.y - box.y - c.y) / c.scale };
}

/** One-finger swipes from the middle of the canvas until `rect()`'s centre is there. */
async function swipeToMiddle(board: BoardPageObject, touch: TouchObject, rect: () => Promise<Rect>): Promise<void> {
  const box = await canvasBox(board);
  const m = centre(box);
  for (let i = 0; i < 10; i++) {
    const c = centre(await rect());
    const d = { x: m.x - c.x, y: m.y - c.y };
    if (Math.abs(d.x) < 20 && Math.abs(d.y) < 20) return;
    const step = (v: number, room: number) => Math.max(-room, Math.min(room, v));
    await touch.swipe(m, { x: m.x + step(d.x, box.width / 3), y: m.y + step(d.y, box.height / 3) });
  }
}

/** Two fingers spread around the middle of the canvas until the board is at least `scale`. */
async function zoomIn(board: BoardPageObject, touch: TouchObject, scale: number): Promise<void> {
  const m = centre(await canvasBox(board));
  while ((await cameraOf(board)).scale < scale)
    await touch.pinch(
      [
        { x: m.x - 30, y: m.y },
        { x: m.x + 30, y: m.y },
      ],
      [
        { x: m.x - 120, y: m.y - 10 },
        { x: m.x + 120, y: m.y - 10 },
      ],
    );
}

test('phone: a pinch zooms around its midpoint, a swipe over a note pans, a double-tap on an empty cell adds a note', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Touch on a phone');
  const { board, touch } = await touchBoard(browser, server, 'Pixel 7', boardId);
  await expect(board.page.getByTestId('board-canvas')).toHaveCSS('touch-action', 'none');

  // Pinch: the board point under the fingers' midpoint stays under it, moved with them.
  const m = centre(await canvasBox(board));
  const before = await cameraOf(board);
  const anchor = await boardPointAt(board, m);
  await touch.pinch(
    [
      { x: m.x - 40, y: m.y },
      { x: m.x + 40, y: m.y },
    ],
    [
      { x: m.x - 90, y: m.y + 30 },
      { x: m.x + 90, y: m.y + 30 },
    ],
  );
  const movedTo = { x: m.x, y: m.y + 30 };
  await expect.poll(async () => (await cameraOf(board)).scale).toBeCloseTo(before.scale * 2.25, 2);
  const under = await boardPointAt(board, movedTo);
  expect(under.x).toBeCloseTo(anchor.x, 0);
  expect(under.y).toBeCloseTo(anchor.y, 0);
  await zoomIn(board, touch, 0.6);

  // Double-tap an empty spot of a cell: a note is added there and its editor opens.
  const [stage, lane] = [await board.stage('Awareness'), await board.lane('Touchpoints')];
  await swipeToMiddle(board, touch, () => board.cellRect(stage.id, lane.id));
  const cell = await board.cellRect(stage.id, lane.id);
  await touch.doubleTap(await emptySpotIn(board, cell));
  const editor = board.page.getByTestId('note-editor');
  await expect(editor).toBeFocused();
  await editor.pressSequentially('Added by a double-tap');
  await editor.press('Escape');
  await expect(editor).toBeHidden();
  const note = (await board.board()).notes.find((n) => n.text === 'Added by a double-tap');
  expect(note).toMatchObject({ stageId: stage.id, laneId: lane.id });

  // A finger that moves at once from a note pans the board: the note stays in its cell. From its
  // middle: on a phone the selected note's toolbar sheet is folded to two rows along the bottom.
  const from = centre(await board.noteRect(note!.id));
  const cameraBefore = await cameraOf(board);
  await touch.swipe(from, { x: from.x - 70, y: from.y + 50 });
  await expect.poll(async () => (await cameraOf(board)).x).toBeCloseTo(cameraBefore.x - 70, 0);
  expect((await cameraOf(board)).y).toBeCloseTo(cameraBefore.y + 50, 0);
  expect(await board.noteById(note!.id)).toMatchObject({ stageId: stage.id, laneId: lane.id });
  expect(centre(await board.noteRect(note!.id)).x).toBeCloseTo(from.x - 70, 0);

  // A tap selects the note; a tap on the empty board clears the selection. The selection toolbar
  // now lies over the bottom of a phone's screen, so the tap is near the top-left of the canvas.
  await touch.tap(centre(await board.noteRect(note!.id)));
  await expect.poll(() => board.page.evaluate(() => window.__journeyboard!.selection())).toEqual([note!.id]);
  await expect(board.page.getByTestId('selection-toolbar')).toBeVisible();
  const box = await canvasBox(board);
  await touch.tap({ x: box.x + 24, y: box.y + 24 });
  await expect.poll(() => board.page.evaluate(() => window.__journeyboard!.selection())).toEqual([]);
});

test('tablet: a held note is dragged to another cell and a second browser sees it; a double-tap edits it; a tap during voting is a vote', async ({
  browser,
  server,
}) => {
  const boardId = await server.createBoard('Touch on a tablet');
  const desk = new BoardPageObject(await personPage(browser, server, { name: 'Dee Desk', department: 'product' }));
  await desk.open(boardId);
  const noteId = await desk.addNote('Awareness', 'Touchpoints', 'Hold me');
  const { board, touch } = await touchBoard(browser, server, 'iPad Mini', boardId, 'editor');
  await zoomIn(board, touch, 0.45);
  await swipeToMiddle(board, touch, () => board.noteRect(noteId));
  // The lane below, same stage: in view at this zoom.
  const { lanes } = await board.board();
  const below = lanes[lanes.findIndex((l) => l.name === 'Touchpoints') + 1]!;
  const target = [await board.stage('Awareness'), below] as const;

  // Hold still on the note until it is picked up (it is selected then), then carry it over.
  const from = centre(await board.noteRect(noteId));
  await touch.down(from);
  await expect.poll(() => board.page.evaluate(() => window.__journeyboard!.selection())).toEqual([noteId]);
  const to = await emptySpotIn(board, await board.cellRect(target[0].id, target[1].id));
  await touch.move([from], [to], 10);
  await touch.up();
  await expect
    .poll(async () => await board.noteById(noteId))
    .toMatchObject({ stageId: target[0].id, laneId: target[1].id });
  await expect
    .poll(async () => await desk.noteById(noteId))
    .toMatchObject({ stageId: target[0].id, laneId: target[1].id });

  // A double-tap on the note opens its editor.
  await touch.doubleTap(centre(await board.noteRect(noteId)));
  const editor = board.page.getByTestId('note-editor');
  await expect(editor).toBeFocused();
  await editor.fill('Held and moved');
  await editor.press('Escape');
  await expect.poll(async () => (await desk.noteById(noteId))?.text).toBe('Held and moved');

  // During a voting round a tap on a note is a vote, as a click is: the server places the dot or
  // says why not (this note's kind may be outside the round), and the note is not just selected.
  await new VotingObject(desk).start({ title: 'Tap to vote', dots: 2, facilitatorVotes: false });
  const voting = new VotingObject(board);
  await expect(voting.bar).toBeVisible();
  const before = await voting.state();
  await touch.tap(centre(await board.noteRect(noteId)));
  await expect
    .poll(async () => {
      const now = await voting.state();
      return (now.myDots[noteId] ?? 0) > 0 || JSON.stringify(now.lastRefusal) !== JSON.stringify(before.lastRefusal);
    })
    .toBe(true);
});
