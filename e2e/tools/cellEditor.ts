import { expect, type Locator } from '@playwright/test';
import type { BoardPageObject } from '../BoardPageObject.ts';
import { TouchObject } from '../TouchObject.ts';

/**
 * Opens the editor of a new note (or, during private writing, a draft) in a cell's empty corner:
 * a double-click with a mouse, a double-tap on a touch screen, where a double-click is not a
 * gesture anyone makes and the board does not treat it as one.
 */
export async function openCellEditor(
  board: BoardPageObject,
  stageName: string,
  laneName: string,
  editorTestId: 'note-editor' | 'draft-editor' = 'note-editor',
): Promise<Locator> {
  const [stage, lane] = [await board.stage(stageName), await board.lane(laneName)];
  const cell = await board.cellRect(stage.id, lane.id);
  const corner = { x: cell.x + cell.width - 12, y: cell.y + cell.height - 8 };
  if (await board.page.evaluate(() => navigator.maxTouchPoints > 0))
    await new TouchObject(board.page).doubleTap(corner);
  else await board.page.mouse.dblclick(corner.x, corner.y);
  const editor = board.page.getByTestId(editorTestId);
  await expect(editor).toBeFocused();
  return editor;
}

/** Writes a note (or a draft) into a cell as a person would, and closes the editor. */
export async function writeInCell(
  board: BoardPageObject,
  stageName: string,
  laneName: string,
  text: string,
  editorTestId: 'note-editor' | 'draft-editor' = 'note-editor',
): Promise<void> {
  const editor = await openCellEditor(board, stageName, laneName, editorTestId);
  await editor.pressSequentially(text);
  await editor.press('Escape');
  await expect(editor).toBeHidden();
}
