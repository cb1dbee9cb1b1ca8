import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findTemplate, initializeBoard, readBoard } from '../../shared/index.ts';
import { computeLayout } from './layout.ts';
import { stageInView } from './stageInView.ts';

function layoutOf(template: string) {
  const doc = new Y.Doc();
  initializeBoard(doc, { boardId: 'b', title: 't', template: findTemplate(template)! });
  return computeLayout(readBoard(doc));
}

const viewport = { width: 400, height: 600 };
/** A camera at scale 1 whose view is centred on board x. */
const centredOn = (x: number) => ({ scale: 1, x: viewport.width / 2 - x, y: 0 });

describe('stageInView', () => {
  const layout = layoutOf('ecommerce');

  it('names the stage whose column is under the middle of the view', () => {
    for (const s of layout.stages) expect(stageInView(layout, centredOn(s.x + s.width / 2), viewport)).toBe(s.id);
  });

  it('names the first stage for a view over the lane labels, the last for one past the board', () => {
    expect(stageInView(layout, centredOn(10), viewport)).toBe(layout.stages[0]!.id);
    expect(stageInView(layout, centredOn(layout.width + 500), viewport)).toBe(layout.stages.at(-1)!.id);
  });

  it('takes the zoom into account', () => {
    const second = layout.stages[1]!;
    const scale = 0.3;
    const camera = { scale, x: viewport.width / 2 - (second.x + second.width / 2) * scale, y: 0 };
    expect(stageInView(layout, camera, viewport)).toBe(second.id);
  });
});
