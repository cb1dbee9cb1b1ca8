import { BoardText } from '../BoardText.tsx';
import { bodyTextLook, NOTE_BODY_TEXT } from './noteNode.ts';

/** The words of a private draft, or the hint to write some while it has none, as a note draws them (noteNode.ts). */
export function NoteBodyText({ x, width, text }: { x: number; width: number; text: string }) {
  return <BoardText x={x} width={width} {...NOTE_BODY_TEXT} {...bodyTextLook(text)} />;
}
