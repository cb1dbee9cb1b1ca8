import type { jsPDF } from 'jspdf';
import type { ActionMarker, Kpi, KpiMeasurement } from '../../shared/index.ts';
import type { ChartImage } from './kpiChartImage.ts';
import { type KpiPlotInput, kpiChartLabel } from './kpiPlot.ts';
import { pdfText } from './pdfText.ts';

/** A KPI with measurements, as the PDF's KPI pages chart it. */
export interface KpiChartEntry {
  readonly stage: string;
  readonly kpi: Kpi;
  readonly series: readonly KpiMeasurement[];
  readonly markers: readonly ActionMarker[];
  /** Why the series is not whole (the server could not be reached): said under the chart. */
  readonly partial?: string;
}

export type DrawChart = (
  input: KpiPlotInput,
  size: { width: number; height: number; scale: number },
) => Promise<ChartImage>;

const COLUMNS = 2;
const ROWS = 2;
const GAP = 16;
const HEADING = 14;
const CAPTION = 26;
/** Pixels per printed point in a chart's image: sharp on paper whatever the screen. */
const CHART_SCALE = 3;

const LEGEND =
  'The line is the series, the dashed grey line the target. Vertical lines are the steps of the stage’s actions: ' +
  'dotted grey + made an action, dashed amber ' +
  '> moved to in progress, solid green tick done.';

/**
 * Pages of KPI charts, four to a landscape page, each drawn by uPlot like the chart people open on
 * the board (kpiPlot.ts) and placed as an image. Nothing is added when no KPI has measurements.
 * Returns how many pages were added.
 */
export async function addKpiChartPages(
  doc: jsPDF,
  entries: readonly KpiChartEntry[],
  draw: DrawChart,
  margin: number,
): Promise<number> {
  const charted = entries.filter((e) => e.series.length > 0);
  if (charted.length === 0) return 0;
  const pageW = doc.internal.pageSize.getWidth();
  const pageH = doc.internal.pageSize.getHeight();
  const top = margin + 44;
  const cellW = (pageW - 2 * margin - (COLUMNS - 1) * GAP) / COLUMNS;
  const cellH = (pageH - top - margin - (ROWS - 1) * GAP) / ROWS;
  const chartH = cellH - HEADING - CAPTION;
  // Drawn one after another: each chart is a canvas of its own, in the page while it is drawn.
  const images: ChartImage[] = [];
  for (const e of charted)
    images.push(
      await draw(
        { series: e.series, target: e.kpi.target, markers: e.markers },
        { width: cellW, height: chartH, scale: CHART_SCALE },
      ),
    );
  const perPage = COLUMNS * ROWS;
  const pages = Math.ceil(charted.length / perPage);
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    heading(doc, p === 0 ? 'KPI charts' : 'KPI charts (continued)', margin);
    charted.slice(p * perPage, (p + 1) * perPage).forEach((e, i) => {
      const x = margin + (i % COLUMNS) * (cellW + GAP);
      const y = top + Math.floor(i / COLUMNS) * (cellH + GAP);
      doc.setFont('helvetica', 'bold');
      doc.setFontSize(10);
      doc.text(pdfText(`${e.stage} · ${e.kpi.metric}`), x, y + 10, { maxWidth: cellW });
      doc.addImage(images[p * perPage + i]!.dataUrl, 'PNG', x, y + HEADING, cellW, chartH, undefined, 'FAST');
      doc.setFont('helvetica', 'normal');
      doc.setFontSize(8);
      doc.setTextColor(91, 99, 114);
      const caption = kpiChartLabel(e.series, e.kpi, e.markers.length, false) + (e.partial ? `. ${e.partial}` : '');
      const lines = doc.splitTextToSize(pdfText(caption.replaceAll('−', '-')), cellW) as string[];
      doc.text(lines.slice(0, 2), x, y + HEADING + chartH + 10);
      doc.setTextColor(31, 36, 48);
    });
  }
  return pages;
}

function heading(doc: jsPDF, title: string, margin: number): void {
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(14);
  doc.text(title, margin, margin + 8);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  doc.setTextColor(91, 99, 114);
  doc.text(doc.splitTextToSize(LEGEND, doc.internal.pageSize.getWidth() - 2 * margin) as string[], margin, margin + 24);
  doc.setTextColor(31, 36, 48);
}
