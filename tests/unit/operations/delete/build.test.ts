import { MissingKeyError } from '../../../../src';
import { buildDeleteItem } from '../../../../src/operations/delete/build';
import type { DeleteOptions } from '../../../../src/operations/delete/options';
import { Account, Order, deepFreeze, expectError, expectValidation, meta, N, S } from '../../fixtures';

const del = (key: unknown, options?: DeleteOptions, entity: Function = Order) =>
  buildDeleteItem(meta(entity as typeof Order), 'orders', deepFreeze(key), deepFreeze(options));

describe('buildDeleteItem', () => {
  it('the key alone', () => {
    expect(del({ userId: 'u1', orderId: 'o1' })).toEqual({
      TableName: 'orders',
      Key: { userId: S('u1'), orderId: S('o1') },
    });
  });

  it('renamed keys', () => {
    expect(del({ accountId: 'a', openedOn: 2 }, undefined, Account)).toEqual({
      TableName: 'orders',
      Key: { pk: S('a'), sk: N(2) },
    });
  });

  it('condition, returnValues and returnItemOnConditionFail', () => {
    expect(
      del(
        { userId: 'u1', orderId: 'o1' },
        { condition: { status__eq: 'CANCELLED' }, returnValues: 'ALL_OLD', returnItemOnConditionFail: true },
      ),
    ).toEqual({
      TableName: 'orders',
      Key: { userId: S('u1'), orderId: S('o1') },
      ConditionExpression: '#n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'status' },
      ExpressionAttributeValues: { ':v0': S('CANCELLED') },
      ReturnValues: 'ALL_OLD',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
  });

  it('conditionOr alone', () => {
    expect(
      del({ userId: 'u1', orderId: 'o1' }, { conditionOr: [{ status: 'A' }, { total__lt: 1 }] }).ConditionExpression,
    ).toBe('#n0 = :v0 OR #n1 < :v1');
  });

  it.each(['ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW'])('refuses returnValues %s', (rv) => {
    expectValidation(
      () => del({ userId: 'u1', orderId: 'o1' }, { returnValues: rv as 'NONE' }),
      new RegExp(`delete: returnValues "${rv}" is not valid here; use one of NONE, ALL_OLD`),
    );
  });

  it('checks the key', () => {
    expect(
      expectError(MissingKeyError, () => del({ userId: 'u1' }), /delete on Order is missing key attribute "orderId"/)
        .attribute,
    ).toBe('orderId');
    expectValidation(() => del({ userId: 'u1', orderId: 'o1', total: 1 }), /"total" is not part of the primary key/);
  });

  it('refuses a bad condition before anything else is built', () => {
    expectValidation(
      () => del({ userId: 'u1', orderId: 'o1' }, { condition: { status__nope: 1 } }),
      /unknown operator "nope"/,
    );
  });
});
