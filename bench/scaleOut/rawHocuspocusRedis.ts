/** Baseline for several instances: a plain Hocuspocus 4 server with only `@hocuspocus/extension-redis`. */
import { Redis } from '@hocuspocus/extension-redis';
import { Server } from '@hocuspocus/server';

const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const server = new Server({
  port: 0,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new Redis({ host: url.hostname, port: Number(url.port), prefix: process.env.REDIS_PREFIX ?? 'raw' })],
});
await server.listen();
console.log(`listening on ${server.address.port}`);
process.on('SIGTERM', () => void server.destroy().then(() => process.exit(0)));
