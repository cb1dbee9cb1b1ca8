import { z } from 'zod';

/** A board of a current/future pair, as the other one shows it. */
export interface BoardRef {
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

const noteId = z.string().meta({ description: 'The note’s id, the same on both boards' });
const pain = z.object({ id: noteId, text: z.string(), before: z.string().nullable() });
const touchpointSide = z.object({ text: z.string(), channel: z.string().nullable() }).nullable();
const kpiTarget = z.object({ value: z.number().nullable(), target: z.number().nullable() }).nullable();

/** The wire form of compareStates' answer (shared/model/compareStates.ts), for the OpenAPI document. */
export const stateComparisonSchema = z.object({
  current: boardRefSchema,
  future: boardRefSchema,
  stages: z.array(
    z.object({
      stageId: z.string(),
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
          id: z.string(),
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
});
