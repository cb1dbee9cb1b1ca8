/**
 * Regenerates the README screenshot and the UI review shots: `npm run screenshots`
 * (needs `npm run build:test` first). Two people on one e-commerce board, one selecting a note
 * and typing, the other's cursor visible. Then the first-workshop views at three widths and the
 * phone and tablet views (deviceScreenshots.ts).
 */
import { resolve } from 'node:path';
import { REVIEW_DIR, reviewPerson, withReviewBoard } from './reviewBoard.ts';
import { firstWorkshopShots } from './firstWorkshopScreenshots.ts';
import { deviceShots } from './deviceScreenshots.ts';
import { channelShots } from './channelScreenshots.ts';
import { webhookShots } from './webhookScreenshots.ts';
import { futureStateShots } from './futureStateScreenshots.ts';
import { pathShots } from './pathScreenshots.ts';

const OUT = resolve(import.meta.dirname, '../../docs');

// The README's shot keeps its 1440 × 880 frame.
const README = { viewport: { width: 1440, height: 880 }, deviceScaleFactor: 1 };

await withReviewBoard(async (review) => {
  const { browser, server, boardId } = review;
  const ann = await reviewPerson(browser, server, 'Ann Lee', { department: 'marketing', device: README });
  const bob = await reviewPerson(browser, server, 'Bob Ray', { device: README });
  await ann.open(boardId);
  await bob.open(boardId);
  const board = await bob.board();
  const pain = board.notes.find((n) => n.kind === 'pain')!;
  const r = await bob.noteRect(pain.id);
  await bob.page.mouse.click(r.x + 30, r.y + 40);
  await bob.page.mouse.move(r.x + 120, r.y + 70, { steps: 4 });
  const idea = board.notes.find((n) => n.kind === 'idea')!;
  const ri = await ann.noteRect(idea.id);
  await ann.page.mouse.move(ri.x + 60, ri.y + 50, { steps: 4 });
  await ann.page.waitForFunction(() =>
    window.__journeyboard!.peers().some((p) => p.hasCursor && p.selection.length === 1),
  );
  await ann.page.screenshot({ path: resolve(OUT, 'screenshot.png') });
  await ann.page.mouse.click(ri.x + 30, ri.y + 30);
  await ann.page.screenshot({ path: resolve(REVIEW_DIR, 'selection.png') });
  await ann.page.goto(server.url);
  await ann.page.getByRole('heading', { name: 'Start a journey map' }).waitFor();
  await ann.page.getByText('E-commerce purchase').waitFor();
  await ann.page.screenshot({ path: resolve(REVIEW_DIR, 'home.png') });
  for (const shots of [firstWorkshopShots, deviceShots, channelShots, webhookShots, futureStateShots, pathShots])
    await shots(review);
  console.log(`wrote ${resolve(OUT, 'screenshot.png')} and review shots in ${REVIEW_DIR}`);
});
