import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { executeCommand, type Actor } from '../../shared/model/commands/index.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import { newNoteSchema, type AddNotesResponse, type NewNote } from '../../shared/protocol/boardApi.ts';
import type { ItemError } from '../../shared/protocol/http.ts';
import { canFacilitate, type Role } from '../../shared/protocol/roles.ts';
import type { LaneId, StageId } from '../../shared/schema/ids.ts';
import type { BoardLimits } from '../config/config.ts';
import { BoardQueue, withLiveDocument } from '../live/boardQueue.ts';
import { log } from '../observability/log.ts';

/** Why a batch was refused; nothing of it was written. */
export type BatchRefusal =
  | { readonly ok: false; readonly code: 'invalid-notes'; readonly items: readonly ItemError[] }
  | {
      readonly ok: false;
      readonly code: 'board-locked' | 'too-many-records' | 'board-too-large';
      readonly message: string;
    };

export interface NoteBatchesConfig {
  readonly limits: Pick<BoardLimits, 'maxRecords' | 'maxNoteLength' | 'maxDocumentBytes'>;
  /** Whether the facilitator has locked the board (editors are read-only then, as on the board). */
  readonly isLocked: (boardId: string) => Promise<boolean>;
}

// What one note adds to the encoded document besides its text: ids, position, fields (measured
// on a blank board, rounded up), so a batch that would pass MAX_DOCUMENT_BYTES is refused first.
const NOTE_OVERHEAD_BYTES = 400;

/**
 * Notes added by a script (`POST /api/boards/:id/notes`). Every note is checked first against the
 * board as it is (its cell exists, its text fits MAX_NOTE_LENGTH), then the whole batch against
 * the board's caps (MAX_RECORDS, MAX_DOCUMENT_BYTES); only then are they written, all in one
 * server transaction of the shared model's `pasteNotes` on the live document, so connected
 * clients see them at once and the update is logged like any other. RecordGuard repairs only
 * what connections write, so the caps are checked here. Batches of one board run one at a time.
 */
export class NoteBatches {
  readonly #config: NoteBatchesConfig;
  readonly #queue = new BoardQueue();
  #instance: Hocuspocus | null = null;

  constructor(config: NoteBatchesConfig) {
    this.#config = config;
  }

  attach(instance: Hocuspocus): void {
    this.#instance = instance;
  }

  async add(
    boardId: string,
    by: { readonly role: Role; readonly actor: Actor },
    notes: readonly unknown[],
  ): Promise<{ readonly ok: true; readonly value: AddNotesResponse } | BatchRefusal> {
    if (!canFacilitate(by.role) && (await this.#config.isLocked(boardId)))
      return {
        ok: false,
        code: 'board-locked',
        message: 'The facilitator has locked the board: only a facilitator can add notes now',
      };
    return this.#queue.run(boardId, () =>
      withLiveDocument(this.#instance, boardId, async (doc) => this.#write(boardId, doc, by.actor, notes), {
        noteBatch: true,
      }),
    );
  }

  #write(boardId: string, doc: Y.Doc, actor: Actor, raw: readonly unknown[]) {
    const board = readBoard(doc);
    const stages = new Set<string>(board.stages.map((s) => s.id));
    const lanes = new Map<string, string>(board.lanes.map((l) => [l.id, l.kind]));
    const items: ItemError[] = [];
    const notes: NewNote[] = [];
    raw.forEach((item, index) => {
      const parsed = newNoteSchema.safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
        return items.push({ index, message: `${where}${issue.message}` });
      }
      const note = parsed.data;
      if (!stages.has(note.stageId)) return items.push({ index, message: `This board has no stage ${note.stageId}` });
      if (!lanes.has(note.laneId)) return items.push({ index, message: `This board has no lane ${note.laneId}` });
      if (note.text.length > this.#config.limits.maxNoteLength)
        return items.push({
          index,
          message: `text: a note on this server holds at most ${this.#config.limits.maxNoteLength} characters`,
        });
      notes.push(note);
    });
    if (items.length > 0) return { ok: false, code: 'invalid-notes', items } as const;

    const { maxRecords, maxDocumentBytes } = this.#config.limits;
    const records = recordsMap(doc).size;
    if (records + notes.length > maxRecords)
      return {
        ok: false,
        code: 'too-many-records',
        message: `This board holds ${records} of at most ${maxRecords} items: ${notes.length} more do not fit`,
      } as const;
    const added = notes.reduce((sum, n) => sum + Buffer.byteLength(n.text) + NOTE_OVERHEAD_BYTES, 0);
    if (Y.encodeStateAsUpdate(doc).byteLength + added > maxDocumentBytes)
      return {
        ok: false,
        code: 'board-too-large',
        message: `These notes would take the board past its size cap of ${maxDocumentBytes} bytes`,
      } as const;

    const ids = executeCommand(
      doc,
      actor,
      'pasteNotes',
      {
        notes: notes.map((n) => {
          const kind = n.kind ?? (lanes.get(n.laneId) as NonNullable<NewNote['kind']>);
          return {
            stageId: n.stageId as StageId,
            laneId: n.laneId as LaneId,
            kind,
            text: n.text,
            colour: n.colour ?? null,
            sentiment: n.sentiment ?? (kind === 'emotion' ? 0 : null),
            department: n.department ?? actor.department,
          };
        }),
      },
      ORIGIN.server,
    );
    log.info({ board: boardId, notes: ids.length }, 'notes added through the board API');
    return {
      ok: true,
      value: { notes: ids.map((id, i) => ({ id, stageId: notes[i]!.stageId, laneId: notes[i]!.laneId })) },
    } as const;
  }
}
