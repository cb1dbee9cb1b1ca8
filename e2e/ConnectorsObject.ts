import { expect, type Locator } from '@playwright/test';
import { BoardFeatureObject } from './BoardPageObject.ts';

type Point = { x: number; y: number };
const centre = (r: { x: number; y: number; width: number; height: number }): Point => ({
  x: r.x + r.width / 2,
  y: r.y + r.height / 2,
});

/** Connectors on an open board: drawn from the connect handle, edited in their toolbar. */
export class ConnectorsObject extends BoardFeatureObject {
  list() {
    return this.page.evaluate(() => window.__journeyboard!.connectors());
  }

  handle(): Locator {
    return this.page.getByTestId('connect-handle');
  }

  toolbar(): Locator {
    return this.page.getByTestId('connector-toolbar');
  }

  async noteCentre(id: string): Promise<Point> {
    return centre(await this.board.noteRect(id));
  }

  async handleCentre(): Promise<Point> {
    await expect(this.handle()).toBeVisible();
    return centre((await this.handle().boundingBox())!);
  }

  /** Selects `from` with a click, then drags its handle onto `to` with the mouse. */
  async drawByMouse(from: string, to: string): Promise<void> {
    const a = await this.noteCentre(from);
    await this.page.mouse.click(a.x, a.y);
    const h = await this.handleCentre();
    const b = await this.noteCentre(to);
    await this.page.mouse.move(h.x, h.y);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x, b.y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** A point in the middle of the connector's longest run, where a click or a tap picks it. */
  async pathPoint(id: string): Promise<Point> {
    const c = (await this.list()).find((x) => x.id === id);
    if (!c || c.points.length < 2) throw new Error(`connector ${id} is not drawn`);
    let best = { length: -1, at: c.points[0]! };
    for (let i = 1; i < c.points.length; i++) {
      const [p, q] = [c.points[i - 1]!, c.points[i]!];
      const length = Math.abs(q.x - p.x) + Math.abs(q.y - p.y);
      if (length > best.length) best = { length, at: { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 } };
    }
    // Beside the label, which sits on the middle: a quarter of the way along is the line itself.
    return best.at;
  }

  kind(name: string): Locator {
    return this.toolbar().getByRole('radio', { name });
  }
}
