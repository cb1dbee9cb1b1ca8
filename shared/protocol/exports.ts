import { z } from 'zod';
import { createBoardResponseSchema, type CreateBoardResponse } from './http.ts';

/** `POST /api/boards/import`: the new board, like `POST /api/boards`, and what could not be brought over. */
export interface ImportBoardResponse extends CreateBoardResponse {
  /** e.g. "The file's comments were not imported: …"; empty when everything came over. */
  readonly warnings: readonly string[];
}

export const importBoardResponseSchema = createBoardResponseSchema.extend({
  warnings: z.array(z.string()),
}) satisfies z.ZodType<ImportBoardResponse>;

/** Response header on every export: whether comment counts and comments are in it. */
export const COMMENTS_INCLUDED_HEADER = 'X-Journeyboard-Comments-Included';
