import type { CurveSeries, NoteId, PathCurvePoint } from '../../shared/index.ts';
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

/**
 * The emotion curve along a path: one point per path note with a sentiment, at that note's
 * column (its centre), in walking order, so a loop back draws the line going left again.
 */
export function plotPathCurve(layout: BoardLayout, points: readonly PathCurvePoint[], label: string): PlottedSeries[] {
  const band = layout.curveBand;
  if (!band) return [];
  return [
    {
      key: 'path',
      label,
      colour: PATH_CURVE_COLOUR,
      points: points.flatMap((p) => {
        const r = layout.notes.get(p.noteId);
        if (!r) return [];
        const y = sentimentY(band, p.sentiment);
        const stage = layout.stages.findIndex((s) => r.x >= s.x && r.x < s.x + s.width);
        return [
          {
            x: r.x + r.width / 2,
            y,
            seriesKey: 'path',
            // A note in the orphan strip has no column: its point is listed under the first stage.
            stageIndex: Math.max(stage, 0),
            mean: p.sentiment,
            yMax: y,
            yMin: y,
            noteIds: [p.noteId],
          },
        ];
      }),
    },
  ];
}

const PATH_CURVE_COLOUR = '#b45309';
