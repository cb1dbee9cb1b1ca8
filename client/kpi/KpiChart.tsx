import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { kpiPlot, type KpiPlotInput } from '../exports/kpiPlot.ts';

const HEIGHT = 220;

/**
 * A KPI's whole series drawn by uPlot (kpiPlot.ts: the measurements, the target, the action
 * steps). The canvas is one image for screen readers (`label`); the dialog's tables carry the
 * same data for them and for the keyboard.
 */
export function KpiChart({ series, target, markers, label }: KpiPlotInput & { label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const { options, data } = kpiPlot({ series, target, markers }, { width: el.clientWidth, height: HEIGHT });
    const plot = new uPlot(options, data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series, target, markers]);
  return <div ref={box} className="kpi-chart" role="img" aria-label={label} data-testid="kpi-history-chart" />;
}
