import 'reflect-metadata';
import { PartitionKey, Table, ValidationError, entityMetadata } from '../../../src';
import fc from 'fast-check';
import { attributeValueSize, itemSize, MAX_ITEM_BYTES, sizeUpperBound } from '../../../src/marshalling/item-size';
import { marshallValue } from '../../../src/marshalling/marshall';
import { buildPutItem } from '../../../src/operations/put/build';
import { buildUpdateItem } from '../../../src/operations/update/build';

@Table('docs')
class Doc {
  @PartitionKey() id!: string;
}
const meta = entityMetadata(Doc);

test('values are sized by DynamoDB rules: UTF-8 strings, bytes, digits, overheads of lists and maps', () => {
  expect(attributeValueSize({ S: 'ñ😀' })).toBe(6);
  expect(attributeValueSize({ B: new Uint8Array(7) })).toBe(7);
  expect(attributeValueSize({ N: '12345' })).toBe(3);
  expect(attributeValueSize({ N: '-0.00120' })).toBe(2); // significant digits "12"
  expect(attributeValueSize({ BOOL: true })).toBe(1);
  expect(attributeValueSize({ NULL: true })).toBe(1);
  expect(attributeValueSize({ SS: ['ab', 'c'] })).toBe(3);
  expect(attributeValueSize({ L: [{ S: 'ab' }, { NULL: true }] })).toBe(3 + 1 + 2 + 1 + 1);
  expect(attributeValueSize({ M: { key: { S: 'ab' } } })).toBe(3 + 1 + 3 + 2);
  expect(itemSize({ id: { S: 'a' }, data: { S: 'xyz' } })).toBe(2 + 1 + 4 + 3);
});

// The boundary, measured on DynamoDB Local: "id"+"a"+"d"+409,596 bytes is accepted, one more byte is not.
test('a put of exactly 400 KB is sent; one byte more is refused, naming the limit', () => {
  expect(() => buildPutItem(meta, 'docs', { id: 'a', d: 'x'.repeat(MAX_ITEM_BYTES - 4) })).not.toThrow();
  expect(() => buildPutItem(meta, 'docs', { id: 'a', d: 'x'.repeat(MAX_ITEM_BYTES - 3) })).toThrow(ValidationError);
  expect(() => buildPutItem(meta, 'docs', { id: 'a', d: 'x'.repeat(MAX_ITEM_BYTES - 3) })).toThrow(
    /put on Doc: the item is at least 401 KB \(409601 bytes.*400 KB item size limit/,
  );
});

test('an update whose own values pass 400 KB is refused; a smaller one is built', () => {
  expect(() => buildUpdateItem(meta, 'docs', { id: 'a' }, { set: { d: 'x'.repeat(MAX_ITEM_BYTES) } })).toThrow(
    /update on Doc: the key and the values it writes .*400 KB/,
  );
  expect(buildUpdateItem(meta, 'docs', { id: 'a' }, { set: { d: 'x'.repeat(1000) } }).UpdateExpression).toBe(
    'SET #n0 = :v0',
  );
});

describe('the cheap upper bound in front of the exact size walk', () => {
  it('is never below the exact size, for every kind of value (fast-check)', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'grapheme' }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        fc.bigInt(),
        fc.boolean(),
        fc.constant(null),
        fc.uint8Array(),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1 }), tie('v'), { maxKeys: 4 }),
        fc.uniqueArray(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }).map((a) => new Set(a)),
        fc.uniqueArray(fc.integer(), { minLength: 1, maxLength: 4 }).map((a) => new Set(a)),
      ),
    })).v;
    fc.assert(
      fc.property(value, (v) => {
        const av = marshallValue(v, 'v');
        expect(sizeUpperBound(av)).toBeGreaterThanOrEqual(attributeValueSize(av));
      }),
      { seed: 20261121, numRuns: 500 },
    );
  });
});
