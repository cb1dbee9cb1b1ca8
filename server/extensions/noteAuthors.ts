import * as Y from 'yjs';
import { isRecordId } from '../../shared/schema/ids.ts';

interface Author {
  readonly authorId: unknown;
  readonly authorName: unknown;
}

/**
 * Who wrote each note, as the server saw it written. A note's author is set once, by the person
 * whose connection created it; afterwards only the server (a reveal, a restore, an import) may
 * change it. Remembered for deleted notes too, so an undone delete keeps its author.
 */
export class NoteAuthors {
  private readonly known = new Map<string, Author>();

  constructor(records: Y.Map<unknown>) {
    records.forEach((value, key) => this.learn(key, value, false));
  }

  /** Takes the note's author as it is now: for new notes, and for every write not from a connection. */
  learn(key: string, value: unknown, overwrite: boolean): void {
    if (!isRecordId('note', key) || !(value instanceof Y.Map)) return;
    if (!overwrite && this.known.has(key)) return;
    this.known.set(key, { authorId: value.get('authorId'), authorName: value.get('authorName') });
  }

  /**
   * The fields to set so that `note`, just written by `personId`'s connection, keeps its author:
   * the remembered one, or `personId` for a note nobody wrote before. Empty when nothing is wrong.
   */
  fixes(key: string, note: Y.Map<unknown>, personId: string | null): Record<string, unknown> {
    const known = this.known.get(key);
    const fixes: Record<string, unknown> = {};
    if (known) {
      if (note.get('authorId') !== known.authorId) fixes.authorId = known.authorId;
      if (note.get('authorName') !== known.authorName) fixes.authorName = known.authorName;
    } else if (personId !== null && note.get('authorId') !== personId) {
      fixes.authorId = personId;
    }
    return fixes;
  }
}
