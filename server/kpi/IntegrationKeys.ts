import crypto from 'node:crypto';
import {
  INTEGRATION_KEY_LIMITS,
  INTEGRATION_KEY_PREFIX,
  type IntegrationKeyCreated,
  type IntegrationKeyView,
} from '../../shared/protocol/integrationKeys.ts';
import { randomId } from '../../shared/schema/ids.ts';
import { TokenBucket } from '../live/tokenBucket.ts';
import type { IntegrationKeyRepository, StoredIntegrationKey } from './IntegrationKeyRepository.ts';

export interface IntegrationKeysOptions {
  readonly repository: IntegrationKeyRepository;
  readonly now?: () => number;
  /** Requests a key may send in a burst, and how many a second refill (per key, per instance). */
  readonly burst?: number;
  readonly ratePerSecond?: number;
}

/** Why a presented key was not taken. */
export type KeyRefusal =
  | { readonly code: 'unknown-key' }
  | { readonly code: 'other-board' }
  | { readonly code: 'rate-limited'; readonly retryAfterSeconds: number };

const PREFIX_SHOWN = INTEGRATION_KEY_PREFIX.length + 6;

/**
 * A board's integration keys: made by a facilitator, shown once, kept as a SHA-256 (a key is
 * 32 random bytes, so nobody can search for one from its hash; a slow hash would only slow every
 * ingest), scoped to one board, and rate-limited per key so a runaway job cannot flood the board.
 * The buckets live in this instance: with several instances a key gets each one's budget.
 */
export class IntegrationKeys {
  readonly #repository: IntegrationKeyRepository;
  readonly #now: () => number;
  readonly #burst: number;
  readonly #rate: number;
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(options: IntegrationKeysOptions) {
    this.#repository = options.repository;
    this.#now = options.now ?? Date.now;
    this.#burst = options.burst ?? 30;
    this.#rate = options.ratePerSecond ?? 0.5;
  }

  async create(boardId: string, name: string): Promise<IntegrationKeyCreated | null> {
    if ((await this.#repository.list(boardId)).length >= INTEGRATION_KEY_LIMITS.perBoard) return null;
    const secret = `${INTEGRATION_KEY_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
    const stored: StoredIntegrationKey = {
      id: `ik_${randomId(16)}`,
      boardId,
      name,
      prefix: secret.slice(0, PREFIX_SHOWN),
      keyHash: hashOf(secret),
      createdAt: this.#now(),
      lastUsedAt: null,
    };
    await this.#repository.add(stored);
    return { key: view(stored), secret };
  }

  async list(boardId: string): Promise<IntegrationKeyView[]> {
    return (await this.#repository.list(boardId)).map(view);
  }

  async revoke(boardId: string, keyId: string): Promise<boolean> {
    this.#buckets.delete(keyId);
    return this.#repository.revoke(boardId, keyId);
  }

  /** Takes a presented key for a request on `boardId`: it must exist, be this board's, and have budget left. */
  async authorise(boardId: string, presented: string): Promise<StoredIntegrationKey | KeyRefusal> {
    const key = await this.#repository.byHash(hashOf(presented));
    if (!key) return { code: 'unknown-key' };
    if (key.boardId !== boardId) return { code: 'other-board' };
    const now = this.#now();
    let bucket = this.#buckets.get(key.id);
    if (!bucket) {
      bucket = new TokenBucket(this.#rate, this.#burst, now);
      this.#buckets.set(key.id, bucket);
    }
    if (!bucket.take(now)) return { code: 'rate-limited', retryAfterSeconds: Math.ceil(bucket.waitMs(now) / 1000) };
    await this.#repository.markUsed(key.id, now);
    return key;
  }
}

function hashOf(key: string): string {
  return crypto.createHash('sha256').update(key).digest('hex');
}

function view(key: StoredIntegrationKey): IntegrationKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: new Date(key.createdAt).toISOString(),
    lastUsedAt: key.lastUsedAt === null ? null : new Date(key.lastUsedAt).toISOString(),
  };
}
