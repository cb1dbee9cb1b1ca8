import type { Browser } from '@playwright/test';
import { BoardPageObject } from '../BoardPageObject.ts';
import type { TestServer } from '../server.ts';

/** A browser context that has joined as `name` (what the join dialog stores), for review shots. */
export async function reviewPerson(
  browser: Browser,
  server: TestServer,
  name: string,
  department = 'sales',
  viewport = { width: 1440, height: 880 },
): Promise<BoardPageObject> {
  const context = await browser.newContext({ baseURL: server.url, viewport, deviceScaleFactor: 1 });
  await context.addInitScript(
    ([n, d]) =>
      localStorage.setItem('journeyboard.identity', JSON.stringify({ id: `user-${n}`, name: n, department: d })),
    [name, department],
  );
  return new BoardPageObject(await context.newPage());
}
