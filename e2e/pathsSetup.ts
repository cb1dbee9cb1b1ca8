import { expect } from '@playwright/test';
import type { BoardPageObject } from './BoardPageObject.ts';
import { ConnectorsObject } from './ConnectorsObject.ts';

/**
 * Draws two paths from the first note of the first stage with the mouse: next steps to the
 * stage's second note and on to the second stage's first, and a drop-out to the first stage's
 * third note. Returns the notes' ids in walking order, the drop-out's last.
 */
export async function drawTwoPaths(board: BoardPageObject): Promise<[string, string, string, string]> {
  const arrows = new ConnectorsObject(board);
  const { notes, stages } = await board.board();
  const inStage = (i: number) => notes.filter((n) => n.stageId === stages[i]!.id).map((n) => n.id);
  const [a, b, d] = inStage(0);
  const [c] = inStage(1);
  if (!a || !b || !c || !d) throw new Error('the template has three notes in its first stage and one in its second');
  await arrows.drawByMouse(a, b);
  await arrows.drawByMouse(b, c);
  await arrows.drawByMouse(a, d);
  await expect.poll(async () => (await arrows.list()).length).toBe(3);
  const dropOut = (await arrows.list()).find((x) => x.from === a && x.to === d)!;
  const at = await arrows.pathPoint(dropOut.id);
  await board.page.mouse.click(at.x, at.y);
  await arrows.kind('Drop-out').click();
  await expect.poll(async () => (await arrows.list()).find((x) => x.id === dropOut.id)!.kind).toBe('drop-out');
  await board.page.keyboard.press('Escape');
  return [a, b, c, d];
}
