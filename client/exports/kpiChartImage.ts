import uPlot from 'uplot';
import type { KpiPlotInput } from './kpiPlot.ts';
import { kpiPlot } from './kpiPlot.ts';

export interface ChartImage {
  readonly dataUrl: string;
  /** CSS pixels the chart was laid out in (the PNG has `pixelRatio` times as many). */
  readonly width: number;
  readonly height: number;
}

/** On paper the chart's text is 8 pt, two thirds of its 12 px on screen (a point is about a pixel). */
const PRINT_SIZE = 2 / 3;

/**
 * Draws a KPI's chart with uPlot off-screen and returns it as a PNG, for the PDF. The chart is
 * laid out at `scale` pixels per printed point, so its text and lines stay sharp on paper
 * whatever the screen's pixel ratio. The background is white: the image is the chart as printed.
 */
export async function kpiChartImage(
  input: KpiPlotInput,
  size: { width: number; height: number; scale: number },
): Promise<ChartImage> {
  const width = Math.round(size.width * size.scale);
  const height = Math.round(size.height * size.scale);
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-${width + 100}px;top:0;width:${width}px;pointer-events:none`;
  document.body.append(host);
  try {
    // uPlot draws after a microtask: the first `draw` hook is the chart complete on its canvas.
    let drawn!: () => void;
    const ready = new Promise<void>((ok) => (drawn = ok));
    const { options, data } = kpiPlot(input, {
      width,
      height,
      scale: size.scale * PRINT_SIZE,
      hooks: {
        drawClear: [
          (u) => {
            u.ctx.save();
            u.ctx.fillStyle = '#ffffff';
            u.ctx.fillRect(0, 0, u.ctx.canvas.width, u.ctx.canvas.height);
            u.ctx.restore();
          },
        ],
        draw: [() => drawn()],
      },
    });
    const plot = new uPlot(options, data, host);
    try {
      await ready;
      return { dataUrl: plot.ctx.canvas.toDataURL('image/png'), width, height };
    } finally {
      plot.destroy();
    }
  } finally {
    host.remove();
  }
}
