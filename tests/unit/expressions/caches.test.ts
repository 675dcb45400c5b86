import 'reflect-metadata';
import { DkmioClient, free, PartitionKey, SortKey, Table, ValidationError, entityMetadata, or } from '../../../src';
import { compileConditions } from '../../../src/expressions/conditions';
import { ExpressionContext } from '../../../src/expressions/context';
import { parsePath } from '../../../src/expressions/paths';

// Parsed paths and `field__op` keys are cached per entity; these pin down that the cache never
// changes a request, never hides an error, and cannot be corrupted through what it hands out.

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
}

const meta = entityMetadata(Order);
const compile = (c: Record<string, unknown>) => {
  const ctx = new ExpressionContext();
  return { expr: compileConditions(meta, c, undefined, ctx), ...ctx.attributes() };
};

test('the same condition compiles to the same request every time', () => {
  const c = { 'address.city__eq': 'Lima', total__gt: 5, 'items[0].qty__between': [1, 2] };
  const first = compile(c);
  expect(compile(c)).toEqual(first);
  expect(first.expr).toBe('#n0.#n1 = :v0 AND #n2 > :v1 AND #n3[0].#n4 BETWEEN :v2 AND :v3');
});

test('a bad key fails on every call, not only the first', () => {
  for (let i = 0; i < 3; i++) expect(() => compile({ total__gtt: 5 })).toThrow(/unknown operator "gtt"/);
  for (let i = 0; i < 3; i++) expect(() => parsePath(meta, 'a..b')).toThrow(ValidationError);
});

test('cached paths are frozen', () => {
  const p = parsePath(meta, 'address.geo.lat');
  expect(parsePath(meta, 'address.geo.lat')).toBe(p);
  expect(Object.isFrozen(p) && Object.isFrozen(p.rest)).toBe(true);
  expect(p.rest).toEqual(['geo', 'lat']);
});

test('paths built at run time keep working past the cache bound', () => {
  for (let i = 0; i < 1100; i++) expect(parsePath(meta, `items[${i}].qty`).rest).toEqual([i, 'qty']);
  const db = new DkmioClient({ region: 'us-east-1' });
  const q = db
    .getRepository(Order)
    .query({ userId: 'u' })
    .filter(or(free({ 'items[1099].qty__gt': 1 }), free({ 'items[3].qty__lt': 2 })));
  expect(q.explain().filter).toBe('#n1[1099].#n2 > :v1 OR #n1[3].#n2 < :v2');
});

test('an IN list with a hole is refused', () => {
  // eslint-disable-next-line no-sparse-arrays
  expect(() => compile({ status__in: ['a', , 'b'] })).toThrow(/value 1 of the list is undefined/);
});
