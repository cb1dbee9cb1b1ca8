import { expect, type Page } from '@playwright/test';
import { linkFor } from './server.ts';

const DAY = 86_400_000;
/** A day `offset` days from today, as a period (UTC, like the server reads it). */
export const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** Seeds measurements as an outside client would: the board's HTTP route, a facilitator's link. */
export async function importMeasurements(page: Page, boardId: string, stageId: string, values: Record<string, number>) {
  const token = linkFor(boardId, 'facilitator').match(/token=([^&]+)/)![1]!;
  const measurements = Object.entries(values).map(([period, value]) => ({
    period,
    value,
    sampleSize: 150,
    source: 'survey',
  }));
  const status = await page.evaluate(
    async ({ boardId, token, body }) =>
      (
        await fetch(`/api/boards/${boardId}/measurements`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).status,
    {
      boardId,
      token,
      body: { kpis: [{ stageId, metric: 'CSAT', unit: '/5', direction: 'higher', target: 4.2, measurements }] },
    },
  );
  expect(status).toBe(200);
}
