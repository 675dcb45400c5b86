/**
 * dkmio end to end, in one script: `npm start` builds it and runs it.
 *
 * Starts an in-memory DynamoDB Local (unless DKMIO_ENDPOINT points at one already), creates the
 * table from the decorators, then puts, gets, queries (a filter, an index), updates, shows a
 * conditional put failing, deletes, and stops DynamoDB Local again.
 */
import 'reflect-metadata';
import {
  Attribute,
  ConditionError,
  DkmioClient,
  GlobalIndex,
  ItemNotFoundError,
  PartitionKey,
  SortKey,
  Table,
  Ttl,
  fromNow,
  httpStatusOf,
} from 'dkmio';
import { startLocalDynamo, type LocalDynamo } from 'dkmio/testing';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
export class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status!: string;
  @Attribute({ name: 'created_at' }) createdAt!: string;
  total?: number;
  items?: { sku: string; qty: number }[];
  @Ttl() expiresAt?: number;

  get isBig(): boolean {
    return (this.total ?? 0) > 1000;
  }
}

/** Options of {@link main}; every one is optional. */
export interface StandaloneOptions {
  /** A running DynamoDB (Local) to use; default: DKMIO_ENDPOINT, else an embedded DynamoDB Local. */
  endpoint?: string;
  /** Prepended to table names, so several runs can share one DynamoDB Local. Default: TABLE_PREFIX. */
  tableNamePrefix?: string;
  /** Where the sample prints what it does. Default: console.log. */
  log?: (line: string) => void;
}

/** Runs the walkthrough; resolves once everything, DynamoDB Local included, is stopped. */
export async function main(options: StandaloneOptions = {}): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  let local: LocalDynamo | undefined;
  let endpoint = options.endpoint ?? process.env['DKMIO_ENDPOINT'];
  if (!endpoint) {
    log('Starting DynamoDB Local (in memory)...');
    local = await startLocalDynamo();
    endpoint = local.endpoint;
  }
  log(`DynamoDB endpoint: ${endpoint}`);

  const db = new DkmioClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, // DynamoDB Local accepts any
    tableNamePrefix: options.tableNamePrefix ?? process.env['TABLE_PREFIX'],
  });
  try {
    const tables = await db.createTables([Order], { pollIntervalMs: 200 });
    log(`createTables: created [${tables.created.join(', ')}], already there [${tables.existing.join(', ')}]`);
    await walkthrough(db, log);
    const dropped = await db.deleteTables([Order], { pollIntervalMs: 200 });
    log(`deleteTables: deleted [${dropped.deleted.join(', ')}]`);
  } finally {
    db.destroy();
    if (local) {
      await local.stop();
      log('DynamoDB Local stopped.');
    }
  }
}

async function walkthrough(db: DkmioClient, log: (line: string) => void): Promise<void> {
  const orders = db.getRepository(Order);

  await orders.put({
    userId: 'u1',
    orderId: 'o1',
    status: 'PENDING',
    createdAt: '2024-05-01',
    total: 250,
    items: [{ sku: 'pen', qty: 5 }],
  });
  await orders.put({ userId: 'u1', orderId: 'o2', status: 'SHIPPED', createdAt: '2024-05-02', total: 1800 });
  await orders.put({
    userId: 'u1',
    orderId: 'o3',
    status: 'PENDING',
    createdAt: '2024-05-03',
    total: 40,
    expiresAt: fromNow({ days: 7 }),
  });
  log('put: 3 orders for u1 (o1, o2, o3)');

  const o2 = await orders.get({ userId: 'u1', orderId: 'o2' });
  log(`get o2: status=${o2?.status} total=${o2?.total} isBig=${o2?.isBig} (an Order instance: ${o2 instanceof Order})`);

  const big = await orders.query({ userId: 'u1' }).filter({ total__gt: 100 });
  log(`query u1 with filter total > 100: ${big.items.map((o) => o.orderId).join(', ')}`);

  const pending = await orders.index('gsi-status').query({ status: 'PENDING' }).select('orderId', 'total').fetchAll();
  log(`query index gsi-status for PENDING: ${pending.items.map((o) => `${o.orderId} (${o.total})`).join(', ')}`);

  const updated = await orders.update(
    { userId: 'u1', orderId: 'o1' },
    { set: { status: 'SHIPPED', 'items[0].qty': 6 }, add: { total: 10 } },
    { condition: { status__eq: 'PENDING' }, returnValues: 'ALL_NEW' },
  );
  log(`update o1: status=${updated?.status} total=${updated?.total} items[0].qty=${updated?.items?.[0]?.qty}`);

  try {
    await orders.put(
      { userId: 'u1', orderId: 'o1', status: 'NEW', createdAt: '2024-05-04' },
      { condition: { orderId__not_exists: true } },
    );
    log('conditional put o1: written (unexpected)');
  } catch (error) {
    if (!(error instanceof ConditionError)) throw error;
    log(`conditional put o1 (only if absent): refused, ${error.code} -> HTTP ${httpStatusOf(error)}`);
  }

  const removed = await orders.delete({ userId: 'u1', orderId: 'o3' }, { returnValues: 'ALL_OLD' });
  log(`delete o3: removed the order created ${removed?.createdAt}`);
  try {
    await orders.getOrThrow({ userId: 'u1', orderId: 'o3' });
  } catch (error) {
    if (!(error instanceof ItemNotFoundError)) throw error;
    log(`getOrThrow o3: ${error.code} -> HTTP ${httpStatusOf(error)}`);
  }

  const left = await orders.query({ userId: 'u1' }).count();
  log(`count u1: ${left} orders left`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
