import 'reflect-metadata';
import {
  BatchWriteError,
  DkmioClient,
  DkmioError,
  PartitionKey,
  Table,
  ThrottlingError,
  TransactionError,
  type DkmioClientOptions,
} from '../../../src';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../../support/fault-proxy';
import { testClientConfig, testEndpoint, uniqueTableName } from '../../support/local';
import { createRawTable, rawClient } from '../../support/raw-tables';

@Table('events')
class Event {
  @PartitionKey() id!: string;
  seq?: number;
  payload?: string;
}

@Table('accounts')
class Account {
  @PartitionKey() id!: string;
  balance?: number;
  status?: string;
}

const prefix = `${uniqueTableName('fi')}-`;
const raw = rawClient();
/** Talks to DynamoDB Local directly: the ground truth the faulty runs are checked against. */
const truth = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
let proxy: FaultProxy;
const clients: DkmioClient[] = [];

/** A third of all requests fail before DynamoDB sees them: throttled, a 500, or a reset connection. */
const THIRD_FAILING: FaultRule[] = [
  { fault: 'throttle', rate: 1 / 6 },
  { fault: 'server_error', rate: 1 / 12 },
  { fault: 'reset', rate: 1 / 12 },
];

/** A client whose requests go through the proxy; the SDK does not retry, so every fault reaches dkmio. */
function throughProxy(options: Partial<DkmioClientOptions> = {}): DkmioClient {
  const db = new DkmioClient({
    ...testClientConfig(),
    endpoint: proxy.endpoint,
    tableNamePrefix: prefix,
    clientConfig: { maxAttempts: 1 },
    ...options,
  });
  clients.push(db);
  return db;
}

function report(label: string, started: number): void {
  if (process.env['DKMIO_FAULT_REPORT']) {
    // Opt-in measurement output (the write plus the verifying scan); assertions never depend on time.
    console.log(`${label}: ${Date.now() - started} ms, proxy counts ${JSON.stringify(proxy.counts)}`);
  }
}

beforeAll(async () => {
  await createRawTable(raw, `${prefix}events`, ['id', 'S']);
  await createRawTable(raw, `${prefix}accounts`, ['id', 'S']);
  proxy = await startFaultProxy({ target: testEndpoint(), seed: 20240607 });
});

afterEach(() => proxy.setRules([]));

afterAll(async () => {
  for (const c of clients) c.destroy();
  truth.destroy();
  raw.destroy();
  await proxy.close();
});

const events = (group: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `${group}-${String(i).padStart(5, '0')}`,
    seq: i,
    payload: `p${i}`.repeat(5),
  }));

/** Every stored item of a group, read directly (not through the proxy). */
async function storedOf(group: string): Promise<Event[]> {
  const all = await truth
    .getRepository(Event)
    .scan()
    .filter({ id__begins_with: `${group}-` })
    .segments(4)
    .fetchAll();
  return all.items;
}

/**
 * The batch's promise: either every item is stored exactly once, or the BatchWriteError lists
 * exactly the items not stored. Either way stored + unprocessed = input, with no overlap and
 * every stored item equal to its input.
 */
async function expectNothingLost(
  group: string,
  input: Event[],
  error: unknown,
): Promise<{ stored: number; unprocessed: number }> {
  const stored = await storedOf(group);
  const byId = new Map(input.map((e) => [e.id, e]));
  expect(new Set(stored.map((s) => s.id)).size).toBe(stored.length);
  for (const s of stored) expect({ ...s }).toEqual(byId.get(s.id));
  const unprocessed =
    error === undefined
      ? []
      : (error as BatchWriteError).unprocessed.map((u) =>
          u.kind === 'put' ? (u.item as unknown as Event) : undefined,
        );
  if (error !== undefined) expect(error).toBeInstanceOf(BatchWriteError);
  const storedIds = new Set(stored.map((s) => s.id));
  for (const u of unprocessed) {
    expect(u).toBeDefined();
    expect(storedIds.has(u!.id)).toBe(false);
    expect(u).toBe(byId.get(u!.id));
  }
  expect([...storedIds, ...unprocessed.map((u) => u!.id)].sort()).toEqual(input.map((e) => e.id).sort());
  return { stored: stored.length, unprocessed: unprocessed.length };
}

describe('fault injection through a loopback proxy', () => {
  it('5,000 items with a third of all requests failing: every item stored exactly once, or reported', async () => {
    const db = throughProxy({ circuitBreaker: false, batch: { maxAttempts: 12, baseDelayMs: 2, concurrency: 8 } });
    proxy.resetCounts();
    proxy.setRules([
      ...THIRD_FAILING,
      { fault: 'unprocessed', rate: 0.15, operations: ['BatchWriteItem'], fraction: 0.3 },
    ]);
    const input = events('big', 5_000);
    const started = Date.now();
    const error = await db
      .getRepository(Event)
      .batchWrite((batch) => {
        for (const e of input) batch.put(e);
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    proxy.setRules([]);
    const outcome = await expectNothingLost('big', input, error);
    report(`5,000-item batch write (${outcome.stored} stored, ${outcome.unprocessed} reported unprocessed)`, started);
    expect(outcome.stored + outcome.unprocessed).toBe(5_000);
    // The faults really happened: about a third of the requests, and more requests than chunks.
    const injected = ['throttle', 'server_error', 'reset'].reduce((n, k) => n + (proxy.counts.byFault[k] ?? 0), 0);
    expect(proxy.counts.received).toBeGreaterThan(200);
    expect(injected).toBeGreaterThan(proxy.counts.received / 5);
    expect(proxy.counts.byFault['unprocessed']).toBeGreaterThan(0);
  }, 120_000);

  it('when retries run out, BatchWriteError.unprocessed plus what is stored is exactly the input', async () => {
    const db = throughProxy({ batch: { maxAttempts: 2, baseDelayMs: 1, concurrency: 4 } });
    proxy.setRules([
      ...THIRD_FAILING,
      { fault: 'unprocessed', rate: 0.5, operations: ['BatchWriteItem'], fraction: 0.5 },
    ]);
    const input = events('short', 1_000);
    const error = await db
      .getRepository(Event)
      .batchWrite((batch) => {
        for (const e of input) batch.put(e);
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    proxy.setRules([]);
    expect(error).toBeInstanceOf(BatchWriteError);
    const outcome = await expectNothingLost('short', input, error);
    expect(outcome.unprocessed).toBeGreaterThan(0);
    expect(outcome.stored).toBeGreaterThan(0);
  }, 60_000);

  it('lost answers (applied, then the connection reset): nothing not reported is missing, and resending the reported writes completes the batch', async () => {
    const db = throughProxy({ circuitBreaker: false, batch: { maxAttempts: 2, baseDelayMs: 1, concurrency: 4 } });
    proxy.setRules([
      { fault: 'reset_after', rate: 0.5 },
      { fault: 'reset', rate: 0.2 },
    ]);
    const input = events('lost', 1_000);
    const repo = db.getRepository(Event);
    const error = (await repo
      .batchWrite((batch) => {
        for (const e of input) batch.put(e);
      })
      .then(
        () => undefined,
        (e: unknown) => e,
      )) as BatchWriteError;
    proxy.setRules([]);
    expect(error).toBeInstanceOf(BatchWriteError);
    expect(error.message).toMatch(/may have been applied, their request having failed without an answer/);
    const reported = new Set(error.unprocessed.map((u) => (u.kind === 'put' ? (u.item['id'] as string) : '')));
    const stored = new Set((await storedOf('lost')).map((s) => s.id));
    // Every write not reported is stored; a reported one may be stored too (its answer was lost),
    // and then it says so: a stored write is never reported with maybeApplied false.
    for (const e of input) if (!reported.has(e.id)) expect(stored.has(e.id)).toBe(true);
    for (const u of error.unprocessed)
      if (u.kind === 'put' && stored.has(u.item['id'] as string)) expect(u.maybeApplied).toBe(true);
    // Resending exactly what was reported is safe and completes the batch: each item once.
    await repo.batchWrite((batch) => {
      for (const u of error.unprocessed) if (u.kind === 'put') batch.put(u.item);
    });
    await expectNothingLost('lost', input, undefined);
  }, 60_000);

  it('batchGet of 1,000 keys through throttling, 500s and unprocessed keys returns every item in order', async () => {
    const input = events('read', 1_000);
    await truth.getRepository(Event).batchWrite((batch) => {
      for (const e of input) batch.put(e);
    });
    // About half of all requests fail or come back partial. A chunk stuck on its last key fails
    // each attempt with p ~ 0.5, so 24 attempts leave ~6e-8 odds per chunk of a (correct, but
    // test-failing) ThrottlingError; 12 attempts at a 70% fault rate failed about one run in seven.
    const db = throughProxy({ circuitBreaker: false, batch: { maxAttempts: 24, baseDelayMs: 2 } });
    proxy.resetCounts();
    proxy.setRules([
      { fault: 'throttle', rate: 0.15 },
      { fault: 'server_error', rate: 0.05 },
      { fault: 'unprocessed', rate: 0.3, operations: ['BatchGetItem'], fraction: 0.5 },
    ]);
    const keys = [...input].reverse().map((e) => ({ id: e.id }));
    keys.push({ id: 'read-missing' }, { id: input[3].id });
    const result = await db.getRepository(Event).batchGet(keys);
    expect(result.slice(0, 1_000).map((r) => r!.id)).toEqual(keys.slice(0, 1_000).map((k) => k.id));
    expect(result[1_000]).toBeNull();
    expect(result[1_001]!.id).toBe(input[3].id);
    expect(proxy.counts.byFault['unprocessed']).toBeGreaterThan(0);
  }, 60_000);

  it('a transaction cancelled by one failing condition leaves every item unchanged and reports its index', async () => {
    const accounts = truth.getRepository(Account);
    await accounts.batchWrite((b) => {
      b.put({ id: 'a1', balance: 100, status: 'OPEN' });
      b.put({ id: 'a2', balance: 5, status: 'OPEN' });
      b.put({ id: 'a3', balance: 0, status: 'FROZEN' });
    });
    const before = await accounts.batchGet([{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }]);
    // The first attempt is throttled by the proxy and retried by the SDK; then DynamoDB cancels it.
    const db = throughProxy({ clientConfig: { maxAttempts: 3 } });
    proxy.setRules([{ fault: 'throttle', rate: 1, operations: ['TransactWriteItems'] }]);
    const pending = db
      .transactWrite((tx) => {
        tx.update(Account, { id: 'a1' }, { add: { balance: -50 } }, { condition: { balance__gte: 50 } });
        tx.update(Account, { id: 'a2' }, { add: { balance: 50 } });
        tx.update(Account, { id: 'a3' }, { set: { status: 'OPEN' } }, { condition: { status: 'OPEN' } });
      })
      .catch((e: unknown) => e);
    // Let the throttled attempt happen, then stop throttling so the SDK's retry reaches DynamoDB.
    while (!(proxy.counts.byFault['throttle'] ?? 0)) await new Promise((r) => setTimeout(r, 5));
    proxy.setRules([]);
    const error = (await pending) as TransactionError;
    expect(proxy.counts.byFault['throttle']).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.reasons.map((r) => r.code)).toEqual(['None', 'None', 'ConditionalCheckFailed']);
    expect(error.reasons.find((r) => r.code !== 'None')!.index).toBe(2);
    expect(await accounts.batchGet([{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }])).toEqual(before);
  });

  it('a transaction whose answer was lost is retried safely with its clientRequestToken', async () => {
    const accounts = truth.getRepository(Account);
    await accounts.put({ id: 'idem', balance: 0 });
    const db = throughProxy();
    const transfer = () =>
      db.transactWrite((tx) => void tx.update(Account, { id: 'idem' }, { add: { balance: 10 } }), {
        clientRequestToken: 'transfer-0001',
      });
    proxy.setRules([{ fault: 'reset_after', rate: 1, operations: ['TransactWriteItems'] }]);
    const lost = await transfer().catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(DkmioError);
    // DynamoDB applied it; the caller could not know.
    expect((await accounts.get({ id: 'idem' }))!.balance).toBe(10);
    proxy.setRules([]);
    await transfer();
    expect((await accounts.get({ id: 'idem' }))!.balance).toBe(10);
  });

  it('a throttled transaction (after the SDK gave up) changes nothing and is a ThrottlingError', async () => {
    const accounts = truth.getRepository(Account);
    await accounts.put({ id: 't1', balance: 1 });
    const db = throughProxy();
    proxy.setRules([{ fault: 'throttle', rate: 1, operations: ['TransactWriteItems'] }]);
    await expect(
      db.transactWrite((tx) => void tx.update(Account, { id: 't1' }, { add: { balance: 1 } })),
    ).rejects.toThrow(ThrottlingError);
    expect((await accounts.get({ id: 't1' }))!.balance).toBe(1);
  });
});
