import 'reflect-metadata';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Attribute, DkmioClient, GlobalIndex, PartitionKey, SortKey, Table, free } from '../../src';
import { testClientConfig } from '../support/local';

@Table('smoke')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  total?: number;
  get isBig() {
    return (this.total ?? 0) > 1000;
  }
}

test('smoke', async () => {
  const raw = new DynamoDBClient(testClientConfig());
  await raw.send(
    new CreateTableCommand({
      TableName: 'smoke',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'userId', AttributeType: 'S' },
        { AttributeName: 'orderId', AttributeType: 'S' },
        { AttributeName: 'status', AttributeType: 'S' },
        { AttributeName: 'created_at', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'userId', KeyType: 'HASH' },
        { AttributeName: 'orderId', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi-status',
          KeySchema: [
            { AttributeName: 'status', KeyType: 'HASH' },
            { AttributeName: 'created_at', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total'] },
        },
      ],
    }),
  );
  const db = new DkmioClient(testClientConfig());
  const orders = db.getRepository(Order);
  for (let i = 0; i < 30; i++)
    await orders.put({
      userId: 'u1',
      orderId: `o${String(i).padStart(2, '0')}`,
      status: i % 2 ? 'NEW' : 'OLD',
      createdAt: `2024-${i}`,
      total: i * 100,
    });
  const o = await orders.get({ userId: 'u1', orderId: 'o15' });
  expect(o).toBeInstanceOf(Order);
  expect(o!.isBig).toBe(true);
  expect(o!.createdAt).toBe('2024-15');
  const page = await orders
    .query({ userId: 'u1' })
    .where({ gte: 'o10' })
    .filter({ total__gt: 1500 })
    .select('total')
    .limit(10);
  expect(page.items.length).toBeGreaterThan(0);
  const all = await orders.query({ userId: 'u1' }).fetchAll({ maxItems: 7 });
  expect(all.items).toHaveLength(7);
  const rest = await orders.query({ userId: 'u1' }).startFrom(all.cursor).fetchAll();
  expect(rest.items).toHaveLength(23);
  expect(await orders.scan().segments(3).count()).toBe(30);
  const idx = await orders.index('gsi-status').query({ status: 'NEW' }).fetchAll();
  expect(idx.items).toHaveLength(15);
  const upd = await orders.update(
    { userId: 'u1', orderId: 'o01' },
    { set: free({ address: { city: 'Lima' } }), append: free({ history: { a: 1 } }), add: free({ tags: ['x'] }) },
    { returnValues: 'ALL_NEW' },
  );
  expect(upd).toMatchObject({ history: [{ a: 1 }], tags: new Set(['x']) });
  db.destroy();
  raw.destroy();
});
