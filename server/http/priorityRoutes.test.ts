import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  executeCommand,
  ORIGIN,
  PRIORITY_COLUMNS,
  readBoard,
  writeRoundRecord,
  type NoteId,
  type PrioritiesJson,
  type RoundFields,
} from '../../shared/index.ts';
import { newRecordMap, recordsMap } from '../../shared/doc/boardDoc.ts';
import { ROLES, type Role } from '../../shared/protocol/roles.ts';
import { executeCommentsCommand } from '../../shared/comments/index.ts';
import { COMMENTS_UNAVAILABLE } from '../comments/CommentsAccess.ts';
import { connectProvider, waitFor, waitForAck } from '../testing/providers.ts';
import { fetchAsPerson, issueIdentity } from '../testing/identities.ts';
import { CREDENTIAL_COOKIE } from '../../shared/protocol/identity.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const ann = { id: 'ann', name: 'Ann', department: 'marketing' } as const;

function round(title: string, revealedAt: number, totals: Record<string, number>): RoundFields {
  return {
    title,
    openedAt: revealedAt - 1000,
    revealedAt,
    dotsPerPerson: 3,
    anonymous: true,
    voterCount: 3,
    totals,
    notes: {},
    byDepartment: {},
    byPerson: null,
  };
}

describe('priority list routes', () => {
  let server: TestServer;
  let id: string;
  let tokens: Record<Role, string>;
  let notes: { id: NoteId; text: string; kind: string }[];

  /** Writes on the server's own document, as the voting reveal does (direct connection, server origin). */
  const onServer = async (fn: (doc: Y.Doc) => void) => {
    const connection = await server.server.hocuspocus.openDirectConnection(id, {});
    try {
      fn(connection.document!);
    } finally {
      await connection.disconnect();
    }
  };
  const get = (path: string, token?: string) =>
    token ? fetchAsPerson(`${server.url}${path}`, token) : fetch(`${server.url}${path}`);

  beforeAll(async () => {
    server = await startTestServer();
    ({ id, tokens } = await createBoardWithLinks(server.url, { title: 'Checkout «Q3»', template: 'ecommerce' }));
    await onServer((doc) => {
      notes = readBoard(doc).notes.map((n) => ({ id: n.id, text: n.text, kind: n.kind }));
      writeRoundRecord(doc, 'round:one', round('First', 1_790_000_000_000, { [notes[0]!.id]: 5 }));
      writeRoundRecord(doc, 'round:two', round('Second', 1_790_000_100_000, { [notes[1]!.id]: 3, [notes[2]!.id]: 1 }));
      // Not revealed (no reveal time): its dots must not count anywhere.
      doc.transact(
        () => recordsMap(doc).set('round:open', newRecordMap({ title: 'Open', totals: { [notes[3]!.id]: 50 } })),
        ORIGIN.server,
      );
    });
  });
  afterAll(async () => server.close());

  it('answers every role with CSV, Markdown and JSON (stored board, not loaded)', async () => {
    expect(server.server.hocuspocus.documents.has(id)).toBe(false);
    for (const role of ROLES) {
      const csv = await get(`/api/boards/${id}/priorities.csv`, tokens[role]);
      expect(csv.status, role).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="checkout-q3-priorities.csv"');
      expect(csv.headers.get('cache-control')).toBe('no-store');
      const md = await get(`/api/boards/${id}/priorities.md`, tokens[role]);
      expect(md.status, role).toBe(200);
      expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
      expect(await md.text()).toMatch(/^# Priorities: Checkout «Q3»/);
      const json = await get(`/api/boards/${id}/priorities.json`, tokens[role]);
      expect(json.status, role).toBe(200);
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(json.headers.get('content-disposition')).toBe('attachment; filename="checkout-q3-priorities.json"');
    }
  });

  it('ranks by the latest revealed round by default; all; one round; never an unrevealed one', async () => {
    const items = async (q: string) =>
      ((await (await get(`/api/boards/${id}/priorities.json${q}`, tokens.viewer)).json()) as PrioritiesJson).items;
    const latest = await items('');
    expect(latest.slice(0, 2).map((i) => [i.noteId, i.votes])).toEqual([
      [notes[1]!.id, 3],
      [notes[2]!.id, 1],
    ]);
    const all = await items('?round=all');
    expect(all.slice(0, 3).map((i) => [i.noteId, i.votes])).toEqual([
      [notes[0]!.id, 5],
      [notes[1]!.id, 3],
      [notes[2]!.id, 1],
    ]);
    const first = await items('?round=round:one');
    expect(first[0]).toMatchObject({ noteId: notes[0]!.id, votes: 5, rank: 1 });
    for (const list of [latest, all, first]) expect(list.find((i) => i.noteId === notes[3]!.id)?.votes ?? 0).toBe(0);
  });

  it('CSV: BOM, header, one row per item, deep links to the board', async () => {
    const res = await get(`/api/boards/${id}/priorities.csv?round=all`, tokens.viewer);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([...PRIORITY_COLUMNS]);
    expect(rows[1]![PRIORITY_COLUMNS.indexOf('text')]).toBe(notes[0]!.text);
    expect(rows[1]![PRIORITY_COLUMNS.indexOf('link')]).toBe(`${server.url}/b/${id}?note=${notes[0]!.id}`);
  });

  it("counts each note's comments from the board's comments document, resolved threads too", async () => {
    const comments = await connectProvider(server.wsUrl, `${id}/comments`, { token: tokens.commenter });
    const first = executeCommentsCommand(comments.document, ann, 'startThread', {
      target: { kind: 'note', id: notes[0]!.id },
      text: 'Seen in support too',
    });
    executeCommentsCommand(comments.document, ann, 'reply', { threadId: first.threadId, text: 'Same in sales' });
    const second = executeCommentsCommand(comments.document, ann, 'startThread', {
      target: { kind: 'note', id: notes[0]!.id },
      text: 'Fixed?',
    });
    executeCommentsCommand(comments.document, ann, 'resolveThread', { threadId: second.threadId });
    const deleted = executeCommentsCommand(comments.document, ann, 'startThread', {
      target: { kind: 'note', id: notes[1]!.id },
      text: 'oops',
    });
    executeCommentsCommand(comments.document, ann, 'deleteComment', { commentId: deleted.commentId });
    await waitForAck(comments);
    comments.destroy();
    const res = await get(`/api/boards/${id}/priorities.json?round=all`, tokens.viewer);
    expect(res.headers.get('x-journeyboard-comments-included')).toBe('true');
    const json = (await res.json()) as PrioritiesJson;
    expect(json.commentsIncluded).toBe(true);
    const byNote = new Map(json.items.map((i) => [i.noteId, i.comments]));
    expect(byNote.get(notes[0]!.id)).toBe(3);
    expect(byNote.get(notes[1]!.id)).toBe(0); // its only comment was deleted
  });

  it('says comments are not included (header, JSON, empty cells) on a server without comments', async () => {
    const bare = await startTestServer({ comments: COMMENTS_UNAVAILABLE });
    try {
      const created = await createBoardWithLinks(bare.url, { title: 'No comments here', template: 'ecommerce' });
      const res = await fetchAsPerson(`${bare.url}/api/boards/${created.id}/priorities.json`, created.tokens.viewer);
      expect(res.headers.get('x-journeyboard-comments-included')).toBe('false');
      const json = (await res.json()) as PrioritiesJson;
      expect(json.commentsIncluded).toBe(false);
      expect(json.items.every((i) => i.comments === null)).toBe(true);
    } finally {
      await bare.close();
    }
  });

  it('filters by kind, stage and department', async () => {
    const json = (await (
      await get(`/api/boards/${id}/priorities.json?kind=pain&round=all`, tokens.viewer)
    ).json()) as PrioritiesJson;
    expect(json.items.length).toBeGreaterThan(0);
    expect(json.items.every((i) => i.kind === 'pain')).toBe(true);
    expect(json.filters.kinds).toEqual(['pain']);
    expect((await get(`/api/boards/${id}/priorities.json?kind=nonsense`, tokens.viewer)).status).toBe(400);
    expect((await get(`/api/boards/${id}/priorities.json?department=hr`, tokens.viewer)).status).toBe(400);
    expect((await get(`/api/boards/${id}/priorities.json?stage=lane:x`, tokens.viewer)).status).toBe(400);
  });

  it('takes ?token= for a download link, from a browser whose credential cookie says who asks', async () => {
    const person = await issueIdentity(server.wsUrl, id, tokens.viewer);
    const res = await fetch(`${server.url}/api/boards/${id}/priorities.md?token=${tokens.viewer}`, {
      headers: { Cookie: `${CREDENTIAL_COOKIE}=${person!.credential}` },
    });
    expect(res.status).toBe(200);
  });

  it('401 without a token or with a bad one; 404 for an unknown board; 400 for a bad round', async () => {
    expect((await get(`/api/boards/${id}/priorities.csv`)).status).toBe(401);
    const bad = await get(`/api/boards/${id}/priorities.csv`, 'x'.repeat(32));
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    expect((await get(`/api/boards/zzzzzzzzzzzz/priorities.csv`, tokens.viewer)).status).toBe(404);
    expect((await get(`/api/boards/NOT_AN_ID/priorities.json`, tokens.viewer)).status).toBe(404);
    const unknownRound = await get(`/api/boards/${id}/priorities.json?round=round:nope`, tokens.viewer);
    expect(unknownRound.status).toBe(400);
    expect(((await unknownRound.json()) as { error: { message: string } }).error.message).toMatch(
      /no revealed round "round:nope"/,
    );
    expect((await get(`/api/boards/${id}/priorities.csv?round=open`, tokens.viewer)).status).toBe(400);
    expect((await get(`/api/boards/${id}/priorities.csv?round=round:open`, tokens.viewer)).status).toBe(400);
  });

  it('reads the live document while the board is open: an action set a moment ago is in the export', async () => {
    const provider = await connectProvider(server.wsUrl, id, { token: tokens.editor });
    try {
      const target = notes.find((n) => n.kind === 'pain')!;
      executeCommand(provider.document, ann, 'setNoteAction', {
        noteIds: [target.id],
        owner: 'Bo',
        status: 'in-progress',
        due: '2027-01-31',
      });
      await waitForAck(provider);
      await waitFor(() => server.server.hocuspocus.documents.has(id), { what: 'the board to be loaded' });
      const json = (await (await get(`/api/boards/${id}/priorities.json`, tokens.viewer)).json()) as PrioritiesJson;
      expect(json.items.find((i) => i.noteId === target.id)).toMatchObject({
        owner: 'Bo',
        status: 'in-progress',
        due: '2027-01-31',
      });
    } finally {
      provider.destroy();
    }
  });

  it('"Did it work?" compares over the whole series in the database, not only the points the board mirrors', async () => {
    const board = await (async () => {
      let b!: ReturnType<typeof readBoard>;
      await onServer((doc) => {
        b = readBoard(doc);
      });
      return b;
    })();
    const idea = board.notes.find((n) => n.kind === 'idea')!;
    const stageId = idea.position.stageId;
    // Done on 15 January 2026; daily CSAT from 1 December to 28 February: 3 before, 5 after (the
    // 15th itself, which holds the moment of "done", is 99 and counts for neither side). The board
    // mirrors only the last 30 days (February), so without the table there would be no "before".
    const done = Date.UTC(2026, 0, 15, 10);
    const measurements = [];
    for (let t = Date.UTC(2025, 11, 1); t <= Date.UTC(2026, 1, 28); t += 86_400_000) {
      const period = new Date(t).toISOString().slice(0, 10);
      measurements.push({
        period,
        value: t < Date.UTC(2026, 0, 15) ? 3 : period === '2026-01-15' ? 99 : 5,
        sampleSize: null,
        source: null,
      });
    }
    const put = await fetchAsPerson(`${server.url}/api/boards/${id}/measurements`, tokens.facilitator, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kpis: [{ stageId, metric: 'CSAT', unit: '/5', direction: 'higher', measurements }] }),
    });
    expect(put.status).toBe(200);
    await onServer((doc) => {
      const rec = recordsMap(doc).get(idea.id) as Y.Map<unknown>;
      doc.transact(() => {
        rec.set('actionStatus', 'done');
        rec.set('actionDoneAt', done);
      }, ORIGIN.server);
    });
    const json = (await (await get(`/api/boards/${id}/priorities.json`, tokens.viewer)).json()) as PrioritiesJson;
    const item = json.items.find((i) => i.noteId === idea.id)!;
    expect(item.doneAt).toBe('2026-01-15T10:00:00.000Z');
    expect(item.outcome?.kpis.find((k) => k.metric === 'CSAT')?.statement).toBe(
      'CSAT: 3/5 before (3 points) → 5/5 after (3 points), +2, better',
    );
    const wide = (await (
      await get(`/api/boards/${id}/priorities.json?window=20`, tokens.viewer)
    ).json()) as PrioritiesJson;
    expect(wide.items.find((i) => i.noteId === idea.id)?.outcome?.kpis.find((k) => k.metric === 'CSAT')).toMatchObject({
      before: { points: 20, from: '2025-12-26', to: '2026-01-14' },
      after: { points: 20, from: '2026-01-16', to: '2026-02-04' },
    });
    const csv = await (await get(`/api/boards/${id}/priorities.csv`, tokens.viewer)).text();
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    const row = rows.find((r) => r[PRIORITY_COLUMNS.indexOf('link')]?.endsWith(idea.id))!;
    expect(row[PRIORITY_COLUMNS.indexOf('done')]).toBe('2026-01-15');
    expect(row[PRIORITY_COLUMNS.indexOf('outcome')]).toMatch(/^CSAT: 3\/5 before \(3 points\)/);
    for (const bad of ['0', '25', 'two', '1.5']) {
      const res = await get(`/api/boards/${id}/priorities.csv?window=${bad}`, tokens.viewer);
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^window: expected/);
    }
  });

  it('a change stored while the board is closed is in the next list (the board read is kept only while unchanged)', async () => {
    const closed = () => waitFor(() => !server.server.hocuspocus.documents.has(id), { what: 'the board to unload' });
    const top = async () => {
      await closed();
      const json = (await (await get(`/api/boards/${id}/priorities.json`, tokens.viewer)).json()) as PrioritiesJson;
      return json.items[0]?.noteId;
    };
    const before = await top();
    expect(await top()).toBe(before);
    const last = notes.at(-1)!.id;
    expect(before).not.toBe(last);
    await onServer((doc) => writeRoundRecord(doc, 'round:later', round('Later', 1_790_000_900_000, { [last]: 9 })));
    expect(await top()).toBe(last);
  });
});
