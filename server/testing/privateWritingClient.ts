import { readBoard } from '../../shared/model/snapshot.ts';
import type { LaneId, StageId } from '../../shared/schema/ids.ts';
import {
  newDraftId,
  parsePrivateWritingServerMessage,
  PRIVATE,
  type DraftId,
  type PhaseSettingsInput,
  type PrivateDraftMessage,
  type PrivateRefusedMessage,
  type PrivateRemovedMessage,
  type PrivateStateMessage,
  type PrivateWriter,
  type PrivateWritingServerMessage,
} from '../../shared/protocol/privateWriting.ts';
import { connectHeld, HeldClient, type HeldConnectOptions } from './heldClient.ts';

/** The private-writing protocol on a raw provider, for server tests (HeldClient keeps every payload). */
export class PrivateWritingClient extends HeldClient<PrivateWritingServerMessage, PrivateWriter, PrivateStateMessage> {
  private seq = 0;

  /** Connects with `token` and (unless `hello` is false) says hello and waits for the first state. */
  static async connect(
    wsUrl: string,
    boardId: string,
    token: string,
    person: PrivateWriter,
    options: HeldConnectOptions = {},
  ): Promise<PrivateWritingClient> {
    const client = new PrivateWritingClient(await connectHeld(wsUrl, boardId, token, person.id, options), person, {
      feature: 'private-writing',
      parse: parsePrivateWritingServerMessage,
      types: PRIVATE,
      idField: 'phaseId',
      what: 'phase',
    });
    if (options.hello ?? true) await client.hello();
    return client;
  }

  /** Starts a phase (facilitator); resolves with its id, or throws with the refusal. */
  async start(settings: PhaseSettingsInput = {}): Promise<string> {
    const m = await this.opening(settings);
    if (m.type !== PRIVATE.state || !m.phase) throw new Error(`start refused: ${JSON.stringify(m)}`);
    return m.phase.id;
  }

  /** Sends a request with a fresh requestId and resolves with its answer: the echo or the refusal. */
  private async request<T extends PrivateWritingServerMessage>(
    message: { type: string } & Record<string, unknown>,
    answer: string,
  ): Promise<T | PrivateRefusedMessage> {
    const mark = this.mark();
    const requestId = `q${++this.seq}`;
    this.send({ ...message, requestId });
    return this.next(
      (m) => (m.type === answer || m.type === PRIVATE.refused) && 'requestId' in m && m.requestId === requestId,
      mark,
      `the answer to ${message.type}`,
    );
  }

  add(
    stageId: StageId,
    laneId: LaneId,
    text: string,
    id: DraftId = newDraftId(),
  ): Promise<PrivateDraftMessage | PrivateRefusedMessage> {
    return this.request({ type: PRIVATE.add, id, stageId, laneId, text }, PRIVATE.draft);
  }

  update(
    id: DraftId,
    change: { text?: string; stageId?: StageId; laneId?: LaneId },
  ): Promise<PrivateDraftMessage | PrivateRefusedMessage> {
    return this.request({ type: PRIVATE.update, id, ...change }, PRIVATE.draft);
  }

  remove(id: DraftId): Promise<PrivateRemovedMessage | PrivateRefusedMessage> {
    return this.request({ type: PRIVATE.remove, id }, PRIVATE.removed);
  }

  /** Reveal or cancel; resolves with the resulting state or the refusal. */
  close(phaseId: string, how: 'reveal' | 'cancel' = 'reveal'): Promise<PrivateStateMessage | PrivateRefusedMessage> {
    return this.closing(phaseId, how) as Promise<PrivateStateMessage | PrivateRefusedMessage>;
  }

  /** The first cell of the board: [stageId, laneId]. */
  cell(stage = 0, lane = 0): [StageId, LaneId] {
    const board = readBoard(this.doc);
    return [board.stages[stage]!.id, board.lanes[lane]!.id];
  }
}
