import 'reflect-metadata';
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Attribute, free, PartitionKey, SortKey, Table, type DkmioClient, type Repository } from '../../../src';
import { createTable, localDb, rawClient, uniquePrefix } from '../helpers';

@Table('things')
class Thing {
  @PartitionKey() id!: string;
  [attribute: string]: unknown;
}

@Table('dated')
class Dated {
  @PartitionKey() id!: string;
  @Attribute() when?: Date;
  @Attribute({ name: 'updated_at' }) updatedAt?: Date;
  meta?: Record<string, unknown>;
}

@Table('named')
class Named {
  @PartitionKey() id!: string;
  // Reserved words, undecorated.
  status?: string;
  name?: string;
  size?: number;
  data?: Record<string, unknown>;
  // Stored names DynamoDB expressions cannot write literally.
  @Attribute({ name: 'order-id' }) orderId?: string;
  @Attribute({ name: 'my attr' }) myAttr?: string;
  @Attribute({ name: '#hash' }) hash?: string;
  @Attribute({ name: 'a:b' }) colon?: string;
  @Attribute({ name: 'dotted.name' }) dotted?: string;
  // A declared property whose own name holds a dot is taken whole, not as a path.
  @Attribute() 'dot.prop'?: string;
}

@Table('blobs')
class Blob {
  @PartitionKey() id!: Uint8Array;
  @SortKey() part!: Buffer;
  payload?: Uint8Array;
}

@Table('readings')
class Reading {
  @PartitionKey() sensor!: string;
  @SortKey() at!: number;
  value?: number;
}

const prefix = uniquePrefix();
let raw: DynamoDBClient;
let db: DkmioClient;
let things: Repository<Thing>;

beforeAll(async () => {
  raw = rawClient();
  await createTable(raw, { name: `${prefix}things`, partitionKey: ['id', 'S'] });
  await createTable(raw, { name: `${prefix}dated`, partitionKey: ['id', 'S'] });
  await createTable(raw, { name: `${prefix}named`, partitionKey: ['id', 'S'] });
  await createTable(raw, { name: `${prefix}blobs`, partitionKey: ['id', 'B'], sortKey: ['part', 'B'] });
  await createTable(raw, { name: `${prefix}readings`, partitionKey: ['sensor', 'S'], sortKey: ['at', 'N'] });
  db = localDb({ tableNamePrefix: prefix });
  things = db.getRepository(Thing);
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

async function roundTrip(id: string, value: unknown): Promise<unknown> {
  await things.put({ id, value });
  const got = await things.get({ id }, { consistent: true });
  return got!['value'];
}

async function stored(table: string, key: Record<string, { S: string }>) {
  return (await raw.send(new GetItemCommand({ TableName: `${prefix}${table}`, Key: key, ConsistentRead: true }))).Item!;
}

describe('strings', () => {
  it('round-trips unicode, empty strings (non-key) and unicode keys', async () => {
    expect(await roundTrip('s1', 'héllo wörld 日本語 🎉 \u0000 "quotes" \\ \n')).toBe(
      'héllo wörld 日本語 🎉 \u0000 "quotes" \\ \n',
    );
    expect(await roundTrip('s2', '')).toBe('');
    await things.put({ id: 'ключ-🔑', v: 1 });
    expect(await things.get({ id: 'ключ-🔑' })).toEqual({ id: 'ключ-🔑', v: 1 });
  });
});

describe('numbers', () => {
  it.each([
    ['zero', 0],
    ['negative', -42],
    ['decimal', 3.14159],
    ['negative decimal', -0.001],
    ['float noise', 0.1 + 0.2],
    ['tiny', 1e-10],
    ['max safe integer', Number.MAX_SAFE_INTEGER],
    ['min safe integer', Number.MIN_SAFE_INTEGER],
  ])('round-trips %s', async (label, value) => {
    expect(await roundTrip(`n-${label}`, value)).toBe(value);
  });

  it('round-trips integers beyond 2^53 as bigint without losing digits', async () => {
    expect(await roundTrip('n-big', 9007199254740993n)).toBe(9007199254740993n);
    expect(await roundTrip('n-bigger', -(2n ** 100n))).toBe(-(2n ** 100n));
    expect(await roundTrip('n-38-digits', 12345678901234567890123456789012345678n)).toBe(
      12345678901234567890123456789012345678n,
    );
  });

  it('keeps the value of integer-valued doubles beyond 2^53 (DynamoDB answers them as plain digits)', async () => {
    for (const value of [1.5e100, -2e120, 1e21]) expect(Number(await roundTrip(`n-${value}`, value))).toBe(value);
  });

  it('round-trips number sort keys, negative and decimal, in numeric order', async () => {
    const readings = db.getRepository(Reading);
    for (const at of [10, -5, 2.5, 0, -100.25]) await readings.put({ sensor: 's', at, value: at * 2 });
    expect(await readings.get({ sensor: 's', at: -100.25 })).toEqual({ sensor: 's', at: -100.25, value: -200.5 });
    const page = await readings.query({ sensor: 's' });
    expect(page.items.map((r) => r.at)).toEqual([-100.25, -5, 0, 2.5, 10]);
    const between = await readings.query({ sensor: 's' }).where({ between: [-5, 2.5] });
    expect(between.items.map((r) => r.at)).toEqual([-5, 0, 2.5]);
  });
});

describe('booleans and null', () => {
  it('round-trips true, false and null', async () => {
    expect(await roundTrip('b-true', true)).toBe(true);
    expect(await roundTrip('b-false', false)).toBe(false);
    expect(await roundTrip('null', null)).toBeNull();
    const item = await stored('things', { id: { S: 'null' } });
    expect(item['value']).toEqual({ NULL: true });
  });
});

describe('binary', () => {
  it('round-trips Uint8Array and Buffer values (read back as bytes)', async () => {
    const bytes = new Uint8Array([0, 1, 2, 254, 255]);
    const fromU8 = await roundTrip('bin-u8', bytes);
    expect(fromU8).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(fromU8 as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    const fromBuffer = await roundTrip('bin-buf', Buffer.from('héllo', 'utf8'));
    expect(Buffer.from(fromBuffer as Uint8Array).toString('utf8')).toBe('héllo');
  });

  it('uses binary partition and sort keys for get, query, where and pagination', async () => {
    const blobs = db.getRepository(Blob);
    const id = Buffer.from([0xde, 0xad]);
    for (let i = 0; i < 5; i++) await blobs.put({ id, part: Buffer.from([0x10, i]), payload: new Uint8Array([i]) });
    await blobs.put({ id, part: Buffer.from([0x20]) });
    const one = await blobs.get({ id: new Uint8Array([0xde, 0xad]), part: Buffer.from([0x10, 3]) });
    expect(one).toBeInstanceOf(Blob);
    expect([...one!.payload!]).toEqual([3]);
    const prefixed = await blobs
      .query({ id })
      .where({ begins_with: new Uint8Array([0x10]) })
      .fetchAll();
    expect(prefixed.items.map((b) => [...b.part])).toEqual([
      [0x10, 0],
      [0x10, 1],
      [0x10, 2],
      [0x10, 3],
      [0x10, 4],
    ]);
    const between = await blobs
      .query({ id })
      .where({ between: [Buffer.from([0x10, 1]), Buffer.from([0x10, 2])] })
      .fetchAll();
    expect(between.items).toHaveLength(2);
    const first = await blobs.query({ id }).limit(2);
    expect(first.items).toHaveLength(2);
    const viaCursor = await blobs.query({ id }).startFrom(first.cursor).fetchAll();
    const viaKey = await blobs.query({ id }).startFrom(first.lastKey).fetchAll();
    expect(viaCursor.items).toHaveLength(4);
    expect(viaKey.items.map((b) => [...b.part])).toEqual(viaCursor.items.map((b) => [...b.part]));
    expect(await blobs.scan().count()).toBe(6);
  });
});

describe('sets', () => {
  it('round-trips string, number and binary sets', async () => {
    expect(await roundTrip('set-s', new Set(['a', 'é', '🎉']))).toEqual(new Set(['a', 'é', '🎉']));
    expect(await roundTrip('set-n', new Set([1, -2.5, 1e-5]))).toEqual(new Set([1, -2.5, 1e-5]));
    const bs = (await roundTrip('set-b', new Set([Buffer.from([1, 2]), new Uint8Array([3])]))) as Set<Uint8Array>;
    expect(bs).toBeInstanceOf(Set);
    expect([...bs].map((b) => [...b]).sort()).toEqual([[1, 2], [3]]);
    const item = await stored('things', { id: { S: 'set-n' } });
    expect(item['value'].NS!.map(Number).sort((a, b) => a - b)).toEqual([-2.5, 1e-5, 1]);
  });
});

describe('maps and lists', () => {
  it('round-trips nested maps and lists holding every type, empty ones included', async () => {
    const value = {
      list: [1, 'two', true, null, { deep: [[], {}, [new Set(['x'])]] }],
      map: { a: { b: { c: { d: 'deep' } } }, empty: {}, bytes: new Uint8Array([9]) },
      emptyList: [],
      numbers: [-1, 0.5, 123456789012345678901234567890n],
    };
    const got = (await roundTrip('nested', value)) as typeof value;
    expect(got).toEqual({ ...value, map: { ...value.map, bytes: expect.any(Uint8Array) } });
    expect([...(got.map.bytes as Uint8Array)]).toEqual([9]);
    // Nested paths project just those parts.
    const part = await things.get({ id: 'nested' }, { select: ['value.map.a.b', 'value.list[1]'] });
    expect(part).toEqual({ value: { map: { a: { b: { c: { d: 'deep' } } } }, list: ['two'] } });
  });
});

describe('dates', () => {
  it('stores Date properties as ISO strings, reads them back as Dates, and filters on them with Dates', async () => {
    const dated = db.getRepository(Dated);
    const when = new Date('2024-06-01T12:34:56.789Z');
    const updatedAt = new Date('2025-01-02T03:04:05.000Z');
    await dated.put({ id: 'd1', when, updatedAt, meta: { at: when } });
    const item = await stored('dated', { id: { S: 'd1' } });
    expect(item['when']).toEqual({ S: '2024-06-01T12:34:56.789Z' });
    expect(item['updated_at']).toEqual({ S: '2025-01-02T03:04:05.000Z' });
    const d = (await dated.get({ id: 'd1' }))!;
    expect(d.when).toBeInstanceOf(Date);
    expect(d.when!.getTime()).toBe(when.getTime());
    expect(d.updatedAt).toEqual(updatedAt);
    // Inside a free-form map a Date is stored as its ISO string and read back as that string.
    expect(d.meta).toEqual({ at: '2024-06-01T12:34:56.789Z' });
    await dated.put({ id: 'd2', when: new Date('2023-01-01T00:00:00Z') });
    // Regression: comparing a Date property with a Date was refused before sending.
    const after = await dated
      .scan()
      .filter({ when__gt: new Date('2024-01-01T00:00:00Z') })
      .fetchAll();
    expect(after.items.map((x) => x.id)).toEqual(['d1']);
    const inRange = await dated
      .scan()
      .filter({ when__between: [new Date('2022-12-31T00:00:00Z'), new Date('2023-06-01T00:00:00Z')] })
      .fetchAll();
    expect(inRange.items.map((x) => x.id)).toEqual(['d2']);
    const exact = await dated.scan().filter({ updatedAt: updatedAt }).fetchAll();
    expect(exact.items.map((x) => x.id)).toEqual(['d1']);
  });
});

describe('attribute names', () => {
  const full: Partial<Named> = {
    status: 'ok',
    name: 'Ana',
    size: 3,
    data: { size: 1, name: 'inner' },
    orderId: 'o-1',
    myAttr: 'spaced',
    hash: 'h',
    colon: 'c',
    dotted: 'dot',
    'dot.prop': 'whole',
  };

  it('stores reserved words and names with - space # : . under exactly those names', async () => {
    const named = db.getRepository(Named);
    await named.put({ id: 'n1', ...full });
    const item = await stored('named', { id: { S: 'n1' } });
    expect(Object.keys(item).sort()).toEqual(
      ['#hash', 'a:b', 'data', 'dot.prop', 'dotted.name', 'id', 'my attr', 'name', 'order-id', 'size', 'status'].sort(),
    );
    const got = await named.get({ id: 'n1' });
    expect(got).toEqual({ id: 'n1', ...full });
  });

  it('works in select, filter, conditions and update actions', async () => {
    const named = db.getRepository(Named);
    await named.put({ id: 'n2', ...full });
    const sel = await named.get(
      { id: 'n2' },
      { select: ['status', 'name', 'size', 'orderId', 'myAttr', 'hash', 'colon', 'dotted', 'dot.prop', 'data'] },
    );
    expect(sel).toEqual(full);
    const filter = {
      status: 'ok',
      name__begins_with: 'A',
      size__gte: 3,
      'data.size__eq': 1,
      orderId__eq: 'o-1',
      myAttr__contains: 'pace',
      hash__exists: true,
      colon__in: ['c', 'z'],
      dotted__eq: 'dot',
      'dot.prop__eq': 'whole',
      name__size__eq: 3,
    };
    const page = await named.scan().filter(filter).fetchAll();
    expect(page.items.map((x) => x.id).sort()).toEqual(['n1', 'n2']);
    const updated = await named.update(
      { id: 'n2' },
      {
        set: { status: 'done', 'dot.prop': 'still whole', 'data.name': 'changed' },
        remove: ['hash'],
        add: { size: 1 },
        setIfNotExists: { colon: 'ignored' },
        append: free({ myList: ['x'] }),
      },
      { condition: { orderId: 'o-1', dotted: 'dot', myAttr__exists: true }, returnValues: 'ALL_NEW' },
    );
    expect(updated).toEqual({
      id: 'n2',
      ...full,
      status: 'done',
      'dot.prop': 'still whole',
      data: { size: 1, name: 'changed' },
      hash: undefined,
      size: 4,
      myList: ['x'],
    });
    const item = await stored('named', { id: { S: 'n2' } });
    expect(item['dot.prop']).toEqual({ S: 'still whole' });
    expect(item['#hash']).toBeUndefined();
  });
});
