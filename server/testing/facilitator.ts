import type { HocuspocusProvider } from '@hocuspocus/provider';
import { parseLobby, type LobbyMessage } from '../../shared/protocol/people.ts';
import { connectProvider } from './providers.ts';

/** A facilitator's board connection that keeps every lobby message it is sent. */
export async function facilitatorOn(wsUrl: string, boardId: string, token: string, keep: HocuspocusProvider[]) {
  const lobbies: LobbyMessage[] = [];
  const provider = await connectProvider(wsUrl, boardId, {
    token,
    as: 'fran',
    onStateless: (p) => {
      const lobby = parseLobby(JSON.parse(p));
      if (lobby) lobbies.push(lobby);
    },
  });
  keep.push(provider);
  const send = (message: Record<string, unknown>) => provider.sendStateless(JSON.stringify(message));
  const lobby = () => lobbies.at(-1);
  return { provider, send, lobby };
}
