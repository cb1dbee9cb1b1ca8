import type { ComparedKpi, StageComparison, StateComparison, TouchpointSide } from '../model/compareStates.ts';
import { escapeMarkdownCell } from './markdown.ts';

const STAGE_ON: Record<StageComparison['on'], string> = {
  both: '',
  current: ' *(only in the current state)*',
  future: ' *(new in the future state)*',
};

/** The compare view as Markdown: totals, then per stage its pain points, touchpoints, channels and KPI targets. */
export function compareToMarkdown(compare: StateComparison): string {
  const { totals } = compare;
  const lines = [
    `# ${escapeMarkdownCell(compare.current.title)} → ${escapeMarkdownCell(compare.future.title)}`,
    '',
    `Pain points: ${totals.painsRemoved} removed, ${totals.painsKept} kept, ${totals.painsAdded} added. ` +
      `Touchpoints changed: ${totals.touchpointsChanged}.`,
  ];
  for (const stage of compare.stages) lines.push('', ...stageLines(stage));
  return `${lines.join('\n')}\n`;
}

function stageLines(stage: StageComparison): string[] {
  const lines = [`## ${escapeMarkdownCell(stage.name)}${STAGE_ON[stage.on]}`, ''];
  const { removed, kept, added } = stage.pains;
  if (removed.length + kept.length + added.length === 0) lines.push('No pain points on either board.');
  else {
    lines.push('| Pain point | In the future |', '| --- | --- |');
    for (const p of removed) lines.push(`| ${cell(p.text)} | removed |`);
    for (const p of kept)
      lines.push(`| ${cell(p.text)} | kept${p.before === null ? '' : ` (was “${cell(p.before)}”)`} |`);
    for (const p of added) lines.push(`| ${cell(p.text)} | added |`);
  }
  if (stage.touchpoints.length > 0) {
    lines.push('', '| Touchpoint now | In the future | Change |', '| --- | --- | --- |');
    for (const t of stage.touchpoints) lines.push(`| ${side(t.before)} | ${side(t.after)} | ${t.change} |`);
  }
  const { added: newChannels, dropped, current, future } = stage.channels;
  if (newChannels.length + dropped.length > 0)
    lines.push(
      '',
      `Channels: ${names(current)} → ${names(future)}` + ` (added: ${names(newChannels)}; dropped: ${names(dropped)}).`,
    );
  if (stage.kpis.length > 0) {
    lines.push('', '| KPI | Current value | Current target | Future target |', '| --- | ---: | ---: | ---: |');
    for (const k of stage.kpis)
      lines.push(
        `| ${cell(k.metric)} | ${amount(k, k.current?.value)} | ${amount(k, k.current?.target)} | ${amount(k, k.future?.target)} |`,
      );
  }
  return lines;
}

const cell = (text: string) => escapeMarkdownCell(text || '(empty)');
const side = (s: TouchpointSide | null) =>
  s ? `${cell(s.text)}${s.channel ? ` · ${escapeMarkdownCell(s.channel)}` : ''}` : '—';
const names = (list: readonly string[]) => (list.length === 0 ? 'none' : list.map(escapeMarkdownCell).join(', '));
const amount = (k: ComparedKpi, n: number | null | undefined) =>
  n === null || n === undefined ? '—' : `${n}${escapeMarkdownCell(k.unit)}`;
