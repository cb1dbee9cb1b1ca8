import { memo } from 'react';
import { Circle, Group, Line, Rect } from 'react-konva';
import type { Rect as R } from '../geometry/geometry.ts';
import { sentimentY, type PlottedPoint, type PlottedSeries } from '../geometry/curveGeometry.ts';
import { THEME } from './theme.ts';
import { BoardText } from './BoardText.tsx';

interface Props {
  readonly band: R;
  readonly plotted: readonly PlottedSeries[];
  readonly hovered: PlottedPoint | null;
}

const SCALE_LABELS: readonly [number, string][] = [
  [2, '+2'],
  [0, '0'],
  [-2, '−2'],
];

/** The emotion curve in its band at the top of the Emotions lane: mean per stage, range as a band. */
export const EmotionCurveLayer = memo(function EmotionCurveLayer({ band, plotted, hovered }: Props) {
  const empty = plotted.every((s) => s.points.length === 0);
  return (
    <Group listening={false} name="emotion-curve">
      <Rect {...band} fill="rgba(255,255,255,0.55)" />
      <Rect x={band.x} y={band.y + band.height - 1} width={band.width} height={1} fill={THEME.grid} />
      {SCALE_LABELS.map(([v, label]) => (
        <Group key={v}>
          <Line
            points={[band.x, sentimentY(band, v), band.x + band.width, sentimentY(band, v)]}
            stroke={v === 0 ? THEME.gridStrong : THEME.grid}
            strokeWidth={1}
            dash={v === 0 ? undefined : [4, 4]}
          />
          <BoardText x={band.x + 6} y={sentimentY(band, v) - 12} text={label} fontSize={10} fill={THEME.inkFaint} />
        </Group>
      ))}
      {empty && (
        <BoardText
          x={band.x}
          y={band.y + band.height / 2 - 6}
          width={band.width}
          align="center"
          text="The emotion curve appears as the team adds emotion notes with a sentiment"
          fontSize={12}
          fill={THEME.inkFaint}
        />
      )}
      {plotted.map((s) => (
        <Group key={s.key} name="curve-series">
          {s.points.map((p) => (
            <Rect
              key={`r${p.stageIndex}`}
              x={p.x - 7}
              y={p.yMax - 4}
              width={14}
              height={p.yMin - p.yMax + 8}
              cornerRadius={7}
              fill={s.colour}
              opacity={0.14}
            />
          ))}
          <Line
            points={s.points.flatMap((p) => [p.x, p.y])}
            stroke={s.colour}
            strokeWidth={3}
            tension={0.25}
            lineCap="round"
            lineJoin="round"
          />
          {s.points.map((p) => (
            <Circle
              key={p.stageIndex}
              name="curve-point"
              x={p.x}
              y={p.y}
              radius={hovered?.seriesKey === p.seriesKey && hovered.stageIndex === p.stageIndex ? 7 : 5}
              fill="#fff"
              stroke={s.colour}
              strokeWidth={3}
            />
          ))}
        </Group>
      ))}
    </Group>
  );
});
