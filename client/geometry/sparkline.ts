import type { Rect } from './geometry.ts';

export interface SparklineShape {
  /** The series as flat `[x0, y0, x1, y1, …]`, oldest at the left (Konva Line points; SVG polyline). */
  readonly points: number[];
  /** Where the target's horizontal line sits, or null without a target. */
  readonly targetY: number | null;
  /** The latest point, marked with a dot. */
  readonly last: { readonly x: number; readonly y: number } | null;
}

/**
 * A sparkline of `values` (oldest first) in `box`, scaled so the values and the target all fit:
 * the target line then always shows how far the series is from it. Points are evenly spaced (a
 * sparkline shows the shape, not the calendar). One point is a dot in the middle; a flat series
 * sits mid-height.
 */
export function sparkline(values: readonly number[], target: number | null, box: Rect): SparklineShape {
  if (values.length === 0) return { points: [], targetY: null, last: null };
  const all = target === null ? values : [...values, target];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const y = (v: number) =>
    max === min ? box.y + box.height / 2 : box.y + box.height - ((v - min) / (max - min)) * box.height;
  const step = values.length > 1 ? box.width / (values.length - 1) : 0;
  const x = (i: number) => (values.length > 1 ? box.x + i * step : box.x + box.width / 2);
  const points = values.flatMap((v, i) => [round(x(i)), round(y(v))]);
  return {
    points,
    targetY: target === null ? null : round(y(target)),
    last: { x: points.at(-2)!, y: points.at(-1)! },
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
