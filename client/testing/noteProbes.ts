import Konva from 'konva';
import { drawnNotes, onDevicePixel } from '../canvas/BlittedNotes.tsx';
import { BITMAP_BOUNDS } from '../canvas/noteBitmaps.ts';
import { NoteNode } from '../canvas/shapes/noteNode.ts';

const PROBES = 'note-probes';

/**
 * The notes are bitmaps blitted by one shape (BlittedNotes.tsx): there is no Konva node per note
 * to find. For the tests, this puts one beside each notes shape, hidden, for every note it drew
 * last: the same drawing (noteNode.ts) set to the same look, at the same place and opacity, so a
 * test finds `.note`, `#<id>`, `.note-action` or a note's `Text` through Konva's own API (each
 * on the whole device pixel the shape puts its bitmap on, at most half a pixel from its place). Built
 * on demand, never in the page's own drawing; called again, it replaces the previous ones.
 * `live`: the probes are drawn instead of the bitmaps (the stage is drawn again now), so a test can
 * compare the blitted notes with a live drawing of the same notes. Returns how many notes it probed.
 */
export function probeNotes(live = false): number {
  let count = 0;
  for (const stage of Konva.stages) {
    for (const old of stage.find(`.${PROBES}`)) old.destroy();
    for (const shape of stage.find('.notes-blit') as Konva.Shape[]) {
      const probes = new Konva.Group({ name: PROBES, visible: live, listening: false });
      shape.visible(!live);
      // Where the shape puts each bitmap: its top-left on a whole device pixel.
      const [sx, , , sy, ox, oy] = shape.getAbsoluteTransform().getMatrix();
      const ratio = (shape.getLayer()?.getCanvas().getPixelRatio() ?? 1) as number;
      const snap = (v: number, s: number, o: number) =>
        onDevicePixel(v + BITMAP_BOUNDS.x, s * ratio, o * ratio) - BITMAP_BOUNDS.x;
      for (const placed of drawnNotes(shape)) {
        const node = new NoteNode().set(placed.look);
        // The parts this note does not draw (no action strip, no channel…) are not there for a test to find.
        for (const hidden of node.group.find((n: Konva.Node) => !n.visible())) hidden.destroy();
        node.group.setAttrs({ x: snap(placed.x, sx!, ox!), y: snap(placed.y, sy!, oy!), opacity: placed.opacity });
        probes.add(node.group);
        count++;
      }
      shape.getParent()?.add(probes);
    }
    if (live) stage.draw();
  }
  return count;
}
