/** Baseline: a plain Hocuspocus 4 server with no extensions (documents live in memory). */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true });
await server.listen();
console.log(`listening on ${server.address.port}`);
process.on('SIGTERM', () => void server.destroy().then(() => process.exit(0)));
