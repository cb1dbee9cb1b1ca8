import type * as Y from 'yjs';
import { ORIGIN } from '../doc/origins.ts';
import type { Actor } from '../model/commands/context.ts';
import { CommandError } from '../model/errors.ts';
import {
  executeCommentsCommand,
  type CommentsCommandInput,
  type CommentsCommandName,
  type CommentsCommandResult,
} from './commands.ts';
import { CommentsSnapshotSource } from './snapshot.ts';

/** The one way the client reads and changes a board's comments: a live snapshot and named commands. */
export class CommentsModel {
  readonly doc: Y.Doc;
  readonly source: CommentsSnapshotSource;
  actor: Actor;
  /** When set, commands are refused with this reason (viewer role, refused connection). */
  readOnlyReason: string | null = null;

  constructor(doc: Y.Doc, actor: Actor) {
    this.doc = doc;
    this.actor = actor;
    this.source = new CommentsSnapshotSource(doc);
  }

  run<N extends CommentsCommandName>(name: N, input: CommentsCommandInput<N>): CommentsCommandResult<N> {
    if (this.readOnlyReason) throw new CommandError('read-only', this.readOnlyReason);
    return executeCommentsCommand(this.doc, this.actor, name, input, ORIGIN.local);
  }

  destroy(): void {
    this.source.destroy();
  }
}
