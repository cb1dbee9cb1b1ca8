import type { StageComparison, StateComparison, TouchpointSide } from '../../shared/index.ts';
import { pdfText } from './pdfText.ts';

/** One line of the compare table: the stage, what changed, and the two sides. */
function stageRows(stage: StageComparison): string[][] {
  const side = (s: TouchpointSide | null) => (s ? `${s.text || '(empty)'}${s.channel ? ` (${s.channel})` : ''}` : '');
  const rows: string[][] = [
    ...stage.pains.removed.map((p) => ['Pain point removed', p.text, '']),
    ...stage.pains.kept.map((p) => ['Pain point kept', p.before ?? p.text, p.text]),
    ...stage.pains.added.map((p) => ['Pain point added', '', p.text]),
    ...stage.touchpoints.map((t) => [`Touchpoint ${t.change}`, side(t.before), side(t.after)]),
  ];
  const { added, dropped, current, future } = stage.channels;
  if (added.length + dropped.length > 0) rows.push(['Channels', current.join(', '), future.join(', ')]);
  const amount = (n: number | null | undefined, unit: string) => (n === null || n === undefined ? '-' : `${n}${unit}`);
  for (const k of stage.kpis)
    rows.push([
      `KPI ${k.metric}`,
      `${amount(k.current?.value, k.unit)}, target ${amount(k.current?.target, k.unit)}`,
      `target ${amount(k.future?.target, k.unit)}`,
    ]);
  const name = stage.on === 'both' ? stage.name : `${stage.name} (${stage.on === 'current' ? 'removed' : 'new'})`;
  return rows.map((r) => [name, ...r].map(pdfText));
}

/** The compare view as a PDF: the totals, then one table, stage by stage. jsPDF loads only when asked. */
export async function comparePdf(compare: StateComparison, generatedAt: Date): Promise<Blob> {
  const [{ jsPDF }, { autoTable }] = await Promise.all([import('jspdf'), import('jspdf-autotable')]);
  const doc = new jsPDF({ orientation: 'landscape', unit: 'pt', format: 'a4' });
  const margin = 32;
  const { totals } = compare;
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(16);
  doc.text(pdfText(`${compare.current.title} -> ${compare.future.title}`), margin, margin + 8);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  doc.setTextColor(91, 99, 114);
  doc.text(
    `Pain points: ${totals.painsRemoved} removed, ${totals.painsKept} kept, ${totals.painsAdded} added. ` +
      `Touchpoints changed: ${totals.touchpointsChanged}. Journeyboard, ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    margin,
    margin + 24,
  );
  doc.setTextColor(31, 36, 48);
  autoTable(doc, {
    startY: margin + 34,
    margin: { left: margin, right: margin, top: margin, bottom: margin },
    head: [['Stage', 'What', 'Current state', 'Future state']],
    body: compare.stages.flatMap(stageRows),
    styles: { font: 'helvetica', fontSize: 8.5, cellPadding: 4, overflow: 'linebreak', valign: 'top' },
    headStyles: { fillColor: [79, 70, 229], textColor: 255, fontStyle: 'bold' },
    alternateRowStyles: { fillColor: [247, 248, 250] },
    columnStyles: { 0: { cellWidth: 110 }, 1: { cellWidth: 110 } },
  });
  return doc.output('blob');
}
