import { z } from 'zod';
import { isRecordId, type LaneId } from './ids.ts';
import { LIMITS } from './limits.ts';
import { NOTE_KINDS, type NoteKind } from './noteKind.ts';

/** A lane is a row of the journey; its kind is the default kind of notes added in it. */
export interface Lane {
  readonly typeName: 'lane';
  readonly id: LaneId;
  readonly name: string;
  readonly kind: NoteKind;
  /** Fractional index; lanes sort by (index, id). */
  readonly index: string;
}

export const laneNameSchema = z.string().trim().min(1, 'A lane needs a name').max(LIMITS.nameLength);
export const laneIdSchema = z.custom<LaneId>((v) => isRecordId('lane', v), 'Not a lane id');

const LANE_DEFAULTS = { name: 'Untitled lane', kind: 'touchpoint', index: 'a0' } as const;

export function readLane(id: LaneId, raw: Record<string, unknown>): Lane {
  return {
    typeName: 'lane',
    id,
    name: typeof raw.name === 'string' ? raw.name : LANE_DEFAULTS.name,
    kind: (NOTE_KINDS as readonly unknown[]).includes(raw.kind) ? (raw.kind as NoteKind) : LANE_DEFAULTS.kind,
    index: typeof raw.index === 'string' ? raw.index : LANE_DEFAULTS.index,
  };
}
