import uPlot from 'uplot';
import {
  type ActionEvent,
  type ActionMarker,
  formatKpiNumber,
  formatKpiValue,
  type Kpi,
  type KpiMeasurement,
  periodStart,
} from '../../shared/index.ts';

// One chart for the KPI dialog (client/kpi/KpiChart.tsx) and the PDF's KPI page (kpiChartImage.ts),
// so the printed chart is the one people saw on screen.

const INK = '#1f2430';
const MUTED = '#5b6372';
const GRID = '#eef0f4';
const TICKS = '#e2e5eb';

/** Each step of an action is told apart by its mark and its dash, never by colour alone. */
export const MARKER_STYLE: Record<ActionEvent, { colour: string; dash: number[]; mark: string }> = {
  opened: { colour: '#64748b', dash: [2, 3], mark: '+' },
  started: { colour: '#b45309', dash: [6, 3], mark: '▶' },
  done: { colour: '#15803d', dash: [], mark: '✓' },
};

export interface KpiPlotInput {
  readonly series: readonly KpiMeasurement[];
  readonly target: number | null;
  readonly markers: readonly ActionMarker[];
}

/**
 * uPlot's options and data for a KPI's series: the measurements, the target as a dashed line and
 * a vertical marker for each dated step of the stage's actions. `scale` multiplies every size in
 * CSS pixels (fonts, strokes, points), for an image drawn larger than it is printed.
 */
export function kpiPlot(
  { series, target, markers }: KpiPlotInput,
  size: { width: number; height: number; scale?: number; hooks?: uPlot.Hooks.Arrays },
): { options: uPlot.Options; data: uPlot.AlignedData } {
  const s = size.scale ?? 1;
  const xs = series.map((m) => (periodStart(m.period) ?? 0) / 1000);
  const data: uPlot.AlignedData = [xs, series.map((m) => m.value), ...(target === null ? [] : [xs.map(() => target)])];
  const times = [...xs, ...markers.map((m) => m.at / 1000)];
  const [min, max] = [Math.min(...times), Math.max(...times)];
  // A little room either side, so a marker on the first or last day is not on the frame.
  const pad = Math.max((max - min) * 0.03, 86_400);
  const font = `${12 * s}px system-ui, sans-serif`;
  const axis = {
    stroke: MUTED,
    font,
    gap: 5 * s,
    grid: { stroke: GRID, width: 2 * s },
    ticks: { stroke: TICKS, width: 2 * s, size: 10 * s },
  };
  // Thousands of daily points as dots would be one thick line: dots only while they stand apart.
  const dots = series.length <= 120;
  return {
    data,
    options: {
      width: size.width,
      height: size.height,
      legend: { show: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true, range: () => [min - pad, max + pad] } },
      axes: [
        { ...axis, size: 50 * s, space: 60 * s },
        { ...axis, size: 48 * s, space: 30 * s, values: (_u, values) => values.map((v) => formatKpiNumber(v)) },
      ],
      series: [
        {},
        { stroke: INK, width: 2 * s, points: { show: dots, size: 6 * s, fill: INK } },
        ...(target === null
          ? []
          : [{ stroke: '#64748b', width: 1.5 * s, dash: [6 * s, 4 * s], points: { show: false } }]),
      ],
      hooks: { ...size.hooks, draw: [(u: uPlot) => drawMarkers(u, markers, s), ...(size.hooks?.draw ?? [])] },
    },
  };
}

function drawMarkers(u: uPlot, markers: readonly ActionMarker[], scale: number): void {
  const { ctx, bbox } = u;
  const px = uPlot.pxRatio * scale;
  ctx.save();
  ctx.font = `${12 * px}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  // Steps close together (made an action and started the same day) stack their marks downwards.
  let last = Number.NEGATIVE_INFINITY;
  let row = 0;
  for (const m of markers) {
    const style = MARKER_STYLE[m.event];
    const x = Math.round(u.valToPos(m.at / 1000, 'x', true));
    row = x - last < 14 * px ? row + 1 : 0;
    last = x;
    const top = bbox.top + 2 * px + row * 14 * px;
    ctx.strokeStyle = style.colour;
    ctx.fillStyle = style.colour;
    ctx.lineWidth = 1.5 * px;
    ctx.setLineDash(style.dash.map((d) => d * px));
    ctx.beginPath();
    ctx.moveTo(x, top + 14 * px);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
    ctx.fillText(style.mark, x, top);
  }
  ctx.restore();
}

/** The chart in words: for screen readers on screen (the steps are listed below it), and under each chart in the PDF. */
export function kpiChartLabel(
  series: readonly KpiMeasurement[],
  kpi: Pick<Kpi, 'target' | 'unit'>,
  steps: number,
  stepsListed = true,
): string {
  const format = (value: number) => formatKpiValue({ value, unit: kpi.unit });
  const first = series[0]!;
  const last = series.at(-1)!;
  const target = kpi.target === null ? '' : `; target ${format(kpi.target)}`;
  const marked =
    steps === 0 ? '' : `; ${steps} action step${steps === 1 ? '' : 's'} marked${stepsListed ? ' (listed below)' : ''}`;
  return `${series.length} measurements from ${format(first.value)} on ${first.period} to ${format(last.value)} on ${last.period}${target}${marked}`;
}
