import { departmentSchema } from '../../shared/schema/department.ts';
import type { NoteId, RoundId } from '../../shared/schema/ids.ts';
import { roundFieldsSchema } from '../../shared/schema/round.ts';
import { roundSettingsSchema } from '../../shared/protocol/voting.ts';
import type { RoundStatus, StoredBallot, StoredRound } from './VotingStore.ts';

/**
 * Reads rows of either database into typed values. Settings, results and dots are JSON text,
 * validated on read: a row that does not parse is a bug or tampering, and fails loudly rather
 * than counting wrong votes.
 */
export function readRoundRow(row: Record<string, unknown>): StoredRound {
  const status = String(row.status) as RoundStatus;
  const result =
    row.result === null || row.result === undefined ? null : roundFieldsSchema.parse(JSON.parse(String(row.result)));
  return {
    id: String(row.id) as RoundId,
    boardId: String(row.board_id),
    status,
    settings: roundSettingsSchema.parse(JSON.parse(String(row.settings))),
    openedAt: Number(row.opened_at),
    openedBy: { id: String(row.opened_by_id), name: String(row.opened_by_name) },
    endsAt: row.ends_at === null || row.ends_at === undefined ? null : Number(row.ends_at),
    closedAt: row.closed_at === null || row.closed_at === undefined ? null : Number(row.closed_at),
    result,
  };
}

export function readBallotRow(row: Record<string, unknown>): StoredBallot {
  const dots = JSON.parse(String(row.dots)) as Record<string, unknown>;
  return {
    roundId: String(row.round_id) as RoundId,
    personId: String(row.person_id),
    name: String(row.name),
    department: departmentSchema.catch('other').parse(row.department),
    dots: Object.fromEntries(
      Object.entries(dots).filter(
        (e): e is [NoteId, number] => typeof e[1] === 'number' && Number.isInteger(e[1]) && e[1] > 0,
      ),
    ) as Record<NoteId, number>,
    version: Number(row.version),
    updatedAt: Number(row.updated_at),
  };
}
