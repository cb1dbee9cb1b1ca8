import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import { cellKey, readBoard } from '../../shared/model/snapshot.ts';
import { writeRoundRecord } from '../../shared/model/roundRecord.ts';
import type { AddNotesResponse, BoardRecordsResponse, RoundsResponse } from '../../shared/protocol/boardApi.ts';
import type { ApiErrorResponse } from '../../shared/protocol/http.ts';
import { LOCK_TYPE } from '../../shared/protocol/workshop.ts';
import type { LaneId, RoundId, StageId } from '../../shared/schema/ids.ts';
import { fetchAsPerson } from '../testing/identities.ts';
import { connectProvider, waitFor } from '../testing/providers.ts';
import { TestBoards } from '../testing/testBoards.ts';
import type { TestServerOptions } from '../testing/testServer.ts';

/** The board API as a script calls it: raw HTTP with a share link and a credential. */
describe('board API for scripts', () => {
  const boards = new TestBoards<HocuspocusProvider>((wsUrl, boardId, token) =>
    connectProvider(wsUrl, boardId, { token }),
  );
  afterEach(() => boards.close());

  const GRID = {
    title: 'Checkout',
    stages: ['Discover', 'Buy', 'Use'],
    lanes: [{ name: 'Touchpoints' }, { name: 'Pains', kind: 'pain' }],
  };

  const setUp = async (options: TestServerOptions = {}) => {
    const board = await boards.board(options, GRID);
    const url = (path: string) => `${boards.server.url}/api/boards/${board.id}${path}`;
    const call = (path: string, token: string, body?: unknown) =>
      fetchAsPerson(
        url(path),
        token,
        body === undefined
          ? {}
          : {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: typeof body === 'string' ? body : JSON.stringify(body),
            },
      );
    const records = async () => (await (await call('/records', board.tokens.viewer)).json()) as BoardRecordsResponse;
    return { ...board, call, records };
  };

  it('creates a board from stages and lanes, and reads it back as records in board order', async () => {
    const { records } = await setUp();
    const board = await records();
    expect(board.title).toBe('Checkout');
    expect(board.stages.map((s) => s.name)).toEqual(['Discover', 'Buy', 'Use']);
    expect(board.lanes.map((l) => [l.name, l.kind])).toEqual([
      ['Touchpoints', 'touchpoint'],
      ['Pains', 'pain'],
    ]);
    expect(board.notes).toEqual([]);
  });

  it('refuses a create body that mixes a template with stages, or gives stages without lanes', async () => {
    const server = await boards.start();
    const create = (body: unknown) =>
      fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const message = async (body: unknown) => {
      const res = await create(body);
      expect(res.status).toBe(400);
      return ((await res.json()) as ApiErrorResponse).error.message;
    };
    expect(await message({ template: 'blank', ...GRID })).toMatch(/either a template or stages and lanes/);
    expect(await message({ stages: ['A'] })).toMatch(/both stages and lanes/);
    expect(await message({ stages: [], lanes: [{ name: 'L' }] })).toMatch(/at least one stage/);
    expect(await message({ stages: ['A'], lanes: [{ name: 'L', kind: 'mood' }] })).toMatch(/^lanes\.0\.kind/);
  });

  describe.each(['SQLite', 'PostgreSQL'] as const)('on %s', (database) => {
    it('an editor adds notes in bulk: a connected client sees them at once, and they survive a restart', async () => {
      const run = async (options: TestServerOptions) => {
        const dataDir = database === 'SQLite' ? boards.dataDir() : undefined;
        const { id, tokens, call, records, join } = await setUp({ ...options, dataDir });
        const { stages, lanes } = await records();
        const watcher = await join('viewer');
        const notes = [
          { stageId: stages[1]!.id, laneId: lanes[1]!.id, text: 'Delivery fee shown too late' },
          { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'Ad on social', kind: 'idea', department: 'marketing' },
          { stageId: stages[1]!.id, laneId: lanes[1]!.id, text: 'Card form resets' },
        ];
        const res = await call('/notes', tokens.editor, { authorName: 'Survey import', notes });
        expect(res.status).toBe(201);
        const added = (await res.json()) as AddNotesResponse;
        expect(added.notes.map((n) => n.stageId)).toEqual(notes.map((n) => n.stageId));

        const seen = await waitFor(() => {
          const board = readBoard(watcher.document);
          return board.notes.length === 3 ? board : null;
        });
        const byId = new Map(seen.notes.map((n) => [n.id, n]));
        expect(added.notes.map((n) => byId.get(n.id as never)?.text)).toEqual(notes.map((n) => n.text));
        expect(byId.get(added.notes[0]!.id as never)).toMatchObject({ kind: 'pain', authorName: 'Survey import' });
        expect(byId.get(added.notes[1]!.id as never)).toMatchObject({ kind: 'idea', department: 'marketing' });
        // Two notes in one cell keep the order they were given.
        const cell = seen.cells.get(cellKey(stages[1]!.id as StageId, lanes[1]!.id as LaneId));
        expect(cell?.map((n) => n.text)).toEqual(['Delivery fee shown too late', 'Card form resets']);

        await boards.stop();
        await boards.start({ ...options, dataDir });
        const again = (await (
          await fetchAsPerson(`${boards.server.url}/api/boards/${id}/records`, tokens.viewer)
        ).json()) as BoardRecordsResponse;
        expect(again.notes.map((n) => n.text).sort()).toEqual(notes.map((n) => n.text).sort());
      };
      if (database === 'PostgreSQL') await boards.onPostgres(run);
      else await run({});
    });
  });

  it('refuses notes to viewers and commenters, and every call without a link or a person', async () => {
    const { call, tokens, records, id } = await setUp();
    const { stages, lanes } = await records();
    const note = { notes: [{ stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'x' }] };
    for (const role of ['viewer', 'commenter'] as const) {
      const res = await call('/notes', tokens[role], note);
      expect(res.status, role).toBe(403);
    }
    expect((await call('/records', 'not-a-token')).status).toBe(401);
    const anonymous = await fetch(`${boards.server.url}/api/boards/${id}/records`, {
      headers: { Authorization: `Bearer ${tokens.facilitator}` },
    });
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ApiErrorResponse).error.code).toBe('identity-required');
    expect((await call('/records', tokens.viewer)).status).toBe(200);
    expect((await records()).notes).toEqual([]);
  });

  it('refuses a batch with any bad note, naming each one, and writes none of it', async () => {
    const { call, tokens, records } = await setUp();
    const { stages, lanes } = await records();
    const good = { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'fine' };
    const res = await call('/notes', tokens.editor, {
      notes: [
        good,
        { ...good, text: '   ' },
        { ...good, stageId: 'stage:notonthisboard' },
        good,
        { ...good, sentiment: 7 },
        'a string',
      ],
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as ApiErrorResponse;
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/^4 of the notes cannot be added, so none were/);
    expect(error.items?.map((i) => i.index)).toEqual([1, 2, 4, 5]);
    expect(error.items?.[0]?.message).toMatch(/text: A note needs text/);
    expect(error.items?.[1]?.message).toMatch(/no stage stage:notonthisboard/);
    expect((await records()).notes).toEqual([]);
  });

  it('answers malformed and oversized bodies with a clear error', async () => {
    const { call, tokens, records } = await setUp({ maxBodyBytes: 64 * 1024 });
    const { stages, lanes } = await records();
    const note = { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'x' };
    const bad = async (body: unknown, status: number) => {
      const res = await call('/notes', tokens.editor, body);
      expect(res.status).toBe(status);
      return ((await res.json()) as ApiErrorResponse).error;
    };
    expect((await bad('{"notes": [', 400)).code).toBe('bad-json');
    expect((await bad({ notes: [] }, 400)).message).toMatch(/at least one note/);
    expect((await bad({ notes: Array(501).fill(note) }, 400)).message).toMatch(/At most 500 notes/);
    expect((await bad({ notes: Array(20).fill({ ...note, text: 'y'.repeat(2001) }) }, 400)).items).toHaveLength(20);
    expect((await bad({ notes: Array(40).fill({ ...note, text: 'y'.repeat(2000) }) }, 413)).code).toBe(
      'payload-too-large',
    );
    expect((await records()).notes).toEqual([]);
  });

  it('refuses a batch past the board’s record cap or note length, and an editor’s while the board is locked', async () => {
    // The grid is 5 records and the 8 default channels 8 more; 3 notes fit under 16, 4 do not.
    const { call, tokens, records, id } = await setUp({ limits: { maxRecords: 16, maxNoteLength: 10 } });
    const { stages, lanes } = await records();
    const note = { stageId: stages[0]!.id, laneId: lanes[0]!.id, text: 'x' };
    const over = await call('/notes', tokens.editor, { notes: Array(4).fill(note) });
    expect(over.status).toBe(409);
    expect(((await over.json()) as ApiErrorResponse).error).toMatchObject({ code: 'too-many-records' });
    const long = await call('/notes', tokens.editor, { notes: [{ ...note, text: 'eleven char' }] });
    expect(((await long.json()) as ApiErrorResponse).error.items?.[0]?.message).toMatch(/at most 10 characters/);
    expect((await records()).notes).toEqual([]);

    await boards.server.server.workshop.apply(id, { type: LOCK_TYPE, locked: true });
    const locked = await call('/notes', tokens.editor, { notes: [note] });
    expect(locked.status).toBe(403);
    expect((await call('/notes', tokens.facilitator, { notes: Array(3).fill(note) })).status).toBe(201);
    expect((await records()).notes).toHaveLength(3);
  });

  it('reads the revealed rounds, most dots first, without who placed them', async () => {
    const { call, tokens, records, id } = await setUp();
    const { stages, lanes } = await records();
    const added = (await (
      await call('/notes', tokens.editor, {
        notes: ['one', 'two'].map((text) => ({ stageId: stages[0]!.id, laneId: lanes[0]!.id, text })),
      })
    ).json()) as AddNotesResponse;
    const [a, b] = added.notes.map((n) => n.id as `note:${string}`);
    expect(((await (await call('/rounds', tokens.viewer)).json()) as RoundsResponse).rounds).toEqual([]);

    const connection = await boards.server.server.hocuspocus.openDirectConnection(id, {});
    const at = { kind: 'touchpoint' as const, stageId: stages[0]!.id, laneId: lanes[0]!.id };
    writeRoundRecord(connection.document!, 'round:r1' as RoundId, {
      title: 'Biggest pains',
      openedAt: 1,
      revealedAt: 2,
      dotsPerPerson: 3,
      anonymous: false,
      voterCount: 2,
      totals: { [a!]: 1, [b!]: 5 },
      notes: { [a!]: { text: 'one', ...at }, [b!]: { text: 'two', ...at } },
      byDepartment: {},
      byPerson: [{ personId: 'person-x', name: 'Ann', department: 'sales', dots: { [b!]: 3 } }],
    });
    await connection.disconnect();

    const res = await call('/rounds', tokens.viewer);
    const text = await res.text();
    expect(text).not.toContain('person-x');
    const { rounds } = JSON.parse(text) as RoundsResponse;
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ title: 'Biggest pains', voterCount: 2, anonymous: false });
    expect(rounds[0]!.results.map((r) => [r.text, r.dots])).toEqual([
      ['two', 5],
      ['one', 1],
    ]);
  });
});
