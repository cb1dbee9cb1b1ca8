import { describe, expect, it } from 'vitest';
import { CHANNEL_LIMITS } from '../../schema/channel.ts';
import { CONNECTOR_LIMITS } from '../../schema/connector.ts';
import { LIMITS } from '../../schema/limits.ts';
import { attemptWrite, createTestBoard, type TestBoard } from '../../testing/board.ts';
import { CommandError, type CommandErrorCode } from '../errors.ts';
import { COMMANDS, executeCommand, type CommandName } from './index.ts';

/**
 * Strict on write: every command rejects bad input with a typed CommandError and writes nothing.
 * The table is typed by CommandName, so a new command does not compile until it has cases here.
 */
type Case = readonly [label: string, code: CommandErrorCode, run: (t: TestBoard, f: Fixture) => unknown];
interface Fixture {
  stageId: `stage:${string}`;
  laneId: `lane:${string}`;
  noteId: `note:${string}`;
  personaId: `persona:${string}`;
  kpiId: `kpi:${string}`;
  /** A second note, and a connector from noteId to it. */
  otherNoteId: `note:${string}`;
  connectorId: `connector:${string}`;
  /** One of the board's default channels. */
  channelId: `channel:${string}`;
}

const long = (n: number) => 'x'.repeat(n + 1);
const clip = (f: Fixture) =>
  ({ ...f, kind: 'idea', text: 't', colour: null, sentiment: null, department: 'sales' }) as const;

const REJECTIONS: Record<CommandName, readonly Case[]> = {
  renameBoard: [
    ['empty title', 'invalid-input', (t) => t.run('renameBoard', { title: '' })],
    ['blank title', 'invalid-input', (t) => t.run('renameBoard', { title: '   ' })],
    ['too long', 'invalid-input', (t) => t.run('renameBoard', { title: long(LIMITS.titleLength) })],
  ],
  addStage: [
    ['empty name', 'invalid-input', (t) => t.run('addStage', { name: ' ' })],
    ['too long', 'invalid-input', (t) => t.run('addStage', { name: long(LIMITS.nameLength) })],
    ['negative position', 'invalid-input', (t) => t.run('addStage', { name: 'S', position: -1 })],
    ['fractional position', 'invalid-input', (t) => t.run('addStage', { name: 'S', position: 1.5 })],
  ],
  renameStage: [
    ['bad id', 'invalid-input', (t, f) => t.run('renameStage', { stageId: f.laneId as never, name: 'S' })],
    ['empty name', 'invalid-input', (t, f) => t.run('renameStage', { stageId: f.stageId, name: '' })],
    ['missing stage', 'not-found', (t) => t.run('renameStage', { stageId: 'stage:gone', name: 'S' })],
  ],
  describeStage: [
    [
      'too long',
      'invalid-input',
      (t, f) => t.run('describeStage', { stageId: f.stageId, description: long(LIMITS.descriptionLength) }),
    ],
    ['missing stage', 'not-found', (t) => t.run('describeStage', { stageId: 'stage:gone', description: '' })],
  ],
  moveStage: [
    ['no position', 'invalid-input', (t, f) => t.run('moveStage', { stageId: f.stageId } as never)],
    ['missing stage', 'not-found', (t) => t.run('moveStage', { stageId: 'stage:gone', position: 0 })],
  ],
  removeStage: [
    ['bad id', 'invalid-input', (t) => t.run('removeStage', { stageId: 'stage:' as never })],
    ['missing stage', 'not-found', (t) => t.run('removeStage', { stageId: 'stage:gone' })],
    ['no decision', 'needs-decision', (t, f) => t.run('removeStage', { stageId: f.stageId })],
    [
      'unknown decision',
      'invalid-input',
      (t, f) => t.run('removeStage', { stageId: f.stageId, decision: { notes: 'keep' } as never }),
    ],
    [
      'move without target',
      'invalid-input',
      (t, f) => t.run('removeStage', { stageId: f.stageId, decision: { notes: 'move' } as never }),
    ],
    [
      'move to a lane',
      'invalid-input',
      (t, f) => t.run('removeStage', { stageId: f.stageId, decision: { notes: 'move', to: f.laneId as never } }),
    ],
  ],
  addLane: [
    ['unknown kind', 'invalid-input', (t) => t.run('addLane', { name: 'L', kind: 'kpi' as never })],
    ['empty name', 'invalid-input', (t) => t.run('addLane', { name: '', kind: 'idea' })],
    ['too long', 'invalid-input', (t) => t.run('addLane', { name: long(LIMITS.nameLength), kind: 'idea' })],
  ],
  renameLane: [
    ['empty name', 'invalid-input', (t, f) => t.run('renameLane', { laneId: f.laneId, name: '' })],
    ['missing lane', 'not-found', (t) => t.run('renameLane', { laneId: 'lane:gone', name: 'L' })],
  ],
  setLaneKind: [
    ['unknown kind', 'invalid-input', (t, f) => t.run('setLaneKind', { laneId: f.laneId, kind: 'metric' as never })],
    ['missing lane', 'not-found', (t) => t.run('setLaneKind', { laneId: 'lane:gone', kind: 'idea' })],
  ],
  moveLane: [
    ['bad id', 'invalid-input', (t, f) => t.run('moveLane', { laneId: f.stageId as never, position: 0 })],
    ['missing lane', 'not-found', (t) => t.run('moveLane', { laneId: 'lane:gone', position: 0 })],
  ],
  removeLane: [
    ['missing lane', 'not-found', (t) => t.run('removeLane', { laneId: 'lane:gone' })],
    ['no decision', 'needs-decision', (t, f) => t.run('removeLane', { laneId: f.laneId })],
  ],
  addNote: [
    ['bad stage id', 'invalid-input', (t, f) => t.run('addNote', { stageId: 'Awareness' as never, laneId: f.laneId })],
    ['missing stage', 'not-found', (t, f) => t.run('addNote', { stageId: 'stage:gone', laneId: f.laneId })],
    ['missing lane', 'not-found', (t, f) => t.run('addNote', { stageId: f.stageId, laneId: 'lane:gone' })],
    ['text too long', 'invalid-input', (t, f) => t.run('addNote', { ...f, text: long(LIMITS.noteTextLength) })],
    ['sentiment above 2', 'invalid-input', (t, f) => t.run('addNote', { ...f, sentiment: 3 })],
    ['sentiment below -2', 'invalid-input', (t, f) => t.run('addNote', { ...f, sentiment: -3 })],
    ['fractional sentiment', 'invalid-input', (t, f) => t.run('addNote', { ...f, sentiment: 0.5 })],
    ['unknown kind', 'invalid-input', (t, f) => t.run('addNote', { ...f, kind: 'kpi' as never })],
    ['unknown department', 'invalid-input', (t, f) => t.run('addNote', { ...f, department: 'finance' as never })],
    ['bad colour', 'invalid-input', (t, f) => t.run('addNote', { ...f, colour: 'red' })],
  ],
  editNoteText: [
    ['bad id', 'invalid-input', (t, f) => t.run('editNoteText', { noteId: f.stageId as never, text: 'x' })],
    ['missing note', 'not-found', (t) => t.run('editNoteText', { noteId: 'note:gone', text: 'x' })],
    [
      'text too long',
      'invalid-input',
      (t, f) => t.run('editNoteText', { noteId: f.noteId, text: long(LIMITS.noteTextLength) }),
    ],
  ],
  moveNotes: [
    ['no notes', 'invalid-input', (t, f) => t.run('moveNotes', { noteIds: [], stageId: f.stageId, laneId: f.laneId })],
    [
      'one missing note among several',
      'not-found',
      (t, f) => t.run('moveNotes', { noteIds: [f.noteId, 'note:gone'], stageId: f.stageId, laneId: f.laneId }),
    ],
    [
      'missing target stage',
      'not-found',
      (t, f) => t.run('moveNotes', { noteIds: [f.noteId], stageId: 'stage:gone', laneId: f.laneId }),
    ],
    ['negative position', 'invalid-input', (t, f) => t.run('moveNotes', { noteIds: [f.noteId], ...f, position: -1 })],
  ],
  updateNotes: [
    ['empty patch', 'invalid-input', (t, f) => t.run('updateNotes', { noteIds: [f.noteId], patch: {} })],
    [
      'sentiment out of range',
      'invalid-input',
      (t, f) => t.run('updateNotes', { noteIds: [f.noteId], patch: { sentiment: 5 } }),
    ],
    [
      'unknown department',
      'invalid-input',
      (t, f) => t.run('updateNotes', { noteIds: [f.noteId], patch: { department: 'hr' as never } }),
    ],
    [
      'unknown kind',
      'invalid-input',
      (t, f) => t.run('updateNotes', { noteIds: [f.noteId], patch: { kind: 'persona' as never } }),
    ],
    [
      'text is not a patch field',
      'invalid-input',
      (t, f) => t.run('updateNotes', { noteIds: [f.noteId], patch: { text: 'x' } as never }),
    ],
    [
      'one missing note among several',
      'not-found',
      (t, f) => t.run('updateNotes', { noteIds: [f.noteId, 'note:gone'], patch: { kind: 'idea' } }),
    ],
  ],
  deleteNotes: [
    ['no notes', 'invalid-input', (t) => t.run('deleteNotes', { noteIds: [] })],
    [
      'one missing note among several',
      'not-found',
      (t, f) => t.run('deleteNotes', { noteIds: [f.noteId, 'note:gone'] }),
    ],
  ],
  discardEmptyNote: [['bad id', 'invalid-input', (t) => t.run('discardEmptyNote', { noteId: 'note:' as never })]],
  duplicateNotes: [
    ['bad id', 'invalid-input', (t) => t.run('duplicateNotes', { noteIds: ['note:'] as never })],
    [
      'one missing note among several',
      'not-found',
      (t, f) => t.run('duplicateNotes', { noteIds: [f.noteId, 'note:gone'] }),
    ],
  ],
  pasteNotes: [
    ['nothing to paste', 'invalid-input', (t) => t.run('pasteNotes', { notes: [] })],
    [
      'missing target',
      'not-found',
      (t, f) => t.run('pasteNotes', { notes: [clip(f)], target: { stageId: 'stage:gone', laneId: f.laneId } }),
    ],
    ['bad clipboard note', 'invalid-input', (t, f) => t.run('pasteNotes', { notes: [{ ...clip(f), sentiment: 9 }] })],
    [
      'clipboard text too long',
      'invalid-input',
      (t, f) => t.run('pasteNotes', { notes: [{ ...clip(f), text: long(LIMITS.noteTextLength) }] }),
    ],
  ],
  setNoteAction: [
    ['no notes', 'invalid-input', (t) => t.run('setNoteAction', { noteIds: [], status: 'open' })],
    [
      'unknown status',
      'invalid-input',
      (t, f) => t.run('setNoteAction', { noteIds: [f.noteId], status: 'later' as never }),
    ],
    ['not a date', 'invalid-input', (t, f) => t.run('setNoteAction', { noteIds: [f.noteId], due: '31/12/2026' })],
    ['impossible date', 'invalid-input', (t, f) => t.run('setNoteAction', { noteIds: [f.noteId], due: '2026-02-31' })],
    ['owner too long', 'invalid-input', (t, f) => t.run('setNoteAction', { noteIds: [f.noteId], owner: long(60) })],
    ['missing note', 'not-found', (t) => t.run('setNoteAction', { noteIds: ['note:gone'], status: 'open' })],
  ],
  addPersona: [
    ['no name', 'invalid-input', (t) => t.run('addPersona', { name: ' ' })],
    ['name too long', 'invalid-input', (t) => t.run('addPersona', { name: long(LIMITS.nameLength) })],
    [
      'goals too long',
      'invalid-input',
      (t) => t.run('addPersona', { name: 'P', goals: long(LIMITS.personaTextLength) }),
    ],
    ['bad colour', 'invalid-input', (t) => t.run('addPersona', { name: 'P', colour: 'red' })],
  ],
  updatePersona: [
    [
      'bad id',
      'invalid-input',
      (t, f) => t.run('updatePersona', { personaId: f.noteId as never, patch: { name: 'P' } }),
    ],
    [
      'missing persona',
      'not-found',
      (t) => t.run('updatePersona', { personaId: 'persona:gone', patch: { name: 'P' } }),
    ],
    [
      'quote too long',
      'invalid-input',
      (t) => t.run('updatePersona', { personaId: 'persona:gone', patch: { quote: long(LIMITS.personaQuoteLength) } }),
    ],
  ],
  removePersona: [
    ['bad id', 'invalid-input', (t, f) => t.run('removePersona', { personaId: f.stageId as never })],
    ['missing persona', 'not-found', (t) => t.run('removePersona', { personaId: 'persona:gone' })],
  ],
  tagNotes: [
    ['no notes', 'invalid-input', (t) => t.run('tagNotes', { noteIds: [], personaId: 'persona:gone', tagged: true })],
    [
      'missing persona',
      'not-found',
      (t, f) => t.run('tagNotes', { noteIds: [f.noteId], personaId: 'persona:gone', tagged: true }),
    ],
    [
      'missing note',
      'not-found',
      (t, f) => t.run('tagNotes', { noteIds: ['note:gone'], personaId: f.personaId, tagged: true }),
    ],
  ],
  setKpi: [
    ['missing stage', 'not-found', (t) => t.run('setKpi', { stageId: 'stage:gone', metric: 'CSAT', value: 4 })],
    ['blank metric', 'invalid-input', (t, f) => t.run('setKpi', { stageId: f.stageId, metric: '  ', value: 4 })],
    [
      'metric of punctuation only',
      'invalid-input',
      (t, f) => t.run('setKpi', { stageId: f.stageId, metric: '---', value: 4 }),
    ],
    ['metric too long', 'invalid-input', (t, f) => t.run('setKpi', { stageId: f.stageId, metric: long(40), value: 4 })],
    [
      'value not a number',
      'invalid-input',
      (t, f) => t.run('setKpi', { stageId: f.stageId, metric: 'CSAT', value: '4' as never }),
    ],
    [
      'value not finite',
      'invalid-input',
      (t, f) => t.run('setKpi', { stageId: f.stageId, metric: 'CSAT', value: Infinity }),
    ],
    ['value too large', 'invalid-input', (t, f) => t.run('setKpi', { stageId: f.stageId, metric: 'CSAT', value: 2e9 })],
    [
      'unknown direction',
      'invalid-input',
      (t, f) => t.run('setKpi', { stageId: f.stageId, metric: 'CSAT', direction: 'sideways' as never }),
    ],
    [
      'unknown trend',
      'invalid-input',
      (t, f) => t.run('setKpi', { stageId: f.stageId, metric: 'CSAT', trend: 'rising' as never }),
    ],
    [
      'unit too long',
      'invalid-input',
      (t, f) => t.run('setKpi', { stageId: f.stageId, metric: 'CSAT', unit: long(12) }),
    ],
  ],
  updateKpi: [
    ['missing KPI', 'not-found', (t) => t.run('updateKpi', { kpiId: 'kpi:gone.csat', patch: { value: 1 } })],
    ['not a KPI id', 'invalid-input', (t, f) => t.run('updateKpi', { kpiId: f.noteId as never, patch: { value: 1 } })],
    ['empty patch', 'invalid-input', (t, f) => t.run('updateKpi', { kpiId: f.kpiId, patch: {} })],
    ['NaN target', 'invalid-input', (t, f) => t.run('updateKpi', { kpiId: f.kpiId, patch: { target: NaN } })],
  ],
  removeKpi: [['missing KPI', 'not-found', (t) => t.run('removeKpi', { kpiId: 'kpi:gone.csat' })]],
  importKpis: [
    ['no rows', 'invalid-input', (t) => t.run('importKpis', { rows: [] })],
    [
      'one missing stage refuses all',
      'not-found',
      (t, f) =>
        t.run('importKpis', {
          rows: [
            { stageId: f.stageId, metric: 'CSAT', value: 4 },
            { stageId: 'stage:gone', metric: 'NPS', value: 1 },
          ],
        }),
    ],
    [
      'one bad value refuses all',
      'invalid-input',
      (t, f) =>
        t.run('importKpis', {
          rows: [
            { stageId: f.stageId, metric: 'CSAT', value: 4 },
            { stageId: f.stageId, metric: 'NPS', value: NaN },
          ],
        }),
    ],
    [
      'too many rows',
      'invalid-input',
      (t, f) =>
        t.run('importKpis', {
          rows: Array.from({ length: 501 }, (_, i) => ({ stageId: f.stageId, metric: `M${i}`, value: i })),
        }),
    ],
  ],
  addConnector: [
    ['missing end', 'not-found', (t, f) => t.run('addConnector', { from: f.noteId, to: 'note:gone' })],
    ['to itself', 'invalid-input', (t, f) => t.run('addConnector', { from: f.noteId, to: f.noteId })],
    ['not a note', 'invalid-input', (t, f) => t.run('addConnector', { from: f.noteId, to: f.stageId as never })],
    [
      'unknown type',
      'invalid-input',
      (t, f) => t.run('addConnector', { from: f.otherNoteId, to: f.noteId, kind: 'detour' as never }),
    ],
    [
      'label too long',
      'invalid-input',
      (t, f) => t.run('addConnector', { from: f.otherNoteId, to: f.noteId, label: long(CONNECTOR_LIMITS.labelLength) }),
    ],
    [
      'share over 100',
      'invalid-input',
      (t, f) => t.run('addConnector', { from: f.otherNoteId, to: f.noteId, share: 101 }),
    ],
    [
      'negative share',
      'invalid-input',
      (t, f) => t.run('addConnector', { from: f.otherNoteId, to: f.noteId, share: -1 }),
    ],
    ['share NaN', 'invalid-input', (t, f) => t.run('addConnector', { from: f.otherNoteId, to: f.noteId, share: NaN })],
    ['same two ends again', 'invalid-input', (t, f) => t.run('addConnector', { from: f.noteId, to: f.otherNoteId })],
  ],
  retypeConnector: [
    [
      'unknown type',
      'invalid-input',
      (t, f) => t.run('retypeConnector', { connectorId: f.connectorId, kind: 'x' as never }),
    ],
    [
      'missing connector',
      'not-found',
      (t) => t.run('retypeConnector', { connectorId: 'connector:gone', kind: 'drop-out' }),
    ],
  ],
  relabelConnector: [
    [
      'too long',
      'invalid-input',
      (t, f) => t.run('relabelConnector', { connectorId: f.connectorId, label: long(CONNECTOR_LIMITS.labelLength) }),
    ],
    ['missing connector', 'not-found', (t) => t.run('relabelConnector', { connectorId: 'connector:gone', label: 'a' })],
  ],
  setConnectorShare: [
    ['over 100', 'invalid-input', (t, f) => t.run('setConnectorShare', { connectorId: f.connectorId, share: 100.5 })],
    [
      'Infinity',
      'invalid-input',
      (t, f) => t.run('setConnectorShare', { connectorId: f.connectorId, share: Infinity }),
    ],
    ['missing connector', 'not-found', (t) => t.run('setConnectorShare', { connectorId: 'connector:gone', share: 1 })],
  ],
  reconnectConnector: [
    [
      'to itself',
      'invalid-input',
      (t, f) => t.run('reconnectConnector', { connectorId: f.connectorId, from: f.noteId, to: f.noteId }),
    ],
    [
      'missing end',
      'not-found',
      (t, f) => t.run('reconnectConnector', { connectorId: f.connectorId, from: f.noteId, to: 'note:gone' }),
    ],
  ],
  deleteConnectors: [
    ['none', 'invalid-input', (t) => t.run('deleteConnectors', { connectorIds: [] })],
    [
      'one missing refuses all',
      'not-found',
      (t, f) => t.run('deleteConnectors', { connectorIds: [f.connectorId, 'connector:gone'] }),
    ],
  ],
  addChannel: [
    ['empty name', 'invalid-input', (t) => t.run('addChannel', { name: '  ' })],
    ['too long', 'invalid-input', (t) => t.run('addChannel', { name: long(CHANNEL_LIMITS.nameLength) })],
    ['a name taken, in other case', 'invalid-input', (t) => t.run('addChannel', { name: ' web ' })],
    ['unknown icon', 'invalid-input', (t) => t.run('addChannel', { name: 'Kiosk', icon: 'kiosk' as never })],
  ],
  updateChannel: [
    ['nothing to change', 'invalid-input', (t, f) => t.run('updateChannel', { channelId: f.channelId, patch: {} })],
    ['missing', 'not-found', (t) => t.run('updateChannel', { channelId: 'channel:gone', patch: { name: 'X' } })],
    [
      'a name another channel has',
      'invalid-input',
      (t, f) => t.run('updateChannel', { channelId: f.channelId, patch: { name: 'Email' } }),
    ],
    [
      'not a channel id',
      'invalid-input',
      (t, f) => t.run('updateChannel', { channelId: f.noteId as never, patch: {} }),
    ],
  ],
  moveChannel: [
    ['negative position', 'invalid-input', (t, f) => t.run('moveChannel', { channelId: f.channelId, position: -1 })],
    ['missing', 'not-found', (t) => t.run('moveChannel', { channelId: 'channel:gone', position: 0 })],
  ],
  removeChannel: [['missing', 'not-found', (t) => t.run('removeChannel', { channelId: 'channel:gone' })]],
  setNoteChannel: [
    ['no notes', 'invalid-input', (t, f) => t.run('setNoteChannel', { noteIds: [], channelId: f.channelId })],
    [
      'a missing channel',
      'not-found',
      (t, f) => t.run('setNoteChannel', { noteIds: [f.noteId], channelId: 'channel:gone' }),
    ],
    [
      'one missing note refuses all',
      'not-found',
      (t, f) => t.run('setNoteChannel', { noteIds: [f.noteId, 'note:gone'], channelId: f.channelId }),
    ],
  ],
  markHappyPath: [
    ['no steps', 'invalid-input', (t) => t.run('markHappyPath', { connectorIds: [] })],
    ['not a connector id', 'invalid-input', (t, f) => t.run('markHappyPath', { connectorIds: [f.noteId as never] })],
    ['a missing connector', 'not-found', (t) => t.run('markHappyPath', { connectorIds: ['connector:gone'] })],
    [
      'steps that do not follow each other',
      'invalid-input',
      (t, f) => t.run('markHappyPath', { connectorIds: [f.connectorId, f.connectorId] }),
    ],
  ],
  clearHappyPath: [['none marked', 'not-found', (t) => t.run('clearHappyPath', {})]],
};

function fixture(): { t: TestBoard; f: Fixture } {
  const t = createTestBoard();
  const stageId = t.stage('Consideration').id;
  const laneId = t.lane('Thoughts').id;
  const noteId = t.run('addNote', { stageId, laneId, text: 'existing' });
  const personaId = t.run('addPersona', { name: 'Pat' });
  const kpiId = t.run('setKpi', { stageId, metric: 'NPS', value: 20 });
  const otherNoteId = t.run('addNote', { stageId: t.stage('Awareness').id, laneId, text: 'next' });
  const connectorId = t.run('addConnector', { from: noteId, to: otherNoteId });
  const channelId = t.board().channels[0]!.id;
  return { t, f: { stageId, laneId, noteId, personaId, kpiId, otherNoteId, connectorId, channelId } };
}

describe('rejected commands write nothing', () => {
  const cases = Object.entries(REJECTIONS).flatMap(([name, list]) =>
    list.map(([label, code, run]) => ({ name, label, code, run })),
  );

  it.each(cases)('$name: $label → $code', ({ code, run }) => {
    const { t, f } = fixture();
    const attempt = attemptWrite(t.doc, () => run(t, f));
    expect(attempt.error).toBeInstanceOf(CommandError);
    expect((attempt.error as CommandError).code).toBe(code);
    expect(attempt.updates).toBe(0);
    expect(attempt.changed).toBe(false);
  });

  it('the table covers every command', () => {
    expect(Object.keys(REJECTIONS).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('limits are inclusive: text of exactly LIMITS.noteTextLength is accepted', () => {
    const { t, f } = fixture();
    t.run('editNoteText', { noteId: f.noteId, text: 'y'.repeat(LIMITS.noteTextLength) });
    expect(t.note(f.noteId).text).toHaveLength(LIMITS.noteTextLength);
    t.run('renameStage', { stageId: f.stageId, name: 'n'.repeat(LIMITS.nameLength) });
    expect(t.stage('n'.repeat(LIMITS.nameLength)).id).toBe(f.stageId);
  });

  it('errors say what to do in words a workshop participant understands', () => {
    const { t, f } = fixture();
    expect(() => t.run('removeStage', { stageId: f.stageId })).toThrow(/holds 1 note\(s\): move them or delete them/);
    expect(() => t.run('editNoteText', { noteId: 'note:gone', text: '' })).toThrow(/no longer exists/);
  });

  it('executeCommand passes the given origin to its single transaction', () => {
    const { t, f } = fixture();
    const origins: unknown[] = [];
    t.doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    executeCommand(t.doc, t.actor, 'renameStage', { stageId: f.stageId, name: 'Compare' }, 'journeyboard:server');
    expect(origins).toEqual(['journeyboard:server']);
  });
});

describe('history policy', () => {
  it('each user intent is one undo step; only typing (and removing the blank note it left) merges, into a burst or a just-added note', () => {
    const policies = Object.fromEntries(Object.entries(COMMANDS).map(([name, def]) => [name, def.history]));
    const except = Object.entries(policies).filter(([, policy]) => policy !== 'step');
    expect(Object.fromEntries(except)).toEqual({
      editNoteText: 'merge',
      discardEmptyNote: 'merge',
      addNote: 'open-step',
    });
  });
});
