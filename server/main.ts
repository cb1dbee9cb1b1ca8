import { ConfigError, readConfig } from './config.ts';
import { createServer } from './createServer.ts';

/**
 * Entry point: `node server/main.ts` (and `npm start`, through start.ts). Reads the environment,
 * starts, prints one `Journeyboard listening on <url>` line (the e2e fixture parses it), and on
 * SIGTERM/SIGINT stores every loaded board, closes connections and the database, exits 0.
 */

// Hocuspocus fires some hooks without awaiting them (onChange, onAwarenessUpdate); a failure
// there must be logged, not take every board down with the process.
process.on('unhandledRejection', (reason) => {
  console.error('[server] unhandled rejection (still running):', reason);
});

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }

  const app = await createServer(config);
  console.log(`Journeyboard listening on ${app.url}`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return; // a second Ctrl-C while saving: the first one finishes the job
    stopping = true;
    console.log(`Received ${signal}: storing boards and stopping…`);
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      console.error('[server] shutdown failed:', error);
      process.exit(1);
    }
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

main().catch((error: unknown) => {
  console.error('[server] could not start:', error);
  process.exit(1);
});
