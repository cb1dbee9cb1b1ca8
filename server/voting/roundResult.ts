import { DEPARTMENTS, type Department } from '../../shared/schema/department.ts';
import type { NoteId } from '../../shared/schema/ids.ts';
import { MIN_DEPARTMENT_VOTERS, type RoundFields, type RoundNoteInfo } from '../../shared/schema/round.ts';
import type { Note } from '../../shared/schema/note.ts';
import type { StoredBallot, StoredRound } from './VotingRepository.ts';

const NOTE_TEXT_KEPT = 2000; // roundFieldsSchema's limit for a note's text in the record

/**
 * The `round:` record's fields from the stored ballots and the notes as they are at reveal.
 * Dots on a note that is gone are not counted (they were refunded when it was deleted). An
 * anonymous round keeps no voter id anywhere; departments with fewer than 3 voters are left out.
 */
export function roundResult(
  round: StoredRound,
  ballots: readonly StoredBallot[],
  notesById: ReadonlyMap<NoteId, Note>,
  revealedAt: number,
): RoundFields {
  const totals: Record<NoteId, number> = {};
  const notes: Record<NoteId, RoundNoteInfo> = {};
  const departments = new Map<Department, { voters: number; totals: Record<NoteId, number> }>();
  const byPerson: { personId: string; name: string; department: Department; dots: Record<NoteId, number> }[] = [];
  let voterCount = 0;
  for (const ballot of ballots) {
    const counted: Record<NoteId, number> = {};
    for (const [noteId, n] of Object.entries(ballot.dots) as [NoteId, number][]) {
      if (n > 0 && notesById.has(noteId)) counted[noteId] = n;
    }
    if (Object.keys(counted).length === 0) continue;
    voterCount++;
    const dept = departments.get(ballot.department) ?? { voters: 0, totals: {} };
    dept.voters++;
    departments.set(ballot.department, dept);
    for (const [noteId, n] of Object.entries(counted) as [NoteId, number][]) {
      totals[noteId] = (totals[noteId] ?? 0) + n;
      dept.totals[noteId] = (dept.totals[noteId] ?? 0) + n;
      const note = notesById.get(noteId)!;
      notes[noteId] ??= {
        text: note.text.slice(0, NOTE_TEXT_KEPT),
        kind: note.kind,
        stageId: note.position.stageId,
        laneId: note.position.laneId,
      };
    }
    byPerson.push({
      personId: ballot.personId,
      name: ballot.name.slice(0, 60),
      department: ballot.department,
      dots: counted,
    });
  }
  const byDepartment: RoundFields['byDepartment'] = {};
  for (const d of DEPARTMENTS) {
    const tally = departments.get(d);
    if (tally && tally.voters >= MIN_DEPARTMENT_VOTERS) byDepartment[d] = tally;
  }
  const anonymous = round.settings.anonymous;
  return {
    title: round.settings.title,
    openedAt: round.openedAt,
    revealedAt,
    dotsPerPerson: round.settings.dotsPerPerson,
    anonymous,
    voterCount,
    totals,
    notes,
    byDepartment,
    byPerson: anonymous ? null : byPerson,
  };
}
