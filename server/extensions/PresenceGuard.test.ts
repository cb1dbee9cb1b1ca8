import { afterEach, describe, expect, it } from 'vitest';
import { readPresence } from '../../shared/index.ts';
import { waitFor } from '../testing/providers.ts';
import { createBoardWithLinks, startTestServer, type TestServer } from '../testing/testServer.ts';
import { recordingProvider, type RecordingProvider } from '../testing/workshopClients.ts';

const user = (name: string) => ({ id: name.toLowerCase(), name, colour: '#0d74ce', department: 'sales' });

describe('PresenceGuard', () => {
  let server: TestServer | undefined;
  const clients: RecordingProvider[] = [];
  afterEach(async () => {
    clients.splice(0).forEach((c) => c.provider.destroy());
    await server?.close();
  });

  it('stamps each awareness state with the role the server gave its connection, whatever the client claims', async () => {
    server = await startTestServer();
    const { id, tokens } = await createBoardWithLinks(server.url);
    const facilitator = await recordingProvider(server.wsUrl, id, tokens.facilitator);
    const viewer = await recordingProvider(server.wsUrl, id, tokens.viewer);
    clients.push(facilitator, viewer);

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
