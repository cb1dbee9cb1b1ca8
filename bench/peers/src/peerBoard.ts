/**
 * What the harness (bench/sideBySide/) serves as /board.json: Journeyboard's own layout of the
 * generated board, so each peer draws the same notes in the same places; and the small API the
 * harness drives each page through (window.__peer), the same for both peers.
 */
export interface PeerNote {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
  /** Journeyboard's fill for the note's kind (#rrggbb). */
  readonly fill: string;
}

export interface PeerBoard {
  readonly width: number;
  readonly height: number;
  readonly stages: readonly { readonly name: string; readonly x: number; readonly width: number }[];
  readonly lanes: readonly { readonly name: string; readonly y: number; readonly height: number }[];
  readonly headerHeight: number;
  readonly labelWidth: number;
  readonly notes: readonly PeerNote[];
}

export interface PeerApi {
  /** performance.now() when the board's shapes were first drawn; null until then. */
  drawnAt: number | null;
  shapeCount(): number;
  fit(): void;
  /** Zooms to `scale` around the viewport's centre. */
  zoomAtCentre(scale: number): void;
  zoom(): number;
  /** The screen point at the middle of a note near the viewport's centre (and the note's index), for the drag. */
  noteNearCentre(): { x: number; y: number; index: number } | null;
  /** Where the note that was dragged is now (board coordinates), to check the drag happened. */
  notePosition(i: number): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __peer?: PeerApi;
  }
}

export async function loadBoard(): Promise<PeerBoard> {
  const res = await fetch('/board.json');
  if (!res.ok) throw new Error(`board.json: ${res.status}`);
  return (await res.json()) as PeerBoard;
}

/** Two frames after React committed the shapes: they have been painted once. */
export function markDrawn(api: PeerApi): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      api.drawnAt = performance.now();
    }),
  );
}

/** The note whose middle is nearest to a board point. */
export function nearestNote(board: PeerBoard, at: { x: number; y: number }): { x: number; y: number; index: number } {
  let best = { d: Number.POSITIVE_INFINITY, x: 0, y: 0, index: -1 };
  board.notes.forEach((n, index) => {
    const x = n.x + n.w / 2;
    const y = n.y + n.h / 2;
    const d = Math.hypot(x - at.x, y - at.y);
    if (d < best.d) best = { d, x, y, index };
  });
  return { x: best.x, y: best.y, index: best.index };
}

/** The camera offset keeping the board point under the viewport's centre where it is at a new zoom. */
export function zoomedOffset(offset: number, centre: number, from: number, to: number): number {
  const board = centre / from - offset;
  return centre / to - board;
}
