import type { Connection } from '@hocuspocus/server';
import type * as Y from 'yjs';

/**
 * The origin of a transaction that applied a client's change (Hocuspocus's
 * `{ source: 'connection', connection }`); null for the server's own writes, Redis's and a migration's.
 */
export function connectionOrigin(tr: Y.Transaction): { readonly connection?: Connection } | null {
  const origin = tr.origin as { source?: string; connection?: Connection } | null;
  return origin?.source === 'connection' ? origin : null;
}
