import { boardId, phaseStatus, type SchemaBuilder } from './schemaBuilder.ts';

/** Voting rounds and their secret ballots; the partial unique index makes "one open round per board" a rule. */
export async function voting(s: SchemaBuilder): Promise<void> {
  await s.create('voting_rounds', {
    id: 'text key',
    board_id: boardId,
    status: phaseStatus,
    settings: 'text',
    opened_at: 'int64',
    opened_by_id: 'text',
    opened_by_name: 'text',
    ends_at: 'int64?',
    closed_at: 'int64?',
    result: 'text?',
  });
  await s.oneOpenPerBoard('voting_rounds');
  await s.index('voting_rounds_by_board', 'voting_rounds', ['board_id', 'opened_at']);
  await s.create(
    'voting_ballots',
    {
      round_id: ['text', (c) => c.notNull().references('voting_rounds.id').onDelete('cascade')],
      person_id: 'text',
      name: 'text',
      department: 'text',
      dots: 'text',
      version: 'integer',
      updated_at: 'int64',
    },
    ['round_id', 'person_id'],
  );
}
