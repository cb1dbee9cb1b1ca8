import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { metaMap, recordsMap } from '../../shared/doc/boardDoc.ts';
import { findTemplate, initializeBoard, readBoard, readMeta, recordRepair } from '../../shared/index.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { PENDING_REPAIR_DELAY_MS, RecordGuard, type GuardNotice } from './RecordGuard.ts';
import { schema5Note } from '../../shared/testing/schema5.ts';

/** Every record of `doc` passes the strict check, and meta is sane: what "a valid board" means. */
function isValidBoard(doc: Y.Doc, maxNote: number): boolean {
  let ok = true;
  recordsMap(doc).forEach((value, key) => {
    if (recordRepair(key, value, { ...defaultsWith(maxNote) }).kind !== 'ok') ok = false;
  });
  return ok && readMeta(doc).title.length <= 120;
}
const defaultsWith = (maxNoteLength: number) => ({
  maxNoteLength,
  maxNameLength: 60,
  maxDescriptionLength: 500,
  maxAuthorNameLength: 60,
  maxShortStringLength: 128,
});

function notices(provider: HocuspocusProvider): GuardNotice[] {
  const list: GuardNotice[] = [];
  provider.on('stateless', ({ payload }: { payload: string }) => list.push(JSON.parse(payload) as GuardNotice));
  return list;
}

describe('RecordGuard', () => {
  let server: TestServer;
  const providers: HocuspocusProvider[] = [];
  afterEach(async () => {
    providers.splice(0).forEach((p) => p.destroy());
    await server?.close();
  });

  it('a malformed-record writer cannot corrupt the board: the server repairs, every client converges on a valid board', async () => {
    server = await startTestServer({ limits: { maxNoteLength: 100 } });
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce', title: 'Journey' });
    const hostile = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    const other = await connectProvider(server.wsUrl, id, { token: tokens.viewer });
    providers.push(hostile, other);
    const told = notices(hostile);
    const { notes, stages } = readBoard(hostile.document);
    const records = recordsMap(hostile.document) as unknown as Y.Map<unknown>;

    hostile.document.transact(() => {
      const wrong = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({
        typeName: 'note',
        id: 'note:elsewhere',
        kind: 'spaceship',
        text: 42,
        colour: 'red',
        sentiment: 9,
        department: 'hr',
        createdAt: 'yesterday',
      }))
        wrong.set(k, v);
      records.set('note:wrongtypes00001', wrong); // wrong types, unknown kind, id ≠ key, missing fields
      records.set('note:notamap0000001', 'just a string');
      records.set('bogus', new Y.Map());
      records.set('persona:fromthefuture', new Y.Map());
      const existing = records.get(notes[0]!.id) as Y.Map<unknown>;
      (existing.get('text') as Y.Text).insert(0, 'y'.repeat(500)); // oversized text
      (records.get(stages[0]!.id) as Y.Map<unknown>).set('name', 7);
      metaMap(hostile.document).set('title', 't'.repeat(400));
      metaMap(hostile.document).set('boardId', 'someoneelse1');
    });

    const serverDoc = server.server.hocuspocus.documents.get(id)!;
    for (const doc of [serverDoc, other.document, hostile.document]) {
      await waitFor(() => isValidBoard(doc, 100) && recordsMap(doc).has('note:wrongtypes00001'), {
        what: 'a valid board everywhere',
      });
    }
    const repaired = readBoard(other.document).notesById.get('note:wrongtypes00001')!;
    expect(repaired).toMatchObject({
      id: 'note:wrongtypes00001',
      kind: 'touchpoint',
      text: '',
      colour: null,
      sentiment: null,
      department: 'other',
    });
    // Schema 6: the id ≠ key and the typeName are removed, not corrected; the bad colour and sentiment too.
    const stored = recordsMap(other.document).get('note:wrongtypes00001') as Y.Map<unknown>;
    for (const f of ['typeName', 'id', 'colour', 'sentiment']) expect(stored.has(f), f).toBe(false);
    expect(readBoard(other.document).notesById.get(notes[0]!.id)!.text).toHaveLength(100);
    expect(recordsMap(other.document).has('note:notamap0000001')).toBe(false);
    expect(recordsMap(other.document).has('bogus')).toBe(false);
    expect(readMeta(other.document)).toMatchObject({ boardId: id, title: 't'.repeat(120) });
    expect(told.map((n) => n.reason)).toContain('invalid-record');
    // What is stored is the repaired board too.
    await waitFor(async () => isValidBoard((await loadBoardDoc(server.server.store, id))!.doc, 100), {
      what: 'the stored board to be valid',
    });
  });

  it('a schema-5 writer’s records lose typeName and id, quietly; its null colour and sentiment are valid and stay', async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce', title: 'Journey' });
    const oldClient = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    const other = await connectProvider(server.wsUrl, id, { token: tokens.viewer });
    providers.push(oldClient, other);
    const { stages, lanes, notes } = readBoard(oldClient.document);
    const records = recordsMap(oldClient.document) as unknown as Y.Map<unknown>;
    oldClient.document.transact(() => {
      const key = 'note:fromschema5000001';
      records.set(key, schema5Note(key, { stageId: stages[0]!.id, laneId: lanes[0]!.id, index: 'zz' }, 'old'));
      (records.get(notes[0]!.id) as Y.Map<unknown>).set('typeName', 'note'); // an edit of an existing note, schema-5 style
      (records.get(stages[0]!.id) as Y.Map<unknown>).set('id', stages[0]!.id);
    });
    const serverDoc = server.server.hocuspocus.documents.get(id)!;
    const fieldsOf = (doc: Y.Doc, key: string) => [
      ...((recordsMap(doc).get(key as never) as Y.Map<unknown> | undefined)?.keys() ?? []),
    ];
    for (const doc of [serverDoc, other.document, oldClient.document]) {
      await waitFor(() => fieldsOf(doc, 'note:fromschema5000001').length > 0 && isValidBoard(doc, 2000), {
        what: 'the schema-5 fields removed everywhere',
      });
      expect(fieldsOf(doc, 'note:fromschema5000001')).not.toContain('typeName');
      expect(fieldsOf(doc, 'note:fromschema5000001')).not.toContain('id');
      expect(fieldsOf(doc, 'note:fromschema5000001')).toContain('colour'); // null is valid: not worth a repair
      expect(fieldsOf(doc, notes[0]!.id)).not.toContain('typeName');
      expect(fieldsOf(doc, stages[0]!.id)).not.toContain('id');
    }
    expect(readBoard(other.document).notesById.get('note:fromschema5000001')).toMatchObject({
      id: 'note:fromschema5000001',
      typeName: 'note',
      text: 'old',
      colour: null,
    });
  });

  it('a malformed KPI is repaired field by field: the good fields stay, the bad ones read as their defaults', async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce', title: 'Journey' });
    const hostile = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    const other = await connectProvider(server.wsUrl, id, { token: tokens.viewer });
    providers.push(hostile, other);
    const { kpis, stages } = readBoard(hostile.document);
    const csat = kpis.find((k) => k.metric === 'CSAT')!;
    const records = recordsMap(hostile.document) as unknown as Y.Map<unknown>;
    hostile.document.transact(() => {
      const existing = records.get(csat.id) as Y.Map<unknown>;
      existing.set('target', 'five'); // the value next to it must survive
      existing.set('direction', 'sideways');
      const forged = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({
        typeName: 'kpi',
        id: 'kpi:other',
        stageId: stages[0]!.id,
        metric: 'NPS',
        value: Number.NaN,
        target: 40,
        unit: 'x'.repeat(50),
        trend: 'rocketing',
      }))
        forged.set(k, v);
      records.set('kpi:forged.nps', forged);
    });
    const serverDoc = server.server.hocuspocus.documents.get(id)!;
    for (const doc of [serverDoc, other.document, hostile.document]) {
      await waitFor(() => isValidBoard(doc, 2000) && recordsMap(doc).has('kpi:forged.nps'), {
        what: 'a valid board everywhere',
      });
    }
    const after = readBoard(other.document).kpis;
    expect(after.find((k) => k.id === csat.id)).toMatchObject({ value: csat.value, target: null, direction: 'higher' });
    expect(after.find((k) => k.id === 'kpi:forged.nps')).toMatchObject({
      id: 'kpi:forged.nps',
      stageId: stages[0]!.id,
      metric: 'NPS',
      value: null,
      target: 40,
      unit: 'x'.repeat(12),
      trend: null,
    });
  });

  it('past MAX_RECORDS the records a change added are removed, and its author is told', async () => {
    server = await startTestServer({ limits: { maxRecords: 20 } });
    const { id, tokens } = await createBoardWithLinks(server.url); // blank: a few stages and lanes
    const writer = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    providers.push(writer);
    const told = notices(writer);
    const { stages, lanes } = readBoard(writer.document);
    const before = recordsMap(writer.document).size;
    writer.document.transact(() => {
      for (let i = 0; i < 30; i++) {
        const key = `note:bulk${String(i).padStart(11, '0')}`;
        const rec = schema5Note(key, { stageId: stages[0]!.id, laneId: lanes[0]!.id, index: `a${i}` }, 'x');
        recordsMap(writer.document).set(key as never, rec);
      }
    });
    await waitFor(() => recordsMap(server.server.hocuspocus.documents.get(id)!).size === 20, {
      what: 'the cap to be enforced',
    });
    await waitFor(() => told.some((n) => n.reason === 'too-many-records'), { what: 'the notice' });
    expect(before).toBeLessThan(20);
  });
});

/**
 * A change whose structs wait on an earlier one (Yjs keeps them pending) still applies its
 * deletions at once: a rename arrives as "old title deleted" before "new title". Repairing the
 * missing title then would write a concurrent default that can win over the rename.
 */
describe('RecordGuard with pending structs', () => {
  const boardId = 'pendingboard';
  const limits = { maxRecords: 1000, maxNoteLength: 1000, maxTitleLength: 120 };
  const fromConnection = { source: 'connection' };

  function setup() {
    const server = new Y.Doc();
    server.clientID = 2 ** 31; // above any client's: a concurrent write by the server wins the conflict
    initializeBoard(server, { boardId, title: 'Checkout', template: findTemplate('ecommerce')! });
    void new RecordGuard(limits).afterLoadDocument({ document: server, documentName: boardId } as never);
    const client = new Y.Doc();
    client.clientID = 7;
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    return { server, client };
  }

  it('waits for the rest of the change: a rename whose earlier part arrives late keeps its title', () => {
    const { server, client } = setup();
    const start = Y.encodeStateVector(client);
    const note = readBoard(client).notes[0]!;
    ((recordsMap(client).get(note.id) as unknown as Y.Map<unknown>).get('text') as Y.Text).insert(0, 'Now: '); // an earlier change (U1)
    const mid = Y.encodeStateVector(client);
    metaMap(client).set('title', 'Checkout, renamed'); // U2: depends on U1 (same client, later clock)
    const u1 = Y.encodeStateAsUpdate(client, start);
    const u2 = Y.encodeStateAsUpdate(client, mid);

    Y.applyUpdate(server, u2, fromConnection); // U1 missing: U2's struct is pending, its deletion applied
    expect(server.store.pendingStructs).not.toBeNull();
    Y.applyUpdate(server, u1, fromConnection);
    expect(server.store.pendingStructs).toBeNull();
    expect(readMeta(server).title).toBe('Checkout, renamed');
    expect(readBoard(server).notes.find((n) => n.id === note.id)!.text).toMatch(/^Now: /);
  });

  it('still repairs what is really missing once nothing is pending, and in the same change as ever otherwise', () => {
    const { server, client } = setup();
    const sv = Y.encodeStateVector(client);
    metaMap(client).delete('title');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, sv), fromConnection);
    expect(readMeta(server).title).not.toBe('');
    expect(typeof metaMap(server).get('title')).toBe('string');
  });

  it('a change that stays pending does not switch the guard off: what waited is repaired after a while', async () => {
    vi.useFakeTimers();
    try {
      const { server, client } = setup();
      metaMap(client).set('boardId', 'x'); // U1, never sent
      const mid = Y.encodeStateVector(client);
      metaMap(client).delete('title'); // U2: a deletion (applied) plus nothing else
      (
        (recordsMap(client).get(readBoard(client).notes[0]!.id) as unknown as Y.Map<unknown>).get('text') as Y.Text
      ).insert(0, 'Now: ');
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client, mid), fromConnection);
      expect(server.store.pendingStructs).not.toBeNull();
      expect(metaMap(server).get('title')).toBeUndefined(); // waiting for the rest
      await vi.advanceTimersByTimeAsync(PENDING_REPAIR_DELAY_MS);
      expect(typeof metaMap(server).get('title')).toBe('string');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('RecordGuard notices', () => {
  function setup() {
    const server = new Y.Doc();
    initializeBoard(server, { boardId: 'noticeboard1', title: 'Checkout', template: findTemplate('ecommerce')! });
    void new RecordGuard({ maxRecords: 1000, maxNoteLength: 1000, maxTitleLength: 120 }).afterLoadDocument({
      document: server,
      documentName: 'noticeboard1',
    } as never);
    const sent: string[] = [];
    const origin = { source: 'connection', connection: { sendStateless: (payload: string) => sent.push(payload) } };
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const send = (change: (records: Y.Map<Y.Map<unknown>>) => void) => {
      const sv = Y.encodeStateVector(client);
      change(recordsMap(client) as unknown as Y.Map<Y.Map<unknown>>);
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client, sv), origin);
    };
    return { server, client, sent, send };
  }

  it('a schema-5 writer’s typeName/id are removed without telling it off; a real repair is still told', () => {
    const { server, client, sent, send } = setup();
    const [a, b] = readBoard(client).notes;
    send((records) => {
      records.get(a!.id)!.set('typeName', 'note');
      records.get(a!.id)!.set('id', a!.id);
      records.get(a!.id)!.set('colour', null);
    });
    expect(recordsMap(server).get(a!.id)!.has('typeName')).toBe(false);
    expect(recordsMap(server).get(a!.id)!.has('id')).toBe(false);
    expect(recordsMap(server).get(a!.id)!.get('colour')).toBeNull();
    expect(sent).toEqual([]);
    send((records) => {
      records.get(b!.id)!.set('typeName', 'note');
      records.get(b!.id)!.set('kind', 'spaceship');
    });
    expect(recordsMap(server).get(b!.id)!.get('kind')).toBe('touchpoint');
    expect(sent.map((p) => (JSON.parse(p) as GuardNotice).reason)).toEqual(['invalid-record']);
  });
});
