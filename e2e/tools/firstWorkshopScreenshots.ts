/**
 * Review shots of the views a first workshop trips on, on each of the REVIEW_DEVICES (1440, 820 and
 * 390, touch): `node e2e/tools/firstWorkshopScreenshots.ts [view…]` after `npm run build:test`
 * (`npm run screenshots` runs it too). Written to test-results/screens/first-<view>-<device>.png.
 */
import { resolve } from 'node:path';
import type { BoardPageObject } from '../BoardPageObject.ts';
import { pressBarControl } from './barControl.ts';
import { openCellEditor, writeInCell } from './cellEditor.ts';
import { onNewBoard, REVIEW_DEVICES, REVIEW_DIR, type Review, reviewPerson, withReviewBoard } from './reviewBoard.ts';

type View = (board: BoardPageObject, review: Review) => Promise<void>;

/** Each view: what to do on a fresh e-commerce board before the shot. */
const VIEWS: Record<string, View> = {
  board: async () => {},
  facilitate: async (board) => {
    await board.page.getByRole('button', { name: 'Facilitate' }).dispatchEvent('click');
    await board.page.getByRole('dialog', { name: 'Facilitate' }).waitFor();
  },
  'private-draft': async (board) => {
    await board.page.getByRole('button', { name: 'Facilitate' }).dispatchEvent('click');
    await board.page.getByRole('button', { name: 'Start private writing' }).dispatchEvent('click');
    await board.page.getByRole('region', { name: 'Private writing' }).waitFor();
    await writeInCell(board, 'Awareness', 'Pain points', 'Sizes run small', 'draft-editor');
  },
  priorities: async (board) => {
    await pressBarControl(board.page, 'priorities-toggle');
    await board.page.getByRole('complementary', { name: 'Priority list' }).waitFor();
  },
  'private-writing-started': async (board) => {
    await board.page.getByRole('button', { name: 'Facilitate' }).dispatchEvent('click');
    await board.page.getByRole('button', { name: 'Start private writing' }).dispatchEvent('click');
    await board.page.getByRole('region', { name: 'Private writing' }).waitFor();
  },
  shortcuts: async (board) => {
    await pressBarControl(board.page, 'shortcuts-button');
    await board.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
  },
  teams: async (board) => {
    await pressBarControl(board.page, 'teams-toggle');
    await board.page.getByRole('complementary', { name: 'Teams on this journey' }).waitFor();
  },
  identity: async (board) => {
    await pressBarControl(board.page, 'identity-button');
    await board.page.getByRole('dialog', { name: 'Your name and team' }).waitFor();
  },
  'paste-cut': async (board) => {
    const editor = await openCellEditor(board, 'Awareness', 'Pain points');
    await editor.evaluate(
      (el, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      Array.from({ length: 200 }, (_, i) => `Interview ${i + 1}: the delivery date is unclear`).join('\n'),
    );
    await board.page.getByTestId('note-limit-status').waitFor();
  },
  'rtl-note': async (board) => {
    await writeInCell(board, 'Awareness', 'Pain points', 'موعد التسليم غير واضح');
    await writeInCell(board, 'Consideration', 'Thoughts', 'האם המידה מתאימה לי?');
  },
  'paste-preview': async (board) => {
    const [stage, lane] = [await board.stage('Delivery'), await board.lane('Pain points')];
    const cell = await board.cellRect(stage.id, lane.id);
    await board.page.mouse.click(cell.x + cell.width - 12, cell.y + cell.height - 8);
    await board.page.evaluate(
      (t) => {
        const data = new DataTransfer();
        data.setData('text/plain', t);
        document.body.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      },
      Array.from({ length: 18 }, (_, i) => `Interview ${i + 1}: where is my parcel?`).join('\n'),
    );
    await board.page.getByRole('dialog', { name: /^Paste/ }).waitFor();
  },
  'selected-note': async (board) => {
    const note = (await board.board()).notes[0]!;
    const r = await board.noteRect(note.id);
    await board.page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    await board.page.getByTestId('selection-toolbar').waitFor();
  },
  // Issue 22: a revealed round's totals on the notes, and the facilitator's "Dots on everyone's board".
  'vote-totals': async (board) => {
    const page = board.page;
    await page.getByRole('button', { name: 'Start voting' }).dispatchEvent('click');
    const dialog = page.getByRole('dialog', { name: 'Start a voting round' });
    await dialog.getByTestId('vote-title').fill('Fix first?');
    await dialog.getByTestId('start-voting-submit').dispatchEvent('click');
    const pains = (await board.board()).notes.filter((n) => n.kind === 'pain');
    for (const n of pains.slice(0, 2)) {
      const r = await board.noteRect(n.id);
      await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2 - 10);
    }
    await page.getByRole('button', { name: 'Reveal' }).dispatchEvent('click');
    await page.getByTestId('show-for-everyone').waitFor();
  },
  // Issue 22: two people whose names start with S, in clearly different colours.
  participants: async (board, { browser, server, boardId }) => {
    for (const [name, department] of [
      ['Sam Stone', 'sales'],
      ['Sara Quinn', 'support'],
    ] as const) {
      await (await reviewPerson(browser, server, name, { department })).open(boardId, 'editor');
    }
    await pressBarControl(board.page, 'participants-button');
    await board.page.getByTestId('participant').nth(2).waitFor();
  },
  'start-voting': async (board) => {
    await board.page.getByRole('button', { name: 'Start voting' }).click();
    await board.page.getByRole('dialog', { name: 'Start a voting round' }).waitFor();
  },
};

export async function firstWorkshopShots(review: Review, only?: readonly string[]): Promise<void> {
  for (const [view, act] of Object.entries(VIEWS)) {
    if (only && only.length > 0 && !only.includes(view)) continue;
    for (const [name, device] of REVIEW_DEVICES) {
      const on = await onNewBoard(review, 'Checkout workshop');
      const board = await reviewPerson(on.browser, on.server, 'Fay Flint', { department: 'marketing', device });
      // 'board' is the first view as a person gets it (a readable zoom); the others start fitted.
      await board.open(on.boardId, 'facilitator', { fit: view !== 'board' });
      // A view that cannot be reached at this width (the phone layout is not done) is still shot.
      await act(board, on).catch((e: Error) => console.warn(`${view} at ${name}: ${e.message.split('\n')[0]}`));
      await board.page.screenshot({ path: resolve(REVIEW_DIR, `first-${view}-${name}.png`) });
      await board.page.context().close();
    }
  }
}

if (import.meta.main) {
  await withReviewBoard((review) => firstWorkshopShots(review, process.argv.slice(2)));
  console.log(`wrote first-*.png in ${REVIEW_DIR}`);
}
