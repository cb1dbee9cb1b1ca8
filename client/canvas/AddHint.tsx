import type { Rect } from '../geometry/geometry.ts';
import { DOUBLE_PRESS } from '../board/gestureWords.ts';
import { THEME } from './theme.ts';
import { BoardText } from './BoardText.tsx';

/** The words in an empty cell of the grid or the KPI row that say how to add `what` there. */
export function AddHint({ box, what }: { box: Rect; what: string }) {
  return (
    <BoardText
      x={box.x}
      y={box.y}
      width={box.width}
      height={box.height}
      text={`${DOUBLE_PRESS} to add ${what}`}
      align="center"
      verticalAlign="middle"
      fontSize={12}
      fill={THEME.inkFaint}
    />
  );
}
