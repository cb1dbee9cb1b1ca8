import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeCommand, readBoard, TEMPLATES } from '../../shared/index.ts';
import { structureOf } from '../../shared/testing/templateStructure.ts';
import {
  encodeHeldLinks,
  HELD_LINKS_HEADER,
  type ApiErrorResponse,
  type TemplateInfo,
} from '../../shared/protocol/http.ts';
import { loadBoardDoc } from '../storage/boardState.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { fetchAsPerson } from '../testing/identities.ts';

const ACTOR = { id: 'u-ann', name: 'Ann', department: 'sales' } as const;
const code = async (res: Response) => ((await res.json()) as ApiErrorResponse).error.code;

describe('saving a board as a template', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.close());

  const save = (boardId: string, token: string | null, body: unknown = {}) => {
    const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
    const url = `${server.url}/api/boards/${boardId}/template`;
    return token ? fetchAsPerson(url, token, init) : fetch(url, init);
  };
  const templates = async (headers: Record<string, string> = {}) =>
    (await (await fetch(`${server.url}/api/templates`, { headers })).json()) as TemplateInfo[];
  const storedBoard = async (id: string) => {
    const loaded = (await loadBoardDoc(server.server.store, id))!;
    try {
      return readBoard(loaded.doc);
    } finally {
      loaded.doc.destroy();
    }
  };

  it('only the facilitator may save; other roles 403, no or a wrong token 401, an unknown board 404, a bad body 400', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    for (const role of ['editor', 'commenter', 'viewer'] as const) {
      const res = await save(id, tokens[role]);
      expect([role, res.status]).toEqual([role, 403]);
      expect(await code(res)).toBe('forbidden');
    }
    expect((await save(id, null)).status).toBe(401);
    expect((await save(id, 'x'.repeat(32))).status).toBe(401);
    const other = await createBoardWithLinks(server.url);
    expect((await save(id, other.tokens.facilitator)).status).toBe(401); // another board's facilitator
    expect((await save('unknown00001', tokens.facilitator)).status).toBe(404);
    expect((await save('NOT-AN-ID', tokens.facilitator)).status).toBe(404);
    const tooLong = await save(id, tokens.facilitator, { name: 'n'.repeat(81) });
    expect(tooLong.status).toBe(400);
    expect(await code(tooLong)).toBe('invalid-request');
    expect((await templates()).filter((t) => t.source === 'saved')).toEqual([]);

    const res = await save(id, tokens.facilitator, {
      name: '  Checkout workshop kit ',
      description: 'Our Q3 checkout map',
    });
    expect(res.status).toBe(201);
    const info = (await res.json()) as TemplateInfo;
    expect(info).toMatchObject({
      name: 'Checkout workshop kit',
      description: 'Our Q3 checkout map',
      source: 'saved',
      noteCount: TEMPLATES[1]!.notes.length,
    });
    expect(info.id).toMatch(/^saved-[0-9a-z]{12}$/);
  });

  it('the facilitator of the board it was saved from removes a saved template; nobody else can; then it is gone everywhere', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const saved = (await (await save(id, tokens.facilitator, { name: 'To remove' })).json()) as TemplateInfo;
    expect(saved.sourceBoardId).toBe(id);
    const held = (token: string) => ({ [HELD_LINKS_HEADER]: encodeHeldLinks({ [id]: token }) });
    expect((await templates(held(tokens.facilitator))).find((t) => t.id === saved.id)?.sourceBoardId).toBe(id);
    const remove = (templateId: string, token: string | null) =>
      fetch(`${server.url}/api/templates/${templateId}`, {
        method: 'DELETE',
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    for (const role of ['editor', 'commenter', 'viewer'] as const) {
      const res = await remove(saved.id, tokens[role]);
      expect([role, res.status, await code(res)]).toEqual([role, 403, 'forbidden']);
    }
    const other = await createBoardWithLinks(server.url);
    expect((await remove(saved.id, other.tokens.facilitator)).status).toBe(403); // another board's facilitator
    expect((await remove(saved.id, null)).status).toBe(401);
    expect((await templates()).some((t) => t.id === saved.id)).toBe(true);

    expect((await remove(saved.id, tokens.facilitator)).status).toBe(204);
    expect((await templates()).some((t) => t.id === saved.id)).toBe(false);
    const made = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: saved.id }),
    });
    expect([made.status, await code(made)]).toEqual([400, 'unknown-template']);
    // Gone, or never there, or a built-in one: 404.
    for (const templateId of [saved.id, 'saved-nothere00000', 'ecommerce'])
      expect((await remove(templateId, tokens.facilitator)).status).toBe(404);
  });

  it('names the board a template came from only to that board’s facilitator: board ids are not listed to strangers', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' });
    const other = await createBoardWithLinks(server.url);
    const saved = (await (await save(id, tokens.facilitator, { name: 'Whose board?' })).json()) as TemplateInfo;
    const sourceFor = async (headers: Record<string, string> = {}) =>
      (await templates(headers)).find((t) => t.id === saved.id)?.sourceBoardId;
    const held = (links: Record<string, string>) => ({ [HELD_LINKS_HEADER]: encodeHeldLinks(links) });
    expect(await sourceFor()).toBeUndefined();
    for (const role of ['editor', 'commenter', 'viewer'] as const)
      expect(await sourceFor(held({ [id]: tokens[role] }))).toBeUndefined();
    expect(await sourceFor(held({ [other.id]: other.tokens.facilitator }))).toBeUndefined();
    expect(await sourceFor(held({ [id]: other.tokens.facilitator }))).toBeUndefined();
    expect(await sourceFor(held({ [other.id]: other.tokens.facilitator, [id]: tokens.facilitator }))).toBe(id);
    expect(await sourceFor({ [HELD_LINKS_HEADER]: 'garbage,:,x:y' })).toBeUndefined();
  });

  it('lists built-in templates first, then saved ones newest first', async () => {
    const a = await createBoardWithLinks(server.url, { title: 'First board', template: 'b2b-saas-onboarding' });
    const b = await createBoardWithLinks(server.url, { title: 'Second board', template: 'support-ticket' });
    const first = (await (await save(a.id, a.tokens.facilitator)).json()) as TemplateInfo;
    await waitFor(() => Date.now() > first.createdAt!, { what: 'the clock to move on' });
    const second = (await (await save(b.id, b.tokens.facilitator)).json()) as TemplateInfo;
    expect(first.name).toBe('First board'); // the board's title when no name is given
    const list = await templates();
    expect(list.slice(0, TEMPLATES.length).map((t) => [t.id, t.source])).toEqual(
      TEMPLATES.map((t) => [t.id, 'builtin']),
    );
    const saved = list.slice(TEMPLATES.length);
    expect(saved.every((t) => t.source === 'saved')).toBe(true);
    expect(saved.findIndex((t) => t.id === second.id)).toBeLessThan(saved.findIndex((t) => t.id === first.id));
  });

  it('a board created from a saved template has the same structure, from the live board, without owners, dates or KPI values', async () => {
    const { id, tokens } = await createBoardWithLinks(server.url, {
      title: 'Live board',
      template: 'financial-account-opening',
    });
    const doc = new Y.Doc();
    const provider = await connectProvider(server.wsUrl, id, { document: doc, token: tokens.editor });
    try {
      const board = readBoard(doc);
      const stageId = board.stages[1]!.id;
      executeCommand(doc, ACTOR, 'describeStage', { stageId, description: 'Forms and documents' });
      const lane = executeCommand(doc, ACTOR, 'addLane', { name: 'Backstage', kind: 'action' });
      executeCommand(doc, ACTOR, 'addNote', {
        stageId,
        laneId: lane,
        text: 'Compliance checks the ID scan',
        colour: '#c7d2fe',
      });
      const pain = board.notes.find((n) => n.kind === 'pain')!;
      executeCommand(doc, ACTOR, 'setNoteAction', {
        noteIds: [pain.id],
        owner: 'Ravi',
        status: 'open',
        due: '2027-01-15',
      });
      executeCommand(doc, ACTOR, 'setKpi', {
        stageId,
        metric: 'Approval time',
        unit: 'days',
        direction: 'lower',
        value: 6,
        target: 2,
      });
      await waitForAck(provider);
      const source = readBoard(doc);

      const saved = (await (await save(id, tokens.facilitator)).json()) as TemplateInfo;
      expect(saved.kpiCount).toBe(source.kpis.length);
      const created = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: 'From the kit', template: saved.id }),
      });
      expect(created.status).toBe(201);
      const copy = await storedBoard(((await created.json()) as { id: string }).id);
      expect(structureOf(copy)).toEqual(structureOf(source));
      expect(copy.meta.title).toBe('From the kit');
      expect(copy.notes.every((n) => n.action === null)).toBe(true);
      expect(copy.kpis.every((k) => k.value === null && k.previous === null)).toBe(true);
      expect(copy.kpis.find((k) => k.metric === 'Approval time')).toMatchObject({
        target: 2,
        direction: 'lower',
        unit: 'days',
      });
    } finally {
      provider.destroy();
    }
  });

  it('an unknown saved template is refused like any unknown template, and nothing is created', async () => {
    const before = (await server.server.store.boards.listBoards()).length;
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: 'saved-000000000000' }),
    });
    expect(res.status).toBe(400);
    expect(await code(res)).toBe('unknown-template');
    expect((await server.server.store.boards.listBoards()).length).toBe(before);
  });

  it('a damaged stored template is left out of the list and cannot be used', async () => {
    await server.server.store.templates.addTemplate({
      id: 'saved-brokenbroken',
      name: 'Broken',
      description: '',
      sourceBoardId: 'x',
      createdAt: Date.now(),
      body: '{"id":"saved-brokenbroken","stages":[]}',
    });
    expect((await templates()).some((t) => t.id === 'saved-brokenbroken')).toBe(false);
    const res = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: 'saved-brokenbroken' }),
    });
    expect(res.status).toBe(400);
  });
});

describe('saved templates with CREATE_TOKEN set', () => {
  const CREATE_TOKEN = 'create-token-0123456789';
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ createToken: CREATE_TOKEN });
  });
  afterAll(async () => server.close());

  it('are listed only to callers with the creation token (others see the built-in ones)', async () => {
    const auth = { Authorization: `Bearer ${CREATE_TOKEN}` };
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'ecommerce' }, auth);
    const res = await fetchAsPerson(`${server.url}/api/boards/${id}/template`, tokens.facilitator, { method: 'POST' });
    expect(res.status).toBe(201);
    const savedId = ((await res.json()) as TemplateInfo).id;
    const anonymous = (await (await fetch(`${server.url}/api/templates`)).json()) as TemplateInfo[];
    expect(anonymous.map((t) => t.id)).toEqual(TEMPLATES.map((t) => t.id));
    const withToken = (await (await fetch(`${server.url}/api/templates`, { headers: auth })).json()) as TemplateInfo[];
    expect(withToken.map((t) => t.id)).toContain(savedId);
    // The operator may remove any of them, so sees which board each came from.
    expect(withToken.find((t) => t.id === savedId)?.sourceBoardId).toBe(id);
    // Creating from it needs the creation token like any board.
    const refused = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: savedId }),
    });
    expect(refused.status).toBe(401);
    const made = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: JSON.stringify({ template: savedId }),
    });
    expect(made.status).toBe(201);
  });

  it('whoever holds the creation token may remove any saved template (one whose board is gone, say)', async () => {
    const auth = { Authorization: `Bearer ${CREATE_TOKEN}` };
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'blank' }, auth);
    const res = await fetchAsPerson(`${server.url}/api/boards/${id}/template`, tokens.facilitator, { method: 'POST' });
    const savedId = ((await res.json()) as TemplateInfo).id;
    expect((await fetch(`${server.url}/api/templates/${savedId}`, { method: 'DELETE', headers: auth })).status).toBe(
      204,
    );
    const listed = (await (await fetch(`${server.url}/api/templates`, { headers: auth })).json()) as TemplateInfo[];
    expect(listed.some((t) => t.id === savedId)).toBe(false);
  });
});
