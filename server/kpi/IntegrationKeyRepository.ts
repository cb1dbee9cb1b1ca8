import { Repository } from '../storage/Repository.ts';

/** A board integration key as stored: never the key itself, only its hash and first characters. */
export interface StoredIntegrationKey {
  readonly id: string;
  readonly boardId: string;
  readonly name: string;
  /** The key's first characters (`jbk_Ab3x`), shown so people can tell keys apart. */
  readonly prefix: string;
  /** Hex SHA-256 of the whole key. */
  readonly keyHash: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

interface IntegrationKeyTables {
  integration_keys: StoredIntegrationKey;
}

/** Board integration keys (table: migrations/0014_integrationKeys.ts). */
export class IntegrationKeyRepository extends Repository<IntegrationKeyTables> {
  async add(key: StoredIntegrationKey): Promise<void> {
    await this.db.insertInto('integration_keys').values(key).execute();
  }

  /** The board's keys, oldest first. */
  async list(boardId: string): Promise<StoredIntegrationKey[]> {
    return this.db
      .selectFrom('integration_keys')
      .selectAll()
      .where('boardId', '=', boardId)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  /** The key whose hash this is, of whichever board; null for none (never made, or revoked). */
  async byHash(keyHash: string): Promise<StoredIntegrationKey | null> {
    return (
      (await this.db.selectFrom('integration_keys').selectAll().where('keyHash', '=', keyHash).executeTakeFirst()) ??
      null
    );
  }

  async markUsed(id: string, at: number): Promise<void> {
    await this.db.updateTable('integration_keys').set({ lastUsedAt: at }).where('id', '=', id).execute();
  }

  /** Revoking deletes the row: the key stops working at once. False if the board has no such key. */
  async revoke(boardId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('integration_keys')
      .where('boardId', '=', boardId)
      .where('id', '=', id)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
