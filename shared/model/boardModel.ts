import type * as Y from 'yjs';
import { ORIGIN } from '../doc/origins.ts';
import {
  COMMANDS,
  executeCommand,
  type Actor,
  type CommandInput,
  type CommandName,
  type CommandResult,
} from './commands/index.ts';
import { CommandError } from './errors.ts';
import { BoardHistory } from './history.ts';
import { BoardSnapshotSource } from './snapshot.ts';

/**
 * The one way the client reads and changes a board: a live snapshot source, named commands and
 * the person's own undo history, over one Y.Doc.
 */
export class BoardModel {
  readonly doc: Y.Doc;
  readonly source: BoardSnapshotSource;
  readonly history: BoardHistory;
  actor: Actor;
  /** When set, commands are refused with this reason (viewer role, lock, newer schema). */
  readOnlyReason: string | null = null;

  constructor(doc: Y.Doc, actor: Actor) {
    this.doc = doc;
    this.actor = actor;
    this.source = new BoardSnapshotSource(doc);
    this.history = new BoardHistory(doc);
  }

  /** Set after an 'open-step' command until the next step: typing then joins that step. */
  private stepOpen = false;

  run<N extends CommandName>(name: N, input: CommandInput<N>): CommandResult<N> {
    if (this.readOnlyReason) throw new CommandError('read-only', this.readOnlyReason);
    const policy = COMMANDS[name].history;
    if (policy === 'merge' && this.stepOpen) this.history.continueStep();
    else if (policy !== 'merge') this.history.boundary();
    try {
      return executeCommand(this.doc, this.actor, name, input, ORIGIN.local, this.source.getSnapshot);
    } finally {
      if (policy === 'step') this.history.boundary();
      if (policy !== 'merge') this.stepOpen = policy === 'open-step';
    }
  }

  /** Closes the current step (e.g. when a note editor closes), so later typing is its own step. */
  endStep(): void {
    this.stepOpen = false;
    this.history.dropStepIfNoOp();
    this.history.boundary();
  }

  undo(): boolean {
    this.stepOpen = false;
    return this.readOnlyReason ? false : this.history.undo();
  }

  redo(): boolean {
    this.stepOpen = false;
    return this.readOnlyReason ? false : this.history.redo();
  }

  destroy(): void {
    this.source.destroy();
    this.history.destroy();
  }
}
