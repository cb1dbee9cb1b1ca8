import type { Page } from '@playwright/test';
import { test as base } from './fixtures.ts';
import { TouchBoardObject } from './TouchBoardObject.ts';

/** The tablet as the review shots take it (820 wide, an iPad Air's width), not the iPad Mini's 768. */
export const REVIEW_TABLET = { width: 820, height: 1180 } as const;

/** Where a touch spec starts: Fay facilitating on this project's device, her page and its size. */
export interface Facilitating {
  readonly fay: TouchBoardObject;
  readonly page: Page;
  readonly size: { readonly width: number; readonly height: number };
  /** The project's name: `phone` or `tablet`. */
  readonly device: string;
}

/**
 * The touch specs' test: `facilitating(title)` is TouchBoardObject.facilitating on this test's
 * server; with `tablet`, the tablet project's page is first resized to it (the phone's is kept).
 */
export const test = base.extend<{
  facilitating: (title: string, options?: { tablet?: { width: number; height: number } }) => Promise<Facilitating>;
}>({
  facilitating: async ({ browser, server }, use, testInfo) => {
    await use(async (title, { tablet } = {}) => {
      const fay = await TouchBoardObject.facilitating(browser, server, title);
      const device = testInfo.project.name;
      if (tablet && device === 'tablet') await fay.page.setViewportSize(tablet);
      return { fay, page: fay.page, size: fay.page.viewportSize()!, device };
    });
  },
});

export { expect } from '@playwright/test';
