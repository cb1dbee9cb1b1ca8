import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { ORIGIN } from '../../shared/doc/origins.ts';
import { executeCommand } from '../../shared/model/commands/index.ts';
import { readBoard } from '../../shared/model/snapshot.ts';
import type { Role } from '../../shared/protocol/roles.ts';
import type { CreateIssuesResponse, TrackersView } from '../../shared/protocol/trackers.ts';
import type { NoteId } from '../../shared/schema/ids.ts';
import { startReceiver } from '../testing/httpReceiver.ts';
import { fetchAsPerson } from '../testing/identities.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';

const GITHUB_TOKEN = 'github_pat_11TESTTOKEN0000000000000000';
const JIRA_TOKEN = 'ATATT3xFfGF0-jira-test-token';
const ACTOR = { id: 'server', name: 'Journeyboard', department: 'other' } as const;

const answerJson = (res: http.ServerResponse, status: number, body: unknown) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/**
 * The tracker routes as an outside client calls them (raw HTTP), against fake GitHub and Jira
 * APIs on 127.0.0.1 that keep every request: method, path, headers and body are checked exactly.
 */
describe('tracker routes', () => {
  let server: TestServer;
  let id: string;
  let tokens: Record<Role, string>;
  let github: Awaited<ReturnType<typeof startReceiver>>;
  let jira: Awaited<ReturnType<typeof startReceiver>>;
  const notes: Record<'fees' | 'chat' | 'plain' | 'refused' | 'jira', NoteId> = {} as never;

  const onServer = async <T>(fn: (doc: Y.Doc) => T): Promise<T> => {
    const connection = await server.server.hocuspocus.openDirectConnection(id, {});
    try {
      return fn(connection.document!);
    } finally {
      await connection.disconnect();
    }
  };
  const call = (path: string, token: string, init: RequestInit = {}) =>
    fetchAsPerson(`${server.url}/api/boards/${id}${path}`, token, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
  const create = async (tracker: string, noteIds: string[], token = tokens.facilitator) => {
    const res = await call(`/trackers/${tracker}/issues`, token, { method: 'POST', body: JSON.stringify({ noteIds }) });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    // GitHub refuses the third issue it is sent (an unknown assignee), like the real API does.
    github = await startReceiver((n, res) =>
      n === 3
        ? answerJson(res, 422, {
            message: 'Validation Failed',
            errors: [{ resource: 'Issue', code: 'invalid', field: 'assignees' }],
          })
        : answerJson(res, 201, { number: 40 + n, html_url: `https://github.com/acme/journeys/issues/${40 + n}` }),
    );
    jira = await startReceiver((n, res) => answerJson(res, 201, { id: `1000${n}`, key: `CX-${n}`, self: 'ignored' }));
    server = await startTestServer({
      trackers: {
        github: { token: GITHUB_TOKEN, repo: 'acme/journeys', apiUrl: github.origin },
        jira: {
          baseUrl: jira.origin,
          email: 'cx@acme.example',
          apiToken: JIRA_TOKEN,
          project: 'CX',
          issueType: 'Task',
        },
      },
    });
    ({ id, tokens } = await createBoardWithLinks(server.url, { title: 'Checkout', template: 'blank' }));
    await onServer((doc) => {
      const board = readBoard(doc);
      const cell = { stageId: board.stages[1]!.id, laneId: board.lanes.find((l) => l.kind === 'pain')!.id };
      const add = (text: string) => executeCommand(doc, ACTOR, 'addNote', { ...cell, text }, ORIGIN.server);
      notes.fees = add('Hidden fees at "checkout"\nsecond line');
      notes.chat = add('No chat at night');
      notes.plain = add('Just a note');
      notes.refused = add('Assign to a ghost');
      notes.jira = add('Slow payment page');
      executeCommand(
        doc,
        ACTOR,
        'setNoteAction',
        { noteIds: [notes.fees], owner: '@octo-cat', due: '2027-01-31' },
        ORIGIN.server,
      );
      executeCommand(
        doc,
        ACTOR,
        'setNoteAction',
        { noteIds: [notes.chat, notes.jira], owner: 'Bo Ström' },
        ORIGIN.server,
      );
      executeCommand(doc, ACTOR, 'setNoteAction', { noteIds: [notes.refused], owner: '@ghost' }, ORIGIN.server);
    });
  });
  afterAll(async () => {
    await server?.close();
    await github?.close();
    await jira?.close();
  });

  it('creates GitHub issues with exactly the REST call GitHub documents, and links each on its action for everyone', async () => {
    const watcher = await connectProvider(server.wsUrl, id, { token: tokens.viewer });
    const { status, text } = await create('github', [notes.fees, notes.chat]);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({
      tracker: 'github',
      results: [
        { noteId: notes.fees, state: 'created', url: 'https://github.com/acme/journeys/issues/41', message: null },
        { noteId: notes.chat, state: 'created', url: 'https://github.com/acme/journeys/issues/42', message: null },
      ],
    } satisfies CreateIssuesResponse);
    expect(github.received).toHaveLength(2);
    const [first] = github.received;
    expect(first!.method).toBe('POST');
    expect(first!.path).toBe('/repos/acme/journeys/issues');
    expect(first!.headers).toMatchObject({
      authorization: `Bearer ${GITHUB_TOKEN}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'content-type': 'application/json',
      'user-agent': 'Journeyboard',
    });
    expect(JSON.parse(first!.body)).toEqual({
      title: 'Hidden fees at "checkout"',
      body: [
        'Hidden fees at "checkout"\nsecond line',
        '',
        `Stage: ${await onServer((d) => readBoard(d).stages[1]!.name)} · Lane: Pain points`,
        'Votes: 0 (rank 1 on the priority list)',
        'Status: Open · Owner: @octo-cat · Due: 2027-01-31',
        `From the journey board “Checkout”: ${server.url}/b/${id}?note=${notes.fees}`,
      ].join('\n'),
      labels: ['journeyboard', 'pain-point', expect.any(String)],
      assignees: ['octo-cat'],
    });
    // A person on the board sees the link arrive on the action.
    await waitFor(
      () =>
        readBoard(watcher.document).notesById.get(notes.chat)?.action?.issueUrl ===
        'https://github.com/acme/journeys/issues/42',
    );
    watcher.destroy();
  });

  it('is idempotent: an action that has an issue is not sent again', async () => {
    const before = github.received.length;
    const { status, text } = await create('github', [notes.fees, notes.fees]);
    expect(status).toBe(200);
    expect(JSON.parse(text).results).toEqual([
      { noteId: notes.fees, state: 'exists', url: 'https://github.com/acme/journeys/issues/41', message: null },
    ]);
    expect(github.received).toHaveLength(before);
  });

  it('reports each action’s failure in words and records nothing for it; the others still go through', async () => {
    const { status, text } = await create('github', [notes.plain, 'note:nothere', notes.refused]);
    expect(status).toBe(200);
    expect(JSON.parse(text).results).toEqual([
      { noteId: notes.plain, state: 'failed', url: null, message: 'This note is not an action: make it one first' },
      { noteId: 'note:nothere', state: 'failed', url: null, message: 'This note is not on the board any more' },
      {
        noteId: notes.refused,
        state: 'failed',
        url: null,
        message: 'GitHub answered 422: Validation Failed; assignees invalid',
      },
    ]);
    expect(await onServer((d) => readBoard(d).notesById.get(notes.refused)?.action?.issueUrl)).toBeNull();
    expect(text).not.toContain(GITHUB_TOKEN);
  });

  it('creates a Jira Cloud issue: REST v3, basic auth, the description in Atlassian Document Format', async () => {
    const { status, text } = await create('jira', [notes.jira]);
    expect(status).toBe(200);
    expect(JSON.parse(text).results).toEqual([
      { noteId: notes.jira, state: 'created', url: `${jira.origin}/browse/CX-1`, message: null },
    ]);
    expect(jira.received).toHaveLength(1);
    const [sent] = jira.received;
    expect(sent!.method).toBe('POST');
    expect(sent!.path).toBe('/rest/api/3/issue');
    expect(sent!.headers.authorization).toBe(
      `Basic ${Buffer.from(`cx@acme.example:${JIRA_TOKEN}`).toString('base64')}`,
    );
    expect(sent!.headers['content-type']).toBe('application/json');
    const link = `${server.url}/b/${id}?note=${notes.jira}`;
    expect(JSON.parse(sent!.body)).toEqual({
      fields: {
        project: { key: 'CX' },
        issuetype: { name: 'Task' },
        summary: 'Slow payment page',
        labels: ['journeyboard', 'pain-point', expect.any(String)],
        description: {
          version: 1,
          type: 'doc',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Slow payment page' }] },
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: expect.stringMatching(/^Stage: .+ · Lane: Pain points$/) },
                { type: 'hardBreak' },
                { type: 'text', text: 'Votes: 0 (rank 5 on the priority list)' },
                { type: 'hardBreak' },
                { type: 'text', text: 'Status: Open · Owner: Bo Ström' },
                { type: 'hardBreak' },
                { type: 'text', text: 'From the journey board “Checkout”: ' },
                { type: 'text', text: link, marks: [{ type: 'link', attrs: { href: link } }] },
              ],
            },
          ],
        },
      },
    });
    expect(await onServer((d) => readBoard(d).notesById.get(notes.jira)?.action?.issueUrl)).toBe(
      `${jira.origin}/browse/CX-1`,
    );
  });

  it('tells a facilitator where issues go, never a token', async () => {
    const res = await call('/trackers', tokens.facilitator);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      github: { repo: 'acme/journeys' },
      jira: { site: jira.origin, project: 'CX' },
    } satisfies TrackersView);
    expect(text).not.toContain(GITHUB_TOKEN);
    expect(text).not.toContain(JIRA_TOKEN);
  });

  it('refuses editors, commenters and viewers (403), a caller without a link (401), and creates nothing', async () => {
    const before = github.received.length;
    for (const role of ['editor', 'commenter', 'viewer'] as const) {
      expect((await create('github', [notes.chat], tokens[role])).status, role).toBe(403);
      expect((await call('/trackers', tokens[role])).status, role).toBe(403);
    }
    const anonymous = await fetch(`${server.url}/api/boards/${id}/trackers/github/issues`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ noteIds: [notes.chat] }),
    });
    expect(anonymous.status).toBe(401);
    expect(github.received).toHaveLength(before);
  });

  it('a bad body or an unknown tracker is refused with a clear error', async () => {
    const empty = await create('github', []);
    expect(empty.status).toBe(400);
    expect(JSON.parse(empty.text).error.message).toMatch(/at least one action/);
    expect((await create('linear', [notes.chat])).status).toBe(404);
  });
});

describe('tracker routes on a server without trackers', () => {
  it('say so: none set up, and creating answers 404 not-found', async () => {
    const server = await startTestServer();
    try {
      const { id, tokens } = await createBoardWithLinks(server.url, { template: 'blank' });
      const url = `${server.url}/api/boards/${id}/trackers`;
      expect(await (await fetchAsPerson(url, tokens.facilitator)).json()).toEqual({ github: null, jira: null });
      const res = await fetchAsPerson(`${url}/github/issues`, tokens.facilitator, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ noteIds: ['note:x'] }),
      });
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
        'GitHub is not set up on this server',
      );
    } finally {
      await server.close();
    }
  });
});
