import 'reflect-metadata';
import { PartitionKey, Table, Version, entityMetadata } from '../../../../src';
import { buildDelete, buildDeleteItem } from '../../../../src/operations/delete/build';
import { buildPut, buildPutItem } from '../../../../src/operations/put/build';
import { buildUpdate, buildUpdateItem } from '../../../../src/operations/update/build';

@Table('docs')
class Doc {
  @PartitionKey() id!: string;
  @Version() version?: number;
}

const meta = entityMetadata(Doc);

describe('shared item-level request parts', () => {
  it('regression: a first put of a @Version() entity sends no unused ExpressionAttributeNames (DynamoDB rejects them)', () => {
    expect(buildPutItem(meta, 'docs', { id: 'a' })).toEqual({
      TableName: 'docs',
      Item: { id: { S: 'a' }, version: { N: '1' } },
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'id' },
    });
  });

  it('single-item requests are the item-level part plus ReturnValues', () => {
    const options = {
      condition: { id__exists: true },
      returnItemOnConditionFail: true,
      returnValues: 'ALL_OLD' as const,
    };
    expect(buildPutItem(meta, 'docs', { id: 'a', version: 2 }, options)).toEqual({
      ...buildPut(meta, 'docs', { id: 'a', version: 2 }, options),
      ReturnValues: 'ALL_OLD',
    });
    expect(buildDeleteItem(meta, 'docs', { id: 'a' }, options)).toEqual({
      ...buildDelete(meta, 'docs', { id: 'a' }, options),
      ReturnValues: 'ALL_OLD',
    });
    const upd = { ...options, returnValues: 'ALL_NEW' as const, expectedVersion: 3 };
    expect(buildUpdateItem(meta, 'docs', { id: 'a' }, { set: { x: 1 } }, upd)).toEqual({
      ...buildUpdate(meta, 'docs', { id: 'a' }, { set: { x: 1 } }, upd),
      ReturnValues: 'ALL_NEW',
    });
    expect(buildPut(meta, 'docs', { id: 'a' }, options)).not.toHaveProperty('ReturnValues');
    expect(buildPut(meta, 'docs', { id: 'a' }, options).ReturnValuesOnConditionCheckFailure).toBe('ALL_OLD');
  });

  it('messages name the operation that received the input', () => {
    expect(() => buildPut(meta, 'docs', { id: 'a', version: 'x' }, undefined, 'tx.put')).toThrow(
      /^tx.put on Doc: version "version" must be an integer/,
    );
    expect(() =>
      buildUpdate(meta, 'docs', { id: 'a' }, { set: { x: 1 } }, { expectedVersion: 1.5 }, 'tx.update'),
    ).toThrow(/^tx.update on Doc: expectedVersion/);
  });
});
