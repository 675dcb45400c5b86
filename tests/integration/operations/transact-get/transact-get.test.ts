import 'reflect-metadata';
import { DkmioClient, PartitionKey, SortKey, Table, ValidationError } from '../../../../src';
import { testClientConfig, uniqueTableName } from '../../../support/local';
import { createRawTable, rawClient } from '../../../support/raw-tables';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  total?: number;
  status?: string;
}

@Table('users')
class User {
  @PartitionKey() userId!: string;
  name?: string;
  get greeting() {
    return `hi ${this.name}`;
  }
}

const prefix = `${uniqueTableName('tg')}-`;
const raw = rawClient();
const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const orders = db.getRepository(Order);
const users = db.getRepository(User);

beforeAll(async () => {
  await createRawTable(raw, `${prefix}orders`, ['userId', 'S'], ['orderId', 'S']);
  await createRawTable(raw, `${prefix}users`, ['userId', 'S']);
  await orders.put({ userId: 'u1', orderId: 'o1', total: 10, status: 'NEW' });
  await users.put({ userId: 'u1', name: 'Ana' });
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

describe('transactGet on DynamoDB Local', () => {
  it('returns a typed tuple of instances across tables, null for absent items', async () => {
    const [order, user, missing] = await db.transactGet(
      (tx) =>
        [
          tx.get(orders, { userId: 'u1', orderId: 'o1' }),
          tx.get(User, { userId: 'u1' }),
          tx.get(users, { userId: 'nobody' }),
        ] as const,
    );
    expect(order).toBeInstanceOf(Order);
    expect(order!.total).toBe(10);
    expect(user!.greeting).toBe('hi Ana');
    expect(missing).toBeNull();
  });

  it('select per read', async () => {
    const [order] = await db.transactGet((tx) => [
      tx.get(orders, { userId: 'u1', orderId: 'o1' }, { select: ['status'] }),
    ]);
    expect({ ...order }).toEqual({ status: 'NEW' });
  });

  it('refuses one item twice before sending', async () => {
    await expect(
      db.transactGet((tx) => [tx.get(users, { userId: 'u1' }), tx.get(User, { userId: 'u1' })]),
    ).rejects.toThrow(ValidationError);
  });
});
