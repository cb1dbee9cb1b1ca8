import { boardId, phaseStatus, type SchemaBuilder } from './schemaBuilder.ts';

/** Private-writing phases (at most one open per board) and the drafts held until the reveal. */
export async function privateWriting(s: SchemaBuilder): Promise<void> {
  await s.create('private_phases', {
    id: 'text key',
    board_id: boardId,
    status: phaseStatus,
    opened_at: 'int64',
    opened_by_id: 'text',
    opened_by_name: 'text',
    timer_run: 'integer?',
    closed_at: 'int64?',
  });
  await s.oneOpenPerBoard('private_phases');
  await s.create(
    'private_drafts',
    {
      board_id: boardId,
      id: 'text',
      person_id: 'text',
      name: 'text',
      department: 'text',
      stage_id: 'text',
      lane_id: 'text',
      kind: 'text?',
      text: 'text',
      placed_at: 'int64',
      created_at: 'int64',
      updated_at: 'int64',
      note_id: 'text?',
    },
    ['board_id', 'id'],
  );
  await s.index('private_drafts_by_person', 'private_drafts', ['board_id', 'person_id']);
}
