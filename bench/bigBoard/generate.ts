import {
  executeCommand,
  readBoard,
  type ClipboardNote,
  type ConnectorKind,
  type Department,
  type NoteKind,
} from '../../shared/index.ts';
import type * as Y from 'yjs';

const WORDS = (
  'checkout shipping delivery login password review price discount support chatbot onboarding invoice contract trial ' +
  'renewal refund mobile app email newsletter search filter size guide returns tracking loyalty points agent hold ' +
  'queue survey referral demo pricing security questionnaire upgrade cancel confusing slow broken helpful clear'
).split(' ');
const KINDS: NoteKind[] = ['touchpoint', 'action', 'thought', 'emotion', 'pain', 'idea'];
const DEPTS: Department[] = ['marketing', 'sales', 'support', 'product', 'other'];

/**
 * A deterministic pseudo-random board: `count` notes over 5 stages × 6 lanes, realistic lengths.
 * `authorId`: the person whose connection pastes them, as the app's paste names its own person.
 * A note pasted under any other id is put right by the server (RecordGuard's author fix), which
 * writes each note's author again: one tombstone per note that every later sync step 2 carries in
 * its delete set (19.8 KB at 5,000 notes), which no board pasted by a person holds.
 */
export function fillBoard(doc: Y.Doc, count: number, authorId = 'generator'): void {
  const board = readBoard(doc);
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const notes: ClipboardNote[] = [];
  for (let i = 0; i < count; i++) {
    const lane = board.lanes[i % board.lanes.length]!;
    const stage = board.stages[Math.floor(rnd() * board.stages.length)]!;
    const kind = KINDS[board.lanes.indexOf(lane) % KINDS.length]!;
    const words = 5 + Math.floor(rnd() * 14);
    const text = Array.from({ length: words }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ');
    notes.push({
      stageId: stage.id,
      laneId: lane.id,
      kind,
      text: text[0]!.toUpperCase() + text.slice(1),
      colour: null,
      sentiment: kind === 'emotion' ? Math.floor(rnd() * 5) - 2 : null,
      department: DEPTS[i % DEPTS.length]!,
    });
  }
  const actor = { id: authorId, name: 'Workshop Bot', department: 'product' as const };
  for (let i = 0; i < notes.length; i += 500)
    executeCommand(doc, actor, 'pasteNotes', { notes: notes.slice(i, i + 500) });
}

const CONNECTOR_KINDS: readonly ConnectorKind[] = [
  'next-step',
  'next-step',
  'next-step',
  'alternative',
  'drop-out',
  'loop-back',
];
const CONNECTOR_LABELS = ['if out of stock', 'after 2 days', 'coupon', 'via support', 'second visit'];

/**
 * `count` deterministic connectors over the board's notes, as a workshop draws them: most lead to
 * a note in the same or the next stage, a few loop back; about one in five has a label, one in
 * three a share.
 */
export function connectNotes(doc: Y.Doc, count: number): void {
  const notes = readBoard(doc).notes;
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const actor = { id: 'generator', name: 'Workshop Bot', department: 'product' as const };
  const drawn = new Set<string>();
  while (drawn.size < count) {
    const from = notes[Math.floor(rnd() * notes.length)]!;
    // Notes are read stage by stage: a near index is a near note.
    const to = notes[Math.min(notes.length - 1, Math.max(0, notes.indexOf(from) + Math.floor(rnd() * 400) - 100))]!;
    const pair = `${from.id}>${to.id}`;
    if (to.id === from.id || drawn.has(pair)) continue;
    drawn.add(pair);
    const kind = CONNECTOR_KINDS[Math.floor(rnd() * CONNECTOR_KINDS.length)]!;
    executeCommand(doc, actor, 'addConnector', {
      from: from.id,
      to: to.id,
      kind,
      ...(rnd() < 0.2 ? { label: CONNECTOR_LABELS[Math.floor(rnd() * CONNECTOR_LABELS.length)]! } : {}),
      ...(rnd() < 0.33 ? { share: Math.round(rnd() * 100) } : {}),
    });
  }
}
