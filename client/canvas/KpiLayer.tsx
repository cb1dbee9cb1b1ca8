import { memo } from 'react';
import { Circle, Group, Line, Rect } from 'react-konva';
import {
  formatKpiNumber,
  formatKpiValue,
  KPI_STATUS_STYLE,
  KPI_TREND_ICON,
  kpiMetricKey,
  kpiStatus,
  kpiTrend,
  kpiTrendIsGood,
  type BoardSnapshot,
  type Kpi,
  type KpiId,
} from '../../shared/index.ts';
import type { Rect as Box } from '../geometry/geometry.ts';
import { LABEL_W, type BoardLayout } from '../geometry/layout.ts';
import { sparkline } from '../geometry/sparkline.ts';
import { slateShadow, THEME } from './theme.ts';
import { AddHint } from './AddHint.tsx';
import { BoardText } from './BoardText.tsx';

/** The Konva name of a KPI card: stable, one token (Konva names are space-separated lists). */
export function kpiShapeName(k: Pick<Kpi, 'stageId' | 'metric'>): string {
  return `kpi-${k.stageId}-${kpiMetricKey(k.metric)}`;
}

const KPI_ROW_FILL = '#f1f5f9';

/** The KPI row's band, its label at the left, and (for editors) the hint in empty stages. */
export function KpiRowBackground({
  board,
  layout,
  right,
  showHints,
}: {
  board: BoardSnapshot;
  layout: BoardLayout;
  right: number;
  showHints: boolean;
}) {
  const { y, height } = layout.kpiRow;
  return (
    <Group name="kpi-row">
      <Rect x={LABEL_W} y={y} width={right - LABEL_W} height={height} fill={KPI_ROW_FILL} />
      <Rect x={0} y={y} width={LABEL_W} height={height} fill={THEME.headerFill} />
      <Rect x={0} y={y} width={5} height={height} fill="#475569" />
      <BoardText x={18} y={y + 16} width={LABEL_W - 30} text="Stage KPIs" fontSize={15} fontStyle="bold" />
      <BoardText
        x={18}
        y={y + 38}
        width={LABEL_W - 30}
        text="Value against target, per stage"
        fontSize={11}
        fill={THEME.inkSoft}
        wrap="word"
      />
      <Rect x={0} y={y - 0.5} width={right} height={1.5} fill={THEME.gridStrong} />
      {showHints &&
        layout.stages.map((s) =>
          board.kpisByStage.get(s.id)?.length ? null : (
            <AddHint key={s.id} box={{ x: s.x, y, width: s.width, height }} what="a KPI" />
          ),
        )}
    </Group>
  );
}

interface Props {
  readonly board: BoardSnapshot;
  readonly layout: BoardLayout;
  readonly selected: KpiId | null;
}

/** KPI cards: metric, value with unit, status against target (icon and words, not colour alone), target and trend. */
export const KpiLayer = memo(function KpiLayer({ board, layout, selected }: Props) {
  return (
    <Group listening={false} name="kpis">
      {board.stages.flatMap((s) =>
        (board.kpisByStage.get(s.id) ?? []).map((k) => {
          const r = layout.kpis.get(k.id);
          return r ? <KpiCard key={k.id} kpi={k} box={r} selected={selected === k.id} /> : null;
        }),
      )}
    </Group>
  );
});

const KpiCard = memo(function KpiCard({ kpi, box, selected }: { kpi: Kpi; box: Box; selected: boolean }) {
  const status = kpiStatus(kpi);
  const style = KPI_STATUS_STYLE[status];
  const trend = kpiTrend(kpi);
  const good = trend ? kpiTrendIsGood(kpi, trend) : null;
  const trendColour =
    good === null ? THEME.inkSoft : good ? KPI_STATUS_STYLE.met.colour : KPI_STATUS_STYLE.missed.colour;
  const { x, y, width, height } = box;
  const target = kpi.target === null ? 'No target' : `Target ${formatKpiValue({ value: kpi.target, unit: kpi.unit })}`;
  const trendText = trend
    ? `${KPI_TREND_ICON[trend]} ${kpi.previous !== null && !kpi.trend ? `from ${formatKpiNumber(kpi.previous)}` : trend}`
    : '';
  const badge = status === 'none' ? 'No target' : status === 'met' ? 'Met' : status === 'near' ? 'Near' : 'Missed';
  const spark = kpi.recent.length > 1 ? SPARK : null;
  return (
    <Group name={`kpi ${kpiShapeName(kpi)}`} id={kpi.id}>
      <Rect
        x={x}
        y={y}
        width={width}
        height={height}
        fill="#fff"
        cornerRadius={10}
        stroke={selected ? THEME.selection : '#dbe1e8'}
        strokeWidth={selected ? 2 : 1}
        {...slateShadow(0.06, 6, 2)}
      />
      <Rect x={x} y={y} width={6} height={height} fill={style.colour} cornerRadius={[10, 0, 0, 10]} />
      <BoardText
        x={x + 16}
        y={y + 10}
        width={width - 26 - (spark ? spark.width + 8 : 0)}
        text={kpi.metric}
        fontSize={13}
        fontStyle="bold"
        oneLine
      />
      {spark && (
        <KpiSparkline
          values={kpi.recent.map((p) => p.value)}
          target={kpi.target}
          box={{ x: x + width - 10 - spark.width, y: y + 9, ...spark }}
        />
      )}
      <BoardText
        x={x + 16}
        y={y + 29}
        width={width - 100}
        text={formatKpiValue(kpi)}
        fontSize={22}
        fontStyle="bold"
        oneLine
      />
      <Rect x={x + width - 80} y={y + 31} width={70} height={20} cornerRadius={10} fill={style.fill} />
      <BoardText
        x={x + width - 80}
        y={y + 31}
        width={70}
        height={20}
        text={`${style.icon} ${badge}`}
        align="center"
        verticalAlign="middle"
        fontSize={11}
        fontStyle="bold"
        fill={style.colour}
      />
      <BoardText x={x + 16} y={y + 60} width={width - 100} text={target} fontSize={11} fill={THEME.inkSoft} oneLine />
      {trend && (
        <BoardText
          x={x + width - 90}
          y={y + 60}
          width={80}
          text={trendText}
          align="right"
          fontSize={11}
          fontStyle="bold"
          fill={trendColour}
          wrap="none"
        />
      )}
      {kpi.direction === 'lower' && (
        <BoardText
          x={x + 16}
          y={y + 74}
          width={width - 26}
          text="Lower is better"
          fontSize={10}
          fontStyle="italic"
          fill={THEME.inkSoft}
          wrap="none"
        />
      )}
    </Group>
  );
});

/** The sparkline's place at the card's top right, beside the metric name. */
const SPARK = { width: 64, height: 16 } as const;

/**
 * The KPI's latest measurements (the document's `recent`) as a line, the target as a dashed line.
 * Drawn with Konva like the rest of the card: uPlot draws into its own DOM canvas, which cannot
 * sit inside a Konva stage, and a line of 30 points needs no axes.
 */
function KpiSparkline({ values, target, box }: { values: number[]; target: number | null; box: Box }) {
  const shape = sparkline(values, target, box);
  return (
    <Group name="kpi-sparkline">
      {shape.targetY !== null && (
        <Line
          points={[box.x, shape.targetY, box.x + box.width, shape.targetY]}
          stroke={THEME.inkFaint}
          strokeWidth={1}
          dash={[3, 2]}
        />
      )}
      <Line points={shape.points} stroke={THEME.ink} strokeWidth={1.5} lineJoin="round" lineCap="round" />
      {shape.last && <Circle x={shape.last.x} y={shape.last.y} radius={2.5} fill={THEME.ink} />}
    </Group>
  );
}
