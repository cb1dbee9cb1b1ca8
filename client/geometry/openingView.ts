import { canFacilitate, type Peer, type ViewRect } from '../../shared/index.ts';
import { fitRect, type Camera } from './camera.ts';
import type { BoardLayout } from './layout.ts';

/** Smallest zoom a board opens at: note text (13.5 units) is then 11 px on screen or more. */
export const READABLE_SCALE = 0.82;

/** Below this width the screen is a phone: the board opens on its first stage column. */
const PHONE_WIDTH = 600;

const MARGIN = 12;

/**
 * The camera a board opens with, given the whole-board fit: that fit when it is readable; on a
 * phone the first stage column across the screen (its lane labels are a swipe to the left); else
 * the top-left corner (the first stages, headers and lane labels) at READABLE_SCALE.
 */
export function openingCamera(layout: BoardLayout, viewport: { width: number; height: number }, fit: Camera): Camera {
  if (fit.scale >= READABLE_SCALE) return fit;
  const first = layout.stages[0];
  if (viewport.width < PHONE_WIDTH && first) {
    const column = { x: first.x, y: 0, width: first.width, height: layout.height };
    const scale = fitRect(column, { width: viewport.width, height: Number.POSITIVE_INFINITY }, MARGIN).scale;
    return { scale, x: MARGIN - first.x * scale, y: MARGIN };
  }
  return { scale: READABLE_SCALE, x: 24, y: 40 };
}

/**
 * The camera of a view kept from an earlier visit (`{ camera, width }`, as stored) if it can be
 * used on a screen this wide: a number for each field, and a screen about as wide as then (a view
 * kept on a laptop would show a phone a corner of nothing).
 */
export function keptCamera(kept: unknown, viewportWidth: number): Camera | null {
  if (typeof kept !== 'object' || kept === null) return null;
  const { camera, width } = kept as { camera?: unknown; width?: unknown };
  if (typeof width !== 'number' || Math.abs(width - viewportWidth) > viewportWidth / 4) return null;
  if (typeof camera !== 'object' || camera === null) return null;
  const { x, y, scale } = camera as Record<string, unknown>;
  return [x, y, scale].every((n) => typeof n === 'number' && Number.isFinite(n)) && (scale as number) > 0
    ? { x: x as number, y: y as number, scale: scale as number }
    : null;
}

/**
 * The view the room is being led through, for someone who joins now: that of the facilitator
 * whom the most others follow (one follower is enough). Null when nobody leads. "Bring everyone"
 * is relayed and not kept (shared/protocol/workshop.ts), so a latecomer cannot know of one.
 */
export function ledView(peers: readonly Pick<Peer, 'clientId' | 'role' | 'view' | 'following'>[]): ViewRect | null {
  let led: { view: ViewRect; followers: number } | null = null;
  for (const leader of peers) {
    if (!leader.view || !leader.role || !canFacilitate(leader.role)) continue;
    const followers = peers.filter((p) => p.following === leader.clientId).length;
    if (followers > 0 && (!led || followers > led.followers)) led = { view: leader.view, followers };
  }
  return led?.view ?? null;
}
