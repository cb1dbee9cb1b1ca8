import { boardId, type SchemaBuilder } from './schemaBuilder.ts';

/**
 * Survey and support verbatims (server/kpi/KpiRepository.ts): the words of imported responses,
 * next to their stage, a few hundred per stage at most. Here and not in the board document: they
 * are read next to a stage on demand, and every client would otherwise download all of them.
 * `line` and `source` point back to the row of the file it came from.
 */
export async function evidenceVerbatims(s: SchemaBuilder): Promise<void> {
  await s.create('evidence_verbatims', {
    id: 'text key',
    board_id: boardId,
    stage_id: 'text',
    text: 'text',
    score: 'integer?',
    metric: 'text',
    day: 'text',
    channel: 'text?',
    touchpoint: 'text?',
    source: 'text?',
    line: 'integer',
    recorded_at: 'int64',
  });
  await s.index('evidence_verbatims_by_stage', 'evidence_verbatims', ['board_id', 'stage_id', 'day']);
}
