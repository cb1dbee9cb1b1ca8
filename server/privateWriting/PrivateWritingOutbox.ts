import type { Connection } from '@hocuspocus/server';
import { canWrite } from '../../shared/protocol/roles.ts';
import {
  PRIVATE,
  type Draft,
  type DraftId,
  type PhaseEvent,
  type PhaseInfo,
  type PrivateRefusalCode,
  type PrivateRefusedMessage,
  type PrivateStateMessage,
  type PrivateWriter,
  type PrivateWritingClientType,
  type WriterCount,
} from '../../shared/protocol/privateWriting.ts';
import { HeldAudience, type HeldRefusal, refusalFields, roleOf } from '../reveal/HeldAudience.ts';
import type { PrivateWritingRepository, StoredDraft, StoredPhase } from './PrivateWritingRepository.ts';

export type Refusal = HeldRefusal<PrivateRefusalCode>;

/**
 * Everything the private-writing server says, and to whom: the only place that decides who
 * receives what. A draft (text, cell) goes to its author's connections only; everyone else hears
 * how many drafts each person has, never more. Who each connection said it is is kept by
 * HeldAudience (server/reveal/), as for voting.
 */
export class PrivateWritingOutbox extends HeldAudience<PrivateWritingRepository> {
  /** The phase, the recipient's own drafts and everyone's counts, to one connection. */
  async sendState(
    connection: Connection,
    boardId: string,
    phase: StoredPhase | null,
    event: PhaseEvent | null,
  ): Promise<void> {
    const drafts = await this.store.listDrafts(boardId);
    this.sendStateWith(connection, phase, drafts, event);
  }

  /** The same to every connection of the board, each with its own drafts. */
  async broadcastState(boardId: string, phase: StoredPhase | null, event: PhaseEvent | null): Promise<void> {
    const drafts = await this.store.listDrafts(boardId);
    for (const c of this.connectionsOf(boardId)) this.sendStateWith(c, phase, drafts, event);
  }

  /** Everyone's counts (no text, no cells, no ids), to every connection of the board. */
  async broadcastCounts(boardId: string): Promise<void> {
    const message = JSON.stringify({
      type: PRIVATE.writers,
      writers: countWriters(await this.store.listDrafts(boardId)),
    });
    for (const c of this.connectionsOf(boardId)) c.sendStateless(message);
  }

  /** One changed draft, to its author's connections alone (every tab of that person). */
  sendDraft(boardId: string, draft: StoredDraft, requestId: string | null): void {
    const message = JSON.stringify({ type: PRIVATE.draft, draft: publicDraft(draft), requestId });
    this.sendToPerson(boardId, draft.personId, message);
  }

  sendRemoved(boardId: string, personId: string, id: DraftId, requestId: string | null): void {
    const message = JSON.stringify({ type: PRIVATE.removed, id, requestId });
    this.sendToPerson(boardId, personId, message);
  }

  refuse(
    connection: Connection,
    request: { type: PrivateWritingClientType; id?: DraftId; requestId?: string } | null,
    refusal: Refusal,
  ): void {
    const draftId = request?.id ?? null;
    const message: PrivateRefusedMessage = { type: PRIVATE.refused, ...refusalFields(refusal, request), draftId };
    connection.sendStateless(JSON.stringify(message));
  }

  private sendStateWith(
    connection: Connection,
    phase: StoredPhase | null,
    drafts: readonly StoredDraft[],
    event: PhaseEvent | null,
  ): void {
    const person = this.identified(connection);
    const refusal = writeRefusal(connection, person, phase);
    const message: PrivateStateMessage = {
      type: PRIVATE.state,
      now: this.now(),
      phase: phase ? publicPhase(phase) : null,
      canWrite: refusal === null,
      why: refusal?.message ?? null,
      drafts: person ? drafts.filter((d) => d.personId === person.id).map(publicDraft) : [],
      writers: countWriters(drafts),
      event,
    };
    connection.sendStateless(JSON.stringify(message));
  }
}

/**
 * Why this connection may not write or change drafts now, or null. Only roles that write the
 * board write drafts (they become notes); a locked board (BoardLock has made the connection
 * read-only) refuses them too. Without `phase`, only changes to existing drafts are asked about.
 */
export function changeRefusal(connection: Connection): Refusal | null {
  const role = roleOf(connection);
  if (!role || !canWrite(role, 'board')) {
    return {
      code: 'not-allowed',
      message: `Your ${role ?? 'link'} link can follow the private writing but not write notes; writing needs an editor link.`,
    };
  }
  if (connection.readOnly)
    return {
      code: 'board-locked',
      message: 'The facilitator has locked the board; your drafts are kept, write again once it is unlocked.',
    };
  return null;
}

function writeRefusal(
  connection: Connection,
  person: PrivateWriter | undefined,
  phase: StoredPhase | null,
): Refusal | null {
  if (!person) return { code: 'not-identified', message: 'Say who you are first (private:hello).' };
  if (!phase) return { code: 'no-open-phase', message: 'There is no private writing phase open.' };
  return changeRefusal(connection);
}

function publicDraft(d: StoredDraft): Draft {
  return {
    id: d.id,
    stageId: d.stageId,
    laneId: d.laneId,
    kind: d.kind,
    text: d.text,
    placedAt: d.placedAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

function publicPhase(p: StoredPhase): PhaseInfo {
  return { id: p.id, openedAt: p.openedAt, openedBy: p.openedBy.name, timerRun: p.timerRun };
}

/** Drafts per person (people with none are left out), by name. */
function countWriters(drafts: readonly StoredDraft[]): WriterCount[] {
  const byPerson = new Map<string, WriterCount>();
  for (const d of drafts) {
    const seen = byPerson.get(d.personId);
    byPerson.set(d.personId, {
      personId: d.personId,
      name: d.name,
      department: d.department,
      count: (seen?.count ?? 0) + 1,
    });
  }
  return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));
}
