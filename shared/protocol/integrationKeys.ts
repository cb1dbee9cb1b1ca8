import { z } from 'zod';

/**
 * Board integration keys (docs/api.md, "Integration keys"): a facilitator makes one per job that
 * feeds the board; the job sends it as `Authorization: Bearer jbk_…` to
 * `POST /api/boards/:id/measurements`. The key is shown once; the server keeps its hash.
 */
export const INTEGRATION_KEY_PREFIX = 'jbk_';

export const INTEGRATION_KEY_LIMITS = { nameLength: 60, perBoard: 20 } as const;

export function integrationKeysPath(boardId: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/integration-keys`;
}

export function integrationKeyPath(boardId: string, keyId: string): string {
  return `${integrationKeysPath(boardId)}/${encodeURIComponent(keyId)}`;
}

/** Whether a bearer token is an integration key rather than a share link's token. */
export function isIntegrationKey(token: string): boolean {
  return token.startsWith(INTEGRATION_KEY_PREFIX);
}

/** `POST /api/boards/:id/integration-keys` body. */
export const createIntegrationKeyRequestSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the key after the job that uses it, such as "Nightly BI export"')
    .max(INTEGRATION_KEY_LIMITS.nameLength, `A key name has at most ${INTEGRATION_KEY_LIMITS.nameLength} characters`),
});

/** A key as the facilitator sees it: never the key itself. */
export interface IntegrationKeyView {
  readonly id: string;
  readonly name: string;
  /** The key's first characters, to tell keys apart (`jbk_Ab3xQ9`). */
  readonly prefix: string;
  readonly createdAt: string;
  /** When a job last sent it; null for never. */
  readonly lastUsedAt: string | null;
}

export const integrationKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
}) satisfies z.ZodType<IntegrationKeyView>;

export interface IntegrationKeyCreated {
  readonly key: IntegrationKeyView;
  /** `jbk_…`: shown in this answer only; the server keeps a hash and cannot show it again. */
  readonly secret: string;
}

export const integrationKeyCreatedSchema = z.object({
  key: integrationKeyViewSchema,
  secret: z.string(),
}) satisfies z.ZodType<IntegrationKeyCreated>;
