import { openConfiguredRepositories, type Repositories } from '../repositories/Repositories.ts';
import { readConfig } from '../config/config.ts';

/** The store the server would use (DATABASE_URL, else SQLite under DATA_DIR), for operator commands. */
export async function openStoreFromEnvironment(): Promise<{ store: Repositories; where: string }> {
  const config = readConfig();
  const store = await openConfiguredRepositories(config);
  return {
    store,
    where: config.databaseUrl
      ? `PostgreSQL (schema ${config.databaseSchema ?? 'public'})`
      : `SQLite in ${config.dataDir}`,
  };
}

/** Runs an operator command: prints its error and exits 1 on failure. */
export function runCommand(usage: string, fn: (args: string[]) => Promise<void>): void {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  fn(args).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
