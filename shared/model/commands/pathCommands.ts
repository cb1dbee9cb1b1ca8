import { z } from 'zod';
import { newRecordMap, recordsMap } from '../../doc/boardDoc.ts';
import type { ConnectorId } from '../../schema/ids.ts';
import { HAPPY_PATH_ID, pathStepsSchema } from '../../schema/path.ts';
import { CommandError } from '../errors.ts';
import type { CommandContext } from './context.ts';
import { command } from './define.ts';

/** The steps must be a walk on the board now: drawn connectors, each leaving where the last one arrived, none twice. */
function requireWalk(ctx: CommandContext, connectorIds: readonly ConnectorId[]): void {
  const byId = new Map(ctx.board().connectors.map((c) => [c.id, c]));
  const taken = new Set<ConnectorId>();
  let at: string | null = null;
  for (const id of connectorIds) {
    const c = byId.get(id);
    if (!c)
      throw new CommandError('not-found', 'A connector on this path no longer exists; someone may have removed it.');
    if (at !== null && c.from !== at)
      throw new CommandError(
        'invalid-input',
        'The steps of a path follow each other: each starts where the last one ended.',
      );
    if (taken.has(id)) throw new CommandError('invalid-input', 'A path takes each connector once.');
    taken.add(id);
    at = c.to;
  }
}

/**
 * Marks a path as the happy path, replacing the one marked before (one record under a fixed id,
 * written whole: two people marking at once leave one of their paths, not a mix).
 */
export const markHappyPath = command(z.object({ connectorIds: pathStepsSchema }), (ctx, { connectorIds }) => {
  requireWalk(ctx, connectorIds);
  recordsMap(ctx.doc).set(HAPPY_PATH_ID, newRecordMap({ connectors: connectorIds }));
});

export const clearHappyPath = command(z.object({}), (ctx) => {
  if (!recordsMap(ctx.doc).has(HAPPY_PATH_ID)) throw new CommandError('not-found', 'No happy path is marked.');
  recordsMap(ctx.doc).delete(HAPPY_PATH_ID);
});
