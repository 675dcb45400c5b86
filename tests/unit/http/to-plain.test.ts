import { ValidationError, toPlain } from '../../../src';
import { Order } from '../fixtures';

describe('toPlain', () => {
  it('sets, binary, bigint, dates, nested', () => {
    expect(
      toPlain({
        tags: new Set(['a', 'b']),
        scores: new Set([1, 2]),
        blobs: new Set([new Uint8Array([1, 2])]),
        avatar: Buffer.from('hi'),
        raw: new Uint8Array([255, 0]).buffer,
        small: 42n,
        huge: 2n ** 64n,
        negative: -(2n ** 53n),
        at: new Date(0),
        bad: new Date(NaN),
        nested: { list: [new Set(['x']), 1n, undefined, () => 1], n: NaN },
        gone: undefined,
      }),
    ).toEqual({
      tags: ['a', 'b'],
      scores: [1, 2],
      blobs: ['AQI='],
      avatar: 'aGk=',
      raw: '/wA=',
      small: 42,
      huge: '18446744073709551616',
      negative: '-9007199254740992',
      at: '1970-01-01T00:00:00.000Z',
      bad: null,
      nested: { list: [['x'], 1, null, null], n: null },
    });
  });

  it('a Buffer view of a larger ArrayBuffer encodes only its own bytes', () => {
    const whole = Buffer.from('xxhixx');
    expect(toPlain(whole.subarray(2, 4))).toBe('aGk=');
  });

  it('entity instances: own enumerable data, no getters or methods; the result is JSON round-trippable', () => {
    const order = Object.assign(new Order(), { userId: 'u1', orderId: 'o1', total: 2000, tags: new Set(['vip']) });
    const out = toPlain(order);
    expect(out).toEqual({ userId: 'u1', orderId: 'o1', total: 2000, tags: ['vip'] });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
    const withAccessor = Object.defineProperty({ a: 1 }, 'b', { get: () => 2, enumerable: true });
    expect(toPlain(withAccessor)).toEqual({ a: 1 });
  });

  it('a page keeps items, cursor and counts, and leaves out lastKey (the key in clear)', () => {
    const page = {
      items: [{ email: 'a@x.io', roles: new Set(['admin']) }],
      lastKey: { email: 'a@x.io' },
      cursor: 'abc',
      count: 1,
      scannedCount: 3,
    };
    expect(toPlain(page)).toEqual({
      items: [{ email: 'a@x.io', roles: ['admin'] }],
      cursor: 'abc',
      count: 1,
      scannedCount: 3,
    });
    expect(toPlain([page.items[0]])).toEqual([{ email: 'a@x.io', roles: ['admin'] }]);
    expect(toPlain({ lastKey: 1 })).toEqual({ lastKey: 1 });
  });

  it('a __proto__ own property stays an own property, never a prototype', () => {
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    const out = toPlain(hostile) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: true });
    expect(JSON.stringify(out)).toBe('{"__proto__":{"polluted":true},"a":1}');
  });

  it('Map, toJSON, scalars', () => {
    expect(
      toPlain(
        new Map<unknown, unknown>([
          ['a', 1n],
          [2, new Set([3])],
        ]),
      ),
    ).toEqual({ a: 1, 2: [3] });
    expect(toPlain({ toJSON: () => ({ v: new Set([1]) }) })).toEqual({ v: [1] });
    expect(toPlain('s')).toBe('s');
    expect(toPlain(undefined)).toBeNull();
    expect(toPlain(null)).toBeNull();
  });

  it('a cycle is a ValidationError naming the path; a shared (non-cyclic) object is fine', () => {
    const a: Record<string, unknown> = { x: 1 };
    a['self'] = { back: a };
    expect(() => toPlain(a)).toThrow(ValidationError);
    expect(() => toPlain(a)).toThrow(/\$\.self\.back refers back/);
    const shared = { v: 1 };
    expect(toPlain([shared, shared])).toEqual([{ v: 1 }, { v: 1 }]);
  });
});
