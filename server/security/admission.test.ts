import type { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach, describe, expect, it } from 'vitest';
import { AwaitingAdmission } from '../../shared/protocol/closeReasons.ts';
import { PEOPLE } from '../../shared/protocol/people.ts';
import { facilitatorOn } from '../testing/facilitator.ts';
import { connectProvider, ConnectionRefused, waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { startTwoInstances } from '../testing/twoInstances.ts';

/** Resolves to 'connected' (and keeps the provider) or the refusal reason. */
async function attempt(
  wsUrl: string,
  boardId: string,
  token: string,
  as: string,
  keep: HocuspocusProvider[],
): Promise<string> {
  try {
    keep.push(await connectProvider(wsUrl, boardId, { token, as, name: as }));
    return 'connected';
  } catch (error) {
    if (error instanceof ConnectionRefused) return error.reason;
    throw error;
  }
}

describe('admission: newcomers wait until a facilitator lets them in', () => {
  const providers: HocuspocusProvider[] = [];
  const cleanups: (() => unknown)[] = [];
  let server: TestServer | undefined;
  afterEach(async () => {
    providers.splice(0).forEach((p) => p.destroy());
    for (const c of cleanups.splice(0).reverse()) await c();
    await server?.close();
    server = undefined;
  });

  it('with admission on, a newcomer waits in the lobby, is let in by the facilitator, and people already here stay', async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'blank' });
    const fac = await facilitatorOn(server.wsUrl, id, tokens.facilitator, providers);
    await waitFor(() => fac.lobby()?.admission === false, { what: 'the lobby on arrival' });
    expect(await attempt(server.wsUrl, id, tokens.editor, 'bob', providers)).toBe('connected');

    fac.send({ type: PEOPLE.admission, on: true });
    await waitFor(() => fac.lobby()?.admission === true, { what: 'admission on' });
    // Bob was here: he comes back without waiting. Carol is new: she waits, on both documents.
    expect(await attempt(server.wsUrl, id, tokens.editor, 'bob', providers)).toBe('connected');
    expect(await attempt(server.wsUrl, id, tokens.editor, 'carol', providers)).toBe(AwaitingAdmission.reason);
    expect(await attempt(server.wsUrl, `${id}/comments`, tokens.viewer, 'carol', providers)).toBe(
      AwaitingAdmission.reason,
    );
    const waiting = await waitFor(() => fac.lobby()?.waiting.find((w) => w.name === 'carol'), {
      what: 'Carol in the lobby',
    });
    // A facilitator link never waits, even a new person's.
    expect(await attempt(server.wsUrl, id, tokens.facilitator, 'cofacilitator', providers)).toBe('connected');

    fac.send({ type: PEOPLE.admit, personId: waiting.personId });
    await waitFor(() => fac.lobby()?.waiting.length === 0, { what: 'the lobby to empty' });
    expect(await attempt(server.wsUrl, id, tokens.editor, 'carol', providers)).toBe('connected');

    // Dan is turned away: out of the lobby, and still waiting when he tries again.
    expect(await attempt(server.wsUrl, id, tokens.commenter, 'dan', providers)).toBe(AwaitingAdmission.reason);
    const dan = await waitFor(() => fac.lobby()?.waiting.find((w) => w.name === 'dan'), { what: 'Dan in the lobby' });
    fac.send({ type: PEOPLE.deny, personId: dan.personId });
    await waitFor(() => fac.lobby()?.waiting.length === 0, { what: 'Dan turned away' });
    expect(await attempt(server.wsUrl, id, tokens.commenter, 'dan', providers)).toBe(AwaitingAdmission.reason);
    // Knocking again does not put him back in front of the facilitator.
    const fence = await attempt(server.wsUrl, id, tokens.commenter, 'fence', providers);
    expect(fence).toBe(AwaitingAdmission.reason);
    await waitFor(() => fac.lobby()?.waiting.some((w) => w.name === 'fence'), { what: 'the fence in the lobby' });
    expect(fac.lobby()?.waiting.map((w) => w.name)).toEqual(['fence']);

    // Admission off: whoever waits comes in.
    fac.send({ type: PEOPLE.admission, on: false });
    await waitFor(() => fac.lobby()?.admission === false, { what: 'admission off' });
    expect(await attempt(server.wsUrl, id, tokens.commenter, 'dan', providers)).toBe('connected');
  });

  it('only a facilitator turns admission on or lets people in', async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url, { template: 'blank' });
    const editor = await connectProvider(server.wsUrl, id, { token: tokens.editor, as: 'eve' });
    providers.push(editor);
    const closed = new Promise<string>((resolve) =>
      editor.on('close', ({ event }: { event: CloseEvent }) => resolve(event.reason)),
    );
    editor.sendStateless(JSON.stringify({ type: PEOPLE.admission, on: true }));
    expect(await closed).toBe('forbidden-message');
    expect(await attempt(server.wsUrl, id, tokens.editor, 'newcomer', providers)).toBe('connected');
  });

  it('works across instances: a knock on B reaches the facilitator on A, whose admit lets the person in on B', async () => {
    const { a, b } = await startTwoInstances(cleanups);
    const { id, tokens } = await createBoardWithLinks(a.url, { template: 'blank' });
    const fac = await facilitatorOn(a.wsUrl, id, tokens.facilitator, providers);
    const present = await attempt(b.wsUrl, id, tokens.editor, 'bob', providers);
    expect(present).toBe('connected');
    fac.send({ type: PEOPLE.admission, on: true });
    await waitFor(() => fac.lobby()?.admission === true, { what: 'admission on' });
    // Bob, present on B when it was turned on, is let in there too.
    await waitFor(async () => (await attempt(b.wsUrl, id, tokens.editor, 'bob', providers)) === 'connected', {
      what: 'Bob admitted on B',
    });
    expect(await attempt(b.wsUrl, id, tokens.editor, 'carol', providers)).toBe(AwaitingAdmission.reason);
    const carol = await waitFor(() => fac.lobby()?.waiting.find((w) => w.name === 'carol'), {
      what: 'Carol’s knock on B to reach A',
    });
    fac.send({ type: PEOPLE.admit, personId: carol.personId });
    await waitFor(() => fac.lobby()?.waiting.length === 0, { what: 'the lobby to empty' });
    expect(await attempt(b.wsUrl, id, tokens.editor, 'carol', providers)).toBe('connected');
  });
});
