import type { DeliveryState, WebhookEvent } from '../../shared/protocol/webhooks.ts';
import { Repository } from '../storage/Repository.ts';

export interface StoredWebhook {
  readonly id: string;
  readonly boardId: string;
  readonly url: string;
  /** JSON array of WebhookEvent. */
  readonly events: string;
  readonly secretSealed: Uint8Array;
  readonly createdAt: number;
}

export interface StoredDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly boardId: string;
  readonly event: WebhookEvent;
  /** The JSON body exactly as it is signed and sent, on every attempt. */
  readonly body: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly createdAt: number;
  readonly nextAttemptAt: number | null;
  /** An instance sending it holds it until then; 0 when nobody does. */
  readonly leaseUntil: number;
  readonly deliveredAt: number | null;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
}

/** What one attempt changed. */
export type AttemptOutcome = Pick<
  StoredDelivery,
  'state' | 'attempts' | 'nextAttemptAt' | 'deliveredAt' | 'lastStatus' | 'lastError'
>;

interface WebhookTables {
  webhooks: StoredWebhook;
  webhook_deliveries: StoredDelivery;
}

/** Webhooks and their delivery log (table: migrations/0013_webhooks.ts). */
export class WebhookRepository extends Repository<WebhookTables> {
  async addWebhook(webhook: StoredWebhook): Promise<void> {
    await this.db.insertInto('webhooks').values(webhook).execute();
  }

  /** The board's webhooks, oldest first. */
  async listWebhooks(boardId: string): Promise<StoredWebhook[]> {
    return this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('boardId', '=', boardId)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  async getWebhook(boardId: string, id: string): Promise<StoredWebhook | null> {
    return (
      (await this.db
        .selectFrom('webhooks')
        .selectAll()
        .where('boardId', '=', boardId)
        .where('id', '=', id)
        .executeTakeFirst()) ?? null
    );
  }

  /** Removes a webhook and its delivery log; false if the board has no such webhook. */
  async deleteWebhook(boardId: string, id: string): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('webhook_deliveries').where('webhookId', '=', id).where('boardId', '=', boardId).execute();
      const result = await tx
        .deleteFrom('webhooks')
        .where('boardId', '=', boardId)
        .where('id', '=', id)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    });
  }

  async setSecret(boardId: string, id: string, secretSealed: Uint8Array): Promise<boolean> {
    const result = await this.db
      .updateTable('webhooks')
      .set({ secretSealed })
      .where('boardId', '=', boardId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async addDeliveries(deliveries: readonly StoredDelivery[]): Promise<void> {
    if (deliveries.length > 0)
      await this.db
        .insertInto('webhook_deliveries')
        .values([...deliveries])
        .execute();
  }

  /** Pending deliveries due at `now` of webhooks none of whose deliveries is held (an attempt in flight). */
  private claimable(now: number) {
    return this.db
      .selectFrom('webhook_deliveries')
      .where('state', '=', 'pending')
      .where('nextAttemptAt', '<=', now)
      .where('leaseUntil', '<=', now)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_deliveries as held')
              .select('held.id')
              .whereRef('held.webhookId', '=', 'webhook_deliveries.webhookId')
              .where('held.leaseUntil', '>', now),
          ),
        ),
      );
  }

  /**
   * Webhooks with a pending delivery that is due, none of whose deliveries is held (an attempt in
   * flight, here or on another instance), most overdue first, leaving out `busy` (those this
   * instance is sending to already): each is one receiver's queue.
   */
  async dueWebhooks(now: number, busy: readonly string[], limit: number): Promise<string[]> {
    let query = this.claimable(now)
      .select('webhookId')
      .select((eb) => eb.fn.min('nextAttemptAt').as('due'));
    if (busy.length > 0) query = query.where('webhookId', 'not in', [...busy]);
    const rows = await query.groupBy('webhookId').orderBy('due').orderBy('webhookId').limit(limit).execute();
    return rows.map((r) => r.webhookId);
  }

  /**
   * Takes the webhook's oldest due delivery for `leaseMs`, unless one of its deliveries is held
   * (by another instance): one attempt at a time per receiver, in the order the events happened.
   * The row is taken with a compare-and-set on its lease, so two instances never send one twice;
   * null when nothing is due or another claimer won.
   */
  async claimNext(webhookId: string, now: number, leaseMs: number): Promise<StoredDelivery | null> {
    const next = await this.claimable(now)
      .selectAll()
      .where('webhookId', '=', webhookId)
      .orderBy('createdAt')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return null;
    const taken = await this.db
      .updateTable('webhook_deliveries')
      .set({ leaseUntil: now + leaseMs })
      .where('id', '=', next.id)
      .where('leaseUntil', '=', next.leaseUntil)
      .executeTakeFirst();
    return taken.numUpdatedRows > 0n ? { ...next, leaseUntil: now + leaseMs } : null;
  }

  /** Records an attempt and lets go of the lease. */
  async recordAttempt(id: string, outcome: AttemptOutcome): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ ...outcome, leaseUntil: 0 })
      .where('id', '=', id)
      .execute();
  }

  /** A webhook's delivery log, newest first. */
  async listDeliveries(boardId: string, webhookId: string, limit: number): Promise<StoredDelivery[]> {
    return this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('boardId', '=', boardId)
      .where('webhookId', '=', webhookId)
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  async getDelivery(boardId: string, id: string): Promise<StoredDelivery | null> {
    return (
      (await this.db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('boardId', '=', boardId)
        .where('id', '=', id)
        .executeTakeFirst()) ?? null
    );
  }

  /** Forgets finished deliveries older than `before` (the log keeps a few weeks). */
  async pruneDeliveries(before: number): Promise<number> {
    const result = await this.db
      .deleteFrom('webhook_deliveries')
      .where('state', '!=', 'pending')
      .where('createdAt', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
