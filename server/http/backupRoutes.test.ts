import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  executeCommand,
  readBoard,
  writeRoundRecord,
  type BoardBackup,
  type ImportBoardResponse,
  type RoundFields,
} from '../../shared/index.ts';
import { ROLES, tokenFromFragment, type Role } from '../../shared/protocol/roles.ts';
import { executeCommentsCommand } from '../../shared/comments/index.ts';
import { COMMENTS_UNAVAILABLE } from '../comments/CommentsAccess.ts';
import { connectProvider, waitForAck } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { fetchAsPerson } from '../testing/identities.ts';

const ann = { id: 'ann', name: 'Ann', department: 'marketing' } as const;
const round: RoundFields = {
  title: 'First',
  openedAt: 1,
  revealedAt: 1_790_000_000_000,
  dotsPerPerson: 3,
  anonymous: true,
  voterCount: 2,
  totals: {},
  notes: {},
  byDepartment: {},
  byPerson: null,
};

describe('backup routes', () => {
  let server: TestServer;
  let id: string;
  let tokens: Record<Role, string>;
  const get = (path: string, token?: string) =>
    token ? fetchAsPerson(`${server.url}${path}`, token) : fetch(`${server.url}${path}`);
  const postImport = (body: string, headers: Record<string, string> = {}, base = server.url) =>
    fetch(`${base}/api/boards/import`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
  const backupOf = async (boardId: string, token: string) =>
    (await (await get(`/api/boards/${boardId}/export.json`, token)).json()) as BoardBackup;

  beforeAll(async () => {
    server = await startTestServer();
    ({ id, tokens } = await createBoardWithLinks(server.url, { title: 'Support ticket', template: 'support-ticket' }));
    const provider = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    const { notes } = readBoard(provider.document);
    const pain = notes.find((n) => n.kind === 'pain')!;
    executeCommand(provider.document, ann, 'setNoteAction', {
      noteIds: [pain.id],
      owner: 'Zoë',
      status: 'open',
      due: '2027-03-01',
    });
    executeCommand(provider.document, ann, 'editNoteText', {
      noteId: pain.id,
      text: 'Hold time 🙈, "40 min" | worst\nat night',
    });
    await waitForAck(provider);
    provider.destroy();
    const comments = await connectProvider(server.wsUrl, `${id}/comments`, { token: tokens.commenter });
    const { threadId } = executeCommentsCommand(comments.document, ann, 'startThread', {
      target: { kind: 'note', id: pain.id },
      text: 'Customers mention this weekly',
    });
    executeCommentsCommand(comments.document, ann, 'reply', { threadId, text: '=HYPERLINK("x") stays text' });
    await waitForAck(comments);
    comments.destroy();
    const connection = await server.server.hocuspocus.openDirectConnection(id, {});
    writeRoundRecord(connection.document!, 'round:first', { ...round, totals: { [pain.id]: 4 } });
    await connection.disconnect();
  });
  afterAll(async () => server.close());

  it('exports for every role, as a download, saying whether comments are in it', async () => {
    for (const role of ROLES) {
      const res = await get(`/api/boards/${id}/export.json`, tokens[role]);
      expect(res.status, role).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="support-ticket-backup.json"');
      expect(res.headers.get('x-journeyboard-comments-included')).toBe('true');
      const backup = (await res.json()) as BoardBackup;
      expect(backup).toMatchObject({
        format: 'journeyboard.board',
        version: 1,
        board: { id, title: 'Support ticket' },
        commentsIncluded: true,
      });
      expect(JSON.stringify(backup.comments)).toContain('Customers mention this weekly');
    }
    expect((await get(`/api/boards/${id}/export.json`)).status).toBe(401);
    expect((await get(`/api/boards/${id}/export.json`, 'y'.repeat(32))).status).toBe(401);
    expect((await get(`/api/boards/zzzzzzzzzzzz/export.json`, tokens.viewer)).status).toBe(404);
  });

  it('imports an export as a new board with new links: an identical board (records, texts, positions, rounds, actions)', async () => {
    const backup = await backupOf(id, tokens.viewer);
    const res = await postImport(JSON.stringify(backup));
    expect(res.status).toBe(201);
    const created = (await res.json()) as ImportBoardResponse;
    expect(created.id).not.toBe(id);
    expect(created.warnings).toEqual([]);
    expect(res.headers.get('location')).toBe(`/api/boards/${created.id}`);
    const newTokens = Object.fromEntries(
      ROLES.map((r) => [r, tokenFromFragment(new URL(created.links[r], server.url).hash)!]),
    ) as Record<Role, string>;
    for (const r of ROLES) expect(newTokens[r]).not.toBe(tokens[r]);
    // The old links do not open the new board.
    expect((await get(`/api/boards/${created.id}/export.json`, tokens.facilitator)).status).toBe(401);

    const again = await backupOf(created.id, newTokens.viewer);
    expect(again.records).toEqual(backup.records);
    expect(again.meta).toEqual(backup.meta);
    expect({ ...again.board, id }).toEqual(backup.board);
    expect(again.commentsIncluded).toBe(true);
    expect(again.comments).toEqual(backup.comments);

    // Opened live through a provider, it is the same board.
    const original = await connectProvider(server.wsUrl, id, { token: tokens.viewer });
    const copy = await connectProvider(server.wsUrl, created.id, { token: newTokens.viewer });
    try {
      const a = readBoard(original.document);
      const b = readBoard(copy.document);
      expect(b.notes).toEqual(a.notes);
      expect(b.stages).toEqual(a.stages);
      expect(b.lanes).toEqual(a.lanes);
      expect(b.personas).toEqual(a.personas);
      expect(b.rounds).toEqual(a.rounds);
      expect(b.rounds).toHaveLength(1);
      expect(b.notes.find((n) => n.action)?.action).toMatchObject({
        owner: 'Zoë',
        status: 'open',
        due: '2027-03-01',
        issueUrl: null,
      });
      expect(b.meta).toEqual({ ...a.meta, boardId: created.id });
    } finally {
      original.destroy();
      copy.destroy();
    }
  });

  it('refuses a bad file with a clear 400 and creates nothing', async () => {
    const count = async () => (await server.server.store.boards.listBoards()).length;
    const before = await count();
    const backup = await backupOf(id, tokens.viewer);
    const noteId = Object.keys(backup.records).find((k) => k.startsWith('note:'))!;
    const cases: [string, string | RegExp][] = [
      ['not json at all', /not valid JSON/],
      ['', /request body is empty/],
      [JSON.stringify({ hello: 'world' }), /format: this is not a Journeyboard board backup/],
      [JSON.stringify({ ...backup, version: 9 }), /version: only version 1/],
      [
        JSON.stringify({
          ...backup,
          records: { ...backup.records, [noteId]: { ...backup.records[noteId], kind: 'banana' } },
        }),
        new RegExp(`records\\["${noteId}"\\]: invalid kind`),
      ],
    ];
    for (const [body, message] of cases) {
      const res = await postImport(body);
      expect(res.status, body.slice(0, 30)).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(await count()).toBe(before);
  });

  it('says the comments in a file were not imported when this server cannot import them', async () => {
    const backup = await backupOf(id, tokens.viewer);
    const bare = await startTestServer({ comments: COMMENTS_UNAVAILABLE });
    try {
      const res = await postImport(JSON.stringify(backup), {}, bare.url);
      expect(res.status).toBe(201);
      expect(((await res.json()) as ImportBoardResponse).warnings).toEqual([
        expect.stringMatching(/comments were not imported/),
      ]);
    } finally {
      await bare.close();
    }
  });

  it('needs CREATE_TOKEN when the server has one, and respects MAX_BODY_BYTES', async () => {
    const backup = JSON.stringify(await backupOf(id, tokens.viewer));
    const guarded = await startTestServer({
      createToken: 'c'.repeat(24),
      maxBodyBytes: Buffer.byteLength(backup) + 10,
    });
    try {
      expect((await postImport(backup, {}, guarded.url)).status).toBe(401);
      expect((await postImport(backup, { Authorization: `Bearer ${'d'.repeat(24)}` }, guarded.url)).status).toBe(401);
      expect((await postImport(backup, { Authorization: `Bearer ${'c'.repeat(24)}` }, guarded.url)).status).toBe(201);
      const big = JSON.stringify({ ...JSON.parse(backup), padding: 'x'.repeat(100) });
      expect((await postImport(big, { Authorization: `Bearer ${'c'.repeat(24)}` }, guarded.url)).status).toBe(413);
      expect(await guarded.server.store.boards.listBoards()).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  });
});
