import type { CurveSeries, NoteId } from '../../shared/index.ts';
import type { Point, Rect } from './geometry.ts';
import type { BoardLayout } from './layout.ts';

const TOP = 52;
const BOTTOM = 18;

export interface PlottedPoint extends Point {
  readonly seriesKey: string;
  readonly stageIndex: number;
  readonly mean: number;
  /** The range band's top and bottom (max and min sentiment). */
  readonly yMax: number;
  readonly yMin: number;
  readonly noteIds: readonly NoteId[];
}

export interface PlottedSeries {
  readonly key: string;
  readonly label: string;
  readonly colour: string;
  readonly points: readonly PlottedPoint[];
}

/** The sentiment scale -2..+2 mapped into the band, +2 at the top. */
export function sentimentY(band: Rect, sentiment: number): number {
  const h = band.height - TOP - BOTTOM;
  return band.y + TOP + ((2 - sentiment) / 4) * h;
}

/** Where each series' points sit: at the centre of their stage column. Several series fan out a little. */
export function plotCurve(layout: BoardLayout, series: readonly CurveSeries[]): PlottedSeries[] {
  const band = layout.curveBand;
  if (!band) return [];
  return series.map((s, si) => ({
    key: s.key,
    label: s.label,
    colour: s.colour,
    points: s.points.flatMap((p, i) => {
      const stage = layout.stages[i];
      if (!p || !stage) return [];
      const fan = (si - (series.length - 1) / 2) * 10;
      return [
        {
          x: stage.x + stage.width / 2 + fan,
          y: sentimentY(band, p.mean),
          seriesKey: s.key,
          stageIndex: i,
          mean: p.mean,
          yMax: sentimentY(band, p.max),
          yMin: sentimentY(band, p.min),
          noteIds: p.noteIds,
        },
      ];
    }),
  }));
}

/** The plotted point nearest to `p` within `radius` (board units), for hovering. */
export function curvePointAt(plotted: readonly PlottedSeries[], p: Point, radius: number): PlottedPoint | null {
  let best: PlottedPoint | null = null;
  let bestD = radius;
  for (const s of plotted)
    for (const q of s.points) {
      const d = Math.hypot(q.x - p.x, q.y - p.y);
      if (d <= bestD) {
        best = q;
        bestD = d;
      }
    }
  return best;
}
