import { DOUBLE_PRESS } from '../../board/gestureWords.ts';
import { NOTE_H } from '../../geometry/layout.ts';
import { BoardText } from '../BoardText.tsx';
import { directionProps } from '../textDirection.ts';
import { THEME } from '../theme.ts';

/** The words of a note (or of a private draft), or the hint to write some while it has none. */
export function NoteBodyText({ x, width, text }: { x: number; width: number; text: string }) {
  return (
    <BoardText
      x={x}
      y={28}
      width={width}
      height={NOTE_H - 28 - 26}
      text={text || `${DOUBLE_PRESS} to write…`}
      {...directionProps(text)}
      fontSize={13.5}
      lineHeight={1.25}
      fill={text ? THEME.ink : THEME.inkFaint}
      fontStyle={text ? 'normal' : 'italic'}
      wrap="word"
      ellipsis
    />
  );
}
