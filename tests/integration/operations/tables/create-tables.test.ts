import 'reflect-metadata';
import { DescribeTableCommand, DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  DkmioClient,
  GlobalIndex,
  LocalIndex,
  PartitionKey,
  SortKey,
  Table,
  TableNotFoundError,
  Ttl,
} from '../../../../src';
import { testClientConfig, uniqueTableName } from '../../../support/local';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total', 'itemsCount'] })
@GlobalIndex('gsi-region', { partitionKey: 'region', projection: 'KEYS_ONLY' })
@LocalIndex('lsi-amount', { sortKey: 'total' })
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  @Attribute() region?: string;
  @Attribute() total?: number;
  @Attribute({ name: 'items_count' }) itemsCount?: number;
  @Ttl({ name: 'expires_at' }) expiresAt?: number;
}

@Table('users')
class User {
  @PartitionKey({ name: 'user_id' }) userId!: number;
}

describe('createTables / deleteTables on DynamoDB Local', () => {
  const prefix = `${uniqueTableName('ct')}-`;
  const raw = new DynamoDBClient(testClientConfig());
  const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
  const describeTable = async (name: string) => (await raw.send(new DescribeTableCommand({ TableName: name }))).Table!;

  afterAll(async () => {
    await db.deleteTables([Order, User], { pollIntervalMs: 50 });
    db.destroy();
    raw.destroy();
  });

  it('creates the tables from the decorators, with prefix, indexes, projections, billing and TTL', async () => {
    await expect(db.createTables([Order, User], { pollIntervalMs: 50 })).resolves.toEqual({
      created: [`${prefix}orders`, `${prefix}users`],
      existing: [],
    });

    const orders = await describeTable(`${prefix}orders`);
    expect(orders.TableStatus).toBe('ACTIVE');
    expect(orders.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(orders.KeySchema).toEqual([
      { AttributeName: 'userId', KeyType: 'HASH' },
      { AttributeName: 'orderId', KeyType: 'RANGE' },
    ]);
    expect(orders.AttributeDefinitions).toEqual(
      expect.arrayContaining([
        { AttributeName: 'userId', AttributeType: 'S' },
        { AttributeName: 'orderId', AttributeType: 'S' },
        { AttributeName: 'status', AttributeType: 'S' },
        { AttributeName: 'created_at', AttributeType: 'S' },
        { AttributeName: 'region', AttributeType: 'S' },
        { AttributeName: 'total', AttributeType: 'N' },
      ]),
    );
    expect(orders.AttributeDefinitions).toHaveLength(6);
    const gsis = Object.fromEntries((orders.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g]));
    expect(gsis['gsi-status']).toMatchObject({
      IndexStatus: 'ACTIVE',
      KeySchema: [
        { AttributeName: 'status', KeyType: 'HASH' },
        { AttributeName: 'created_at', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total', 'items_count'] },
    });
    expect(gsis['gsi-region']).toMatchObject({
      KeySchema: [{ AttributeName: 'region', KeyType: 'HASH' }],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
    expect(orders.LocalSecondaryIndexes).toEqual([
      expect.objectContaining({
        IndexName: 'lsi-amount',
        KeySchema: [
          { AttributeName: 'userId', KeyType: 'HASH' },
          { AttributeName: 'total', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      }),
    ]);

    const ttl = await raw.send(new DescribeTimeToLiveCommand({ TableName: `${prefix}orders` }));
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires_at' });
    const noTtl = await raw.send(new DescribeTimeToLiveCommand({ TableName: `${prefix}users` }));
    expect(noTtl.TimeToLiveDescription?.TimeToLiveStatus).toBe('DISABLED');

    const users = await describeTable(`${prefix}users`);
    expect(users.AttributeDefinitions).toEqual([{ AttributeName: 'user_id', AttributeType: 'N' }]);
  });

  it('works with the created tables: a GSI query and an LSI query', async () => {
    const orders = db.getRepository(Order);
    await orders.put({ userId: 'u1', orderId: 'o1', status: 'NEW', createdAt: '2024-01-01', total: 30, itemsCount: 2 });
    await orders.put({ userId: 'u1', orderId: 'o2', status: 'NEW', createdAt: '2024-01-02', total: 10 });
    const byStatus = await orders.index('gsi-status').query({ status: 'NEW' }).fetchAll();
    expect(byStatus.items.map((o) => [o.orderId, o.itemsCount])).toEqual([
      ['o1', 2],
      ['o2', undefined],
    ]);
    const byAmount = await orders.index('lsi-amount').query({ userId: 'u1' }).fetchAll();
    expect(byAmount.items.map((o) => o.orderId)).toEqual(['o2', 'o1']);
  });

  it('leaves existing tables alone on a second call', async () => {
    await expect(db.createTables([Order, User])).resolves.toEqual({
      created: [],
      existing: [`${prefix}orders`, `${prefix}users`],
    });
    expect(await db.getRepository(Order).get({ userId: 'u1', orderId: 'o1' })).not.toBeNull();
  });

  it('creates provisioned tables when asked', async () => {
    const provisioned = new DkmioClient({ ...testClientConfig(), tableNamePrefix: `${prefix}p-` });
    try {
      await provisioned.createTables([Order], { provisioned: { read: 3, write: 2 }, pollIntervalMs: 50 });
      const t = await describeTable(`${prefix}p-orders`);
      expect(t.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 3, WriteCapacityUnits: 2 });
      expect(t.GlobalSecondaryIndexes![0].ProvisionedThroughput).toMatchObject({
        ReadCapacityUnits: 3,
        WriteCapacityUnits: 2,
      });
    } finally {
      await provisioned.deleteTables([Order], { pollIntervalMs: 50 });
      provisioned.destroy();
    }
  });

  it('deletes the tables, waits until they are gone, and ignores missing ones', async () => {
    const other = new DkmioClient({ ...testClientConfig(), tableNamePrefix: `${prefix}d-` });
    try {
      await other.createTables([User]);
      await expect(other.deleteTables([User, Order], { pollIntervalMs: 50 })).resolves.toEqual({
        deleted: [`${prefix}d-users`],
        missing: [`${prefix}d-orders`],
      });
      await expect(other.getRepository(User).get({ userId: 1 })).rejects.toThrow(TableNotFoundError);
    } finally {
      other.destroy();
    }
  });
});
