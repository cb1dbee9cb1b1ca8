import { describe, expect, it } from 'vitest';
import { waitFor } from '../testing/providers.ts';
import { sendRawAwareness } from '../testing/rawAwareness.ts';
import { testBoards } from '../testing/testBoards.ts';
import { awarenessFence, recordingProvider, type RecordingProvider } from '../testing/workshopClients.ts';

const person = (name: string) => ({ user: { id: name.toLowerCase(), name, colour: '#0d74ce', department: 'sales' } });

describe('presence attacks by a link holder', () => {
  const boards = testBoards<RecordingProvider>(recordingProvider);

  async function board() {
    const { id, join } = await boards.board({}, {});
    return { id, join, live: () => boards.server.server.hocuspocus.documents.get(id)! };
  }

  it('a viewer flooding fresh client ids and oversized states gets one small presence; nothing else is kept or relayed', async () => {
    const { join, live } = await board();
    const facilitator = await join('facilitator');
    facilitator.provider.awareness!.setLocalState(person('Fay'));
    const attacker = await join('viewer');
    const ids = Array.from({ length: 40 }, (_, i) => 900_000 + i);
    const huge = { ...person('Huge'), pad: 'x'.repeat(200_000) };
    for (const id of ids) sendRawAwareness(attacker.provider, [[id, 1, huge]]);
    for (const id of ids) sendRawAwareness(attacker.provider, [[id + 100, 1, person('Many')]]);
    // Hocuspocus handles one connection's messages in order: once the fence shows, the flood is handled.
    sendRawAwareness(attacker.provider, [[ids[0]! + 100, 2, { ...person('Many'), fence: 1 }]]);
    await waitFor(() => facilitator.provider.awareness!.getStates().get(ids[0]! + 100)?.fence === 1, {
      what: 'the fence',
    });

    const seen = [...facilitator.provider.awareness!.getStates().keys()].filter(
      (id) => id !== facilitator.doc.clientID,
    );
    expect(seen).toEqual([ids[0]! + 100]);
    const kept = [...live().awareness.getStates().values()];
    expect(kept).toHaveLength(2);
    expect(Math.max(...kept.map((s) => JSON.stringify(s).length))).toBeLessThan(8192);
  });

  it('a viewer cannot overwrite, blank or remove another connection’s presence', async () => {
    const { join } = await board();
    const facilitator = await join('facilitator');
    const victim = await join('editor');
    victim.provider.awareness!.setLocalState(person('Ann'));
    const attacker = await join('viewer');
    attacker.provider.awareness!.setLocalState(person('Mallory'));
    await waitFor(() => facilitator.provider.awareness!.getStates().get(victim.doc.clientID)?.user?.name === 'Ann', {
      what: 'Ann',
    });

    const target = victim.doc.clientID;
    sendRawAwareness(attacker.provider, [[target, 1_000_000, { ...person('Mallory'), cursor: { x: 1, y: 1 } }]]);
    sendRawAwareness(attacker.provider, [[target, 2_000_000, {}]]);
    sendRawAwareness(attacker.provider, [[target, 3_000_000, null]]);
    await awarenessFence(attacker.provider, facilitator.provider);

    expect(facilitator.provider.awareness!.getStates().get(target)?.user?.name).toBe('Ann');
    // And Ann's own updates still count (a forged huge clock would have frozen her presence).
    victim.provider.awareness!.setLocalStateField('cursor', { x: 42, y: 7 });
    await waitFor(() => facilitator.provider.awareness!.getStates().get(target)?.cursor?.x === 42, {
      what: 'Ann’s cursor',
    });
  });

  it('a connection sending presence faster than its budget is slowed, and its last state still arrives', async () => {
    const { join, live } = await board();
    const facilitator = await join('facilitator');
    const fast = await join('editor');
    fast.provider.awareness!.setLocalState(person('Zed'));
    await waitFor(() => facilitator.provider.awareness!.getStates().get(fast.doc.clientID), { what: 'Zed' });
    let applied = 0;
    live().awareness.on('update', ({ updated }: { updated: number[] }) => {
      if (updated.includes(fast.doc.clientID)) applied++;
    });
    for (let x = 1; x <= 300; x++) fast.provider.awareness!.setLocalStateField('cursor', { x, y: 0 });
    await waitFor(() => facilitator.provider.awareness!.getStates().get(fast.doc.clientID)?.cursor?.x === 300, {
      what: 'the last cursor',
      timeoutMs: 15_000,
    });
    expect(applied).toBeLessThan(200);
  });
});
