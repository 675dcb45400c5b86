/**
 * `BatchWriteError.unprocessed[i].maybeApplied` against the ground truth: a raw scan of DynamoDB
 * Local (the low-level SDK client, not dkmio) says which writes really are stored. A loopback
 * fault proxy loses answers (`reset_after`: forwarded, applied, then the connection reset),
 * drops requests (`reset`: never forwarded) or throttles them; a breaker with threshold 1 then
 * refuses the retry, the case where the "may have been applied" knowledge used to be erased.
 */
import 'reflect-metadata';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteError, CircuitOpenError, DkmioClient, PartitionKey, Table, ThrottlingError } from '../../../../src';
import { startFaultProxy, type FaultKind, type FaultProxy } from '../../../support/fault-proxy';
import { testClientConfig, testEndpoint, uniqueTableName } from '../../../support/local';
import { createRawTable, rawClient } from '../../../support/raw-tables';

@Table('writes')
class Write {
  @PartitionKey() id!: string;
  n?: number;
}

const prefix = `${uniqueTableName('maybe')}-`;
const raw = rawClient();
let proxy: FaultProxy;
const clients: DkmioClient[] = [];

beforeAll(async () => {
  await createRawTable(raw, `${prefix}writes`, ['id', 'S']);
  proxy = await startFaultProxy({ target: testEndpoint(), seed: 11 });
});

afterEach(() => proxy.setRules([]));

afterAll(async () => {
  for (const c of clients) c.destroy();
  raw.destroy();
  await proxy.close();
});

/** Ids stored under a group, by a raw Scan straight at DynamoDB Local (no proxy, no dkmio). */
async function rawStoredIds(group: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let ExclusiveStartKey: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue> | undefined;
  do {
    const page = await raw.send(
      new ScanCommand({ TableName: `${prefix}writes`, ConsistentRead: true, ExclusiveStartKey }),
    );
    for (const item of page.Items ?? []) if (item['id'].S!.startsWith(`${group}-`)) ids.add(item['id'].S!);
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return ids;
}

/** Ten writes through the proxy with one fault on every BatchWriteItem, and a breaker that opens at the first failure. */
async function tenWritesWith(fault: FaultKind, group: string): Promise<BatchWriteError> {
  const db = new DkmioClient({
    ...testClientConfig(),
    endpoint: proxy.endpoint,
    tableNamePrefix: prefix,
    clientConfig: { maxAttempts: 1 },
    circuitBreaker: { failureThreshold: 1, recoveryTimeoutMs: 60_000 },
    batch: { maxAttempts: 3, baseDelayMs: 1 },
  });
  clients.push(db);
  proxy.setRules([{ fault, rate: 1, operations: ['BatchWriteItem'] }]);
  const error = await db
    .getRepository(Write)
    .batchWrite((b) => {
      for (let i = 0; i < 10; i++) b.put({ id: `${group}-${i}`, n: i });
    })
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  proxy.setRules([]);
  expect(error).toBeInstanceOf(BatchWriteError);
  // The retry was refused by the open breaker: the batch stopped there.
  expect((error as BatchWriteError).cause).toBeInstanceOf(CircuitOpenError);
  return error as BatchWriteError;
}

describe('BatchWriteError.unprocessed[i].maybeApplied, checked against a raw scan', () => {
  it('answer lost after DynamoDB applied the writes, then the breaker refuses the retry: all 10 stored, all 10 maybeApplied', async () => {
    const error = await tenWritesWith('reset_after', 'lost');
    const stored = await rawStoredIds('lost');
    expect(stored.size).toBe(10);
    expect(error.unprocessed).toHaveLength(10);
    expect(error.unprocessed.every((u) => u.maybeApplied)).toBe(true);
    // The message agrees with the flags: it no longer says "not done" about stored writes.
    expect(error.message).toMatch(/10 of 10 writes are not known to be done \(0 not applied; 10 may have been applied/);
    expect(error.message).not.toMatch(/writes were not done/);
  });

  it('a reset before forwarding: nothing stored, but dkmio cannot know that, so maybeApplied stays honest (true)', async () => {
    const error = await tenWritesWith('reset', 'dropped');
    expect((await rawStoredIds('dropped')).size).toBe(0);
    expect(error.unprocessed.map((u) => u.maybeApplied)).toEqual(Array(10).fill(true));
  });

  it('a throttled request was refused before anything was written: nothing stored, maybeApplied false, "not done"', async () => {
    const error = await tenWritesWith('throttle', 'throttled');
    expect((await rawStoredIds('throttled')).size).toBe(0);
    expect(error.unprocessed.map((u) => u.maybeApplied)).toEqual(Array(10).fill(false));
    expect(error.message).toMatch(/10 of 10 writes were not done/);
    expect(error.cause).not.toBeInstanceOf(ThrottlingError);
  });

  it('every write flagged maybeApplied false is really absent; every stored reported write is flagged (mixed faults, 500 writes)', async () => {
    const db = new DkmioClient({
      ...testClientConfig(),
      endpoint: proxy.endpoint,
      tableNamePrefix: prefix,
      clientConfig: { maxAttempts: 1 },
      circuitBreaker: false,
      batch: { maxAttempts: 2, baseDelayMs: 1, concurrency: 4 },
    });
    clients.push(db);
    proxy.setRules([
      { fault: 'reset_after', rate: 0.3, operations: ['BatchWriteItem'] },
      { fault: 'throttle', rate: 0.3, operations: ['BatchWriteItem'] },
      { fault: 'unprocessed', rate: 0.3, operations: ['BatchWriteItem'], fraction: 0.5 },
    ]);
    const error = (await db
      .getRepository(Write)
      .batchWrite((b) => {
        for (let i = 0; i < 500; i++) b.put({ id: `mixed-${String(i).padStart(3, '0')}`, n: i });
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as BatchWriteError;
    proxy.setRules([]);
    expect(error).toBeInstanceOf(BatchWriteError);
    const stored = await rawStoredIds('mixed');
    const reported = error.unprocessed.map((u) => ({
      id: (u as unknown as { item: Write }).item.id,
      maybeApplied: u.maybeApplied,
    }));
    expect(reported.some((r) => r.maybeApplied)).toBe(true);
    expect(reported.some((r) => !r.maybeApplied)).toBe(true);
    for (const r of reported) if (!r.maybeApplied) expect(stored.has(r.id)).toBe(false);
    for (const r of reported) if (stored.has(r.id)) expect(r.maybeApplied).toBe(true);
    // Nothing lost: every write is stored or reported.
    const reportedIds = new Set(reported.map((r) => r.id));
    for (let i = 0; i < 500; i++) {
      const id = `mixed-${String(i).padStart(3, '0')}`;
      expect(stored.has(id) || reportedIds.has(id)).toBe(true);
    }
  });
});
