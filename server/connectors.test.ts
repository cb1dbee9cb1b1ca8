import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { recordsMap } from '../shared/doc/boardDoc.ts';
import {
  executeCommand,
  readBoard,
  type BoardBackup,
  type BoardSnapshot,
  type Connector,
  type ImportBoardResponse,
  type NoteId,
} from '../shared/index.ts';
import type { CheckpointSummary } from '../shared/protocol/checkpoints.ts';
import type { TemplateInfo } from '../shared/protocol/http.ts';
import { ROLES, tokenFromFragment, type Role } from '../shared/protocol/roles.ts';
import { fetchAsPerson } from './testing/identities.ts';
import { awarenessFence, connectProvider, waitFor, waitForAck } from './testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from './testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'marketing' } as const;

/** A connector as a reader sees it, without its id (copies of a board get new ids). */
const shape = (b: BoardSnapshot, c: Connector) => {
  const at = (id: NoteId) => b.notes.findIndex((n) => n.id === id);
  return [at(c.from), at(c.to), c.kind, c.label, c.share];
};
const shapes = (b: BoardSnapshot) => b.connectors.map((c) => shape(b, c)).sort();

describe('connectors on the server', () => {
  let server: TestServer;
  const providers: HocuspocusProvider[] = [];
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());
  afterEach(() => providers.splice(0).forEach((p) => p.destroy()));

  const connect = async (boardId: string, token: string) => {
    const p = await connectProvider(server.wsUrl, boardId, { token });
    providers.push(p);
    return p;
  };
  const api = (path: string, token: string, init: RequestInit = {}) =>
    fetchAsPerson(`${server.url}${path}`, token, {
      ...init,
      headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
    });
  /** An e-commerce board with two connectors drawn through the model by an editor. */
  const boardWithConnectors = async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const editor = await connect(id, tokens.editor);
    const [a, b, c] = readBoard(editor.document).notes;
    executeCommand(editor.document, ann, 'addConnector', { from: a!.id, to: b!.id, label: 'clicks the ad', share: 35 });
    executeCommand(editor.document, ann, 'addConnector', { from: b!.id, to: c!.id, kind: 'drop-out' });
    await waitForAck(editor);
    return { id, tokens, editor, notes: [a!.id, b!.id, c!.id] as const };
  };

  it('a raw provider writing malformed connectors gets them repaired or removed; a valid one and an orphan stay', async () => {
    const { id, tokens, editor, notes } = await boardWithConnectors();
    const viewer = await connect(id, tokens.viewer);
    const raw = (fields: Record<string, unknown>) => {
      const rec = new Y.Map<unknown>();
      for (const [k, v] of Object.entries(fields)) rec.set(k, v);
      return rec;
    };
    const [a, b] = notes;
    editor.document.transact(() => {
      const records = recordsMap(editor.document) as unknown as Y.Map<unknown>;
      records.set('connector:selfloop00000001', raw({ from: a, to: a, kind: 'next-step' }));
      records.set('connector:notanote0000001', raw({ from: 'stage:x', to: b, kind: 'next-step' }));
      records.set(
        'connector:badfields0000001',
        raw({ from: b, to: a, kind: 'wormhole', label: 'L'.repeat(90), share: 250, extra: 'kept' }),
      );
      records.set('connector:orphan0000000001', raw({ from: a, to: 'note:deletedelsewhere', kind: 'alternative' }));
      records.set('connector:notamap00000001', 'a string');
    });
    const serverDoc = server.server.hocuspocus.documents.get(id)!;
    for (const doc of [serverDoc, viewer.document, editor.document])
      await waitFor(
        () => {
          const r = recordsMap(doc);
          return (
            !r.has('connector:selfloop00000001') &&
            !r.has('connector:notanote0000001') &&
            !r.has('connector:notamap00000001') &&
            r.get('connector:badfields0000001')?.get('kind') === 'next-step'
          );
        },
        { what: 'the repaired connectors everywhere' },
      );
    const board = readBoard(viewer.document);
    const fixed = board.connectors.find((c) => c.id === 'connector:badfields0000001')!;
    expect(fixed).toMatchObject({ kind: 'next-step', label: 'L'.repeat(60), share: null });
    expect(recordsMap(viewer.document).get('connector:badfields0000001')!.get('extra')).toBe('kept');
    expect(board.orphanConnectors.map((c) => c.id)).toEqual(['connector:orphan0000000001']);
    expect(board.connectors).toHaveLength(3);
  });

  it.each(['commenter', 'viewer'] as const)('a %s cannot draw a connector; an editor can', async (role) => {
    const { id, tokens, editor, notes } = await boardWithConnectors();
    const commenter = await connect(id, tokens[role]);
    executeCommand(commenter.document, ann, 'addConnector', { from: notes[2], to: notes[0], kind: 'loop-back' });
    await awarenessFence(commenter, editor);
    expect(readBoard(server.server.hocuspocus.documents.get(id)!).connectors).toHaveLength(2);
    expect(readBoard(editor.document).connectors).toHaveLength(2);
    const byEditor = executeCommand(editor.document, ann, 'addConnector', {
      from: notes[2],
      to: notes[0],
      kind: 'loop-back',
    });
    await waitFor(() => readBoard(commenter.document).connectors.some((c) => c.id === byEditor), {
      what: 'the commenter to see the editor’s connector',
    });
  });

  it('a checkpoint holds connectors, and restoring it brings back deleted and changed ones', async () => {
    const { id, tokens, editor } = await boardWithConnectors();
    const before = readBoard(editor.document);
    const saved = await api(`/api/boards/${id}/checkpoints`, tokens.facilitator, {
      method: 'POST',
      body: JSON.stringify({ label: 'With arrows', by: { id: 'ann', name: 'Ann' } }),
    });
    expect(saved.status).toBe(201);
    const checkpoint = (await saved.json()) as CheckpointSummary;
    const [first, second] = before.connectors;
    executeCommand(editor.document, ann, 'deleteConnectors', { connectorIds: [first!.id] });
    executeCommand(editor.document, ann, 'retypeConnector', { connectorId: second!.id, kind: 'alternative' });
    await waitForAck(editor);
    const res = await api(`/api/boards/${id}/checkpoints/${checkpoint.id}/restore`, tokens.facilitator, {
      method: 'POST',
      body: '{}',
    });
    expect(res.status).toBe(200);
    await waitFor(() => readBoard(editor.document).connectors.length === 2, { what: 'the restore to arrive' });
    expect(readBoard(editor.document).connectors).toEqual(before.connectors);
  });

  it('the one-board export carries connectors, and its import makes a board with the same ones', async () => {
    const { id, tokens, editor } = await boardWithConnectors();
    const exported = (await (await api(`/api/boards/${id}/export.json`, tokens.viewer)).json()) as BoardBackup;
    const connectorIds = Object.keys(exported.records).filter((k) => k.startsWith('connector:'));
    expect(connectorIds).toHaveLength(2);
    const res = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(exported),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as ImportBoardResponse;
    const newTokens = Object.fromEntries(
      ROLES.map((r) => [r, tokenFromFragment(new URL(created.links[r], server.url).hash)!]),
    ) as Record<Role, string>;
    const copy = await connect(created.id, newTokens.viewer);
    expect(readBoard(copy.document).connectors).toEqual(readBoard(editor.document).connectors);

    // A file with a connector to itself is refused with a clear message, and creates nothing.
    const bad = structuredClone(exported) as { records: Record<string, Record<string, unknown>> };
    const rec = bad.records[connectorIds[0]!]!;
    rec.to = rec.from;
    const refused = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(bad),
    });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toMatch(/to itself/);
  });

  it('a board saved as a template, and a board made from it, carry the connectors', async () => {
    const { id, tokens, editor } = await boardWithConnectors();
    const res = await api(`/api/boards/${id}/template`, tokens.facilitator, {
      method: 'POST',
      body: JSON.stringify({ name: 'Journey with arrows' }),
    });
    expect(res.status).toBe(201);
    const template = (await res.json()) as TemplateInfo;
    const made = await createBoardWithLinks(server.url, { template: template.id });
    const copy = await connect(made.id, made.tokens.viewer);
    const expected = shapes(readBoard(editor.document));
    expect(expected).toHaveLength(2);
    expect(shapes(readBoard(copy.document))).toEqual(expected);
  });
});
