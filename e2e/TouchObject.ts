import type { CDPSession, Page } from '@playwright/test';

type Point = { x: number; y: number };

/**
 * Real touch input on a page emulating a touch device (`hasTouch`): each call is a Chrome
 * DevTools Protocol `Input.dispatchTouchEvent`, which Chromium turns into touch and pointer
 * events as a finger on the screen would. Points are in CSS pixels of the page.
 */
export class TouchObject {
  readonly #page: Page;
  #cdp: CDPSession | null = null;
  constructor(page: Page) {
    this.#page = page;
  }

  async #send(type: 'touchStart' | 'touchMove' | 'touchEnd', points: readonly Point[]): Promise<void> {
    this.#cdp ??= await this.#page.context().newCDPSession(this.#page);
    await this.#cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, i) => ({ x: p.x, y: p.y, id: i, radiusX: 4, radiusY: 4, force: 1 })),
    });
  }

  down(...points: Point[]): Promise<void> {
    return this.#send('touchStart', points);
  }

  /** Moves the fingers now down to `points`, in straight lines from `from`, in `steps` events. */
  async move(from: readonly Point[], points: readonly Point[], steps = 6): Promise<void> {
    for (let i = 1; i <= steps; i++)
      await this.#send(
        'touchMove',
        points.map((p, k) => ({
          x: from[k]!.x + ((p.x - from[k]!.x) * i) / steps,
          y: from[k]!.y + ((p.y - from[k]!.y) * i) / steps,
        })),
      );
  }

  /** Every finger lifted. */
  up(): Promise<void> {
    return this.#send('touchEnd', []);
  }

  async tap(p: Point): Promise<void> {
    await this.down(p);
    await this.up();
  }

  async doubleTap(p: Point): Promise<void> {
    await this.tap(p);
    await this.tap({ x: p.x + 2, y: p.y + 1 });
  }

  /** One finger from `from` to `to`, moving at once (a pan, even when it starts on a note). */
  async swipe(from: Point, to: Point, steps = 6): Promise<void> {
    await this.down(from);
    await this.move([from], [to], steps);
    await this.up();
  }

  /** Two fingers from `from` to `to`. */
  async pinch(from: readonly [Point, Point], to: readonly [Point, Point], steps = 8): Promise<void> {
    await this.down(...from);
    await this.move(from, to, steps);
    await this.up();
  }
}
