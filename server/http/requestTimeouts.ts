import type { Server } from 'node:http';

/**
 * How long a client may take to send a request. Node's defaults (headers 60 s, whole request
 * 300 s) let a few hundred sockets that trickle a byte now and then hold the server's sockets
 * and memory for minutes. Our requests are small (bodies up to MAX_BODY_BYTES, 1 MiB): a person's
 * browser sends one in well under a second, a slow mobile link in a few.
 *
 * Only the receiving of a request is timed: a long download, a keep-alive pause and an upgraded
 * WebSocket (which leaves Node's HTTP connection list) are not.
 */
export const REQUEST_TIMEOUTS = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  // Node checks both only this often (default 30 s), so a slow socket would live up to 30 s more.
  checkIntervalMs: 1_000,
} as const;

/** Sets the timeouts on Hocuspocus's http.Server; call before it listens (the check interval starts then). */
export function applyRequestTimeouts(server: Server, timeouts: typeof REQUEST_TIMEOUTS = REQUEST_TIMEOUTS): void {
  server.headersTimeout = timeouts.headersTimeoutMs;
  server.requestTimeout = timeouts.requestTimeoutMs;
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = timeouts.checkIntervalMs;
}
