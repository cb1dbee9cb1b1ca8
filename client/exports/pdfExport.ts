import {
  ACTION_STATUS_LABEL,
  DEPARTMENT_STYLE,
  NOTE_KIND_STYLE,
  roundDescription,
  type PriorityList,
} from '../../shared/index.ts';
import type { BoardImage } from '../canvas/boardImage.tsx';
import { addEmojiFont, emojiCellHooks, SLOT, splitEmoji } from './pdfEmoji.ts';
import { addKpiChartPages, type DrawChart, type KpiChartEntry } from './pdfKpiPages.ts';
import { pdfText } from './pdfText.ts';

export type PaperSize = 'a4' | 'letter';

/** The outcome's arrow and minus sign are outside Windows-1252: written as ASCII rather than "?". */
function outcomeText(text: string): string {
  return text.replaceAll('→', '->').replaceAll('−', '-');
}

/**
 * The board fitted to one landscape page (A4 or Letter), then the priority list as a table on
 * the following pages, then the KPI charts (pdfKpiPages.ts). jsPDF and its table plugin are loaded only when someone asks for a PDF.
 */
export async function boardPdf(input: {
  title: string;
  image: BoardImage;
  list: PriorityList;
  paper: PaperSize;
  generatedAt: Date;
  /** The emoji font's WOFF bytes (emojiFont.ts), fetched only when the table has emoji. */
  emojiFont: () => Promise<Uint8Array>;
  /** The KPIs with measurements, charted on pages after the list (none: no KPI pages). */
  kpiCharts: readonly KpiChartEntry[];
  drawChart: DrawChart;
}): Promise<Blob> {
  const [{ jsPDF }, { autoTable }] = await Promise.all([import('jspdf'), import('jspdf-autotable')]);
  const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: input.paper });
  // Note, stage, lane and owner are free text: their emoji are drawn by the hooks, the rest by the table.
  const cell = (text: string) => {
    const split = splitEmoji(text, pdfText);
    return split.emoji.length > 0 ? { content: split.text, emoji: split.emoji } : split.text;
  };
  const body = input.list.items.map((it) => [
    String(it.rank),
    String(it.votes),
    cell((it.removed ? '(removed) ' : '') + it.text),
    cell(it.stage),
    cell(it.lane),
    cell(it.channel),
    NOTE_KIND_STYLE[it.kind].label,
    it.department ? DEPARTMENT_STYLE[it.department].label : '',
    ...(input.list.commentsIncluded ? [String(it.comments ?? '')] : []),
    cell(it.owner),
    it.status ? ACTION_STATUS_LABEL[it.status] : '',
    it.due ?? '',
    pdfText(outcomeText(it.outcome?.statement ?? '')),
  ]);
  const hasEmoji = body.some((row) => row.some((c) => typeof c !== 'string'));
  // Without the font (offline, say) the PDF is still made, with "?" for each emoji as before.
  const withEmoji =
    hasEmoji &&
    (await input
      .emojiFont()
      .then((woff) => addEmojiFont(doc, woff))
      .then(
        () => true,
        () => false,
      ));
  const rows = withEmoji
    ? body
    : body.map((row) => row.map((c) => (typeof c === 'string' ? c : c.content.split(SLOT).join('?'))));
  const pageW = doc.internal.pageSize.getWidth();
  const pageH = doc.internal.pageSize.getHeight();
  const margin = 32;

  doc.setFont('helvetica', 'bold');
  doc.setFontSize(16);
  doc.text(pdfText(input.title), margin, margin + 8);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  doc.setTextColor(91, 99, 114);
  doc.text(`Journeyboard · ${input.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, margin, margin + 24);
  doc.setTextColor(31, 36, 48);

  const top = margin + 36;
  const boxW = pageW - 2 * margin;
  const boxH = pageH - top - margin;
  const scale = Math.min(boxW / input.image.width, boxH / input.image.height);
  const w = input.image.width * scale;
  const h = input.image.height * scale;
  doc.addImage(input.image.dataUrl, 'PNG', margin + (boxW - w) / 2, top, w, h, undefined, 'FAST');

  doc.addPage();
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(14);
  doc.text('Priority list', margin, margin + 8);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  doc.setTextColor(91, 99, 114);
  doc.text(pdfText(roundDescription(input.list)), margin, margin + 24);
  doc.setTextColor(31, 36, 48);
  const comments = input.list.commentsIncluded;
  autoTable(doc, {
    startY: margin + 34,
    margin: { left: margin, right: margin, top: margin, bottom: margin },
    head: [
      [
        '#',
        'Votes',
        'Note',
        'Stage',
        'Lane',
        'Channel',
        'Kind',
        'Department',
        ...(comments ? ['Comments'] : []),
        'Owner',
        'Status',
        'Due',
        'Did it work?',
      ],
    ],
    body: rows,
    ...(withEmoji ? emojiCellHooks(doc) : {}),
    styles: { font: 'helvetica', fontSize: 8.5, cellPadding: 4, overflow: 'linebreak', valign: 'top' },
    headStyles: { fillColor: [79, 70, 229], textColor: 255, fontStyle: 'bold' },
    alternateRowStyles: { fillColor: [247, 248, 250] },
    columnStyles: {
      0: { cellWidth: 24, halign: 'right' },
      1: { cellWidth: 36, halign: 'right' },
      2: { cellWidth: 170 },
    },
  });
  await addKpiChartPages(doc, input.kpiCharts, input.drawChart, margin);
  return doc.output('blob');
}
