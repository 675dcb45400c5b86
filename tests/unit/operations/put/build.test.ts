import { MissingKeyError } from '../../../../src';
import { buildPutItem } from '../../../../src/operations/put/build';
import type { PutOptions } from '../../../../src/operations/put/options';
import { Account, Doc, Note, Order, deepFreeze, expectError, expectValidation, meta, N, S } from '../../fixtures';

const put = (item: unknown, options?: PutOptions, entity: Function = Order) =>
  buildPutItem(meta(entity as typeof Order), 'orders', deepFreeze(item), deepFreeze(options));

describe('buildPutItem', () => {
  it('marshals the item', () => {
    expect(
      put({ userId: 'u1', orderId: 'o1', status: 'NEW', total: 250, tags: new Set(['a']), address: { city: 'Lima' } }),
    ).toEqual({
      TableName: 'orders',
      Item: {
        userId: S('u1'),
        orderId: S('o1'),
        status: S('NEW'),
        total: N(250),
        tags: { SS: ['a'] },
        address: { M: { city: S('Lima') } },
      },
    });
  });

  it('leaves out undefined properties, at the top and inside maps', () => {
    expect(
      put({ userId: 'u1', orderId: 'o1', status: undefined, address: { city: undefined, zip: '1' } }).Item,
    ).toEqual({
      userId: S('u1'),
      orderId: S('o1'),
      address: { M: { zip: S('1') } },
    });
  });

  it('stores an undefined list element as NULL, keeping positions', () => {
    expect(put({ userId: 'u1', orderId: 'o1', items: [1, undefined, 2] }).Item!['items']).toEqual({
      L: [N(1), { NULL: true }, N(2)],
    });
  });

  it('stores neither getters nor methods of an instance', () => {
    const order = Object.assign(new Order(), { userId: 'u1', orderId: 'o1', total: 2000 });
    expect(order.isBig).toBe(true);
    expect(put(order).Item).toEqual({ userId: S('u1'), orderId: S('o1'), total: N(2000) });
  });

  it('stores a Date as an ISO string', () => {
    const item = { accountId: 'a', openedOn: 1, birthday: new Date('2000-02-29T00:00:00.000Z') };
    expect(put(item, undefined, Account).Item).toEqual({
      pk: S('a'),
      sk: N(1),
      birthday: S('2000-02-29T00:00:00.000Z'),
    });
  });

  it('stores renamed attributes under their stored names', () => {
    expect(put({ userId: 'u1', orderId: 'o1', createdAt: '2024' }).Item).toEqual({
      userId: S('u1'),
      orderId: S('o1'),
      created_at: S('2024'),
    });
    expect(
      put({ accountId: 'a', openedOn: 1, displayName: 'Ann', profile: { display_name: 'x' } }, undefined, Account).Item,
    ).toEqual({
      pk: S('a'),
      sk: N(1),
      display_name: S('Ann'),
      profile: { M: { display_name: S('x') } },
    });
  });

  it('condition and conditionOr', () => {
    expect(put({ userId: 'u1', orderId: 'o1' }, { condition: { userId__not_exists: true } })).toEqual({
      TableName: 'orders',
      Item: { userId: S('u1'), orderId: S('o1') },
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'userId' },
    });
    expect(
      put(
        { userId: 'u1', orderId: 'o1' },
        { condition: { total__lt: 5 }, conditionOr: [{ status: 'A' }, { status: 'B' }] },
      ),
    ).toMatchObject({
      ConditionExpression: '#n0 < :v0 AND (#n1 = :v1 OR #n1 = :v2)',
      ExpressionAttributeNames: { '#n0': 'total', '#n1': 'status' },
      ExpressionAttributeValues: { ':v0': N(5), ':v1': S('A'), ':v2': S('B') },
    });
  });

  it.each(['NONE', 'ALL_OLD'] as const)('returnValues %s', (rv) => {
    expect(put({ userId: 'u1', orderId: 'o1' }, { returnValues: rv }).ReturnValues).toBe(rv);
  });

  it.each(['ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW', 'nope'])('refuses returnValues %s', (rv) => {
    expectValidation(
      () => put({ userId: 'u1', orderId: 'o1' }, { returnValues: rv as 'NONE' }),
      new RegExp(`put: returnValues "${rv}" is not valid here; use one of NONE, ALL_OLD`),
    );
  });

  it('returnItemOnConditionFail', () => {
    expect(
      put({ userId: 'u1', orderId: 'o1' }, { condition: { status: 'A' }, returnItemOnConditionFail: true }),
    ).toEqual({
      TableName: 'orders',
      Item: { userId: S('u1'), orderId: S('o1') },
      ConditionExpression: '#n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'status' },
      ExpressionAttributeValues: { ':v0': S('A') },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
  });

  it('checks the full primary key', () => {
    expect(
      expectError(MissingKeyError, () => put({ userId: 'u1' }), /put on Order is missing key attribute "orderId"/)
        .attribute,
    ).toBe('orderId');
    expect(expectError(MissingKeyError, () => put({ orderId: 'o1' })).attribute).toBe('userId');
    expect(expectError(MissingKeyError, () => put({ accountId: 'a' }, undefined, Account)).attribute).toBe('openedOn');
  });

  it('checks key types', () => {
    expectValidation(
      () => put({ userId: 'u1', orderId: 5 }),
      /Key attribute "orderId" of Order must be a string \(its declared type\)/,
    );
    expectValidation(() => put({ userId: '', orderId: 'o1' }), /"userId" of Order is an empty string/);
  });

  it('refuses a non-object item', () => {
    expectValidation(() => put(null), /put on Order needs an item object/);
    expectValidation(() => put([1]), /put on Order needs an item object/);
  });

  it('refuses values DynamoDB cannot store, naming the path', () => {
    expectValidation(() => put({ userId: 'u1', orderId: 'o1', address: { zip: NaN } }), /"address\.zip" is NaN/);
    expectValidation(() => put({ userId: 'u1', orderId: 'o1', tags: new Set() }), /"tags" is an empty set/);
  });
});

describe('buildPutItem with @Version()', () => {
  it('a first put creates the item at version 1', () => {
    expect(put({ docId: 'd1', body: 'x' }, undefined, Doc)).toEqual({
      TableName: 'orders',
      Item: { docId: S('d1'), body: S('x'), version: N(1) },
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'docId' },
    });
  });

  it('a put with version n requires n and stores n + 1', () => {
    expect(put({ docId: 'd1', version: 3 }, undefined, Doc)).toEqual({
      TableName: 'orders',
      Item: { docId: S('d1'), version: N(4) },
      ConditionExpression: '#n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'version' },
      ExpressionAttributeValues: { ':v0': N(3) },
    });
  });

  it('the version check comes first, ANDed with the user condition', () => {
    expect(
      put(
        { docId: 'd1', version: 3 },
        { condition: { body__exists: true }, conditionOr: [{ body: 'a' }, { body: 'b' }] },
        Doc,
      ),
    ).toMatchObject({
      ConditionExpression: '#n0 = :v0 AND (attribute_exists(#n1) AND (#n1 = :v1 OR #n1 = :v2))',
      ExpressionAttributeNames: { '#n0': 'version', '#n1': 'body' },
      ExpressionAttributeValues: { ':v0': N(3), ':v1': S('a'), ':v2': S('b') },
    });
    expect(put({ docId: 'd1' }, { condition: { body__exists: false } }, Doc).ConditionExpression).toBe(
      'attribute_not_exists(#n0) AND (attribute_not_exists(#n1))',
    );
  });

  it('a renamed version attribute', () => {
    expect(put({ noteId: 'n1', revision: 1 }, undefined, Note)).toEqual({
      TableName: 'orders',
      Item: { noteId: S('n1'), rev: N(2) },
      ConditionExpression: '#n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'rev' },
      ExpressionAttributeValues: { ':v0': N(1) },
    });
  });

  it('regression: a first put sent an unused version name placeholder', () => {
    const request = put({ docId: 'd1' }, undefined, Doc);
    const used = `${request.ConditionExpression}`;
    for (const placeholder of Object.keys(request.ExpressionAttributeNames ?? {})) expect(used).toContain(placeholder);
  });

  it('refuses a version that is not an integer', () => {
    expectValidation(
      () => put({ docId: 'd1', version: 1.5 }, undefined, Doc),
      /put on Doc: version "version" must be an integer, got number/,
    );
    expectValidation(() => put({ docId: 'd1', version: '1' }, undefined, Doc), /must be an integer, got string/);
  });

  it('does not change the caller item', () => {
    const item = { docId: 'd1', version: 3 };
    buildPutItem(meta(Doc), 'orders', item);
    expect(item).toEqual({ docId: 'd1', version: 3 });
  });
});

describe('buildPutItem and stored names', () => {
  // `{ accountId: 'a', pk: 'b' }` used to write both to the stored attribute "pk": the last one
  // won, so the item was written under a key other than the one checked.
  it("regression: a property named like another property's stored name overwrote it", () => {
    expectValidation(
      () => put({ accountId: 'a', openedOn: 1, pk: 'b' }, undefined, Account),
      /put on Account: "pk" is the stored name of property "accountId"; use the property name "accountId"/,
    );
    expectValidation(
      () => put({ accountId: 'a', openedOn: 1, display_name: 'x' }, undefined, Account),
      /"display_name" is the stored name of property "displayName"/,
    );
  });
});
