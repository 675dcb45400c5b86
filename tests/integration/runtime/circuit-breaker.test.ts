import 'reflect-metadata';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CircuitOpenError, DkmioClient, DkmioError, PartitionKey, Table, TableNotFoundError } from '../../../src';
import { startLocalDynamo, type LocalDynamo } from '../../../src/testing';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { testEndpoint, uniqueTableName } from '../../support/local';
import { createRawTable } from '../../support/raw-tables';

@Table('orders')
class Order {
  @PartitionKey() id!: string;
  total?: number;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = 'us-east-1';
let server: LocalDynamo | undefined;
let proxy: FaultProxy | undefined;
const clients: { destroy(): void }[] = [];

function raw(endpoint: string): DynamoDBClient {
  const c = new DynamoDBClient({ endpoint, region, credentials });
  clients.push(c);
  return c;
}

afterAll(async () => {
  for (const c of clients) c.destroy();
  await proxy?.close();
  // Never leave a JVM behind.
  await server?.stop();
});

test('opens after the threshold when the server stops, refuses at once while open, and closes once the server is back', async () => {
  // A second DynamoDB Local of our own, so stopping it affects no other test.
  server = await startLocalDynamo();
  proxy = await startFaultProxy({ target: server.endpoint });
  const prefix = `${uniqueTableName('cb')}-`;
  await createRawTable(raw(server.endpoint), `${prefix}orders`, ['id', 'S']);
  let now = 1_000;
  const db = new DkmioClient({
    endpoint: proxy.endpoint,
    tableNamePrefix: prefix,
    region,
    credentials,
    clientConfig: { maxAttempts: 1 },
    circuitBreaker: { failureThreshold: 3, recoveryTimeoutMs: 10_000, clock: () => now },
  });
  clients.push(db);
  const orders = db.getRepository(Order);
  await orders.put({ id: 'o1', total: 1 });
  expect(await orders.get({ id: 'o1' })).toMatchObject({ total: 1 });
  expect(db.circuitBreaker.state).toBe('closed');

  await server.stop();
  // Network failures (the proxy cannot reach the server): the third one opens the circuit.
  for (let i = 0; i < 3; i++) {
    const error = await orders.get({ id: 'o1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DkmioError);
    expect(error).not.toBeInstanceOf(CircuitOpenError);
  }
  expect(proxy.counts.byFault['upstream_down']).toBe(3);
  expect(db.circuitBreaker.state).toBe('open');

  // Open: every kind of call is refused at once, and nothing reaches the proxy.
  const received = proxy.counts.received;
  now += 2_500;
  const refused = (await orders.get({ id: 'o1' }).catch((e: unknown) => e)) as CircuitOpenError;
  expect(refused).toBeInstanceOf(CircuitOpenError);
  expect(refused.retryAfterMs).toBe(7_500);
  expect(refused.message).toMatch(/next probe request is let through in 7\.5 s/);
  await expect(orders.put({ id: 'o2' })).rejects.toThrow(CircuitOpenError);
  await expect(orders.query({ id: 'o1' }).execute()).rejects.toThrow(CircuitOpenError);
  await expect(orders.batchGet([{ id: 'o1' }])).rejects.toThrow(CircuitOpenError);
  await expect(db.transactGet((tx) => [tx.get(orders, { id: 'o1' })])).rejects.toThrow(CircuitOpenError);
  const batchError = await orders.batchWrite((b) => void b.put({ id: 'o3' })).catch((e: unknown) => e);
  expect((batchError as { cause?: unknown }).cause).toBeInstanceOf(CircuitOpenError);
  expect(proxy.counts.received).toBe(received);

  // After the recovery timeout one probe goes; the server is still down, so it opens again.
  now += 7_500;
  expect(db.circuitBreaker.state).toBe('half_open');
  await expect(orders.get({ id: 'o1' })).rejects.not.toThrow(CircuitOpenError);
  expect(proxy.counts.received).toBe(received + 1);
  expect(db.circuitBreaker.state).toBe('open');
  await expect(orders.get({ id: 'o1' })).rejects.toThrow(CircuitOpenError);

  // A server answers again behind the same proxy address: the suite's shared DynamoDB Local,
  // which (like a server restarted in memory) has no table of this test yet. Reusing it saves
  // starting a third JVM on a shared machine.
  proxy.setTarget(testEndpoint());
  now += 10_000;
  // The probe is slowed down so the test can show that other calls are refused meanwhile.
  proxy.setRules([{ fault: 'delay', rate: 1, delayMs: 300 }]);
  const probe = orders.get({ id: 'o1' }).catch((e: unknown) => e);
  await expect(orders.get({ id: 'o1' })).rejects.toThrow(/probe request is still in flight/);
  // The new server has no table: a client error, but an answer from DynamoDB, so it closes.
  expect(await probe).toBeInstanceOf(TableNotFoundError);
  expect(db.circuitBreaker.state).toBe('closed');
  proxy.setRules([]);

  await createRawTable(raw(testEndpoint()), `${prefix}orders`, ['id', 'S']);
  await orders.put({ id: 'o1', total: 2 });
  expect(await orders.get({ id: 'o1' })).toMatchObject({ total: 2 });
}, 120_000);

test('circuitBreaker: false never refuses', async () => {
  const down = await startFaultProxy({ target: 'http://127.0.0.1:9' });
  try {
    const db = new DkmioClient({
      endpoint: down.endpoint,
      region,
      credentials,
      clientConfig: { maxAttempts: 1 },
      circuitBreaker: false,
    });
    clients.push(db);
    for (let i = 0; i < 7; i++)
      await expect(db.getRepository(Order).get({ id: 'x' })).rejects.not.toThrow(CircuitOpenError);
    expect(down.counts.received).toBe(7);
    expect(db.circuitBreaker.state).toBe('closed');
  } finally {
    await down.close();
  }
});
