/**
 * Runs the Express sample: `npm run build && npm run build:samples && node dist-samples/express/main.js`.
 * Starts DynamoDB Local unless DKMIO_ENDPOINT is set, creates the users table and serves on
 * PORT (default 3000) until Ctrl-C. With EXISTING_APP=1 it runs the "existing SDK client" variant;
 * TABLE_PREFIX is prepended to table names.
 */
import type { AddressInfo } from 'node:net';
import { startLocalDynamo, type LocalDynamo } from 'dkmio/testing';
import { createDocumentClient, createExistingApp } from './existing-app';
import { createApp } from './new-app';
import { User } from './user.entity';

async function run(): Promise<void> {
  let local: LocalDynamo | undefined;
  const endpoint = process.env['DKMIO_ENDPOINT'] ?? (local = await startLocalDynamo()).endpoint;
  const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const prefix = process.env['TABLE_PREFIX'] ?? '';
  const { app, db } = process.env['EXISTING_APP'] ? createExistingApp(createDocumentClient(config), prefix) : createApp({ ...config, tableNamePrefix: prefix });
  await db.createTables([User]);

  const port = Number(process.env['PORT'] ?? 3000);
  const server = app.listen(port, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    console.log(`Listening on ${url} (DynamoDB at ${endpoint})`);
    console.log(`  curl -X POST ${url}/users -H 'content-type: application/json' -d '{"userId":"u1","name":"Ana"}'`);
    console.log(`  curl ${url}/users/u1`);
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
