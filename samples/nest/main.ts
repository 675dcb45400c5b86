/**
 * Runs the NestJS sample: `npm run build && npm run build:samples && node dist-samples/nest/main.js`.
 * Starts DynamoDB Local unless DKMIO_ENDPOINT is set, creates the orders table and serves on
 * PORT (default 3000) until Ctrl-C. TABLE_PREFIX is prepended to table names.
 */
import { DkmioClient } from 'dkmio';
import { startLocalDynamo, type LocalDynamo } from 'dkmio/testing';
import { createNestApp } from './app';
import { Order } from './orders/order.entity';

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
  // Tables belong to infrastructure code in production; creating them here keeps the sample one command.
  await app.get(DkmioClient).createTables([Order]);
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
