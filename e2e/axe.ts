import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** What the audits check unless a test says otherwise: WCAG 2.0 and 2.1, levels A and AA. */
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The serious and critical axe violations on `page`, inside `include` (a selector, or several;
 * the whole page without), one readable line each: a test expects none (`toEqual([])`).
 */
export async function seriousViolations(
  page: Page,
  include?: string | readonly string[],
  tags: readonly string[] = WCAG_A_AA,
): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags([...tags]);
  for (const selector of include === undefined ? [] : [include].flat()) builder = builder.include(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`);
}
