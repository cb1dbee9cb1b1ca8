import { isRecordId, type NoteId } from '../../shared/index.ts';
import type { BoardSession } from './BoardSession.ts';
import { centreOnNote } from './cameraActions.ts';
import { showToast } from './editorState.ts';

/**
 * `/b/<id>?note=<noteId>` (the links in exported priority lists): once the board has synced,
 * selects that note and centres it. The parameter is then dropped from the address bar, so a
 * reload keeps the view the person has moved to. The share token is untouched: it came from the
 * fragment (`#token=`, read and cleared by takeBoardToken) or from this device's storage.
 */
export function openLinkedNote(session: BoardSession, location: Location = window.location): NoteId | null {
  const params = new URLSearchParams(location.search);
  const id = params.get('note');
  if (id === null) return null;
  params.delete('note');
  const query = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  const note = isRecordId('note', id) ? session.model.source.getSnapshot().notesById.get(id) : undefined;
  if (!note) {
    showToast(session.editor, 'The linked note is no longer on this board.');
    return null;
  }
  session.editor.update({ selection: new Set([note.id]), view: 'canvas' });
  centreOnNote(session, note.id);
  return note.id;
}
