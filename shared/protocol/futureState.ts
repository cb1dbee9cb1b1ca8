import { z } from 'zod';
import type { StateComparison } from '../model/compareStates.ts';
import type { KpiId, NoteId, StageId } from '../schema/ids.ts';

/** A board of a current/future pair, as the other one shows it. */
interface BoardRef {
  readonly id: string;
  readonly title: string;
}

/** `GET /api/boards/:id/future-state` and the answer of `POST`: the pair a board belongs to, or null. */
export interface FutureStateResponse {
  readonly link: { readonly current: BoardRef; readonly future: BoardRef } | null;
}

const boardRefSchema = z.object({ id: z.string(), title: z.string() });

export const futureStateResponseSchema = z.object({
  link: z.object({ current: boardRefSchema, future: boardRefSchema }).nullable(),
}) satisfies z.ZodType<FutureStateResponse>;

export const makeFutureStateRequestSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .meta({ description: 'Default: "<current title> (future state)"' }),
});

/**
 * A record id on the wire: a plain string in the OpenAPI document (a z.custom has no JSON Schema),
 * typed as the id it is for the code that reads the answer.
 */
const recordId = <T extends string>(description: string) => z.string().meta({ description }) as unknown as z.ZodType<T>;
const noteId = recordId<NoteId>('The note’s id, the same on both boards');
const pain = z.object({ id: noteId, text: z.string(), before: z.string().nullable() });
const touchpointSide = z.object({ text: z.string(), channel: z.string().nullable() }).nullable();
const kpiTarget = z.object({ value: z.number().nullable(), target: z.number().nullable() }).nullable();

/** compareStates' answer (shared/model/compareStates.ts) on the wire. */
export const stateComparisonSchema = z.object({
  current: boardRefSchema,
  future: boardRefSchema,
  stages: z.array(
    z.object({
      stageId: recordId<StageId>('The stage’s id, the same on both boards'),
      name: z.string(),
      on: z.enum(['both', 'current', 'future']),
      pains: z.object({ removed: z.array(pain), kept: z.array(pain), added: z.array(pain) }),
      touchpoints: z.array(
        z.object({
          id: noteId,
          change: z.enum(['added', 'removed', 'changed']),
          before: touchpointSide,
          after: touchpointSide,
        }),
      ),
      channels: z.object({
        current: z.array(z.string()),
        future: z.array(z.string()),
        added: z.array(z.string()),
        dropped: z.array(z.string()),
      }),
      kpis: z.array(
        z.object({
          id: recordId<KpiId>('The KPI’s id: its stage’s and its metric’s'),
          metric: z.string(),
          unit: z.string(),
          current: kpiTarget,
          future: kpiTarget,
        }),
      ),
    }),
  ),
  totals: z.object({
    painsRemoved: z.number().int(),
    painsKept: z.number().int(),
    painsAdded: z.number().int(),
    touchpointsChanged: z.number().int(),
  }),
}) satisfies z.ZodType<StateComparison>;
