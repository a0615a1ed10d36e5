/**
 * Runs the fake Voyage server on its own until killed, for trying the product or `npm run kb -- eval` against it:
 *   npx ts-node --transpile-only test/servers/voyage/serve.ts [port]
 * then VOYAGE_API_KEY=pa-test VOYAGE_BASE_URL=<printed url>.
 */
import { FakeVoyageServer } from './fake-voyage.server';

const server = new FakeVoyageServer();
server.listen(Number(process.argv[2] ?? 0)).then(() => process.stdout.write(`${server.url}\n`));
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
