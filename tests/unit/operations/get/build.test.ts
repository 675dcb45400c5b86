import { MissingKeyError } from '../../../../src';
import { buildGetItem } from '../../../../src/operations/get/build';
import { Account, Blob, Counter, Order, deepFreeze, expectError, expectValidation, meta, N, S } from '../../fixtures';

const get = (
  key: unknown,
  options?: Parameters<typeof buildGetItem>[3],
  entity: typeof Order | typeof Account | typeof Counter = Order,
) => buildGetItem(meta(entity as typeof Order), 'dev-orders', deepFreeze(key), deepFreeze(options));

describe('buildGetItem', () => {
  it('the key alone', () => {
    expect(get({ userId: 'u1', orderId: 'o1' })).toEqual({
      TableName: 'dev-orders',
      Key: { userId: S('u1'), orderId: S('o1') },
    });
  });

  it('select and consistent', () => {
    expect(
      get({ userId: 'u1', orderId: 'o1' }, { select: ['total', 'createdAt', 'address.city'], consistent: true }),
    ).toEqual({
      TableName: 'dev-orders',
      Key: { userId: S('u1'), orderId: S('o1') },
      ProjectionExpression: '#n0, #n1, #n2.#n3',
      ExpressionAttributeNames: { '#n0': 'total', '#n1': 'created_at', '#n2': 'address', '#n3': 'city' },
      ConsistentRead: true,
    });
  });

  it('consistent: false sends nothing', () => {
    expect(get({ userId: 'u1', orderId: 'o1' }, { consistent: false })).toEqual({
      TableName: 'dev-orders',
      Key: { userId: S('u1'), orderId: S('o1') },
    });
  });

  it('maps renamed key attributes', () => {
    expect(get({ accountId: 'a1', openedOn: 20240101 }, undefined, Account)).toEqual({
      TableName: 'dev-orders',
      Key: { pk: S('a1'), sk: N(20240101) },
    });
  });

  it('a numeric partition key without sort key', () => {
    expect(get({ id: 7 }, undefined, Counter).Key).toEqual({ id: N(7) });
  });

  it('a binary key', () => {
    const hash = new Uint8Array([1, 2]);
    expect(buildGetItem(meta(Blob), 'blobs', { hash, part: 0 }).Key).toEqual({ hash: { B: hash }, part: N(0) });
  });

  it('undefined extra properties are ignored', () => {
    expect(get({ userId: 'u1', orderId: 'o1', status: undefined }).Key).toEqual({ userId: S('u1'), orderId: S('o1') });
  });

  it('a missing sort key is a MissingKeyError naming it and pointing to query()', () => {
    const error = expectError(
      MissingKeyError,
      () => get({ userId: 'u1' }),
      /get on Order is missing key attribute "orderId"/,
      /primary key is \(userId, orderId\)/,
      /use query\(\{ userId: \.\.\. \}\)/,
    );
    expect(error.attribute).toBe('orderId');
    expect(error.code).toBe('MISSING_KEY');
  });

  it('a missing partition key is a MissingKeyError naming it', () => {
    expect(expectError(MissingKeyError, () => get({ orderId: 'o1' })).attribute).toBe('userId');
    expect(expectError(MissingKeyError, () => get({ userId: null, orderId: 'o1' })).attribute).toBe('userId');
  });

  it('getOrThrow names itself', () => {
    expectError(
      MissingKeyError,
      () => buildGetItem(meta(Order), 't', { userId: 'u1' }, undefined, 'getOrThrow'),
      /getOrThrow on Order/,
      /query\(/,
    );
  });

  it('an extra attribute in the key', () => {
    expectValidation(
      () => get({ userId: 'u1', orderId: 'o1', status: 'NEW' }),
      /get on Order: "status" is not part of the primary key \(userId, orderId\)/,
      /Pass only the key/,
    );
  });

  it('a stored name instead of the property name is an extra attribute', () => {
    expectValidation(
      () => get({ accountId: 'a', openedOn: 1, pk: 'a' }, undefined, Account),
      /"pk" is not part of the primary key \(accountId, openedOn\)/,
    );
  });

  it('a key value of the wrong type for the declared type', () => {
    expectValidation(
      () => get({ userId: 1, orderId: 'o1' }),
      /Key attribute "userId" of Order must be a string \(its declared type\), got a number\./,
    );
    expectValidation(
      () => get({ id: '7' }, undefined, Counter),
      /Key attribute "id" of Counter must be a number \(its declared type\), got a string/,
    );
  });

  it('a key value that cannot be a key', () => {
    expectValidation(
      () => get({ userId: { a: 1 }, orderId: 'o1' }),
      /Key attribute "userId" of Order must be a string, number or binary, got an object/,
    );
    expectValidation(() => get({ userId: true, orderId: 'o1' }), /must be a string, number or binary, got a boolean\./);
    expectValidation(
      () => get({ id: NaN }, undefined, Counter),
      /Key attribute "id" of Counter is NaN; numbers must be finite/,
    );
  });

  it('an empty string key', () => {
    expectValidation(
      () => get({ userId: '', orderId: 'o1' }),
      /Key attribute "userId" of Order is an empty string; DynamoDB keys cannot be empty/,
    );
  });

  it('a key that is not an object', () => {
    expectValidation(
      () => get('u1'),
      /get needs a key object like \{ userId: \.\.\., orderId: \.\.\. \}, got a string/,
    );
    expectValidation(() => get(null), /got null/);
  });

  it('an empty select', () => {
    expectValidation(
      () => get({ userId: 'u1', orderId: 'o1' }, { select: [] }),
      /select\(\) needs at least one attribute name/,
    );
  });

  it('a bad select path', () => {
    expectValidation(
      () => get({ userId: 'u1', orderId: 'o1' }, { select: ['a..b'] }),
      /Invalid attribute path "a\.\.b"/,
    );
  });
});

describe('buildGetItem select paths', () => {
  // DynamoDB rejects a ProjectionExpression naming one path twice or a path inside another.
  it('regression: overlapping select paths were sent to DynamoDB', () => {
    const key = { userId: 'u1', orderId: 'o1' };
    expectValidation(
      () => get(key, { select: ['total', 'total'] }),
      /select\(\) names "total" and "total", which overlap/,
      /keep one of them/,
    );
    expectValidation(
      () => get(key, { select: ['address', 'address.city'] }),
      /select\(\) names "address" and "address\.city", which overlap/,
    );
    expect(get(key, { select: ['address.city', 'address.zip', 'items[0]', 'items[1]'] }).ProjectionExpression).toBe(
      '#n0.#n1, #n0.#n2, #n3[0], #n3[1]',
    );
  });
});
