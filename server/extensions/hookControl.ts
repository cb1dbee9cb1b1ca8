/**
 * Hocuspocus runs a hook on every extension in turn, then its own default (Server.ts: the
 * "Welcome to Hocuspocus!" answer for onRequest, the WebSocket upgrade for onUpgrade). Rejecting
 * with an empty value stops the chain and the default without logging anything; an Error would
 * be logged and rethrown. This is how an extension says "I answered this one".
 */
export function answeredHere(): Promise<never> {
  return Promise.reject(null);
}
