/**
 * Every way to misuse the API, table-driven: each row must throw the named error class with its
 * stable `code`, a message naming the culprit, and send nothing (a recording client counts every
 * request). Rows that the types already refuse cast their input (`untyped`), to prove the runtime
 * check behind the compile-time one.
 */
import 'reflect-metadata';
import { CreateTableCommand, DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  DkmioClient,
  ErrorCodes,
  GlobalIndex,
  InvalidDefinitionError,
  InvalidProjectionError,
  LocalIndex,
  MissingKeyError,
  PartitionKey,
  SortKey,
  Table,
  ValidationError,
  and,
  free,
  not,
  type Repository,
} from '../../src';
import { testClientConfig, uniqueTableName } from '../support/local';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
@GlobalIndex('gsi-region', { partitionKey: 'region', projection: 'KEYS_ONLY' })
@LocalIndex('lsi-total', { sortKey: 'total' })
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  @Attribute() region?: string;
  @Attribute() total?: number;
  notes?: string;
}

@Table('users')
class User {
  @PartitionKey() id!: number;
  name?: string;
}

class NotAnEntity {
  id!: string;
}

/** A value the types would refuse, passed anyway to reach the runtime check. */
const untyped = <T>(value: unknown): T => value as T;

let raw: DynamoDBClient;
let db: DkmioClient;
let orders: Repository<Order>;
let users: Repository<User>;
let prefix: string;
let sends = 0;
let userCursor: string;
let orderCursor: string;

beforeAll(async () => {
  raw = new DynamoDBClient(testClientConfig());
  prefix = `${uniqueTableName('bad')}-`;
  const S = 'S' as const;
  await raw.send(
    new CreateTableCommand({
      TableName: `${prefix}orders`,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'userId', AttributeType: S },
        { AttributeName: 'orderId', AttributeType: S },
        { AttributeName: 'status', AttributeType: S },
        { AttributeName: 'created_at', AttributeType: S },
        { AttributeName: 'region', AttributeType: S },
        { AttributeName: 'total', AttributeType: 'N' },
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
        {
          IndexName: 'gsi-region',
          KeySchema: [{ AttributeName: 'region', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'lsi-total',
          KeySchema: [
            { AttributeName: 'userId', KeyType: 'HASH' },
            { AttributeName: 'total', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  await raw.send(
    new CreateTableCommand({
      TableName: `${prefix}users`,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    }),
  );
  const recording = {
    send: (command: never, options?: { abortSignal?: AbortSignal }) => ((sends += 1), raw.send(command, options)),
  };
  db = new DkmioClient({ client: recording, tableNamePrefix: prefix });
  orders = db.getRepository(Order);
  users = db.getRepository(User);
  // Real cursors, made by real pages.
  await Promise.all([1, 2, 3].map((id) => users.put({ id, name: `u${id}` })));
  await Promise.all(['o1', 'o2', 'o3'].map((orderId) => orders.put({ userId: 'u1', orderId, total: 5 })));
  userCursor = (await users.scan().limit(1)).cursor!;
  orderCursor = (await orders.query({ userId: 'u1' }).limit(1)).cursor!;
});

afterAll(async () => {
  await raw.send(new DeleteTableCommand({ TableName: `${prefix}orders` }));
  await raw.send(new DeleteTableCommand({ TableName: `${prefix}users` }));
  db.destroy();
  raw.destroy();
});

type ErrorClass = abstract new (...args: never[]) => Error;
interface Row {
  /** The misuse. */
  misuse: string;
  run: () => unknown;
  error: ErrorClass;
  code: string;
  /** Words the message must contain: the culprit, and what is valid where it helps. */
  names: (string | RegExp)[];
}

const key = { userId: 'u1', orderId: 'o1' };
const big = 'x'.repeat(400 * 1024);
const tampered = (cursor: string, edit: (body: Record<string, unknown>) => void) => {
  const body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  edit(body);
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
};
const V = { error: ValidationError, code: ErrorCodes.VALIDATION };
/** Values no message may ever contain. */
const SECRET = 'hunter2-s3cr3t';
const SECRET_NUMBER = 987654321;
/** A copy of `base` with an own `__proto__` key holding `value` (as JSON.parse and other clients make them). */
const proto = <T>(base: Record<string, unknown>, value: unknown = SECRET): T => {
  const out = { ...base };
  Object.defineProperty(out, '__proto__', { value, enumerable: true, writable: true, configurable: true });
  return out as T;
};
const cyclic = () => {
  const a: Record<string, unknown> = { name: 'a' };
  a['next'] = { back: a };
  return a;
};
const nested = (depth: number) => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};
const nestedLists = (depth: number) => {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
};

const rows: Row[] = [
  // Keys
  {
    misuse: 'get without the sort key',
    run: () => orders.get({ userId: 'u1' }),
    error: MissingKeyError,
    code: ErrorCodes.MISSING_KEY,
    names: ['"orderId"', 'query('],
  },
  {
    misuse: 'get without the partition key',
    run: () => orders.get({ orderId: 'o1' }),
    error: MissingKeyError,
    code: ErrorCodes.MISSING_KEY,
    names: ['"userId"'],
  },
  {
    misuse: 'put without the sort key',
    run: () => orders.put({ userId: 'u1', total: 1 }),
    error: MissingKeyError,
    code: ErrorCodes.MISSING_KEY,
    names: ['"orderId"'],
  },
  {
    misuse: 'update without the partition key',
    run: () => orders.update({ orderId: 'o1' }, { set: { total: 1 } }),
    error: MissingKeyError,
    code: ErrorCodes.MISSING_KEY,
    names: ['"userId"'],
  },
  {
    misuse: 'delete with a null key part',
    run: () => orders.delete(untyped({ userId: 'u1', orderId: null })),
    error: MissingKeyError,
    code: ErrorCodes.MISSING_KEY,
    names: ['"orderId"'],
  },
  {
    misuse: 'get with an extra attribute in the key',
    run: () => orders.get({ ...key, status: 'NEW' }),
    ...V,
    names: ['"status"', 'not part of the primary key', 'userId, orderId'],
  },
  {
    misuse: 'delete with an extra attribute in the key',
    run: () => orders.delete({ ...key, total: 1 }),
    ...V,
    names: ['"total"'],
  },
  {
    misuse: 'get with a number for a string key',
    run: () => orders.get(untyped({ userId: 'u1', orderId: 5 })),
    ...V,
    names: ['"orderId"', 'string'],
  },
  {
    misuse: 'get with a string for a number key',
    run: () => users.get(untyped({ id: '5' })),
    ...V,
    names: ['"id"', 'number'],
  },
  {
    misuse: 'get with a boolean key',
    run: () => orders.get(untyped({ userId: true, orderId: 'o1' })),
    ...V,
    names: ['"userId"', 'string, number or binary'],
  },
  {
    misuse: 'put with an empty-string key',
    run: () => orders.put({ userId: '', orderId: 'o1' }),
    ...V,
    names: ['"userId"', 'empty string'],
  },
  { misuse: 'get with a NaN key', run: () => users.get({ id: NaN }), ...V, names: ['"id"', 'finite'] },
  {
    misuse: 'get with no key object',
    run: () => orders.get(untyped('u1')),
    ...V,
    names: ['userId: ...', 'orderId: ...'],
  },
  // Queries and indexes
  {
    misuse: 'query without the partition key',
    run: () => orders.query(untyped({})),
    error: MissingKeyError,
    code: ErrorCodes.MISSING_KEY,
    names: ['"userId"', 'table "orders"', 'scan()'],
  },
  {
    misuse: 'index query without its partition key',
    run: () => orders.index('gsi-status').query(untyped({})),
    error: MissingKeyError,
    code: ErrorCodes.MISSING_KEY,
    names: ['"status"', 'index "gsi-status" of table "orders"'],
  },
  {
    misuse: 'query with a null partition key',
    run: () => orders.index('lsi-total').query(untyped({ userId: null })),
    error: MissingKeyError,
    code: ErrorCodes.MISSING_KEY,
    names: ['"userId"', 'index "lsi-total"'],
  },
  {
    misuse: 'query with a non-key attribute',
    run: () => orders.query({ userId: 'u1', status: 'NEW' }),
    ...V,
    names: ['"status"', 'filter()'],
  },
  {
    misuse: 'an unknown index',
    run: () => orders.index('gsi-staus'),
    ...V,
    names: ['"gsi-staus"', 'gsi-status', 'gsi-region', 'lsi-total'],
  },
  {
    misuse: 'where() on an index without a sort key',
    run: () => orders.index('gsi-region').query({ region: 'eu' }).where({ eq: 'x' }),
    ...V,
    names: ['index "gsi-region"', 'has none'],
  },
  {
    misuse: 'where() on a table without a sort key',
    run: () => users.query({ id: 1 }).where({ gt: 1 }),
    ...V,
    names: ['table "users"', 'has none'],
  },
  {
    misuse: 'where() twice',
    run: () => orders.query({ userId: 'u1' }).where({ gt: 'a' }).where({ lt: 'z' }),
    ...V,
    names: ['already', 'exactly one'],
  },
  {
    misuse: 'where() with two operators',
    run: () => orders.query({ userId: 'u1' }).where(untyped({ gt: 'a', lt: 'z' })),
    ...V,
    names: ['exactly one', '"orderId"', 'got 2'],
  },
  {
    misuse: 'where() with an unknown operator',
    run: () => orders.query({ userId: 'u1' }).where(untyped({ contains: 'a' })),
    ...V,
    names: ['"contains"', 'begins_with'],
  },
  {
    misuse: 'consistent() on a global index',
    run: () => orders.index('gsi-status').query({ status: 'NEW' }).consistent(),
    ...V,
    names: ['"gsi-status"', 'local index'],
  },
  {
    misuse: 'filter() on an attribute the index does not project',
    run: () => orders.index('gsi-status').scan().filter({ notes: 'x' }),
    error: InvalidProjectionError,
    code: ErrorCodes.INVALID_PROJECTION,
    names: ['"notes"', '"gsi-status"', 'total'],
  },
  {
    misuse: 'select() of an attribute a KEYS_ONLY index lacks',
    run: () => orders.index('gsi-region').query({ region: 'eu' }).select('total'),
    error: InvalidProjectionError,
    code: ErrorCodes.INVALID_PROJECTION,
    names: ['"total"', '"gsi-region"', 'only its keys'],
  },
  {
    misuse: 'filter() on a key attribute of the query',
    run: () => orders.query({ userId: 'u1' }).filter({ orderId__gt: 'a' }),
    ...V,
    names: ['"orderId"', 'where()'],
  },
  {
    misuse: 'select() twice',
    run: () => orders.scan().select('total').select('status'),
    ...V,
    names: ['select()', 'one call'],
  },
  { misuse: 'limit(0)', run: () => orders.scan().limit(0), ...V, names: ['limit()', 'positive integer', '0'] },
  { misuse: 'segment out of range', run: () => orders.scan().segment(4, 4), ...V, names: ['0 to 3', '4'] },
  {
    misuse: 'fetchAll({ maxItems: 0 })',
    run: () => orders.scan().fetchAll({ maxItems: 0 }),
    ...V,
    names: ['maxItems', 'positive integer'],
  },
  // Cursors
  {
    misuse: 'a cursor from another table',
    run: () => orders.query({ userId: 'u1' }).startFrom(userCursor),
    ...V,
    names: ['table "users"', 'table "orders"'],
  },
  {
    misuse: 'a table cursor on an index',
    run: () => orders.index('lsi-total').query({ userId: 'u1' }).startFrom(orderCursor),
    ...V,
    names: ['table "orders"', 'index "lsi-total"'],
  },
  {
    misuse: 'a cursor that is not base64 JSON',
    run: () => orders.scan().startFrom('not-a-cursor!'),
    ...V,
    names: ['not a cursor dkmio made'],
  },
  {
    misuse: 'a cursor with a key value of the wrong type',
    run: () =>
      orders.scan().startFrom(
        tampered(orderCursor, (b) => {
          (b['k'] as Record<string, unknown>)['orderId'] = ['N', '5'];
        }),
      ),
    ...V,
    names: ['"orderId"', 'string'],
  },
  {
    misuse: 'a cursor with another key attribute',
    run: () =>
      orders.scan().startFrom(
        tampered(orderCursor, (b) => {
          (b['k'] as Record<string, unknown>)['status'] = ['S', 'x'];
        }),
      ),
    ...V,
    names: ['unexpected status', 'userId, orderId'],
  },
  {
    misuse: 'a cursor missing a key attribute',
    run: () =>
      orders.scan().startFrom(
        tampered(orderCursor, (b) => {
          delete (b['k'] as Record<string, unknown>)['orderId'];
        }),
      ),
    ...V,
    names: ['missing orderId'],
  },
  {
    misuse: 'a cursor renamed to another table',
    run: () =>
      orders.scan().startFrom(
        tampered(orderCursor, (b) => {
          b['t'] = 'users';
        }),
      ),
    ...V,
    names: ['table "users"'],
  },
  {
    misuse: 'a lastKey with a wrong attribute',
    run: () => orders.scan().startFrom({ userId: 'u1', order: 'o1' }),
    ...V,
    names: ['missing orderId', 'unexpected order'],
  },
  // Updates
  { misuse: 'an update with no action', run: () => orders.update(key, {}), ...V, names: ['no action', 'set'] },
  {
    misuse: 'an update with only empty actions',
    run: () => orders.update(key, { set: {}, remove: [] }),
    ...V,
    names: ['no action'],
  },
  {
    misuse: 'an update that sets a key attribute',
    run: () => orders.update(key, untyped({ set: { orderId: 'o2' } })),
    ...V,
    names: ['"orderId"', 'primary key'],
  },
  {
    misuse: 'an update that removes a key attribute',
    run: () => orders.update(key, untyped({ remove: ['userId'] })),
    ...V,
    names: ['"userId"', 'primary key'],
  },
  {
    misuse: 'an update touching overlapping paths',
    run: () => orders.update(key, free({ set: { 'notes.a': 1 }, remove: ['notes'] })),
    ...V,
    names: ['"notes.a"', '"notes"', 'overlapping'],
  },
  {
    misuse: 'an unknown update action',
    run: () => orders.update(key, untyped({ increment: { total: 1 } })),
    ...V,
    names: ['"increment"', 'setIfNotExists'],
  },
  {
    misuse: 'add of a string',
    run: () => orders.update(key, untyped({ add: { total: 'one' } })),
    ...V,
    names: ['"total"', 'number'],
  },
  {
    misuse: 'expectedVersion without @Version()',
    run: () => orders.update(key, { set: { total: 1 } }, { expectedVersion: 1 }),
    ...V,
    names: ['expectedVersion', '@Version()'],
  },
  {
    misuse: 'returnValues put does not have',
    run: () => orders.put({ ...key }, untyped({ returnValues: 'ALL_NEW' })),
    ...V,
    names: ['"ALL_NEW"', 'NONE, ALL_OLD'],
  },
  // Item size and values
  {
    misuse: 'a put over 400 KB',
    run: () => orders.put({ ...key, notes: big }),
    ...V,
    names: ['400 KB', 'put on Order'],
  },
  {
    misuse: 'an update writing over 400 KB',
    run: () => orders.update(key, { set: { notes: big } }),
    ...V,
    names: ['400 KB', 'update on Order'],
  },
  { misuse: 'a NaN in an item', run: () => orders.put({ ...key, total: NaN }), ...V, names: ['"total"', 'finite'] },
  {
    misuse: 'an empty set in an item',
    run: () => orders.put(free({ ...key, tags: new Set() })),
    ...V,
    names: ['"tags"', 'empty set'],
  },
  {
    misuse: 'a Map in an item',
    run: () => orders.put(free({ ...key, meta: new Map() })),
    ...V,
    names: ['"meta"', 'plain object'],
  },
  {
    misuse: 'an empty map key in an item',
    run: () => orders.put(free({ ...key, meta: { '': 1 } })),
    ...V,
    names: ['"meta"', 'empty key'],
  },
  // Operators
  {
    misuse: 'an unknown operator',
    run: () => orders.scan().filter(untyped({ total__greater: 5 })),
    ...V,
    names: ['"total__greater"', '"greater"', 'begins_with'],
  },
  {
    misuse: 'between with three bounds',
    run: () => orders.scan().filter(untyped({ total__between: [1, 2, 3] })),
    ...V,
    names: ['"total__between"', 'exactly two'],
  },
  {
    misuse: 'between with reversed bounds',
    run: () => orders.scan().filter({ total__between: [9, 1] }),
    ...V,
    names: ['"total__between"', 'reversed'],
  },
  {
    misuse: 'in with a non-array',
    run: () => orders.scan().filter(untyped({ status__in: 'NEW' })),
    ...V,
    names: ['"status__in"', 'non-empty array'],
  },
  {
    misuse: 'in with an empty list',
    run: () => orders.scan().filter({ status__in: [] }),
    ...V,
    names: ['"status__in"', 'non-empty'],
  },
  {
    misuse: 'in with more than 100 values',
    run: () => orders.scan().filter({ total__in: Array.from({ length: 101 }, (_, i) => i) }),
    ...V,
    names: ['"total__in"', '100', '101'],
  },
  {
    misuse: 'size without a comparison',
    run: () => orders.scan().filter(untyped({ notes__size: 3 })),
    ...V,
    names: ['"notes__size"', 'notes__size__gt'],
  },
  {
    misuse: 'size with a non-comparison',
    run: () => orders.scan().filter(untyped({ notes__size__contains: 3 })),
    ...V,
    names: ['"contains" cannot follow size'],
  },
  {
    misuse: 'a NaN in a condition',
    run: () => orders.scan().filter({ total__gt: NaN }),
    ...V,
    names: ['"total__gt"', 'finite'],
  },
  {
    misuse: 'Infinity in a write condition',
    run: () => orders.delete(key, { condition: { total__lt: Infinity } }),
    ...V,
    names: ['"total__lt"', 'finite'],
  },
  {
    misuse: 'the same key in two filter() calls',
    run: () => orders.scan().filter({ total__gt: 1 }).filter({ total__gt: 2 }),
    ...V,
    names: ['"total__gt"', 'already filtered'],
  },
  {
    misuse: 'an unknown attribute type name',
    run: () => orders.scan().filter(untyped({ total__type: 'number' })),
    ...V,
    names: ['"total__type"', 'BOOL'],
  },
  {
    misuse: 'an undefined condition value',
    run: () => orders.scan().filter({ status: undefined }),
    ...V,
    names: ['"status"', 'undefined'],
  },
  {
    misuse: 'an empty condition object',
    run: () => orders.put({ ...key }, { condition: {} }),
    ...V,
    names: ['at least one entry'],
  },
  {
    misuse: 'an empty conditionOr',
    run: () => orders.delete(key, { conditionOr: [] }),
    ...V,
    names: ['conditionOr', 'non-empty'],
  },
  { misuse: 'and() with nothing', run: () => orders.scan().filter(and()), ...V, names: ['and()', 'at least one'] },
  { misuse: 'not() with nothing', run: () => orders.scan().filter(not(untyped(undefined))), ...V, names: ['not()'] },
  {
    misuse: 'a malformed path',
    run: () => orders.scan().filter(free({ 'items[x].qty__gt': 1 })),
    ...V,
    names: ['"items[x].qty"', '"[x]"'],
  },
  // __proto__: refused on every write, filter, condition and path (JSON.parse makes it an own key)
  {
    misuse: '__proto__ as an attribute of a put',
    run: () => orders.put(proto({ ...key })),
    ...V,
    names: ['"__proto__"', 'put on Order', 'rename it'],
  },
  {
    misuse: '__proto__ as a nested map key of a put',
    run: () => orders.put(free({ ...key, meta: proto({ ok: 1 }, { isAdmin: true }) })),
    ...V,
    names: ['"meta.__proto__"', 'prototype'],
  },
  {
    misuse: '__proto__ deep in a list of maps of a put',
    run: () => orders.put(free({ ...key, list: [1, { a: proto({}) }] })),
    ...V,
    names: ['"list[1].a.__proto__"'],
  },
  {
    misuse: '__proto__ as an update set path',
    run: () => orders.update(key, untyped({ set: proto({}) })),
    ...V,
    names: ['"__proto__"'],
  },
  {
    misuse: '__proto__ inside an update path',
    run: () => orders.update(key, free({ set: { 'notes.__proto__.x': SECRET } })),
    ...V,
    names: ['"notes.__proto__.x"'],
  },
  {
    misuse: '__proto__ as a map key in an update value',
    run: () => orders.update(key, free({ set: { meta: proto({}) } })),
    ...V,
    names: ['"meta.__proto__"'],
  },
  {
    misuse: '__proto__ in an update remove',
    run: () => orders.update(key, free({ remove: ['__proto__'] })),
    ...V,
    names: ['"__proto__"'],
  },
  {
    misuse: '__proto__ in an append value',
    run: () => orders.update(key, free({ append: { history: proto({}) } })),
    ...V,
    names: ['__proto__'],
  },
  {
    misuse: '__proto__ as a filter key',
    run: () => orders.scan().filter(untyped(proto({}))),
    ...V,
    names: ['"__proto__"'],
  },
  {
    misuse: '__proto__ with an operator in a filter',
    run: () => orders.scan().filter(free({ 'notes.__proto____eq': SECRET })),
    ...V,
    names: ['"notes.__proto____eq"'],
  },
  {
    misuse: '__proto__ as a map key in a filter value',
    run: () => orders.scan().filter(free({ meta: proto({}) })),
    ...V,
    names: ['"meta.__proto__"'],
  },
  {
    misuse: '__proto__ in a write condition',
    run: () => orders.delete(key, { condition: untyped(proto({})) }),
    ...V,
    names: ['"__proto__"'],
  },
  {
    misuse: '__proto__ in select()',
    run: () => orders.scan().select(untyped<'status'>('__proto__')),
    ...V,
    names: ['"__proto__"'],
  },
  {
    misuse: '__proto__ in a batch put',
    run: () => orders.batchWrite((b) => void b.put(proto({ ...key }))),
    ...V,
    names: ['"__proto__"'],
  },
  {
    misuse: '__proto__ in a transaction put',
    run: () => db.transactWrite((tx) => void tx.put(orders, proto({ ...key }))),
    ...V,
    names: ['"__proto__"'],
  },
  // Values DynamoDB cannot store: refused, never silently changed
  {
    misuse: 'a function at the top level of a put',
    run: () => orders.put(free({ ...key, fn: () => SECRET })),
    ...V,
    names: ['"fn"', 'is a function', 'cannot store'],
  },
  {
    misuse: 'a function nested in a map',
    run: () => orders.put(free({ ...key, nested: { fn: () => 1 } })),
    ...V,
    names: ['"nested.fn"', 'is a function'],
  },
  {
    misuse: 'a symbol',
    run: () => orders.put(free({ ...key, s: Symbol(SECRET) })),
    ...V,
    names: ['"s"', 'is a symbol'],
  },
  {
    misuse: 'a RegExp',
    run: () => orders.put(free({ ...key, re: new RegExp(SECRET, 'g') })),
    ...V,
    names: ['"re"', 'a RegExp object', 'cannot store'],
  },
  {
    misuse: 'an Error',
    run: () => orders.put(free({ ...key, err: new Error(SECRET) })),
    ...V,
    names: ['"err"', 'an Error object'],
  },
  {
    misuse: 'an Error subclass',
    run: () => orders.put(free({ ...key, err: new TypeError(SECRET) })),
    ...V,
    names: ['"err"', 'an Error object'],
  },
  {
    misuse: 'a Promise',
    run: () => orders.put(free({ ...key, p: Promise.resolve(SECRET) })),
    ...V,
    names: ['"p"', 'a Promise object'],
  },
  {
    misuse: 'an Int16Array',
    run: () => orders.put(free({ ...key, i16: new Int16Array([1, -1]) })),
    ...V,
    names: ['"i16"', 'an Int16Array', 'Uint8Array'],
  },
  {
    misuse: 'a DataView',
    run: () => orders.put(free({ ...key, dv: new DataView(new ArrayBuffer(2)) })),
    ...V,
    names: ['"dv"', 'a DataView', 'Uint8Array'],
  },
  {
    misuse: 'a boxed number',
    run: () => orders.put(free({ ...key, num: new Number(SECRET_NUMBER) })),
    ...V,
    names: ['"num"', 'boxed number', 'primitive'],
  },
  {
    misuse: 'a boxed string',
    run: () => orders.put(free({ ...key, str: new String(SECRET) })),
    ...V,
    names: ['"str"', 'boxed string'],
  },
  {
    misuse: 'a boxed boolean',
    run: () => orders.put(free({ ...key, b: new Boolean(true) })),
    ...V,
    names: ['"b"', 'boxed boolean'],
  },
  {
    misuse: 'a WeakMap',
    run: () => orders.put(free({ ...key, wm: new WeakMap() })),
    ...V,
    names: ['"wm"', 'a WeakMap object'],
  },
  {
    misuse: 'a URL (a class instance with no own data)',
    run: () => orders.put(free({ ...key, url: new URL('http://127.0.0.1/') })),
    ...V,
    names: ['"url"', 'a URL object'],
  },
  {
    misuse: 'a cyclic value',
    run: () => orders.put(free({ ...key, self: cyclic() })),
    ...V,
    names: ['"self.next.back"', 'cyclic'],
  },
  {
    misuse: 'a value nested past 32 levels',
    run: () => orders.put(free({ ...key, deep: nested(40) })),
    ...V,
    names: ['"deep.a.a', '32 levels'],
  },
  {
    misuse: 'a value nested 20,000 levels (no stack overflow)',
    run: () => orders.put(free({ ...key, deep: nested(20_000) })),
    ...V,
    names: ['32 levels'],
  },
  {
    misuse: 'lists nested past 32 levels',
    run: () => orders.put(free({ ...key, deep: nestedLists(32) })),
    ...V,
    names: ['"deep[0][0]', '32 levels'],
  },
  {
    misuse: 'a RegExp in a filter value',
    run: () => orders.scan().filter(free({ notes__eq: /x/ })),
    ...V,
    names: ['"notes__eq"', 'RegExp'],
  },
  {
    misuse: 'a function in a condition value',
    run: () => orders.delete(key, { condition: free({ notes__eq: () => 1 }) }),
    ...V,
    names: ['"notes__eq"', 'function'],
  },
  {
    misuse: 'an Error in an update value',
    run: () => orders.update(key, free({ set: { err: new Error(SECRET) } })),
    ...V,
    names: ['"err"', 'an Error object'],
  },
  {
    misuse: 'a cycle in an update value',
    run: () => orders.update(key, free({ set: { graph: cyclic() } })),
    ...V,
    names: ['"graph.next.back"', 'cyclic'],
  },
  {
    misuse: 'a function in a batch put',
    run: () => orders.batchWrite((b) => void b.put(free({ ...key, fn: () => 1 }))),
    ...V,
    names: ['"fn"', 'function'],
  },
  // Messages never echo a value, not even a number or a boolean
  {
    misuse: 'a string for type (the value is not echoed)',
    run: () => orders.scan().filter(untyped({ notes__type: SECRET })),
    ...V,
    names: ['"notes__type"', 'BOOL'],
  },
  {
    misuse: 'a number for a string key (not echoed)',
    run: () => orders.get(untyped({ userId: SECRET_NUMBER, orderId: 'o1' })),
    ...V,
    names: ['"userId"', 'got a number'],
  },
  {
    misuse: 'a boolean for a number key (not echoed)',
    run: () => users.get(untyped({ id: true })),
    ...V,
    names: ['"id"', 'got a boolean'],
  },
  {
    misuse: 'a number for begins_with (not echoed)',
    run: () => orders.scan().filter(untyped({ notes__begins_with: SECRET_NUMBER })),
    ...V,
    names: ['"notes__begins_with"', 'got a number'],
  },
  {
    misuse: 'a number for exists (not echoed)',
    run: () => orders.scan().filter(untyped({ notes__exists: SECRET_NUMBER })),
    ...V,
    names: ['"notes__exists"', 'true or false'],
  },
  {
    misuse: 'a boolean to compare (not echoed)',
    run: () => orders.scan().filter(untyped({ notes__gt: true })),
    ...V,
    names: ['"notes__gt"', 'got a boolean'],
  },
  {
    misuse: 'a number for a where() begins_with (not echoed)',
    run: () => orders.query({ userId: 'u1' }).where(untyped({ begins_with: SECRET_NUMBER })),
    ...V,
    names: ['"orderId"', 'got a number'],
  },
  {
    misuse: 'between bounds of two types (not echoed)',
    run: () => orders.scan().filter(untyped({ total__between: [SECRET_NUMBER, SECRET] })),
    ...V,
    names: ['"total__between"', 'one type'],
  },
  {
    misuse: 'a boolean in a set (not echoed)',
    run: () => orders.put(free({ ...key, tags: new Set([true]) })),
    ...V,
    names: ['"tags"', 'a boolean'],
  },
  // Cursors: numbers must be in DynamoDB's own (canonical) format
  ...[
    '0x10',
    ' 1',
    '1 ',
    '1e5',
    '+5',
    '007',
    '-0',
    '1.50',
    '.5',
    '1.',
    'NaN',
    'Infinity',
    '',
    '1'.repeat(39),
    '1'.repeat(127),
  ].map((n): Row => ({
    misuse: `a cursor number spelled ${JSON.stringify(n.length > 12 ? `${n.slice(0, 4)}...(${n.length} digits)` : n)}`,
    run: () =>
      users.scan().startFrom(
        tampered(userCursor, (b) => {
          (b['k'] as Record<string, unknown>)['id'] = ['N', n];
        }),
      ),
    ...V,
    names: ['"id"', 'malformed'],
  })),
  // Client options
  {
    misuse: 'a negative requestTimeoutMs',
    run: () => new DkmioClient({ client: raw, requestTimeoutMs: -1 }),
    ...V,
    names: ['requestTimeoutMs', '>= 0'],
  },
  {
    misuse: 'an unknown circuit breaker scope',
    run: () => new DkmioClient({ client: raw, circuitBreaker: { scope: untyped('index') } }),
    ...V,
    names: ['circuitBreaker.scope', "'table'"],
  },
  // Definitions
  {
    misuse: 'a class without @Table',
    run: () => db.getRepository(NotAnEntity),
    error: InvalidDefinitionError,
    code: ErrorCodes.INVALID_DEFINITION,
    names: ['NotAnEntity', '@Table'],
  },
];

test.each(rows.map((r) => [r.misuse, r] as const))('%s', async (_misuse, row) => {
  const before = sends;
  let thrown: unknown;
  try {
    await row.run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(row.error);
  const error = thrown as Error & { code: string };
  expect(error.code).toBe(row.code);
  for (const name of row.names)
    expect(error.message).toMatch(
      typeof name === 'string' ? new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : name,
    );
  // No value in any message: neither the sentinels nor any number or boolean written as a value.
  expect(error.message).not.toContain(SECRET);
  expect(error.message).not.toContain(String(SECRET_NUMBER));
  expect(error.message).not.toMatch(/got (true|false)\b/);
  expect(sends - before).toBe(0);
});
