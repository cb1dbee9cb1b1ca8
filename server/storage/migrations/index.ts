import type { Kysely } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import type { DialectName } from '../dialect.ts';
import { boards } from './0001_boards.ts';
import { checkpoints } from './0002_checkpoints.ts';
import { templates } from './0003_templates.ts';
import { workshop } from './0004_workshop.ts';
import { voting } from './0005_voting.ts';
import { privateWriting } from './0006_privateWriting.ts';
import { boardDocuments } from './0007_boardDocuments.ts';
import { activity } from './0008_activity.ts';
import { people } from './0009_people.ts';
import { boardPeople } from './0010_boardPeople.ts';
import { accounts } from './0011_accounts.ts';
import { kpiMeasurements } from './0012_kpiMeasurements.ts';
import { webhooks } from './0013_webhooks.ts';
import { integrationKeys } from './0014_integrationKeys.ts';
import { evidenceVerbatims } from './0015_evidenceVerbatims.ts';
import { futureStates } from './0016_futureStates.ts';
import { type SchemaBuilder, schemaBuilder } from './schemaBuilder.ts';

/**
 * Every change to the database, in order. Append-only: a migration that has run on some
 * database is never edited or removed (the migrator refuses a list whose applied names are not
 * its prefix); a change is a new entry at the end. No down-migrations: a release that must be
 * undone is undone by a new migration.
 *
 * 0001–0011 write the tables as they were before the migrator, with IF NOT EXISTS and the column
 * upgrades those releases made by hand, so a database made then is adopted in place.
 */
const MIGRATIONS: Readonly<Record<string, (s: SchemaBuilder) => Promise<void>>> = {
  '0001_boards': boards,
  '0002_checkpoints': checkpoints,
  '0003_templates': templates,
  '0004_workshop': workshop,
  '0005_voting': voting,
  '0006_private_writing': privateWriting,
  '0007_board_documents': boardDocuments,
  '0008_activity': activity,
  '0009_people': people,
  '0010_board_people': boardPeople,
  '0011_accounts': accounts,
  '0012_kpi_measurements': kpiMeasurements,
  '0013_webhooks': webhooks,
  '0014_integration_keys': integrationKeys,
  '0015_evidence_verbatims': evidenceVerbatims,
  '0016_future_states': futureStates,
};

/** How many migrations there are: a database migrated to the latest has run this many. */
export const MIGRATION_COUNT = Object.keys(MIGRATIONS).length;

/** The migrator's own bookkeeping tables; backups leave them out. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const;

/** Brings the database to the latest migration, each one in its own transaction. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: async () =>
        Object.fromEntries(
          Object.entries(MIGRATIONS).map(([name, up]): [string, Migration] => [
            name,
            { up: (trx) => up(schemaBuilder(trx, dialect)) },
          ]),
        ),
    },
    // PostgreSQL: the bookkeeping lives in the store's schema (other schemas may hold their own).
    migrationTableSchema: dialect === 'postgres' ? schema : undefined,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }
}
