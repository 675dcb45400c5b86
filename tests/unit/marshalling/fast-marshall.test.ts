import { marshall } from '@aws-sdk/util-dynamodb';
import { NumberValueImpl } from '@aws-sdk/util-dynamodb';
import { ValidationError } from '../../../src';
import { ExpressionContext } from '../../../src/expressions/context';
import { marshallValue } from '../../../src/marshalling/marshall';

// marshallValue tries a path-free fast walk first and falls back to the path-tracking walk:
// these pin down that both give the same AttributeValues and that errors still name the path.

const nested = {
  s: 'a',
  n: -12.04,
  big: 12n,
  b: true,
  nil: null,
  list: [1, 'x', { deep: [{ qty: 3 }] }, undefined],
  map: { city: 'Lima', geo: { lat: 1.5, lng: -2 } },
  ss: new Set(['a', 'b']),
  ns: new Set([1, 2.5]),
  bin: new Uint8Array([1, 2]),
  skipped: undefined,
};

test('the fast walk marshals plain data as the SDK does', () => {
  const { skipped, big, list, ...rest } = nested;
  void skipped;
  expect(marshallValue(rest, 'item')).toEqual({ M: marshall(rest) });
  expect(marshallValue(big, 'big')).toEqual({ N: '12' });
  expect(marshallValue(list, 'list')).toEqual({
    L: [{ N: '1' }, { S: 'x' }, { M: { deep: { L: [{ M: { qty: { N: '3' } } }] } } }, { NULL: true }],
  });
});

test('types the fast walk leaves to the precise walk are still marshalled', () => {
  class Address {
    city = 'Lima';
  }
  const d = new Date('2024-05-01T10:00:00.000Z');
  expect(marshallValue({ at: d, addr: new Address(), n: new NumberValueImpl('12345678901234567890') }, 'x')).toEqual({
    M: {
      at: { S: '2024-05-01T10:00:00.000Z' },
      addr: { M: { city: { S: 'Lima' } } },
      n: { N: '12345678901234567890' },
    },
  });
  expect(marshallValue(new Set([new Uint8Array([1])]), 'bs')).toEqual({ BS: [new Uint8Array([1])] });
  expect(marshallValue(new Set([1n, 2]), 'ns')).toEqual({ NS: ['1', '2'] });
  expect(marshallValue(new ArrayBuffer(2), 'ab')).toEqual({ B: new Uint8Array(2) });
});

test.each([
  [{ a: { b: [1, { c: NaN }] } }, '"item.a.b[1].c" is NaN'],
  [{ a: { s: new Set() } }, '"item.a.s" is an empty set'],
  [{ a: [new Set(['x', 1])] }, '"item.a[0]" is a set mixing element types'],
  [{ a: { f: Symbol('x') } }, '"item.a.f" is a symbol'],
  [{ m: new Map() }, '"item.m" is a Map'],
  [{ d: new Date('nope') }, '"item.d" is an invalid Date'],
])('a bad value deep inside still fails naming its exact path (%#)', (value, message) => {
  expect(() => marshallValue(value, 'item')).toThrow(ValidationError);
  expect(() => marshallValue(value, 'item')).toThrow(message);
});

test('placeholders past the precomputed ones keep counting', () => {
  const ctx = new ExpressionContext();
  const names = Array.from({ length: 70 }, (_, i) => ctx.name(`attr${i}`));
  const values = Array.from({ length: 70 }, (_, i) => ctx.value(i, `v${i}`));
  expect(names[0]).toBe('#n0');
  expect(names[69]).toBe('#n69');
  expect(values[69]).toBe(':v69');
  expect(ctx.attributes().ExpressionAttributeNames!['#n65']).toBe('attr65');
  expect(ctx.attributes().ExpressionAttributeValues![':v66']).toEqual({ N: '66' });
  expect(ctx.name('attr3')).toBe('#n3');
});
