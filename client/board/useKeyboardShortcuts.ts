import { useEffect } from 'react';
import type { BoardSession } from './BoardSession.ts';
import { fitBoard, zoomBy } from './cameraActions.ts';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  pasteClipboard,
  pastePlainText,
  select,
  startEditing,
} from './noteActions.ts';
import { showPathsFrom } from './pathHighlight.ts';

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

/** Keys pressed in a popover (a comment thread, a KPI form) belong to it: Backspace there must not delete the selected note. */
function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null;
}

/** Board shortcuts; ignored while typing in a field. Copy and paste use the clipboard events. */
export function useKeyboardShortcuts(session: BoardSession): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        typingIn(e.target) ||
        inDialog(e.target) ||
        document.querySelector('.dialog-backdrop') ||
        session.editor.get().view !== 'canvas'
      )
        return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const { selection, connector } = session.editor.get();
      const draft = session.privateWriting.state.get().selected; // private writing: my selected draft
      if (draft && (key === 'delete' || key === 'backspace')) session.privateWriting.deleteDraft(draft);
      else if (draft && key === 'enter') session.privateWriting.startEditing(draft);
      else if (draft && key === 'escape') session.privateWriting.select(null);
      else if (mod && key === 'z') session.model[e.shiftKey ? 'redo' : 'undo']();
      else if (mod && key === 'y') session.model.redo();
      else if (mod && key === 'd') duplicateSelection(session);
      else if (mod && key === 'a') select(session, session.model.source.getSnapshot().notesById.keys());
      else if (connector && (key === 'delete' || key === 'backspace')) {
        session.run('deleteConnectors', { connectorIds: [connector] });
        session.editor.update({ connector: null });
      } else if (key === 'delete' || key === 'backspace') deleteSelection(session);
      else if (key === 'escape') select(session, []);
      else if (key === '?') session.editor.update({ panel: 'shortcuts' });
      else if (key === 'enter' && selection.size === 1) startEditing(session, [...selection][0]!);
      else if (!mod && key === 'p' && selection.size === 1) showPathsFrom(session, [...selection][0]!);
      else if (e.shiftKey && e.code === 'Digit1') fitBoard(session);
      else if (!mod && (key === '+' || key === '=')) zoomBy(session, 1.25);
      else if (!mod && key === '-') zoomBy(session, 1 / 1.25);
      else return;
      e.preventDefault();
    };
    const onCopy = (e: ClipboardEvent) => {
      if (typingIn(e.target)) return;
      const text = copySelection(session);
      if (!text || !e.clipboardData) return;
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
    };
    const onCut = (e: ClipboardEvent) => {
      onCopy(e);
      if (e.defaultPrevented) deleteSelection(session);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (typingIn(e.target)) return;
      const text = e.clipboardData?.getData('text/plain');
      if (
        !text ||
        inDialog(e.target) ||
        document.querySelector('.dialog-backdrop') ||
        session.editor.get().view !== 'canvas'
      )
        return;
      e.preventDefault();
      if (!pasteClipboard(session, text)) pastePlainText(session, text);
    };
    const listeners = new AbortController();
    const opts = { signal: listeners.signal };
    window.addEventListener('keydown', onKey, opts);
    document.addEventListener('copy', onCopy, opts);
    document.addEventListener('cut', onCut, opts);
    document.addEventListener('paste', onPaste, opts);
    return () => listeners.abort();
  }, [session]);
}
