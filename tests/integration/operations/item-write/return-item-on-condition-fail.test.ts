import 'reflect-metadata';
import { Attribute, ConditionError, DkmioClient, PartitionKey, SortKey, Table } from '../../../../src';
import { testClientConfig, uniqueTableName } from '../../../support/local';
import { createRawTable, rawClient } from '../../../support/raw-tables';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute({ name: 'order_status' }) status?: string;
  total?: number;
  get isBig() {
    return (this.total ?? 0) > 100;
  }
}

const prefix = `${uniqueTableName('ri')}-`;
const raw = rawClient();
const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const orders = db.getRepository(Order);
const key = { userId: 'u1', orderId: 'o1' };

beforeAll(async () => {
  await createRawTable(raw, `${prefix}orders`, ['userId', 'S'], ['orderId', 'S']);
  await orders.put({ ...key, status: 'SHIPPED', total: 500 });
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

async function conditionError(run: () => Promise<unknown>): Promise<ConditionError<Order>> {
  const error = await run().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConditionError);
  return error as ConditionError<Order>;
}

describe('returnItemOnConditionFail on DynamoDB Local', () => {
  it('put, update and delete put the stored item (an entity instance, property names) on ConditionError.item', async () => {
    const fromPut = await conditionError(() =>
      orders.put({ ...key, total: 1 }, { condition: { userId__not_exists: true }, returnItemOnConditionFail: true }),
    );
    const fromUpdate = await conditionError(() =>
      orders.update(key, { set: { total: 1 } }, { condition: { status: 'NEW' }, returnItemOnConditionFail: true }),
    );
    const fromDelete = await conditionError(() =>
      orders.delete(key, { condition: { status: 'CANCELLED' }, returnItemOnConditionFail: true }),
    );
    for (const e of [fromPut, fromUpdate, fromDelete]) {
      expect(e.item).toBeInstanceOf(Order);
      expect({ ...e.item }).toEqual({ ...key, status: 'SHIPPED', total: 500 });
      expect(e.item!.isBig).toBe(true);
    }
  });

  it('without the option, item is left undefined', async () => {
    const e = await conditionError(() => orders.delete(key, { condition: { status: 'CANCELLED' } }));
    expect(e.item).toBeUndefined();
  });

  it('an absent item gives no item', async () => {
    const e = await conditionError(() =>
      orders.update(
        { userId: 'u1', orderId: 'none' },
        { set: { total: 1 } },
        { condition: { userId__exists: true }, returnItemOnConditionFail: true },
      ),
    );
    expect(e.item).toBeUndefined();
  });
});
