import { describe, expect, it } from 'vitest';
import { readPresence } from '../../shared/index.ts';
import { waitFor } from '../testing/providers.ts';
import { testBoards } from '../testing/testBoards.ts';
import { recordingProvider, type RecordingProvider } from '../testing/workshopClients.ts';

const user = (name: string) => ({ id: name.toLowerCase(), name, colour: '#0d74ce', department: 'sales' });

describe('PresenceGuard', () => {
  const boards = testBoards<RecordingProvider>(recordingProvider);

  it('stamps each awareness state with the role the server gave its connection, whatever the client claims', async () => {
    const { join } = await boards.board({}, {});
    const facilitator = await join('facilitator');
    const viewer = await join('viewer');

    viewer.provider.awareness!.setLocalState({ user: user('Vera'), role: 'facilitator' });
    await waitFor(() => facilitator.provider.awareness!.getStates().get(viewer.doc.clientID)?.role === 'viewer', {
      what: 'the stamped role',
    });
    const seen = readPresence(
      viewer.doc.clientID,
      facilitator.provider.awareness!.getStates().get(viewer.doc.clientID),
    );
    expect(seen).toMatchObject({ role: 'viewer', user: { name: 'Vera' } });

    facilitator.provider.awareness!.setLocalState({ user: user('Fay'), role: 'viewer' });
    await waitFor(() => viewer.provider.awareness!.getStates().get(facilitator.doc.clientID)?.role === 'facilitator', {
      what: 'the facilitator’s stamped role',
    });
  });
});
