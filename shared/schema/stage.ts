import { z } from 'zod';
import { isRecordId, type StageId } from './ids.ts';
import { LIMITS } from './limits.ts';

/** A stage is a column of the journey (Awareness, Consideration, …). */
export interface Stage {
  readonly typeName: 'stage';
  readonly id: StageId;
  readonly name: string;
  /** Fractional index; stages sort by (index, id). */
  readonly index: string;
  readonly description: string;
}

export const stageNameSchema = z.string().trim().min(1, 'A stage needs a name').max(LIMITS.nameLength);
// The meta describes the id to JSON Schema (the HTTP API's OpenAPI document); z.custom has no type of its own.
export const stageIdSchema = z
  .custom<StageId>((v) => isRecordId('stage', v), 'Not a stage id')
  .meta({ type: 'string', pattern: '^stage:.+' });

const STAGE_DEFAULTS = { name: 'Untitled stage', index: 'a0', description: '' } as const;

/** Tolerant read: a missing or mistyped field falls back to its default. */
export function readStage(id: StageId, raw: Record<string, unknown>): Stage {
  return {
    typeName: 'stage',
    id,
    name: typeof raw.name === 'string' ? raw.name : STAGE_DEFAULTS.name,
    index: typeof raw.index === 'string' ? raw.index : STAGE_DEFAULTS.index,
    description: typeof raw.description === 'string' ? raw.description : STAGE_DEFAULTS.description,
  };
}
