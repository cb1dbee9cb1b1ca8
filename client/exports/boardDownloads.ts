import { actionMarkers, fileSlug, type KpiMeasurement, type PriorityList } from '../../shared/index.ts';
import { KpiMeasurementsApi } from '../api/kpiMeasurements.ts';
import type { BoardSession } from '../board/BoardSession.ts';
import { renderBoardImage, type BoardImage } from '../canvas/boardImage.tsx';
import { dataUrlBlob, saveBlob } from './downloads.ts';
import { emojiFontBytes, loadEmojiFont } from './emojiFont.ts';
import { kpiChartImage } from './kpiChartImage.ts';
import { boardPdf, type PaperSize } from './pdfExport.ts';
import type { KpiChartEntry } from './pdfKpiPages.ts';

/** Pixels per board unit in exported images: sharp on a retina screen and in print. */
const EXPORT_PIXEL_RATIO = 2;

/** The board as a PNG image: the whole board, or what the viewport shows now. */
async function boardImage(session: BoardSession, area: 'board' | 'view'): Promise<BoardImage> {
  // Without it, emoji are boxes on a machine with no emoji font. An export without emoji beats no export.
  await loadEmojiFont().catch(() => undefined);
  const { camera, viewport, curveGrouping } = session.editor.get();
  return renderBoardImage(session.model.source.getSnapshot(), {
    area: area === 'board' ? { kind: 'board' } : { kind: 'view', camera, viewport },
    pixelRatio: EXPORT_PIXEL_RATIO,
    curveGrouping,
    layouts: session.layouts,
  });
}

export async function downloadBoardPng(session: BoardSession, area: 'board' | 'view'): Promise<string> {
  const image = await boardImage(session, area);
  const title = session.model.source.getSnapshot().meta.title;
  const filename = `${fileSlug(title)}-${area === 'board' ? 'board' : 'view'}.png`;
  saveBlob(dataUrlBlob(image.dataUrl), filename);
  return filename;
}

export async function downloadBoardPdf(session: BoardSession, list: PriorityList, paper: PaperSize): Promise<string> {
  const image = await boardImage(session, 'board');
  const title = session.model.source.getSnapshot().meta.title;
  const blob = await boardPdf({
    title,
    image,
    list,
    paper,
    generatedAt: new Date(),
    emojiFont: emojiFontBytes,
    kpiCharts: await kpiChartEntries(session),
    drawChart: kpiChartImage,
  });
  const filename = `${fileSlug(title)}-${paper}.pdf`;
  saveBlob(blob, filename);
  return filename;
}

/**
 * Every KPI of an existing stage that has measurements, in board order, with its whole series read
 * from the server. A series the server cannot give (offline) is charted from the points the board
 * holds, and the page says so: the PDF is still made.
 */
async function kpiChartEntries(session: BoardSession): Promise<KpiChartEntry[]> {
  const board = session.model.source.getSnapshot();
  const api = new KpiMeasurementsApi(session.boardId, () => session.token);
  const measured = board.stages.flatMap((stage) =>
    (board.kpisByStage.get(stage.id) ?? []).filter((k) => k.measuredAt !== null).map((kpi) => ({ stage, kpi })),
  );
  return Promise.all(
    measured.map(async ({ stage, kpi }): Promise<KpiChartEntry> => {
      const markers = actionMarkers(board.notes, stage.id);
      try {
        return { stage: stage.name, kpi, markers, series: await api.list(kpi.id) };
      } catch {
        const series: KpiMeasurement[] = kpi.recent.map((p) => ({ ...p, sampleSize: null, source: null }));
        const partial = `Only the latest ${series.length} points: the whole series could not be read`;
        return { stage: stage.name, kpi, markers, series, partial };
      }
    }),
  );
}
