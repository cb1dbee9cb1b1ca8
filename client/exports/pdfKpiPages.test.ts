import { describe, expect, it } from 'vitest';
import { type ActionMarker, type KpiId, type NoteId, type PriorityList, readKpi } from '../../shared/index.ts';
import type { KpiPlotInput } from './kpiPlot.ts';
import { boardPdf } from './pdfExport.ts';
import type { DrawChart, KpiChartEntry } from './pdfKpiPages.ts';

/** A 1×1 PNG: what the chart looks like is checked in Chromium (e2e/exports.spec.ts). */
const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

const emptyList = {
  board: { id: 'b', title: 'Checkout', url: 'http://x' },
  round: { choice: 'latest', rounds: [] },
  availableRounds: [],
  commentsIncluded: false,
  filters: { stageIds: [], kinds: [], departments: [] },
  items: [],
  totalItems: 0,
} as unknown as PriorityList;

function entry(stage: string, metric: string, values: number[], markers: ActionMarker[] = []): KpiChartEntry {
  const kpi = readKpi(`kpi:${stage}:${metric}` as KpiId, { stageId: stage, metric, unit: '/5', target: 4.2 });
  const series = values.map((value, i) => ({
    period: `2026-0${i + 1}`,
    value,
    sampleSize: 100,
    source: 'survey',
  }));
  return { stage, kpi, series, markers };
}

async function pdf(kpiCharts: KpiChartEntry[]) {
  const drawn: { input: KpiPlotInput; size: Parameters<DrawChart>[1] }[] = [];
  const blob = await boardPdf({
    title: 'Checkout',
    image: { dataUrl: PIXEL, width: 1, height: 1, pixelRatio: 1 },
    list: emptyList,
    paper: 'a4',
    generatedAt: new Date(0),
    emojiFont: () => Promise.reject(new Error('no emoji here')),
    kpiCharts,
    drawChart: async (input, size) => {
      drawn.push({ input, size });
      return { dataUrl: PIXEL, width: size.width * size.scale, height: size.height * size.scale };
    },
  });
  const text = Buffer.from(await blob.arrayBuffer()).toString('latin1');
  return { text, drawn, pages: text.match(/\/Type \/Page\b(?!s)/g)?.length ?? 0 };
}

describe('the PDF’s KPI charts (issue 20, part 4)', () => {
  it('a board without measurements gets no KPI page: the board, then the list', async () => {
    const out = await pdf([entry('Checkout', 'CSAT', [])]);
    expect(out.pages).toBe(2);
    expect(out.drawn).toEqual([]);
    expect(out.text).not.toContain('(KPI charts');
  });

  it('one chart per KPI with measurements, four to a page, with the stage, the metric and the chart in words', async () => {
    const done: ActionMarker = {
      noteId: 'n1' as NoteId,
      text: 'Show shipping early',
      event: 'done',
      at: Date.UTC(2026, 1, 2),
    };
    const charts = [
      entry('Checkout', 'CSAT', [3.4, 3.9], [done]),
      ...['Search', 'Delivery', 'Returns', 'Support'].map((s) => entry(s, 'NPS', [12])),
      entry('Empty', 'CES', []),
    ];
    const out = await pdf(charts);
    expect(out.pages).toBe(4);
    expect(out.text).toContain('(KPI charts)');
    expect(out.text).toContain('(KPI charts \\(continued\\))');
    expect(out.text).toContain('(Checkout · CSAT)');
    expect(out.text).toContain('(Support · NPS)');
    expect(out.text).not.toContain('Empty');
    expect(out.text).toMatch(
      /2 measurements from 3\.4\/5 on 2026-01 to 3\.9\/5 on 2026-02; target 4\.2\/5; 1 action step marked/,
    );
    // Each chart is drawn from its own series, target and markers, at three pixels per point.
    expect(out.drawn.map((d) => d.input.series.length)).toEqual([2, 1, 1, 1, 1]);
    expect(out.drawn[0]!.input).toMatchObject({ target: 4.2, markers: [done] });
    expect(out.drawn[0]!.size.scale).toBe(3);
    expect(out.drawn[0]!.size.width).toBeGreaterThan(300);
  });
});
