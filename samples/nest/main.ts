/**
 * Runs the NestJS blog API: `npm run build && npm run build:samples && node dist-samples/nest/main.js`.
 * Starts DynamoDB Local unless DKMIO_ENDPOINT is set; DkmioModule creates the missing tables at
 * start-up (createTables: true); serves on PORT (default 3000) until Ctrl-C. TABLE_PREFIX is
 * prepended to table names; CURSOR_SECRET seals the page cursors.
 */
import { startLocalDynamo, type LocalDynamo } from 'dkmio/testing';
import { createNestApp } from './app';

async function run(): Promise<void> {
  const given = process.env['DKMIO_ENDPOINT'];
  const local: LocalDynamo | undefined = given ? undefined : await startLocalDynamo();
  const endpoint = given ?? local!.endpoint;
  const app = await createNestApp({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    tableNamePrefix: process.env['TABLE_PREFIX'],
  });
  await app.listen(Number(process.env['PORT'] ?? 3000), '127.0.0.1');
  console.log(`Listening on ${await app.getUrl()} (DynamoDB at ${endpoint})`);
  // app.close() runs the shutdown hooks, in which DkmioModule destroys the client.
  const shutdown = async (): Promise<void> => {
    await app.close();
    await local?.stop();
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
