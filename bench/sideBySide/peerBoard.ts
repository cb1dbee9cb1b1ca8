import type * as Y from 'yjs';
import { computeLayout, HEADER_H, LABEL_W } from '../../client/geometry/layout.ts';
import { noteColour, readBoard } from '../../shared/index.ts';
import type { PeerBoard } from '../peers/src/peerBoard.ts';

/** The generated board as Journeyboard lays it out, for the peers to draw the same notes in the same places. */
export function boardForPeers(doc: Y.Doc): PeerBoard {
  const board = readBoard(doc);
  const layout = computeLayout(board);
  return {
    width: layout.width,
    height: layout.height,
    headerHeight: HEADER_H,
    labelWidth: LABEL_W,
    stages: layout.stages.map((s, i) => ({ name: board.stages[i]!.name, x: s.x, width: s.width })),
    lanes: layout.lanes.map((l, i) => ({ name: board.lanes[i]!.name, y: l.y, height: l.height })),
    notes: board.notes.flatMap((n) => {
      const r = layout.notes.get(n.id);
      return r ? [{ x: r.x, y: r.y, w: r.width, h: r.height, text: n.text, fill: noteColour(n) }] : [];
    }),
  };
}
