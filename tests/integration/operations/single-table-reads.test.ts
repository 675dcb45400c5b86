import 'reflect-metadata';
import { DescribeTableCommand, GetItemCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  Attribute,
  ConditionError,
  DkmioClient,
  Entity,
  GlobalIndex,
  ItemNotFoundError,
  Table,
  Version,
} from '../../../src';
import { caught, localDb, rawClient, uniquePrefix } from '../helpers';

// A KEYS_ONLY index (the type attribute is not projected), a number key, versions.
@Table('shop', {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    byDay: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'KEYS_ONLY' },
    byRank: { partitionKey: { name: 'gsi2pk', type: 'N' } },
  },
})
class ShopTable {}

@Entity(ShopTable, { type: 'Product', partitionKey: 'SHOP#{shopId}', sortKey: 'PRODUCT#{sku}' })
@GlobalIndex('byDay', { partitionKey: 'DAY#{day}', sortKey: 'P#{sku}' })
@GlobalIndex('byRank', { partitionKey: '{rank}' })
class Product {
  shopId!: string;
  sku!: string;
  day?: string;
  @Attribute() rank?: number;
  price?: number;
  @Version() version?: number;
}

@Entity(ShopTable, { type: 'Sale', partitionKey: 'SHOP#{shopId}', sortKey: 'SALE#{at:13}' })
@GlobalIndex('byDay', { partitionKey: 'DAY#{day}', sortKey: 'S#{at:13}' })
class Sale {
  shopId!: string;
  @Attribute() at!: number;
  day?: string;
  amount?: number;
}

const prefix = uniquePrefix();
const table = `${prefix}shop`;
let raw: DynamoDBClient;
let db: DkmioClient;

beforeAll(async () => {
  raw = rawClient();
  db = localDb({ tableNamePrefix: prefix });
  // The entities create their table class's table, every index of it included.
  await db.createTables([Product, Sale]);
  await db.getRepository(Product).put({ shopId: 's1', sku: 'a', day: 'mon', rank: 3, price: 10 });
  await db.getRepository(Sale).put({ shopId: 's1', at: 1700000000000, day: 'mon', amount: 5 });
  // Another client's item in the index, with keys no member composes.
  await raw.send(
    new PutItemCommand({
      TableName: table,
      Item: { pk: { S: 'X#1' }, sk: { S: 'Y' }, gsi1pk: { S: 'DAY#mon' }, gsi1sk: { S: 'Z' }, _type: { S: 'Other' } },
    }),
  );
});

afterAll(async () => {
  await db.deleteTables([ShopTable]);
  db.destroy();
  raw.destroy();
});

it('createTables of the entities builds the table class: both indexes, a number key', async () => {
  const out = await raw.send(new DescribeTableCommand({ TableName: table }));
  expect(out.Table!.GlobalSecondaryIndexes!.map((i) => [i.IndexName, i.Projection!.ProjectionType]).sort()).toEqual([
    ['byDay', 'KEYS_ONLY'],
    ['byRank', 'ALL'],
  ]);
  expect(out.Table!.AttributeDefinitions).toContainEqual({ AttributeName: 'gsi2pk', AttributeType: 'N' });
});

it('a number key stores the number itself; zero-padded sort keys sort', async () => {
  const item = await raw.send(
    new GetItemCommand({ TableName: table, Key: { pk: { S: 'SHOP#s1' }, sk: { S: 'SALE#1700000000000' } } }),
  );
  expect(unmarshall(item.Item!)).toMatchObject({ at: 1700000000000 });
  expect((await db.getRepository(Product).index('byRank').query({ rank: 3 })).items.map((p) => p.sku)).toEqual(['a']);
});

it('a collection read through a KEYS_ONLY index tells members by their keys and counts the rest in page.skipped', async () => {
  const page = await db.collection([Product, Sale]).index('byDay').query({ day: 'mon' });
  expect(page.items.map((i) => i.constructor.name).sort()).toEqual(['Product', 'Sale']);
  expect(page.skipped).toBe(1);
  // Keys only: the sources come back parsed from the keys.
  expect({ ...page.of(Sale)[0] }).toEqual({ shopId: 's1', at: 1700000000000, day: 'mon' });
  expect({ ...page.of(Product)[0] }).toEqual({ shopId: 's1', sku: 'a', day: 'mon' });
});

it('an entity read through a KEYS_ONLY index keeps only items its templates fit', async () => {
  const page = await db.getRepository(Sale).index('byDay').query({ day: 'mon' });
  expect(page.items).toHaveLength(1);
  expect(page.items[0]).toBeInstanceOf(Sale);
});

it('@Version and mustExist work with the type guard', async () => {
  const products = db.getRepository(Product);
  expect((await products.get({ shopId: 's1', sku: 'a' }))!.version).toBe(1);
  expect(await caught(products.put({ shopId: 's1', sku: 'a', price: 1 }))).toBeInstanceOf(ConditionError);
  await products.put({ shopId: 's1', sku: 'a', price: 11, version: 1 });
  expect((await products.get({ shopId: 's1', sku: 'a' }))!.version).toBe(2);
  expect(
    await caught(products.update({ shopId: 's1', sku: 'zz' }, { set: { price: 1 } }, { mustExist: true })),
  ).toBeInstanceOf(ItemNotFoundError);
  await products.update({ shopId: 's1', sku: 'a' }, { set: { price: 12 } }, { mustExist: true });
  expect((await products.get({ shopId: 's1', sku: 'a' }))!.price).toBe(12);
});

it('select on an entity query reads the keys for paging and leaves them out', async () => {
  const page = await db.getRepository(Product).query({ shopId: 's1' }).select('price');
  expect(page.items.map((p) => ({ ...p }))).toEqual([{ price: 12 }]);
});
