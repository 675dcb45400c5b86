import { Entity, MissingKeyError, ValidationError, entityMetadata, queryFilters } from '../../../src';
import { buildPutItem } from '../../../src/operations/put/build';
import { buildGetItem } from '../../../src/operations/get/build';
import { buildUpdateItem } from '../../../src/operations/update/build';
import { buildDeleteItem } from '../../../src/operations/delete/build';
import { buildConditionCheck } from '../../../src/operations/transact-write/build';
import { deepFreeze, expectError, expectValidation, offlineClient, N, S } from '../fixtures';
import { AppTable, Line, Order, User } from '../single-table-fixtures';

const user = entityMetadata(User);
const order = entityMetadata(Order);
const line = entityMetadata(Line);
// A write's guard; in parentheses when another clause follows.
const guard = 'attribute_not_exists(#n0) OR #n1 = :v0';

describe('put', () => {
  it('composes the keys, the index keys whose sources are present, and the type; guards the write', () => {
    expect(buildPutItem(user, 'app', deepFreeze({ userId: 'u1', orgId: 'o1', email: 'a@x.io', name: 'Ann' }))).toEqual({
      TableName: 'app',
      Item: {
        userId: S('u1'),
        orgId: S('o1'),
        email: S('a@x.io'),
        name: S('Ann'),
        pk: S('USER#u1'),
        sk: S('PROFILE'),
        gsi1pk: S('ORG#o1'),
        gsi1sk: S('USER#a@x.io'),
        _type: S('User'),
      },
      ConditionExpression: guard,
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': '_type' },
      ExpressionAttributeValues: { ':v0': S('User') },
    });
  });

  it('leaves out an index key with a missing source (sparse) and pads widths', () => {
    const input = buildPutItem(order, 'app', { userId: 'u1', orderId: 'o1', createdAt: '2026-01-01', total: 42 });
    expect(input.Item).toEqual({
      userId: S('u1'),
      orderId: S('o1'),
      createdAt: S('2026-01-01'),
      total: N(42),
      pk: S('USER#u1'),
      sk: S('ORDER#2026-01-01#o1'),
      gsi1sk: S('2026-01-01'),
      lsi1sk: S('TOTAL#00000042'),
      _type: S('Order'),
    });
  });

  it("ANDs the user's condition after the guard", () => {
    const input = buildPutItem(
      order,
      'app',
      { userId: 'u1', orderId: 'o1', createdAt: 'c' },
      { condition: { status: 'NEW' } },
    );
    expect(input.ConditionExpression).toBe(`(${guard}) AND (#n2 = :v1)`);
    expect(input.ExpressionAttributeNames).toEqual({ '#n0': 'pk', '#n1': '_type', '#n2': 'status' });
  });

  it('template values: strings, numbers within their width, dates as ISO; anything else is refused before sending', () => {
    const at = new Date('2026-05-01T10:00:00.000Z');
    expect(buildPutItem(line, 'app', { orderId: 'o1', seq: 7, at }).Item!['sk']).toEqual(S('LINE#0007'));
    expectValidation(() => buildPutItem(line, 'app', { orderId: 'o1', seq: 12345 }), 'more than 4 digits', "'{seq:5}'");
    expectValidation(() => buildPutItem(line, 'app', { orderId: 'o1', seq: -1 }), 'whole numbers from 0 up');
    expectValidation(() => buildPutItem(line, 'app', { orderId: 'o1', seq: 1.5 }), 'whole numbers');
    expectValidation(() => buildPutItem(line, 'app', { orderId: 'o1', seq: '7' }), 'give a number');
    expectValidation(
      () => buildPutItem(order, 'app', { userId: true, orderId: 'o', createdAt: 'c' }),
      '"userId"',
      'must be a string, number, bigint or Date',
    );
    expectValidation(() => buildPutItem(order, 'app', { userId: 'u', orderId: 'o', createdAt: 'a#b' }), 'contains "#"');
    expectValidation(() => buildPutItem(order, 'app', { userId: '', orderId: 'o', createdAt: 'c' }), 'empty string');
    expectError(
      MissingKeyError,
      () => buildPutItem(order, 'app', { userId: 'u', orderId: 'o' }),
      '"createdAt"',
      "'ORDER#{createdAt}#{orderId}'",
    );
    expectValidation(
      () => buildPutItem(order, 'app', { userId: 'u', orderId: 'o', createdAt: 'c', pk: 'X' }),
      '"pk" is composed by dkmio',
    );
    expectValidation(
      () => buildPutItem(order, 'app', { userId: 'u', orderId: 'o', createdAt: 'c', _type: 'User' }),
      '"_type" is composed by dkmio',
    );
  });

  it('a date source is stored as its ISO string in the key', () => {
    @Entity(AppTable, { type: 'Event', partitionKey: 'EVENT#{day}', sortKey: 'AT#{at}' })
    class Event {
      day!: string;
      at!: Date;
    }
    const input = buildPutItem(entityMetadata(Event), 'app', { day: 'd', at: new Date('2026-01-02T03:04:05.000Z') });
    expect(input.Item!['sk']).toEqual(S('AT#2026-01-02T03:04:05.000Z'));
  });
});

describe('get and delete', () => {
  it('take the key as properties', () => {
    expect(buildGetItem(order, 'app', { userId: 'u1', orderId: 'o1', createdAt: 'c' })).toEqual({
      TableName: 'app',
      Key: { pk: S('USER#u1'), sk: S('ORDER#c#o1') },
    });
    expect(buildDeleteItem(user, 'app', { userId: 'u1' })).toEqual({
      TableName: 'app',
      Key: { pk: S('USER#u1'), sk: S('PROFILE') },
      ConditionExpression: guard,
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': '_type' },
      ExpressionAttributeValues: { ':v0': S('User') },
    });
  });

  it('a get with select also reads the type attribute (to refuse another type)', () => {
    expect(buildGetItem(user, 'app', { userId: 'u1' }, { select: ['name'] })).toEqual({
      TableName: 'app',
      Key: { pk: S('USER#u1'), sk: S('PROFILE') },
      ProjectionExpression: '#n0, #n1',
      ExpressionAttributeNames: { '#n0': 'name', '#n1': '_type' },
    });
  });

  it('refuse a missing or an extra key property', () => {
    expectError(MissingKeyError, () => buildGetItem(order, 'app', { userId: 'u1' }), '"createdAt"');
    expectValidation(
      () => buildGetItem(user, 'app', { userId: 'u1', name: 'x' }),
      '"name" is not part of the primary key, which is composed from (userId)',
    );
  });
});

describe('update rules', () => {
  const key = { userId: 'u1', orderId: 'o1', createdAt: 'c' };

  it('set of an index source recomposes the index key with its siblings from the key; the type and primary sources are set', () => {
    expect(buildUpdateItem(order, 'app', key, { set: { status: 'PAID' } })).toEqual({
      TableName: 'app',
      Key: { pk: S('USER#u1'), sk: S('ORDER#c#o1') },
      UpdateExpression: 'SET #n0 = :v0, #n1 = :v1, #n2 = :v2, #n3 = :v3, #n4 = :v4, #n5 = :v5, #n6 = :v6',
      ConditionExpression: 'attribute_not_exists(#n7) OR #n3 = :v7',
      ExpressionAttributeNames: {
        '#n0': 'status',
        '#n1': 'gsi1pk',
        '#n2': 'gsi1sk',
        '#n3': '_type',
        '#n4': 'userId',
        '#n5': 'createdAt',
        '#n6': 'orderId',
        '#n7': 'pk',
      },
      ExpressionAttributeValues: {
        ':v0': S('PAID'),
        ':v1': S('STATUS#PAID'),
        ':v2': S('c'),
        ':v3': S('Order'),
        ':v4': S('u1'),
        ':v5': S('c'),
        ':v6': S('o1'),
        ':v7': S('Order'),
      },
    });
  });

  it('compose values become a condition', () => {
    const input = buildUpdateItem(
      user,
      'app',
      { userId: 'u1' },
      { set: { email: 'b@x.io' } },
      { compose: { orgId: 'o1' } },
    );
    expect(input.UpdateExpression).toBe('SET #n1 = :v1, #n2 = :v2, #n3 = :v3, #n4 = :v4, #n5 = :v5');
    expect(input.ExpressionAttributeNames).toEqual({
      '#n0': 'orgId',
      '#n1': 'email',
      '#n2': 'gsi1pk',
      '#n3': 'gsi1sk',
      '#n4': '_type',
      '#n5': 'userId',
      '#n6': 'pk',
    });
    expect(input.ConditionExpression).toBe('(attribute_not_exists(#n6) OR #n4 = :v6) AND #n0 = :v0');
    expect(input.ExpressionAttributeValues).toEqual({
      ':v0': S('o1'),
      ':v1': S('b@x.io'),
      ':v2': S('ORG#o1'),
      ':v3': S('USER#b@x.io'),
      ':v4': S('User'),
      ':v5': S('u1'),
      ':v6': S('User'),
    });
  });

  it('a missing sibling names the index, the template and the fix', () => {
    expectValidation(
      () => buildUpdateItem(user, 'app', { userId: 'u1' }, { set: { email: 'b' } }),
      'index "gsi1"',
      '"gsi1pk"',
      "('ORG#{orgId}')",
      '"orgId"',
      '{ compose: { orgId } }',
    );
  });

  it('remove of a source removes the composed attribute', () => {
    expect(buildUpdateItem(order, 'app', key, { remove: ['status'] }).UpdateExpression).toBe(
      'SET #n2 = :v0, #n3 = :v1, #n4 = :v2, #n5 = :v3 REMOVE #n0, #n1',
    );
    expect(buildUpdateItem(order, 'app', key, { remove: ['status'] }).ExpressionAttributeNames).toMatchObject({
      '#n0': 'status',
      '#n1': 'gsi1pk',
    });
  });

  it('primary sources are immutable; other actions on a source are refused; compose must be used', () => {
    expectValidation(
      () => buildUpdateItem(order, 'app', key, { set: { createdAt: 'd' } }),
      '"createdAt" composes the primary key',
      'delete it and put a new one',
    );
    expectValidation(() => buildUpdateItem(order, 'app', key, { remove: ['orderId'] }), 'cannot change');
    expectValidation(
      () => buildUpdateItem(order, 'app', key, { add: { total: 1 } }),
      'add "total"',
      "'TOTAL#{total:8}'",
    );
    expectValidation(
      () => buildUpdateItem(order, 'app', key, { setIfNotExists: { status: 'x' } }),
      'setIfNotExists "status"',
    );
    expectValidation(
      () => buildUpdateItem(order, 'app', key, { set: { total: 1 } }, { compose: { region: 'eu' } }),
      'compose names "region"',
    );
    expectValidation(
      () => buildUpdateItem(order, 'app', key, { set: { status: null } }),
      'set to null',
      "remove: ['status']",
    );
  });
});

describe('queries and scans of an entity', () => {
  const db = offlineClient();
  const orders = db.getRepository(Order);
  const users = db.getRepository(User);

  it('compose the partition key, keep to the sort template prefix and filter on the type', () => {
    expect(orders.query({ userId: 'u1' }).explain().request).toEqual({
      TableName: 'app',
      KeyConditionExpression: '#n0 = :v0 AND begins_with(#n1, :v1)',
      FilterExpression: '#n2 = :v2',
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': 'sk', '#n2': '_type' },
      ExpressionAttributeValues: { ':v0': S('USER#u1'), ':v1': S('ORDER#'), ':v2': S('Order') },
    });
    expect(users.query({ userId: 'u1' }).explain().keyCondition).toBe('#n0 = :v0 AND #n1 = :v1');
    expect(users.query({ userId: 'u1' }).explain().expressionAttributeValues).toEqual({
      ':v0': 'USER#u1',
      ':v1': 'PROFILE',
      ':v2': 'User',
    });
  });

  it('leading sort sources narrow the prefix; where() formats its operand like the first placeholder', () => {
    expect(orders.query({ userId: 'u1', createdAt: '2026' }).explain().expressionAttributeValues[':v1']).toBe(
      'ORDER#2026#',
    );
    expect(orders.query({ userId: 'u1', createdAt: '2026', orderId: 'o' }).explain().keyCondition).toBe(
      '#n0 = :v0 AND #n1 = :v1',
    );
    expect(
      orders
        .query({ userId: 'u1' })
        .where({ between: ['2026-01', '2026-02'] })
        .explain().expressionAttributeValues,
    ).toMatchObject({ ':v1': 'ORDER#2026-01', ':v2': 'ORDER#2026-02' });
    expectValidation(() => orders.query({ userId: 'u1', orderId: 'o' }), '"orderId" comes after "createdAt"');
    expectValidation(() => users.query({ userId: 'u1' }).where({ gt: 'a' }), "constant 'PROFILE'");
    expectError(MissingKeyError, () => orders.query({ createdAt: 'c' }), '"userId"');
    expectValidation(() => orders.query({ userId: 'u1', status: 'x' }), '"status" is not a source');
  });

  it('an index query composes the index templates; a KEYS_ONLY index gets no type filter', () => {
    expect(orders.index('gsi1').query({ status: 'PAID' }).explain().request).toEqual({
      TableName: 'app',
      IndexName: 'gsi1',
      KeyConditionExpression: '#n0 = :v0',
      FilterExpression: '#n1 = :v1',
      ExpressionAttributeNames: { '#n0': 'gsi1pk', '#n1': '_type' },
      ExpressionAttributeValues: { ':v0': S('STATUS#PAID'), ':v1': S('Order') },
    });
    expect(orders.index('gsi2').query({ region: 'eu' }).explain().filter).toBeUndefined();
    expect(
      orders.index('lsi1').query({ userId: 'u1' }).where({ gte: 100 }).explain().expressionAttributeValues,
    ).toMatchObject({ ':v0': 'USER#u1', ':v1': 'TOTAL#00000100' });
  });

  it('scan filters on the type, ANDed with user filters', () => {
    expect(users.scan().filter({ name: 'Ann' }).explain().request).toEqual({
      TableName: 'app',
      FilterExpression: '(#n0 = :v0) AND (#n1 = :v1)',
      ExpressionAttributeNames: { '#n0': '_type', '#n1': 'name' },
      ExpressionAttributeValues: { ':v0': S('User'), ':v1': S('Ann') },
    });
  });
});

describe('collections', () => {
  const db = offlineClient();

  it('query: the shared partition key, _type IN the members, per-member filters', () => {
    expect(
      db.collection([User, Order]).query({ userId: 'u1' }).filter(Order, { status: 'PAID' }).limit(50).explain()
        .request,
    ).toEqual({
      TableName: 'app',
      KeyConditionExpression: '#n0 = :v0',
      FilterExpression: '#n1 IN (:v1, :v2) AND (#n1 <> :v4 OR (#n2 = :v3))',
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': '_type', '#n2': 'status' },
      ExpressionAttributeValues: {
        ':v0': S('USER#u1'),
        ':v1': S('User'),
        ':v2': S('Order'),
        ':v3': S('PAID'),
        ':v4': S('Order'),
      },
      Limit: 50,
    });
  });

  it('segment(i, n) of a collection scan', () => {
    expect(db.collection([User, Order]).scan().segment(1, 4).explain()).toMatchObject({ segment: 1, totalSegments: 4 });
    expectValidation(
      () => db.collection([User, Order]).scan().segments(2).startFrom({ pk: 'a', sk: 'b' }),
      'startFrom() and segments()',
    );
    expectValidation(() => db.collection([User, Order]).scan().segment(4, 4), 'index must be an integer from 0 to 3');
  });

  it('select projects the names, the keys and the type attribute', () => {
    expect(db.collection([User, Order]).scan().select('name', 'total').explain().projection).toBe(
      '#n1, #n2, #n3, #n4, #n0',
    );
  });

  it('definition and input errors, before anything is sent', () => {
    expect(() => db.collection([User, Line]).query({ userId: 'u1' } as never)).toThrow(
      /User composes the partition key as 'USER#\{userId\}' and Line as 'ORDER#\{orderId\}'/,
    );
    expect(() => db.collection([User, Order]).index('gsi2')).toThrow(/User does not overload index "gsi2"/);
    expect(() => db.collection([User, User])).toThrow(ValidationError);
    expect(() =>
      db
        .collection([User, Order])
        .query({ userId: 'u1' })
        .filter({ total__gt: 1 } as never),
    ).toThrow(/"total" is not declared by User/);
    expect(() =>
      db
        .collection([User, Order])
        .query({ userId: 'u1' })
        .filter(Line as never, {}),
    ).toThrow(/not a member/);
    expect(() =>
      db
        .collection([User, Order])
        .scan()
        .select('_type' as never),
    ).toThrow(/key or type attribute/);
    expect(() =>
      db
        .collection([User, Order])
        .scan()
        .select('address.city' as never),
    ).toThrow(/top-level property names/);
  });
});

describe('the HTTP kit on a member', () => {
  it('queryFilters converts by the member’s declared types and filters the collection for that member', () => {
    const filter = queryFilters(Order, { total__gte: '100', status: 'PAID' }, { allow: ['total', 'status'] });
    expect(filter).toEqual({ total__gte: 100, status: 'PAID' });
    const db = offlineClient();
    expect(db.collection([User, Order]).query({ userId: 'u1' }).filter(Order, filter).explain().filter).toBe(
      '#n1 IN (:v1, :v2) AND (#n1 <> :v5 OR (#n2 >= :v3 AND #n3 = :v4))',
    );
  });
});

describe('transactions', () => {
  it('tx.conditionCheck on an entity holds only for an item of its type', () => {
    expect(buildConditionCheck(user, 'app', { userId: 'u1' }, { condition: { name: 'Ann' } })).toEqual({
      ConditionCheck: {
        TableName: 'app',
        Key: { pk: S('USER#u1'), sk: S('PROFILE') },
        ConditionExpression: `(${guard}) AND (#n2 = :v1)`,
        ExpressionAttributeNames: { '#n0': 'pk', '#n1': '_type', '#n2': 'name' },
        ExpressionAttributeValues: { ':v0': S('User'), ':v1': S('Ann') },
      },
    });
    expectValidation(() => buildConditionCheck(user, 'app', { userId: 'u1' }, {}), 'needs a condition');
  });
});
