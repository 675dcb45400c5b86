import 'reflect-metadata';
import {
  Attribute,
  MissingKeyError,
  PartitionKey,
  SortKey,
  Table,
  ValidationError,
  Version,
  entityMetadata,
} from '../../../../src';
import { BATCH_GET_LIMIT, buildBatchGetItem, prepareBatchGet } from '../../../../src/operations/batch-get/build';
import {
  BATCH_WRITE_LIMIT,
  buildBatchWriteItem,
  prepareBatchDelete,
  prepareBatchPut,
  unprocessedWrites,
} from '../../../../src/operations/batch-write/build';
import { canonicalNumber, keyIdentity } from '../../../../src/operations/targets/key-identity';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey({ name: 'order_id' }) orderId!: string;
  @Attribute({ name: 'grand_total' }) total?: number;
  status?: string;
}

@Table('scores')
class Score {
  @PartitionKey() game!: string;
  @SortKey() points!: number;
}

@Table('docs')
class Doc {
  @PartitionKey() id!: string;
  @Version() version?: number;
}

const orders = entityMetadata(Order);

describe('batchGet requests', () => {
  it('marshals keys with stored names and sends each distinct key once', () => {
    const p = prepareBatchGet(orders, 'dev-orders', [
      { userId: 'u1', orderId: 'o1' },
      { userId: 'u1', orderId: 'o2' },
      { userId: 'u1', orderId: 'o1' },
    ]);
    expect(p.keys).toEqual([
      { userId: { S: 'u1' }, order_id: { S: 'o1' } },
      { userId: { S: 'u1' }, order_id: { S: 'o2' } },
    ]);
    expect(p.positions).toEqual([0, 1, 0]);
    expect(buildBatchGetItem(p, p.keys)).toEqual({
      RequestItems: {
        'dev-orders': {
          Keys: [
            { userId: { S: 'u1' }, order_id: { S: 'o1' } },
            { userId: { S: 'u1' }, order_id: { S: 'o2' } },
          ],
        },
      },
    });
  });

  it('select reads the key attributes too (answers come back unordered) and remembers to drop them', () => {
    const p = prepareBatchGet(orders, 'orders', [{ userId: 'u1', orderId: 'o1' }], {
      select: ['total'],
      consistent: true,
    });
    expect(buildBatchGetItem(p, p.keys)).toEqual({
      RequestItems: {
        orders: {
          Keys: [{ userId: { S: 'u1' }, order_id: { S: 'o1' } }],
          ProjectionExpression: '#n0, #n1, #n2',
          ExpressionAttributeNames: { '#n0': 'grand_total', '#n1': 'userId', '#n2': 'order_id' },
          ConsistentRead: true,
        },
      },
    });
    expect(p.addedKeyProperties).toEqual(['userId', 'orderId']);
  });

  it('a selected key attribute is not added twice', () => {
    const p = prepareBatchGet(orders, 'orders', [{ userId: 'u1', orderId: 'o1' }], { select: ['userId', 'status'] });
    expect(p.read.ProjectionExpression).toBe('#n0, #n1, #n2');
    expect(p.read.ExpressionAttributeNames).toEqual({ '#n0': 'userId', '#n1': 'status', '#n2': 'order_id' });
    expect(p.addedKeyProperties).toEqual(['orderId']);
  });

  it('refuses a partial key, naming the position, before anything is built', () => {
    expect(() => prepareBatchGet(orders, 'orders', [{ userId: 'u1', orderId: 'o1' }, { userId: 'u1' }])).toThrow(
      MissingKeyError,
    );
    expect(() => prepareBatchGet(orders, 'orders', [{ userId: 'u1' }])).toThrow(
      /batchGet \(key 0\) on Order is missing key attribute "orderId"/,
    );
    expect(() => prepareBatchGet(orders, 'orders', 'u1' as never)).toThrow(/takes an array of keys/);
  });

  it('a request holds at most 100 keys', () => {
    const keys = Array.from({ length: 101 }, (_, i) => ({ userId: 'u', orderId: `o${i}` }));
    const p = prepareBatchGet(orders, 'orders', keys);
    expect(BATCH_GET_LIMIT).toBe(100);
    expect(() => buildBatchGetItem(p, p.keys)).toThrow(/1 to 100 keys, got 101/);
  });
});

describe('batchWrite requests', () => {
  it("puts carry the marshalled item, deletes the key; unprocessed entries keep the caller's objects", () => {
    const item = { userId: 'u1', orderId: 'o1', total: 5, status: undefined };
    const put = prepareBatchPut(orders, 'orders', item);
    expect(put.request).toEqual({
      PutRequest: { Item: { userId: { S: 'u1' }, order_id: { S: 'o1' }, grand_total: { N: '5' } } },
    });
    expect(put.unprocessed).toEqual({ kind: 'put', entity: Order, item });
    expect(put.unprocessed.kind === 'put' && put.unprocessed.item).toBe(item);
    const key = { userId: 'u1', orderId: 'o2' };
    const del = prepareBatchDelete(orders, 'orders', key);
    expect(del.request).toEqual({ DeleteRequest: { Key: { userId: { S: 'u1' }, order_id: { S: 'o2' } } } });
    expect(del.unprocessed).toEqual({ kind: 'delete', entity: Order, key });
  });

  it('groups writes by table in one request', () => {
    const scores = entityMetadata(Score);
    const input = buildBatchWriteItem([
      prepareBatchPut(orders, 'orders', { userId: 'u1', orderId: 'o1' }),
      prepareBatchDelete(scores, 'scores', { game: 'g', points: 3 }),
      prepareBatchDelete(orders, 'orders', { userId: 'u1', orderId: 'o2' }),
    ]);
    expect(input).toEqual({
      RequestItems: {
        orders: [
          { PutRequest: { Item: { userId: { S: 'u1' }, order_id: { S: 'o1' } } } },
          { DeleteRequest: { Key: { userId: { S: 'u1' }, order_id: { S: 'o2' } } } },
        ],
        scores: [{ DeleteRequest: { Key: { game: { S: 'g' }, points: { N: '3' } } } }],
      },
    });
  });

  it('validates items before anything is sent: full key, key types, marshalling', () => {
    expect(() => prepareBatchPut(orders, 'orders', { userId: 'u1' })).toThrow(MissingKeyError);
    expect(() => prepareBatchPut(orders, 'orders', { userId: 'u1', orderId: 'o', n: NaN })).toThrow(/"n" is NaN/);
    expect(() => prepareBatchPut(orders, 'orders', null)).toThrow(ValidationError);
    expect(() => prepareBatchDelete(orders, 'orders', { userId: 'u1', orderId: 'o', status: 'x' })).toThrow(
      /"status" is not part of the primary key/,
    );
    expect(() => prepareBatchDelete(entityMetadata(Score), 'scores', { game: 'g', points: '3' })).toThrow(
      /must be a number/,
    );
  });

  it('refuses a put of a @Version() entity (a batch cannot check or bump versions)', () => {
    expect(() => prepareBatchPut(entityMetadata(Doc), 'docs', { id: 'd1' })).toThrow(
      /@Version\(\) property \("version"\).*Use put\(\)/,
    );
    expect(prepareBatchDelete(entityMetadata(Doc), 'docs', { id: 'd1' }).request).toEqual({
      DeleteRequest: { Key: { id: { S: 'd1' } } },
    });
  });

  it('a request holds at most 25 writes', () => {
    const writes = Array.from({ length: 26 }, (_, i) =>
      prepareBatchDelete(orders, 'orders', { userId: 'u', orderId: `o${i}` }),
    );
    expect(BATCH_WRITE_LIMIT).toBe(25);
    expect(() => buildBatchWriteItem(writes)).toThrow(/1 to 25 writes, got 26/);
    expect(() => buildBatchWriteItem([])).toThrow(/got 0/);
  });

  it('matches UnprocessedItems back to the writes sent, in the order sent', () => {
    const a = prepareBatchPut(orders, 'orders', { userId: 'u1', orderId: 'a', total: 1 });
    const b = prepareBatchDelete(orders, 'orders', { userId: 'u1', orderId: 'b' });
    const c = prepareBatchPut(orders, 'orders', { userId: 'u1', orderId: 'c' });
    const returned = { orders: [structuredClone(c.request), structuredClone(a.request)] };
    expect(unprocessedWrites([a, b, c], returned)).toEqual([a, c]);
    expect(unprocessedWrites([a, b, c], undefined)).toEqual([]);
    expect(unprocessedWrites([a, b, c], {})).toEqual([]);
  });

  it('resends the whole chunk when an unprocessed entry matches nothing sent (never drops a write)', () => {
    const a = prepareBatchPut(orders, 'orders', { userId: 'u1', orderId: 'a' });
    const b = prepareBatchPut(orders, 'orders', { userId: 'u1', orderId: 'b' });
    expect(
      unprocessedWrites([a, b], {
        orders: [{ DeleteRequest: { Key: { userId: { S: 'zz' }, order_id: { S: 'zz' } } } }],
      }),
    ).toEqual([a, b]);
    expect(unprocessedWrites([a, b], { other: [{ DeleteRequest: { Key: {} } }] })).toEqual([a, b]);
  });
});

describe('key identity', () => {
  it('is equal exactly for the same item of the same table', () => {
    const k = (u: string, o: string, t = 'orders') => keyIdentity(orders, t, { userId: { S: u }, order_id: { S: o } });
    expect(k('u1', 'o1')).toBe(k('u1', 'o1'));
    expect(k('u1', 'o1')).not.toBe(k('u1', 'o2'));
    expect(k('u1', 'o1')).not.toBe(k('u1', 'o1', 'other'));
    // Separators inside values cannot make two different keys look alike.
    expect(k('a","b', 'c')).not.toBe(k('a', 'b","c'));
  });

  it('compares numbers by value and binaries by bytes', () => {
    const scores = entityMetadata(Score);
    const id = (n: string) => keyIdentity(scores, 's', { game: { S: 'g' }, points: { N: n } });
    expect(id('1.50')).toBe(id('1.5'));
    expect(id('15e-1')).toBe(id('1.5'));
    expect(id('1000000000000000000000')).toBe(id('1e+21'));
    expect(id('-0')).toBe(id('0.000'));
    expect(id('10')).not.toBe(id('1'));
    expect(canonicalNumber('-012.3400')).toBe('-1234e-2');
    expect(canonicalNumber('100')).toBe('1e2');
  });
});
