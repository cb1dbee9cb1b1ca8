import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findTemplate, initializeBoard, readBoard } from '../../shared/index.ts';
import { fitRect } from './camera.ts';
import { computeLayout } from './layout.ts';
import { keptCamera, ledView, openingCamera, READABLE_SCALE } from './openingView.ts';

function layoutOf(template: string) {
  const doc = new Y.Doc();
  initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate(template)! });
  return computeLayout(readBoard(doc));
}

const whole = (layout: ReturnType<typeof layoutOf>, viewport: { width: number; height: number }) =>
  fitRect({ x: 0, y: 0, width: layout.width, height: layout.height }, viewport, 40);

describe('openingCamera', () => {
  it('shows the whole board when it fits at a readable zoom', () => {
    const layout = layoutOf('blank');
    const viewport = { width: 4000, height: 3000 };
    const fit = whole(layout, viewport);
    expect(fit.scale).toBeGreaterThanOrEqual(READABLE_SCALE);
    expect(openingCamera(layout, viewport, fit)).toBe(fit);
  });

  it('opens a phone on the first stage column, across the screen and readable', () => {
    const layout = layoutOf('ecommerce');
    const phone = { width: 390, height: 700 };
    const camera = openingCamera(layout, phone, whole(layout, phone));
    const first = layout.stages[0]!;
    const left = first.x * camera.scale + camera.x;
    const right = (first.x + first.width) * camera.scale + camera.x;
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeLessThanOrEqual(phone.width);
    expect(right - left).toBeGreaterThan(phone.width * 0.9);
    // Note text (13.5 units) at 11 px or more.
    expect(13.5 * camera.scale).toBeGreaterThanOrEqual(11);
  });

  it('opens a large board on a wide screen at its top-left corner at the readable zoom', () => {
    const layout = layoutOf('ecommerce');
    const laptop = { width: 1280, height: 700 };
    const camera = openingCamera(layout, laptop, whole(layout, laptop));
    expect(camera.scale).toBe(READABLE_SCALE);
  });
});

describe('keptCamera', () => {
  const camera = { x: 1, y: -2, scale: 0.5 };

  it('reopens the view kept on a screen about as wide', () => {
    expect(keptCamera({ camera, width: 390 }, 390)).toEqual(camera);
    expect(keptCamera({ camera, width: 412 }, 390)).toEqual(camera);
  });

  it('does not reopen on a phone a view kept on a laptop, nor the other way round', () => {
    expect(keptCamera({ camera, width: 1440 }, 390)).toBeNull();
    expect(keptCamera({ camera, width: 390 }, 1440)).toBeNull();
  });

  it('refuses anything that is not a whole kept view', () => {
    expect(keptCamera({ camera: { ...camera, scale: 0 }, width: 390 }, 390)).toBeNull();
    expect(keptCamera({ camera: { ...camera, x: '1' }, width: 390 }, 390)).toBeNull();
    expect(keptCamera({ camera }, 390)).toBeNull();
    expect(keptCamera(null, 390)).toBeNull();
    expect(keptCamera('{"x":1}', 390)).toBeNull();
  });
});

describe('ledView', () => {
  const view = (x: number) => ({ x, y: 0, width: 800, height: 600 });
  const peer = (clientId: number, role: 'facilitator' | 'editor', following: number | null, x = 0) => ({
    clientId,
    role,
    following,
    view: view(x),
  });

  it('is the view of the facilitator others follow', () => {
    expect(ledView([peer(1, 'facilitator', null, 900), peer(2, 'editor', 1), peer(3, 'editor', null)])).toEqual(
      view(900),
    );
  });

  it('is null when nobody follows anyone, or only a participant is followed', () => {
    expect(ledView([peer(1, 'facilitator', null), peer(2, 'editor', null)])).toBeNull();
    expect(ledView([peer(1, 'facilitator', null), peer(2, 'editor', null), peer(3, 'editor', 2)])).toBeNull();
  });

  it('picks the facilitator with the most followers, and skips one with no view yet', () => {
    const peers = [
      peer(1, 'facilitator', null, 100),
      peer(2, 'facilitator', null, 200),
      peer(3, 'editor', 2),
      peer(4, 'editor', 2),
      peer(5, 'editor', 1),
    ];
    expect(ledView(peers)).toEqual(view(200));
    expect(ledView([{ ...peers[1]!, view: null }, ...peers.slice(2), peers[0]!])).toEqual(view(100));
  });
});
