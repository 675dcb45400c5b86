import { MissingKeyError } from '../../../../src';
import type { UpdateActions } from '../../../../src/expressions/update';
import type { UpdateOptions } from '../../../../src/operations/update/options';
import { buildUpdateItem } from '../../../../src/operations/update/build';
import { Doc, Note, Order, deepFreeze, expectError, expectValidation, meta, N, S } from '../../fixtures';

const update = (key: unknown, actions: UpdateActions, options?: UpdateOptions, entity: Function = Order) =>
  buildUpdateItem(meta(entity as typeof Order), 'orders', deepFreeze(key), deepFreeze(actions), deepFreeze(options));

const key = { userId: 'u1', orderId: 'o1' };

describe('buildUpdateItem', () => {
  it('the DESIGN.md example', () => {
    expect(
      update(
        key,
        {
          set: { status: 'SHIPPED', 'address.city': 'Lima', 'items[0].qty': 5 },
          remove: ['tempNotes'],
          append: { history: { action: 'shipped' } },
          add: { hits: 1, tags: new Set(['urgent']) },
          delete: { oldTags: new Set(['deprecated']) },
        },
        {
          condition: { hits__eq: 3 },
          conditionOr: [{ status__eq: 'PENDING' }, { status__eq: 'CONFIRMED' }],
          returnValues: 'ALL_NEW',
        },
      ),
    ).toEqual({
      TableName: 'orders',
      Key: { userId: S('u1'), orderId: S('o1') },
      UpdateExpression:
        'SET #n0 = :v0, #n1.#n2 = :v1, #n3[0].#n4 = :v2, #n5 = list_append(if_not_exists(#n5, :v4), :v3) ' +
        'REMOVE #n9 ADD #n6 :v5, #n7 :v6 DELETE #n8 :v7',
      ConditionExpression: '#n6 = :v8 AND (#n0 = :v9 OR #n0 = :v10)',
      ExpressionAttributeNames: {
        '#n0': 'status',
        '#n1': 'address',
        '#n2': 'city',
        '#n3': 'items',
        '#n4': 'qty',
        '#n5': 'history',
        '#n6': 'hits',
        '#n7': 'tags',
        '#n8': 'oldTags',
        '#n9': 'tempNotes',
      },
      ExpressionAttributeValues: {
        ':v0': S('SHIPPED'),
        ':v1': S('Lima'),
        ':v2': N(5),
        ':v3': { L: [{ M: { action: S('shipped') } }] },
        ':v4': { L: [] },
        ':v5': N(1),
        ':v6': { SS: ['urgent'] },
        ':v7': { SS: ['deprecated'] },
        ':v8': N(3),
        ':v9': S('PENDING'),
        ':v10': S('CONFIRMED'),
      },
      ReturnValues: 'ALL_NEW',
    });
  });

  it('a REMOVE-only update has no values', () => {
    expect(update(key, { remove: ['status'] })).toEqual({
      TableName: 'orders',
      Key: { userId: S('u1'), orderId: S('o1') },
      UpdateExpression: 'REMOVE #n0',
      ExpressionAttributeNames: { '#n0': 'status' },
    });
  });

  it.each(['NONE', 'ALL_OLD', 'ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW'] as const)('returnValues %s', (rv) => {
    expect(update(key, { set: { a: 1 } }, { returnValues: rv }).ReturnValues).toBe(rv);
  });

  it('refuses an unknown returnValues', () => {
    expectValidation(
      () => update(key, { set: { a: 1 } }, { returnValues: 'ALL' as 'NONE' }),
      /update: returnValues "ALL" is not valid here; use one of NONE, ALL_OLD, ALL_NEW, UPDATED_OLD, UPDATED_NEW/,
    );
  });

  it('returnItemOnConditionFail', () => {
    expect(
      update(key, { set: { a: 1 } }, { condition: { a: 0 }, returnItemOnConditionFail: true })
        .ReturnValuesOnConditionCheckFailure,
    ).toBe('ALL_OLD');
  });

  it('checks the key', () => {
    expect(
      expectError(
        MissingKeyError,
        () => update({ userId: 'u1' }, { set: { a: 1 } }),
        /update on Order is missing key attribute "orderId"/,
      ).attribute,
    ).toBe('orderId');
    expectValidation(
      () => update({ ...key, status: 'x' }, { set: { a: 1 } }),
      /update on Order: "status" is not part of the primary key/,
    );
  });

  it('refuses actions on key attributes and empty updates', () => {
    expectValidation(() => update(key, { set: { orderId: 'o2' } }), /"orderId" is part of the primary key/);
    expectValidation(() => update(key, {}), /update\(\) has no action/);
  });

  it('expectedVersion without @Version()', () => {
    expectValidation(
      () => update(key, { set: { a: 1 } }, { expectedVersion: 1 }),
      /update on Order: expectedVersion needs a @Version\(\) property on the class/,
    );
  });
});

describe('buildUpdateItem with @Version()', () => {
  it('every update increments the version', () => {
    expect(update({ docId: 'd1' }, { set: { body: 'x' } }, undefined, Doc)).toEqual({
      TableName: 'orders',
      Key: { docId: S('d1') },
      UpdateExpression: 'SET #n0 = :v2, #n1 = if_not_exists(#n1, :v0) + :v1',
      ExpressionAttributeNames: { '#n0': 'body', '#n1': 'version' },
      ExpressionAttributeValues: { ':v0': N(0), ':v1': N(1), ':v2': S('x') },
    });
  });

  it('expectedVersion checks the stored version', () => {
    expect(
      update({ docId: 'd1' }, { set: { body: 'x' } }, { expectedVersion: 4, condition: { body__exists: true } }, Doc),
    ).toEqual({
      TableName: 'orders',
      Key: { docId: S('d1') },
      UpdateExpression: 'SET #n1 = :v3, #n0 = if_not_exists(#n0, :v0) + :v1',
      ConditionExpression: '#n0 = :v2 AND (attribute_exists(#n1))',
      ExpressionAttributeNames: { '#n0': 'version', '#n1': 'body' },
      ExpressionAttributeValues: { ':v0': N(0), ':v1': N(1), ':v2': N(4), ':v3': S('x') },
    });
  });

  it('a renamed version attribute', () => {
    expect(update({ noteId: 'n1' }, { set: { text: 't' } }, { expectedVersion: 2 }, Note)).toMatchObject({
      UpdateExpression: 'SET #n1 = :v3, #n0 = if_not_exists(#n0, :v0) + :v1',
      ConditionExpression: '#n0 = :v2',
      ExpressionAttributeNames: { '#n0': 'rev', '#n1': 'text' },
    });
  });

  it('the version increment alone is not an action', () => {
    expectValidation(() => update({ docId: 'd1' }, {}, undefined, Doc), /update\(\) has no action/);
  });

  it('refuses a non-integer expectedVersion', () => {
    expectValidation(
      () => update({ docId: 'd1' }, { set: { body: 'x' } }, { expectedVersion: 1.5 }, Doc),
      /update on Doc: expectedVersion must be an integer/,
    );
  });

  it('refuses setting the version by hand, naming the @Version() increment', () => {
    expectValidation(
      () => update({ docId: 'd1' }, { set: { version: 9 } }, undefined, Doc),
      /update touches "version" \(set\) and "version" \(@Version\(\) increment\)/,
    );
    expectValidation(
      () => update({ noteId: 'n1' }, { add: { revision: 1 } }, undefined, Note),
      /"revision" \(add\) and "revision" \(@Version\(\) increment\)/,
    );
  });

  it('every placeholder it defines is used', () => {
    for (const options of [undefined, { expectedVersion: 1 }]) {
      const request = update({ docId: 'd1' }, { set: { body: 'x' } }, options, Doc);
      const used = `${request.UpdateExpression} ${request.ConditionExpression ?? ''}`;
      for (const p of [
        ...Object.keys(request.ExpressionAttributeNames ?? {}),
        ...Object.keys(request.ExpressionAttributeValues ?? {}),
      ]) {
        expect(used).toMatch(new RegExp(`${p}(?!\\d)`));
      }
    }
  });
});
