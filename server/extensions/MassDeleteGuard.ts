import type {
  afterHandleMessagePayload,
  afterUnloadDocumentPayload,
  beforeHandleMessagePayload,
  Connection,
  connectedPayload,
  Document,
  Extension,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { getRecord, recordsMap } from '../../shared/doc/boardDoc.ts';
import { isRecordId, MASS_DELETE_TYPE, type MassDeleteNotice, type RecordId } from '../../shared/index.ts';
import { parseDocumentName, type Role } from '../../shared/protocol/roles.ts';
import type { CheckpointService } from '../checkpoints/CheckpointService.ts';
import { boardBefore, recordFields, recordsRemovedBy } from '../live/recordRemovals.ts';
import { log } from '../observability/log.ts';
import { documentUpdateIn } from '../persistence/syncMessages.ts';

export interface MassDeleteThresholds {
  /** More records than this removed in one run is "many"… */
  readonly maxRecords: number;
  /** …and so is this share of the board (records when the run began)… */
  readonly share: number;
  /** …once at least this many: one note is a fifth of a five-note board, and that is no mass removal. */
  readonly minRecords: number;
  /** Removals by one connection (or, once identities are proven, one person) this close together are one run. */
  readonly windowMs: number;
}

const DEFAULT_MASS_DELETE: MassDeleteThresholds = {
  maxRecords: 20,
  share: 0.2,
  minRecords: 5,
  windowMs: 60_000,
};

export interface MassDeleteGuardConfiguration extends Partial<MassDeleteThresholds> {
  readonly service: CheckpointService;
  /** The remover's display name, from their presence (PresenceGuard.presenceOf). */
  readonly nameOf?: (document: Document, connection: Connection) => string | null;
  readonly now?: () => number;
}

/** One remover's recent removals on one board. */
interface Run {
  readonly startedAt: number;
  lastAt: number;
  /** Records on the board when the run began. */
  readonly boardSize: number;
  /** Records removed so far, and how many of them notes. */
  records: number;
  notes: number;
  /**
   * Until the checkpoint is taken: the removed records' fields, to write them back into it. Never
   * more than the threshold: the run becomes many (and the checkpoint is taken) before.
   */
  readonly removed: Map<string, Record<string, unknown>>;
  notice: MassDeleteNotice | null;
}

const NOTICE_KEPT_MS = 10 * 60_000;

/**
 * Keeps a checkpoint of the board as it was before someone removes many records, and tells the
 * facilitators, who can restore it with one click (docs/api.md, "Mass removals").
 *
 * The state before the change is read where it still exists: in beforeHandleMessage, before
 * Hocuspocus applies the update. The server's documents use gc: true, so the removed content is
 * gone once applied (no Yjs snapshots). recordsRemovedBy reads the update's delete set without
 * decoding updates that delete nothing, so typing and adding stay off this path; a drag (which
 * overwrites fields) costs one decode and a binary search per deleted range. Removals a remover
 * makes one by one within `windowMs` add up: their records are kept (fields only) and written
 * back into the checkpoint taken when the run becomes many.
 *
 * Runs after BoardLock (extensions/order.ts), which makes a locked connection read-only per message, and after
 * the validators that refuse an update outright.
 */
export class MassDeleteGuard implements Extension {
  extensionName = 'MassDeleteGuard';

  private readonly service: CheckpointService;
  private readonly thresholds: MassDeleteThresholds;
  private readonly nameOf: (document: Document, connection: Connection) => string | null;
  private readonly now: () => number;
  private readonly runs = new WeakMap<Document, Map<unknown, Run>>();
  /** Keys an update in flight would remove, per connection, checked once it is applied. */
  private readonly inFlight = new WeakMap<Connection, { run: Run; removing: Map<string, Record<string, unknown>> }>();
  private readonly notices = new Map<string, MassDeleteNotice[]>();

  constructor(configuration: MassDeleteGuardConfiguration) {
    this.service = configuration.service;
    const { service: _s, nameOf, now, ...thresholds } = configuration;
    this.thresholds = {
      ...DEFAULT_MASS_DELETE,
      ...Object.fromEntries(Object.entries(thresholds).filter(([, v]) => v !== undefined)),
    };
    this.nameOf = nameOf ?? (() => null);
    this.now = now ?? Date.now;
  }

  async beforeHandleMessage({ connection, document, documentName, update }: beforeHandleMessagePayload): Promise<void> {
    if (connection.readOnly || parseDocumentName(documentName).kind !== 'board') return;
    const yUpdate = documentUpdateIn(update);
    if (!yUpdate) return;
    const keys = recordsRemovedBy(document, yUpdate);
    if (keys.length === 0) return;
    const run = this.runOf(document, connection);
    const removing = new Map<string, Record<string, unknown>>();
    for (const key of keys) {
      const rec = getRecord(document, key as RecordId);
      removing.set(key, rec ? recordFields(rec) : {});
    }
    this.inFlight.set(connection, { run, removing });
    if (run.notice || !this.isMany(run.records + removing.size, run.boardSize)) return;

    const by = this.nameOf(document, connection) ?? '';
    const notes = run.notes + keys.filter((k) => isRecordId('note', k)).length;
    const label = `Before ${by || 'someone'} removed ${notes > 0 ? `${notes} note${notes === 1 ? '' : 's'}` : `${run.records + keys.length} records`}`;
    // Taken synchronously here, before the update is applied (CheckpointService.create encodes
    // the document before its first await).
    const before = run.removed.size === 0 ? document : boardBefore(Y.encodeStateAsUpdate(document), run.removed);
    run.notice = { type: MASS_DELETE_TYPE, checkpointId: '', by, notes: 0, records: 0, at: run.startedAt };
    try {
      const checkpoint = await this.service.create(documentName, before, 'before-mass-delete', label.slice(0, 80));
      run.notice = { ...run.notice, checkpointId: checkpoint.id };
      run.removed.clear();
    } catch (error) {
      run.notice = null; // the next removal tries again
      log.error({ board: documentName, err: error }, 'could not keep a checkpoint before a mass removal');
    } finally {
      if (before !== document) before.destroy();
    }
  }

  async afterHandleMessage({ connection, document, documentName }: afterHandleMessagePayload): Promise<void> {
    const flight = this.inFlight.get(connection);
    if (!flight) return;
    this.inFlight.delete(connection);
    const { run, removing } = flight;
    const records = recordsMap(document);
    let gone = 0;
    for (const [key, fields] of removing) {
      if (records.has(key)) continue;
      gone++;
      run.records++;
      if (isRecordId('note', key)) run.notes++;
      if (!run.notice) run.removed.set(key, fields);
    }
    if (gone === 0) return;
    run.lastAt = this.now();
    if (!run.notice?.checkpointId) return;
    run.notice = {
      ...run.notice,
      by: this.nameOf(document, connection) ?? run.notice.by,
      notes: run.notes,
      records: run.records,
    };
    this.remember(documentName, run.notice);
    document.broadcastStateless(JSON.stringify(run.notice));
  }

  /** A facilitator who arrives after the fact still gets the notices of the last ten minutes. */
  async connected({ connection, documentName }: connectedPayload): Promise<void> {
    if ((connection.context as { role?: Role }).role !== 'facilitator') return;
    for (const notice of this.recent(documentName)) connection.sendStateless(JSON.stringify(notice));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.notices.delete(documentName);
  }

  private isMany(removed: number, boardSize: number): boolean {
    const t = this.thresholds;
    return removed > t.maxRecords || (removed >= t.minRecords && removed >= boardSize * t.share);
  }

  private runOf(document: Document, connection: Connection): Run {
    let runs = this.runs.get(document);
    if (!runs) {
      runs = new Map();
      this.runs.set(document, runs);
    }
    const now = this.now();
    for (const [key, r] of runs) if (now - r.lastAt > this.thresholds.windowMs) runs.delete(key);
    // Keyed by the proven person once there is one, so several tabs add up; else by connection.
    const personId = (connection.context as { person?: { id?: unknown } }).person?.id;
    const key = typeof personId === 'string' ? `person:${personId}` : connection;
    let run = runs.get(key);
    if (!run) {
      run = {
        startedAt: now,
        lastAt: now,
        boardSize: recordsMap(document).size,
        records: 0,
        notes: 0,
        removed: new Map(),
        notice: null,
      };
      runs.set(key, run);
    }
    return run;
  }

  private remember(documentName: string, notice: MassDeleteNotice): void {
    const kept = this.recent(documentName).filter((n) => n.checkpointId !== notice.checkpointId);
    this.notices.set(documentName, [...kept, notice]);
  }

  private recent(documentName: string): MassDeleteNotice[] {
    const since = this.now() - NOTICE_KEPT_MS;
    return (this.notices.get(documentName) ?? []).filter((n) => n.at >= since);
  }
}
