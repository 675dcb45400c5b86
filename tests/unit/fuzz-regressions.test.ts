/**
 * Bugs the differential fuzz (tests/integration/fuzz.test.ts) found in the expression compiler,
 * one test each, named after what broke. Each sent DynamoDB an expression it rejects, or
 * refused one it accepts.
 */
import 'reflect-metadata';
import { PartitionKey, Table, ValidationError, entityMetadata } from '../../src';
import { buildPutItem } from '../../src/operations/put/build';
import { compileConditions } from '../../src/expressions/conditions';
import { ExpressionContext } from '../../src/expressions/context';

@Table('things')
class Thing {
  @PartitionKey() id!: string;
}

function compile(condition: Record<string, unknown>): string | undefined {
  return compileConditions(entityMetadata(Thing), condition, undefined, new ExpressionContext());
}

function compileWithValues(condition: Record<string, unknown>) {
  const ctx = new ExpressionContext();
  return { expr: compileConditions(entityMetadata(Thing), condition, undefined, ctx), values: ctx.values };
}

test('size between with reversed bounds is refused before sending (DynamoDB: "BETWEEN operator requires upper bound to be greater than or equal to lower bound")', () => {
  expect(() => compile({ items__size__between: [4, 3] })).toThrow(ValidationError);
  expect(() => compile({ items__size__between: [4, 3] })).toThrow(
    /"items__size__between": between bounds are reversed/,
  );
  expect(compile({ items__size__between: [3, 3] })).toBe('size(#n0) BETWEEN :v0 AND :v1');
});

test('contains takes any value, as DynamoDB does: a map, a list, null or a boolean element of a list', () => {
  expect(compileWithValues({ items__contains: { sku: 'a', qty: 1 } })).toEqual({
    expr: 'contains(#n0, :v0)',
    values: { ':v0': { M: { sku: { S: 'a' }, qty: { N: '1' } } } },
  });
  expect(compileWithValues({ items__not_contains: null }).expr).toBe('NOT contains(#n0, :v0)');
  expect(compileWithValues({ items__contains: ['x'] }).values).toEqual({ ':v0': { L: [{ S: 'x' }] } });
  expect(compileWithValues({ items__contains: true }).values).toEqual({ ':v0': { BOOL: true } });
  expect(() => compile({ items__contains: undefined })).toThrow(ValidationError);
});

test('an item with an empty map key is refused before sending (DynamoDB: "Empty attribute name")', () => {
  const meta = entityMetadata(Thing);
  expect(() => buildPutItem(meta, 'things', { id: '1', data: { '': 1 } })).toThrow(ValidationError);
  expect(() => buildPutItem(meta, 'things', { id: '1', data: { a: [{ '': 1 }] } })).toThrow(
    /"data\.a\[0\]" has an empty key/,
  );
  expect(() => buildPutItem(meta, 'things', { id: '1', '': 1 })).toThrow(/empty name/);
  expect(() => compile({ data: { '': 1 } })).toThrow(/empty key/);
});

test('a path with "." before "[" is refused instead of read as another path ("status.[0]" is not "status[0]")', () => {
  expect(() => compile({ 'status.[0]__eq': 1 })).toThrow(/Invalid attribute path "status\.\[0\]": empty name segment/);
  expect(() => compile({ 'status..a': 1 })).toThrow(/empty name segment/);
  expect(compile({ 'status[0].a': 1 })).toBe('#n0[0].#n1 = :v0');
});
