import type { afterLoadDocumentPayload, beforeUnloadDocumentPayload, Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { recordsMap } from '../../shared/doc/boardDoc.ts';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { parseDocumentName } from '../../shared/protocol/roles.ts';
import type { NoteChange } from '../../shared/protocol/visits.ts';
import type { ActivityEvent, ActivityRepository } from '../storage/ActivityRepository.ts';
import { log } from '../observability/log.ts';
import { personOf } from '../access/AccessContext.ts';
import { connectionOrigin } from './connectionOrigin.ts';

export interface BoardActivityConfiguration {
  store: ActivityRepository;
  /** Events are written in batches this often (and when a board unloads or the server stops). */
  flushMs?: number;
}

const LABEL_LENGTH = 80;
/** Events older than this are deleted when their board unloads: a visit summary rarely reaches further back. */
const ACTIVITY_RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

/**
 * Remembers, per board, which notes were added, edited, moved and deleted when (server time),
 * for "since you were last here". Deletions are not in the document, so it is the
 * server that keeps them: a light log (`board_activity`) of note events, written from the
 * board's transactions (people's changes, restores and undo alike; not migrations). A typing
 * burst is one event: consecutive events of one note and kind are merged while they wait for
 * the next batch. The log is a convenience, not the board's data: a batch lost to a crash
 * only thins the summary.
 */
export class BoardActivity implements Extension {
  extensionName = 'BoardActivity';
  private readonly store: ActivityRepository;
  private readonly flushMs: number;
  private readonly pending = new Map<string, ActivityEvent[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly labels = new Map<string, Map<string, string>>();

  constructor(configuration: BoardActivityConfiguration) {
    this.store = configuration.store;
    this.flushMs = configuration.flushMs ?? 2000;
  }

  async afterLoadDocument({ document, documentName }: afterLoadDocumentPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board') return;
    const labels = new Map<string, string>();
    this.labels.set(boardId, labels);
    const records = recordsMap(document) as unknown as Y.Map<unknown>;
    records.forEach((rec, id) => id.startsWith('note:') && labels.set(id, labelOf(rec)));
    document.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === ORIGIN.migration || tr.changed.size === 0) return;
      const changes = new Map<string, NoteChange>();
      for (const [changed, keys] of tr.changed) {
        const type = changed as unknown as Y.AbstractType<unknown>;
        if (type === records) {
          for (const key of keys) {
            if (!key?.startsWith('note:')) continue;
            changes.set(key, records.has(key) ? 'added' : 'deleted');
          }
          continue;
        }
        const note = noteKeyOf(type, records);
        if (!note || changes.get(note) === 'added' || changes.get(note) === 'deleted') continue;
        const moved = type === records.get(note) && keys.has('position');
        if (moved || !changes.has(note)) changes.set(note, moved ? 'moved' : 'edited');
      }
      if (changes.size === 0) return;
      const at = Date.now();
      const origin = connectionOrigin(tr);
      const by = origin?.connection ? (personOf(origin.connection)?.id ?? null) : null;
      for (const [noteId, change] of changes) {
        const rec = records.get(noteId);
        if (rec !== undefined) labels.set(noteId, labelOf(rec));
        this.push(boardId, { at, noteId, change, label: labels.get(noteId) ?? '', by });
        if (change === 'deleted') labels.delete(noteId);
      }
    });
  }

  /** Note events of `boardId` after `since` (stored ones and those waiting for the next batch), oldest first. */
  async since(boardId: string, since: number, limit = 2000): Promise<ActivityEvent[]> {
    const stored = await this.store.listActivity(boardId, since, limit);
    return [...stored, ...(this.pending.get(boardId) ?? []).filter((e) => e.at > since)];
  }

  async beforeUnloadDocument({ documentName }: beforeUnloadDocumentPayload): Promise<void> {
    const { boardId, kind } = parseDocumentName(documentName);
    if (kind !== 'board') return;
    await this.flush(boardId);
    this.labels.delete(boardId);
    await this.store
      .pruneActivity(boardId, Date.now() - ACTIVITY_RETENTION_MS)
      .catch((error: unknown) =>
        log.error(
          { board: boardId, err: error instanceof Error ? error.message : error },
          'could not prune old note activity',
        ),
      );
  }

  async onDestroy(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((id) => this.flush(id)));
  }

  private push(boardId: string, event: ActivityEvent): void {
    let list = this.pending.get(boardId);
    if (!list) {
      list = [];
      this.pending.set(boardId, list);
    }
    const last = list.at(-1);
    // A typing burst (or a drag) is one event: merge with the waiting one of the same note and kind.
    if (last && last.noteId === event.noteId && last.change === event.change && last.by === event.by)
      list[list.length - 1] = event;
    else list.push(event);
    if (!this.timers.has(boardId)) {
      const timer = setTimeout(() => void this.flush(boardId), this.flushMs);
      timer.unref?.();
      this.timers.set(boardId, timer);
    }
  }

  private async flush(boardId: string): Promise<void> {
    clearTimeout(this.timers.get(boardId));
    this.timers.delete(boardId);
    const events = this.pending.get(boardId);
    if (!events || events.length === 0) return;
    this.pending.delete(boardId);
    try {
      await this.store.appendActivity(boardId, events);
    } catch (error) {
      // Kept for the next batch: the activity log waits, the board carries on.
      this.pending.set(boardId, [...events, ...(this.pending.get(boardId) ?? [])]);
      log.error(
        { board: boardId, err: error instanceof Error ? error.message : error },
        'could not store note activity',
      );
    }
  }
}

function labelOf(rec: unknown): string {
  if (!(rec instanceof Y.Map)) return '';
  const text = rec.get('text');
  const s = text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '';
  return s.replace(/\s+/g, ' ').trim().slice(0, LABEL_LENGTH);
}

function noteKeyOf(type: Y.AbstractType<unknown>, records: Y.Map<unknown>): string | null {
  let t: Y.AbstractType<unknown> | null = type;
  while (t?._item) {
    const parent = t._item.parent as Y.AbstractType<unknown>;
    if (parent === records) return t._item.parentSub?.startsWith('note:') ? t._item.parentSub : null;
    t = parent;
  }
  return null;
}
