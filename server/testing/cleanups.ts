import { afterEach } from 'vitest';

/**
 * The clean-ups a test registers (servers, providers, databases), run after each test, last
 * registered first, so a provider goes before its server. Call once per describe; `push` what
 * the test must undo (`unshift` for what must go last).
 */
export function cleanupsAfterEach(): (() => unknown)[] {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return cleanups;
}
