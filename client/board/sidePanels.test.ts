import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editorState.ts';
import { panelsToClose, oneSidePanelAtATime } from './sidePanels.ts';
import { Store } from './store.ts';

const none = { board: false, comments: false, results: false };

describe('one side panel at a time', () => {
  it('the one that opens stays; the others close', () => {
    expect(panelsToClose({ ...none, results: true }, { ...none, results: true, comments: true })).toEqual(['results']);
    expect(panelsToClose(none, { ...none, board: true })).toEqual([]);
    expect(panelsToClose({ ...none, board: true }, none)).toEqual([]);
  });

  it('opening Comments over the voting results closes the results, and the other way round', () => {
    const editor = createEditorStore();
    const comments = new Store({ panelOpen: false });
    const voting = new Store({ resultsOpen: true });
    const off = oneSidePanelAtATime({ editor, comments, voting } as never);
    comments.update({ panelOpen: true });
    expect(voting.get().resultsOpen).toBe(false);
    voting.update({ resultsOpen: true });
    expect(comments.get().panelOpen).toBe(false);
    editor.update({ panel: 'priorities' });
    expect(voting.get().resultsOpen).toBe(false);
    editor.update({ panel: 'shortcuts' }); // a dialog: leaves the others alone
    comments.update({ panelOpen: true });
    expect(editor.get().panel).toBe('shortcuts');
    off();
  });
});
