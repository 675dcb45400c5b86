import { ConditionError, DkmioClient, ItemNotFoundError, type SendingClient } from '../../../../src';
import { buildDeleteItem } from '../../../../src/operations/delete/build';
import { buildUpdateItem } from '../../../../src/operations/update/build';
import { buildTransactDelete, buildTransactUpdate } from '../../../../src/operations/transact-write/build';
import { RecordingClient } from '../../../support/recording-client';
import { Account, Order, meta, N, S } from '../../fixtures';

const key = { userId: 'u1', orderId: 'o1' };

describe('mustExist: the request', () => {
  it('update alone: attribute_exists(partition key), no item asked back (any failure means absent)', () => {
    expect(buildUpdateItem(meta(Order), 'orders', key, { set: { status: 'PAID' } }, { mustExist: true })).toEqual({
      TableName: 'orders',
      Key: { userId: S('u1'), orderId: S('o1') },
      UpdateExpression: 'SET #n0 = :v0',
      ConditionExpression: 'attribute_exists(#n1)',
      ExpressionAttributeNames: { '#n0': 'status', '#n1': 'userId' },
      ExpressionAttributeValues: { ':v0': S('PAID') },
    });
  });

  it('update with a condition: ANDed in front, and the stored item asked back to tell absent from failing', () => {
    expect(
      buildUpdateItem(
        meta(Order),
        'orders',
        key,
        { set: { status: 'PAID' } },
        { mustExist: true, condition: { status: 'NEW' }, returnValues: 'ALL_NEW' },
      ),
    ).toEqual({
      TableName: 'orders',
      Key: { userId: S('u1'), orderId: S('o1') },
      UpdateExpression: 'SET #n0 = :v0',
      ConditionExpression: 'attribute_exists(#n1) AND (#n0 = :v1)',
      ExpressionAttributeNames: { '#n0': 'status', '#n1': 'userId' },
      ExpressionAttributeValues: { ':v0': S('PAID'), ':v1': S('NEW') },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      ReturnValues: 'ALL_NEW',
    });
  });

  it('delete alone and with conditionOr; the stored partition key name is used', () => {
    expect(buildDeleteItem(meta(Account), 'accounts', { accountId: 'a1', openedOn: 3 }, { mustExist: true })).toEqual({
      TableName: 'accounts',
      Key: { pk: S('a1'), sk: N('3') },
      ConditionExpression: 'attribute_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'pk' },
    });
    expect(
      buildDeleteItem(meta(Order), 'orders', key, { mustExist: true, conditionOr: [{ status: 'A' }, { status: 'B' }] }),
    ).toEqual({
      TableName: 'orders',
      Key: { userId: S('u1'), orderId: S('o1') },
      ConditionExpression: 'attribute_exists(#n0) AND (#n1 = :v0 OR #n1 = :v1)',
      ExpressionAttributeNames: { '#n0': 'userId', '#n1': 'status' },
      ExpressionAttributeValues: { ':v0': S('A'), ':v1': S('B') },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
  });

  it('mustExist: false (or absent) changes nothing', () => {
    expect(buildDeleteItem(meta(Order), 'orders', key, { mustExist: false })).toEqual({
      TableName: 'orders',
      Key: { userId: S('u1'), orderId: S('o1') },
    });
  });

  it('in a transaction: the same clauses', () => {
    expect(
      buildTransactUpdate(meta(Order), 'orders', key, { add: { total: 1 } }, { mustExist: true }).Update,
    ).toMatchObject({
      ConditionExpression: 'attribute_exists(#n1)',
    });
    expect(
      buildTransactDelete(meta(Order), 'orders', key, { mustExist: true, condition: { total__gt: 1 } }).Delete,
    ).toMatchObject({
      ConditionExpression: 'attribute_exists(#n0) AND (#n1 > :v0)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    });
  });
});

describe('mustExist: the answer', () => {
  const failed = (item?: Record<string, unknown>) =>
    Object.assign(new Error('The conditional request failed'), {
      name: 'ConditionalCheckFailedException',
      $metadata: { httpStatusCode: 400 },
      ...(item && { Item: item }),
    });
  const repoAnswering = (error: Error) => {
    const fake = new RecordingClient(() => {
      throw error;
    });
    return { fake, orders: new DkmioClient({ client: fake as unknown as SendingClient }).getRepository(Order) };
  };

  it('a failed attribute_exists alone is ItemNotFoundError naming the class and key properties', async () => {
    const { orders } = repoAnswering(failed());
    const error = await orders.update(key, { set: { status: 'PAID' } }, { mustExist: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ItemNotFoundError);
    expect((error as ItemNotFoundError).message).toMatch(
      /No Order in "orders" has that key \(userId, orderId\); nothing was updated/,
    );
    expect((error as ItemNotFoundError).key).toEqual(key);
    await expect(orders.delete(key, { mustExist: true })).rejects.toThrow(/nothing was deleted/);
  });

  it('with a condition: no item returned is ItemNotFoundError, an item returned is ConditionError (without the item unless asked)', async () => {
    await expect(
      repoAnswering(failed()).orders.delete(key, { mustExist: true, condition: { status: 'NEW' } }),
    ).rejects.toBeInstanceOf(ItemNotFoundError);
    const stored = { userId: S('u1'), orderId: S('o1'), status: S('PAID') };
    const plain = await repoAnswering(failed(stored))
      .orders.delete(key, { mustExist: true, condition: { status: 'NEW' } })
      .catch((e: unknown) => e);
    expect(plain).toBeInstanceOf(ConditionError);
    expect((plain as ConditionError).item).toBeUndefined();
    const asked = await repoAnswering(failed(stored))
      .orders.delete(key, { mustExist: true, condition: { status: 'NEW' }, returnItemOnConditionFail: true })
      .catch((e: unknown) => e);
    expect((asked as ConditionError<Order>).item).toBeInstanceOf(Order);
    expect((asked as ConditionError<Order>).item?.status).toBe('PAID');
  });

  it('without mustExist a failed condition stays a ConditionError', async () => {
    await expect(repoAnswering(failed()).orders.delete(key, { condition: { status: 'NEW' } })).rejects.toBeInstanceOf(
      ConditionError,
    );
  });
});
