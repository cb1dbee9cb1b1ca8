import type * as Y from 'yjs';
import { readBoard } from '../../shared/model/snapshot.ts';

/**
 * The `round.revealed` event's data: the round's totals, most dots first (at most 50 notes), as
 * the board shows them. Never who placed which dot, even for a named round: a receiver is outside
 * the board's roles.
 */
export function revealedRound(doc: Y.Doc, revealed: { id: string; title: string }) {
  const round = readBoard(doc).rounds.find((r) => r.id === revealed.id);
  if (!round) return { roundId: revealed.id, title: revealed.title };
  const results = Object.entries(round.totals)
    .map(([noteId, dots]) => ({ noteId, dots, text: round.notes[noteId as keyof typeof round.notes]?.text ?? '' }))
    .sort((a, b) => b.dots - a.dots || a.noteId.localeCompare(b.noteId))
    .slice(0, 50);
  return {
    roundId: round.id,
    title: round.title,
    revealedAt: new Date(round.revealedAt).toISOString(),
    voterCount: round.voterCount,
    dotsPerPerson: round.dotsPerPerson,
    results,
  };
}
