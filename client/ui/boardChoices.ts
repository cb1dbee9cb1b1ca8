import { NOTE_KIND_STYLE, NOTE_KINDS, type BoardSnapshot, type StageId } from '../../shared/index.ts';
import { type Choice, choicesOf } from './Select.tsx';

/** Every note kind by its name, in the board's order. */
export const NOTE_KIND_CHOICES = choicesOf(NOTE_KINDS, (k) => NOTE_KIND_STYLE[k].label);

/** The board's stages by name, left to right. */
export function stageChoices(board: BoardSnapshot): Choice<StageId>[] {
  return board.stages.map((s) => ({ value: s.id, label: s.name }));
}
