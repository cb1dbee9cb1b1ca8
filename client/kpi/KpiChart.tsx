import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import {
  type ActionEvent,
  type ActionMarker,
  formatKpiNumber,
  type KpiMeasurement,
  periodStart,
} from '../../shared/index.ts';

const HEIGHT = 220;
const INK = '#1f2430';
const MUTED = '#5b6372';

/** Each step of an action is told apart by its mark and its dash, never by colour alone. */
export const MARKER_STYLE: Record<ActionEvent, { colour: string; dash: number[]; mark: string }> = {
  opened: { colour: '#64748b', dash: [2, 3], mark: '+' },
  started: { colour: '#b45309', dash: [6, 3], mark: '▶' },
  done: { colour: '#15803d', dash: [], mark: '✓' },
};

/**
 * A KPI's whole series drawn by uPlot: the measurements, the target as a dashed line, and a
 * vertical marker for each dated step of the stage's actions. The canvas is one image for screen
 * readers (`label`); the dialog's tables carry the same data for them and for the keyboard.
 */
export function KpiChart({
  series,
  target,
  markers,
  label,
}: {
  series: readonly KpiMeasurement[];
  target: number | null;
  markers: readonly ActionMarker[];
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = series.map((m) => (periodStart(m.period) ?? 0) / 1000);
    const data: uPlot.AlignedData = [
      xs,
      series.map((m) => m.value),
      ...(target === null ? [] : [xs.map(() => target)]),
    ];
    const times = [...xs, ...markers.map((m) => m.at / 1000)];
    const [min, max] = [Math.min(...times), Math.max(...times)];
    // A little room either side, so a marker on the first or last day is not on the frame.
    const pad = Math.max((max - min) * 0.03, 86_400);
    const plot = new uPlot(
      {
        width: el.clientWidth,
        height: HEIGHT,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true, range: () => [min - pad, max + pad] } },
        axes: [
          { stroke: MUTED, grid: { stroke: '#eef0f4' }, ticks: { stroke: '#e2e5eb' } },
          {
            stroke: MUTED,
            size: 48,
            grid: { stroke: '#eef0f4' },
            ticks: { stroke: '#e2e5eb' },
            values: (_u, values) => values.map((v) => formatKpiNumber(v)),
          },
        ],
        series: [
          {},
          { stroke: INK, width: 2, points: { show: true, size: 6, fill: INK } },
          ...(target === null ? [] : [{ stroke: '#64748b', width: 1.5, dash: [6, 4], points: { show: false } }]),
        ],
        hooks: { draw: [(u: uPlot) => drawMarkers(u, markers)] },
      },
      data,
      el,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series, target, markers]);
  return <div ref={box} className="kpi-chart" role="img" aria-label={label} data-testid="kpi-history-chart" />;
}

function drawMarkers(u: uPlot, markers: readonly ActionMarker[]): void {
  const { ctx, bbox } = u;
  const px = uPlot.pxRatio;
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
