import { z } from 'zod';
import { connectorIdSchema } from './connector.ts';
import { isRecordId, type ConnectorId, type PathId } from './ids.ts';

/**
 * A path the team marked (schema 9): the connectors it follows, in order, from its start note.
 * Today one: the happy path, under a fixed id, so that two people marking a path at once leave
 * one whole path (the last record written), never a mix of both. The steps are one field for the
 * same reason. A step whose connector was removed or reconnected concurrently cuts the path there
 * (readers show the part before the cut, `resolveMarkedPath`); the record itself is kept.
 */
export interface MarkedPath {
  readonly typeName: 'path';
  readonly id: PathId;
  /** Connector ids in walking order; each one starts where the one before it ends. */
  readonly connectorIds: readonly ConnectorId[];
}

export const HAPPY_PATH_ID: PathId = 'path:happy';

export const PATH_LIMITS = { maxSteps: 500 } as const;

export const pathStepsSchema = z
  .array(connectorIdSchema)
  .min(1, 'A path has at least one step: choose a path that leaves its start note')
  .max(PATH_LIMITS.maxSteps, `A path has at most ${PATH_LIMITS.maxSteps} steps`);

/** Whether a stored `connectors` value is what a command writes (the server's repair removes anything else). */
export function isStoredPathSteps(value: unknown, maxIdLength: number): boolean {
  return (
    Array.isArray(value) &&
    value.length <= PATH_LIMITS.maxSteps &&
    value.every((c) => isRecordId('connector', c) && c.length <= maxIdLength)
  );
}

/** Tolerant: anything in `connectors` that is no connector id is skipped; unknown fields are ignored. */
export function readPath(id: PathId, raw: Record<string, unknown>): MarkedPath {
  const steps = Array.isArray(raw.connectors) ? raw.connectors : [];
  return {
    typeName: 'path',
    id,
    connectorIds: steps.filter((c): c is ConnectorId => isRecordId('connector', c)).slice(0, PATH_LIMITS.maxSteps),
  };
}
