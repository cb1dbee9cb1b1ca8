import type { CheckpointInfo, CheckpointKind } from '../storage/CheckpointRepository.ts';

/**
 * Which checkpoints to keep as they age. Named checkpoints and vote reveals are kept forever;
 * automatic ones (activity, before a restore, before a migration) are thinned: all of them for
 * `keepAllForMs`, then the newest of each day until `dailyForMs`, then the newest of each week.
 * The newest automatic checkpoint is always kept (it is what a corrupt board is restored from).
 */
export interface RetentionPolicy {
  readonly keepAllForMs: number;
  readonly dailyForMs: number;
}

const DAY = 24 * 60 * 60 * 1000;

export const DEFAULT_RETENTION: RetentionPolicy = { keepAllForMs: 2 * DAY, dailyForMs: 30 * DAY };

const KEPT_FOREVER: ReadonlySet<CheckpointKind> = new Set(['named', 'vote-reveal']);

function isKeptForever(kind: CheckpointKind): boolean {
  return KEPT_FOREVER.has(kind);
}

/** The ids to delete from `checkpoints` (any order) at time `now`. */
export function checkpointsToThin(
  checkpoints: readonly CheckpointInfo[],
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): string[] {
  const automatic = checkpoints
    .filter((c) => !isKeptForever(c.kind))
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  const seenBuckets = new Set<string>();
  const doomed: string[] = [];
  automatic.forEach((c, i) => {
    const age = now - c.createdAt;
    if (age <= policy.keepAllForMs) return;
    // Newest first, so the first checkpoint met in each bucket is the one kept.
    const bucket =
      age <= policy.dailyForMs ? `d${Math.floor(c.createdAt / DAY)}` : `w${Math.floor(c.createdAt / (7 * DAY))}`;
    if (seenBuckets.has(bucket) && i > 0) doomed.push(c.id);
    else seenBuckets.add(bucket);
  });
  return doomed;
}
