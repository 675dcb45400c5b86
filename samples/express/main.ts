/**
 * Runs the Express blog API: `npm run build && npm run build:samples && node dist-samples/express/main.js`.
 * Starts DynamoDB Local unless DKMIO_ENDPOINT is set, creates the missing tables and serves on
 * PORT (default 3000) until Ctrl-C. With EXISTING_APP=1 it runs the "existing SDK client" variant;
 * TABLE_PREFIX is prepended to table names; CURSOR_SECRET seals the page cursors.
 */
import type { AddressInfo } from 'node:net';
import { startLocalDynamo, type LocalDynamo } from 'dkmio/testing';
import { BLOG_ENTITIES } from '../blog/entities';
import { createDocumentClient, createExistingApp } from './existing-app';
import { createApp } from './new-app';

async function run(): Promise<void> {
  let local: LocalDynamo | undefined;
  const endpoint = process.env['DKMIO_ENDPOINT'] ?? (local = await startLocalDynamo()).endpoint;
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const prefix = process.env['TABLE_PREFIX'] ?? '';
  const { app, db } = process.env['EXISTING_APP']
    ? createExistingApp(createDocumentClient(config), prefix)
    : createApp({ ...config, tableNamePrefix: prefix });
  // Tables belong to infrastructure code in production; creating the missing ones keeps the sample one command.
  await db.createTables(BLOG_ENTITIES);

  const port = Number(process.env['PORT'] ?? 3000);
  const server = app.listen(port, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    console.log(`Listening on ${url} (DynamoDB at ${endpoint})`);
    console.log(
      `  curl -X POST ${url}/users -H 'content-type: application/json' -d '{"email":"ana@example.com","name":"Ana","credits":10}'`,
    );
    console.log(`  curl '${url}/users?credits__gte=5&limit=10'`);
  });
  const stop = (): void => {
    server.close();
    db.destroy();
    void local?.stop();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
