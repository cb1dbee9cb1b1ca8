import type { NoteId } from '../schema/ids.ts';
import type { BoardSnapshot } from './boardSnapshot.ts';
import {
  outgoingConnectors,
  pathsFrom,
  resolveMarkedPath,
  startNotes,
  type JourneyPath,
  type PathEnd,
} from './journeyPaths.ts';

export const HAPPY_PATH_NAME = 'Happy path';

const END_WORDS: Record<PathEnd, string> = { end: '', 'drop-out': ' (drop-out)', loop: ' (loops back)' };
const NAME_TEXT_LENGTH = 28;

function shortText(board: BoardSnapshot, id: NoteId): string {
  const text = (board.notesById.get(id)?.text ?? '').split('\n')[0]!.trim();
  if (text === '') return '(no text)';
  return text.length > NAME_TEXT_LENGTH ? `${text.slice(0, NAME_TEXT_LENGTH - 1).trimEnd()}…` : text;
}

/** "Sees an ad → Pays at checkout (drop-out)": a path named by its first and last notes and how it ends. */
export function pathName(board: BoardSnapshot, path: JourneyPath): string {
  const first = path.steps[0]!.noteId;
  const last = path.steps[path.steps.length - 1]!.noteId;
  return `${shortText(board, first)} → ${shortText(board, last)}${END_WORDS[path.end]}`;
}

/** At most this many path names per note; the rest are counted. */
const NAMES_PER_NOTE = 3;

/**
 * Which path each note sits on, as the priority list and its exports say it: "Happy path" when
 * the marked happy path passes through the note, otherwise the names of the paths through it
 * from every start note (`startNotes`), at most three and "+N more". A note on no path is absent.
 */
export function notePathNames(board: BoardSnapshot): ReadonlyMap<NoteId, string> {
  const names = new Map<NoteId, string[]>();
  const happy = resolveMarkedPath(board, board.happyPath);
  const onHappy = new Set(happy?.steps.map((s) => s.noteId) ?? []);
  const outgoing = outgoingConnectors(board);
  for (const start of startNotes(board))
    for (const path of pathsFrom(board, start, outgoing).paths) {
      const name = pathName(board, path);
      for (const { noteId } of path.steps) {
        if (onHappy.has(noteId)) continue;
        const list = names.get(noteId);
        if (!list) names.set(noteId, [name]);
        else if (!list.includes(name)) list.push(name);
      }
    }
  const out = new Map<NoteId, string>();
  for (const id of onHappy) out.set(id, HAPPY_PATH_NAME);
  for (const [id, list] of names) {
    const more = list.length - NAMES_PER_NOTE;
    out.set(id, list.slice(0, NAMES_PER_NOTE).join('; ') + (more > 0 ? `; +${more} more` : ''));
  }
  return out;
}
