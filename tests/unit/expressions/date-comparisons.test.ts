import 'reflect-metadata';
import { Attribute, PartitionKey, Table, ValidationError, entityMetadata } from '../../../src';
import { compileConditions } from '../../../src/expressions/conditions';
import { ExpressionContext } from '../../../src/expressions/context';

// Date properties are stored as ISO 8601 strings (which sort like the instants they name), and the
// condition types accept a Date for them; the compiler refused Dates in gt/lt/between.
@Table('events')
class Event {
  @PartitionKey() id!: string;
  @Attribute() at?: Date;
}

function compile(condition: Record<string, unknown>) {
  const ctx = new ExpressionContext();
  const expr = compileConditions(entityMetadata(Event), condition, undefined, ctx);
  return { expr, values: ctx.values };
}

test('a Date compares as its ISO string in gt/gte/lt/lte', () => {
  expect(compile({ at__gt: new Date(0) })).toEqual({
    expr: '#n0 > :v0',
    values: { ':v0': { S: '1970-01-01T00:00:00.000Z' } },
  });
  expect(compile({ at__lte: new Date(1000) }).values).toEqual({ ':v0': { S: '1970-01-01T00:00:01.000Z' } });
});

test('Dates are between bounds, checked for order', () => {
  expect(compile({ at__between: [new Date(0), new Date(1000)] })).toEqual({
    expr: '#n0 BETWEEN :v0 AND :v1',
    values: { ':v0': { S: '1970-01-01T00:00:00.000Z' }, ':v1': { S: '1970-01-01T00:00:01.000Z' } },
  });
  expect(() => compile({ at__between: [new Date(1000), new Date(0)] })).toThrow(/reversed/);
});

test('a Date and an ISO string bound mix, since both are stored as strings', () => {
  expect(compile({ at__between: [new Date(0), '2030-01-01'] }).expr).toBe('#n0 BETWEEN :v0 AND :v1');
});

test('an invalid Date is still refused', () => {
  expect(() => compile({ at__gt: new Date(NaN) })).toThrow(ValidationError);
});
