import { ConfigError, readConfig } from './config/config.ts';
import { createServer } from './createServer.ts';
import { log, setLogLevel } from './observability/log.ts';

/**
 * Entry point: `node server/main.ts` (and `npm start`, through start.ts). Reads the environment,
 * starts, prints one `Journeyboard listening on <url>` line (the e2e fixture parses it), and on
 * SIGTERM/SIGINT stores every loaded board, closes connections and the database, exits 0.
 */

// Hocuspocus fires some hooks without awaiting them (onChange, onAwarenessUpdate); a failure
// there must be logged, not take every board down with the process.
process.on('unhandledRejection', (reason) => {
  log.error({ err: reason }, 'unhandled rejection (still running)');
});

async function main(): Promise<void> {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message); // a person reads this at start-up: plain text
    process.exit(1);
  }
  setLogLevel(config.logLevel ?? 'info');

  const app = await createServer(config, { processMetrics: true });
  // Plain text, first: people read it, and the e2e fixture and tests parse it. Logs are JSON lines.
  console.log(`Journeyboard listening on ${app.url}`);
  log.info(
    {
      url: app.url,
      store: config.databaseUrl ? 'postgresql' : 'sqlite',
      instances: config.redisUrl ? 'several (Redis)' : 'one',
    },
    'listening',
  );

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return; // a second Ctrl-C while saving: the first one finishes the job
    stopping = true;
    log.info({ signal }, 'storing boards and stopping');
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'could not start');
  process.exit(1);
});
