import Konva from 'konva';
import { drawnNotes } from '../canvas/BlittedNotes.tsx';
import { NoteNode } from '../canvas/shapes/noteNode.ts';

const PROBES = 'note-probes';

/**
 * The notes are bitmaps blitted by one shape (BlittedNotes.tsx): there is no Konva node per note
 * to find. For the tests, this puts one beside each notes shape, hidden, for every note it drew
 * last: the same drawing (noteNode.ts) set to the same look, at the same place and opacity, so a
 * test finds `.note`, `#<id>`, `.note-action` or a note's `Text` through Konva's own API. Built
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
      for (const placed of drawnNotes(shape)) {
        const node = new NoteNode().set(placed.look);
        node.group.setAttrs({ x: placed.x, y: placed.y, opacity: placed.opacity });
        probes.add(node.group);
        count++;
      }
      shape.getParent()?.add(probes);
    }
    if (live) stage.draw();
  }
  return count;
}
