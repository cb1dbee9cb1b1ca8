/**
 * Where a cold visit's first render waits, from the page's own Resource Timing (ms from its
 * navigation start): the app's scripts in, the identity asked for and received, the board's
 * download asked for and received, and the apply begun. Without the harness's round trips.
 */
import type { Page } from '@playwright/test';
import { round } from '../stats.ts';

export async function openingSteps(page: Page) {
  const steps = await page.evaluate(() => {
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const first = (pattern: RegExp) => resources.find((r) => pattern.test(new URL(r.name).pathname));
    const scripts = resources.filter(
      (r) => r.initiatorType !== 'fetch' && /^\/assets\/.*\.js$/.test(new URL(r.name).pathname),
    );
    const identity = first(/\/identities$/);
    const state = first(/\/state$/);
    const apply = performance.getEntriesByName('journeyboard:apply-download')[0];
    return {
      // The scripts the page named in its HTML (those fetched before the first identity answer).
      scriptsInAt: Math.max(
        ...scripts.filter((r) => !identity || r.startTime < identity.responseEnd).map((r) => r.responseEnd),
      ),
      identityAskedAt: identity?.startTime ?? NaN,
      identityInAt: identity?.responseEnd ?? NaN,
      downloadAskedAt: state?.startTime ?? NaN,
      downloadFirstByteAt: state?.responseStart ?? NaN,
      downloadInAt: state?.responseEnd ?? NaN,
      applyStartAt: apply?.startTime ?? NaN,
    };
  });
  return Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, round(v, 0)])) as typeof steps;
}
