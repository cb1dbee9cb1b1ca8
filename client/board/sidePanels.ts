import type { CommentsUiState } from './comments/CommentsSession.ts';
import type { EditorState } from './editorState.ts';
import type { Store } from './store.ts';
import type { VotingState } from './voting/votingSession.ts';

/** The side panels, which all open at the same place on the right of the board. */
export type SidePanel = 'board' | 'comments' | 'results';
export type OpenPanels = Readonly<Record<SidePanel, boolean>>;

/**
 * Which panels to close when the open ones go from `before` to `now`: every other one, once a
 * panel opens, so one never lies on top of another (the Comments panel over the voting results).
 */
export function panelsToClose(before: OpenPanels, now: OpenPanels): SidePanel[] {
  const opened = (Object.keys(now) as SidePanel[]).find((p) => now[p] && !before[p]);
  return opened ? (Object.keys(now) as SidePanel[]).filter((p) => p !== opened && now[p]) : [];
}

interface Stores {
  readonly editor: Store<EditorState>;
  readonly comments: Store<CommentsUiState>;
  readonly voting: Store<VotingState>;
}

/** Keeps one side panel open at a time, whichever way it was opened (a button, a reveal, a link). */
export function oneSidePanelAtATime({ editor, comments, voting }: Stores): () => void {
  const open = (): OpenPanels => {
    const panel = editor.get().panel;
    // The shortcuts list is a dialog, not a side panel.
    return {
      board: panel !== null && panel !== 'shortcuts',
      comments: comments.get().panelOpen,
      results: voting.get().resultsOpen,
    };
  };
  let before = open();
  const check = () => {
    const now = open();
    const close = panelsToClose(before, now);
    before = now;
    for (const p of close) {
      if (p === 'board') editor.update({ panel: null });
      else if (p === 'comments') comments.update({ panelOpen: false });
      else voting.update({ resultsOpen: false });
    }
  };
  const offs = [editor.subscribe(check), comments.subscribe(check), voting.subscribe(check)];
  return () => offs.forEach((off) => off());
}
