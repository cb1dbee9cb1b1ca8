import * as Y from 'yjs';
import { metaMap, recordsMap } from '../doc/boardDoc.ts';
import { ORIGIN } from '../doc/origins.ts';

export interface HistoryState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

/**
 * Per-person undo: tracks only transactions with the local origin, so undo never reverts a
 * colleague's edit that arrived through the provider.
 */
export class BoardHistory {
  private readonly manager: Y.UndoManager;
  private state: HistoryState = { canUndo: false, canRedo: false };
  private readonly listeners = new Set<() => void>();

  constructor(doc: Y.Doc, captureTimeout = 800) {
    this.manager = new Y.UndoManager([recordsMap(doc), metaMap(doc)], {
      trackedOrigins: new Set([ORIGIN.local]),
      captureTimeout,
    });
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const)
      this.manager.on(event, this.update);
  }

  /** Ends the current step, so the next change starts a new one. */
  boundary(): void {
    this.manager.stopCapturing();
  }

  /**
   * Makes the next change join the current step even after the capture timeout: writing the
   * text of a note you just added is part of adding it. Y.UndoManager merges a change into the
   * last step when `now - lastChange < captureTimeout`, so this refreshes `lastChange`.
   */
  continueStep(): void {
    this.manager.lastChange = Date.now();
  }

  /**
   * Forgets the latest step when its changes cancel out: everything it deleted it had inserted,
   * and all it inserted is gone (a note added, then removed because it was left empty). Undo
   * would skip it anyway; dropped, the Undo button does not offer a step that does nothing.
   */
  dropStepIfNoOp(): void {
    const last = this.manager.undoStack.at(-1);
    if (!last) return;
    if (!Y.equalDeleteSets(Y.mergeDeleteSets([last.insertions]), Y.mergeDeleteSets([last.deletions]))) return;
    this.manager.undoStack.pop();
    this.update();
  }

  undo(): boolean {
    this.boundary();
    return this.manager.undo() !== null;
  }

  redo(): boolean {
    this.boundary();
    return this.manager.redo() !== null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): HistoryState => this.state;

  destroy(): void {
    this.manager.destroy();
    this.listeners.clear();
  }

  private readonly update = (): void => {
    const next = { canUndo: this.manager.canUndo(), canRedo: this.manager.canRedo() };
    if (next.canUndo === this.state.canUndo && next.canRedo === this.state.canRedo) return;
    this.state = next;
    for (const l of this.listeners) l();
  };
}
