import type { ServerConfig } from '../config/config.ts';
import { FutureStateRepository } from '../access/FutureStateRepository.ts';
import { AccountRepository } from '../identity/AccountRepository.ts';
import { IdentityRepository } from '../identity/IdentityRepository.ts';
import { IntegrationKeyRepository } from '../kpi/IntegrationKeyRepository.ts';
import { KpiRepository } from '../kpi/KpiRepository.ts';
import { BoardPeopleRepository } from '../people/BoardPeopleRepository.ts';
import { PrivateWritingRepository } from '../privateWriting/PrivateWritingRepository.ts';
import { ActivityRepository } from '../storage/ActivityRepository.ts';
import { BoardDocumentRepository } from '../storage/BoardDocumentRepository.ts';
import { BoardRepository } from '../storage/BoardRepository.ts';
import { CheckpointRepository } from '../storage/CheckpointRepository.ts';
import { Database, type PostgresOptions } from '../storage/database.ts';
import { WorkshopStateRepository } from '../storage/WorkshopStateRepository.ts';
import { TemplateRepository } from '../templates/TemplateRepository.ts';
import { VotingRepository } from '../voting/VotingRepository.ts';
import { WebhookRepository } from '../webhooks/WebhookRepository.ts';

/**
 * Every repository, over one database. Each owns its tables (server/storage/migrations/) and is
 * handed to the services that need it (createServer.ts); none knows another's tables except
 * through the foreign keys to `boards`.
 */
export type Repositories = Readonly<ReturnType<typeof repositoriesOf>>;

function repositoriesOf(database: Database) {
  return {
    database,
    boards: new BoardRepository(database),
    checkpoints: new CheckpointRepository(database),
    /** A board's other documents (its comments). */
    documents: new BoardDocumentRepository(database),
    activity: new ActivityRepository(database),
    workshop: new WorkshopStateRepository(database),
    templates: new TemplateRepository(database),
    voting: new VotingRepository(database),
    privateWriting: new PrivateWritingRepository(database),
    identities: new IdentityRepository(database),
    boardPeople: new BoardPeopleRepository(database),
    accounts: new AccountRepository(database),
    /** KPI series: every dated measurement of every KPI. */
    kpi: new KpiRepository(database),
    /** Board integration keys (hashes) for the measurement ingest. */
    integrationKeys: new IntegrationKeyRepository(database),
    webhooks: new WebhookRepository(database),
    /** Which board is the future state of which (access follows the current board's links). */
    futureStates: new FutureStateRepository(database),
    close: (): Promise<void> => database.close(),
  };
}

/** The embedded SQLite database in `dataDir` (created if missing), migrated. */
export async function openSqliteRepositories(dataDir: string): Promise<Repositories> {
  return repositoriesOf(await Database.openSqlite(dataDir));
}

export async function openPostgresRepositories(options: PostgresOptions): Promise<Repositories> {
  return repositoriesOf(await Database.openPostgres(options));
}

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded SQLite file under DATA_DIR. */
export async function openConfiguredRepositories(
  config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'databaseSchema'>,
): Promise<Repositories> {
  if (config.databaseUrl)
    return openPostgresRepositories({ connectionString: config.databaseUrl, schema: config.databaseSchema });
  return openSqliteRepositories(config.dataDir);
}
