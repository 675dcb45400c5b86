import { NumberValueImpl } from '@aws-sdk/util-dynamodb';
import { hydrate, marshallItem } from '../../../src/marshalling/items';
import { marshallValue, unmarshallValue } from '../../../src/marshalling/marshall';
import { Account, Order, expectValidation, meta, N, S } from '../fixtures';

const roundTrip = (value: unknown) => unmarshallValue(marshallValue(value, 'x'));

describe('marshallValue / unmarshallValue', () => {
  it.each([
    ['S', 'hello', S('hello')],
    ['empty S', '', S('')],
    ['N', 42, N(42)],
    ['negative N', -7, N(-7)],
    ['decimal N', 3.25, N(3.25)],
    ['negative decimal N', -0.5, N(-0.5)],
    ['BOOL', true, { BOOL: true }],
    ['NULL', null, { NULL: true }],
    ['B', new Uint8Array([1, 2, 3]), { B: new Uint8Array([1, 2, 3]) }],
    ['SS', new Set(['a', 'b']), { SS: ['a', 'b'] }],
    ['NS', new Set([1, 2.5, -3]), { NS: ['1', '2.5', '-3'] }],
    ['BS', new Set([new Uint8Array([1]), new Uint8Array([2])]), { BS: [new Uint8Array([1]), new Uint8Array([2])] }],
    ['L', [1, 'a', null, [true]], { L: [N(1), S('a'), { NULL: true }, { L: [{ BOOL: true }] }] }],
    ['M', { a: 1, b: { c: 'd' } }, { M: { a: N(1), b: { M: { c: S('d') } } } }],
    ['empty L and M', { l: [], m: {} }, { M: { l: { L: [] }, m: { M: {} } } }],
  ])('%s round trips', (_, value, av) => {
    expect(marshallValue(value, 'x')).toEqual(av);
    expect(roundTrip(value)).toEqual(value);
  });

  it('bigint beyond 2^53 comes back as bigint, every digit kept', () => {
    const big = 2n ** 53n + 1n;
    expect(marshallValue(big, 'x')).toEqual(N('9007199254740993'));
    expect(roundTrip(big)).toBe(big);
    expect(roundTrip(-(2n ** 70n))).toBe(-(2n ** 70n));
    expect(unmarshallValue(N('123456789012345678901234567890'))).toBe(123456789012345678901234567890n);
  });

  it('safe integers and decimals come back as numbers', () => {
    expect(roundTrip(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(unmarshallValue(N('-0.000001'))).toBe(-0.000001);
    expect(unmarshallValue(N('1e3'))).toBe(1000);
  });

  it('bigints in number sets', () => {
    expect(marshallValue(new Set([1n, 2n ** 64n]), 'x')).toEqual({ NS: ['1', '18446744073709551616'] });
    expect(unmarshallValue({ NS: ['1', '18446744073709551616'] })).toEqual(new Set([1, 2n ** 64n]));
  });

  it('a NumberValue is sent as it is', () => {
    expect(marshallValue(NumberValueImpl.from('0.1000000000000000000001'), 'x')).toEqual(N('0.1000000000000000000001'));
  });

  it('Buffer and ArrayBuffer are binary', () => {
    expect(marshallValue(Buffer.from('hi'), 'x')).toEqual({ B: Buffer.from('hi') });
    expect(marshallValue(new Uint8Array([5]).buffer, 'x')).toEqual({ B: new Uint8Array([5]) });
  });

  it('a Date is an ISO string', () => {
    expect(marshallValue(new Date(Date.UTC(2024, 0, 2)), 'x')).toEqual(S('2024-01-02T00:00:00.000Z'));
  });

  it('undefined map values are left out; undefined list elements are NULL', () => {
    expect(marshallValue({ a: undefined, b: [undefined] }, 'x')).toEqual({ M: { b: { L: [{ NULL: true }] } } });
  });

  it('regression: a function in a map is refused, naming its path (it used to vanish silently)', () => {
    expectValidation(
      () => marshallValue({ a: { f: () => 1 } }, 'x'),
      /"x\.a\.f" is a function, which DynamoDB cannot store/,
    );
  });

  it('a class instance is a map of its own properties', () => {
    class Point {
      constructor(
        readonly x: number,
        readonly y: number,
      ) {}
      get norm() {
        return Math.hypot(this.x, this.y);
      }
    }
    expect(marshallValue(new Point(3, 4), 'p')).toEqual({ M: { x: N(3), y: N(4) } });
  });
});

describe('values DynamoDB cannot store', () => {
  it('an empty set, naming the path', () => {
    expectValidation(
      () => marshallValue({ tags: new Set() }, 'order'),
      /"order\.tags" is an empty set; DynamoDB cannot store empty sets/,
    );
    expectValidation(() => marshallValue([new Set()], 'l'), /"l\[0\]" is an empty set/);
  });

  it('a set mixing element types', () => {
    expectValidation(
      () => marshallValue(new Set(['a', 1]), 'tags'),
      /"tags" is a set mixing element types; a set holds only strings, only numbers or only binaries/,
    );
  });

  it('a set holding something else', () => {
    expectValidation(
      () => marshallValue(new Set([{ a: 1 }]), 'tags'),
      /"tags" is a set holding an object; sets may hold only strings, numbers or binaries/,
    );
    expectValidation(() => marshallValue(new Set([NaN]), 'tags'), /"tags" holds NaN/);
  });

  it('a Map', () => {
    expectValidation(
      () => marshallValue({ m: new Map() }, 'x'),
      /"x\.m" is a Map; store a plain object instead \(Object\.fromEntries\(map\)\)/,
    );
  });

  it('NaN and Infinity anywhere', () => {
    expectValidation(
      () => marshallValue({ a: { b: [1, NaN] } }, 'item'),
      /"item\.a\.b\[1\]" is NaN; DynamoDB numbers must be finite/,
    );
    expectValidation(() => marshallValue(-Infinity, 'n'), /"n" is an infinite number/);
  });

  it('an invalid Date', () => {
    expectValidation(() => marshallValue(new Date('nope'), 'd'), /"d" is an invalid Date/);
  });

  it('undefined, symbols and functions as values', () => {
    expectValidation(() => marshallValue(undefined, 'u'), /"u" is undefined, which DynamoDB cannot store/);
    expectValidation(() => marshallValue(Symbol('s'), 's'), /"s" is a symbol/);
  });
});

describe('marshallItem and hydrate', () => {
  it('marshallItem maps stored names and leaves out undefined', () => {
    expect(
      marshallItem(meta(Account), { accountId: 'a', openedOn: 1, displayName: undefined, birthday: new Date(0) }),
    ).toEqual({
      pk: S('a'),
      sk: N(1),
      birthday: S('1970-01-01T00:00:00.000Z'),
    });
  });

  it('hydrate gives an instance of the class whose getters and methods work', () => {
    const order = hydrate(meta(Order), { userId: S('u1'), orderId: S('o1'), total: N(2000), created_at: S('2024') });
    expect(order).toBeInstanceOf(Order);
    expect(order.isBig).toBe(true);
    expect(order.describe()).toBe('u1/o1');
    expect({ ...order }).toEqual({ userId: 'u1', orderId: 'o1', total: 2000, createdAt: '2024' });
  });

  it('hydrate maps stored names back and revives Date properties', () => {
    const account = hydrate(meta(Account), {
      pk: S('a'),
      sk: N(1),
      display_name: S('Ann'),
      birthday: S('2000-02-29T00:00:00.000Z'),
      profile: { M: { display_name: S('nested stays') } },
    });
    expect(account).toBeInstanceOf(Account);
    expect(account.accountId).toBe('a');
    expect(account.openedOn).toBe(1);
    expect(account.displayName).toBe('Ann');
    expect(account.birthday).toEqual(new Date('2000-02-29T00:00:00.000Z'));
    expect(account.profile).toEqual({ display_name: 'nested stays' });
    expect(Object.keys(account).sort()).toEqual(['accountId', 'birthday', 'displayName', 'openedOn', 'profile']);
  });

  it('hydrate does not run the constructor, so field initialisers do not overwrite stored values', () => {
    let constructed = 0;
    class Defaults {
      status = 'DRAFT';
      constructor() {
        constructed++;
      }
    }
    const fake = { ...meta(Order), target: Defaults as never };
    const item = hydrate<Defaults>(fake, { status: S('SHIPPED') });
    expect(constructed).toBe(0);
    expect(item).toBeInstanceOf(Defaults);
    expect(item.status).toBe('SHIPPED');
  });

  it('marshallItem then hydrate round trips an entity', () => {
    const source = Object.assign(new Account(), {
      accountId: 'a',
      openedOn: 3,
      displayName: 'Ann',
      birthday: new Date(86_400_000),
    });
    const back = hydrate(meta(Account), marshallItem(meta(Account), source));
    expect(back).toEqual(source);
  });
});

describe('the value whitelist (refused before sending, naming the path)', () => {
  const refused: [string, unknown, RegExp][] = [
    ['a RegExp', /a/g, /"v" is a RegExp object, which DynamoDB cannot store/],
    ['an Error', new Error('boom'), /"v" is an Error object/],
    ['a Promise', Promise.resolve(1), /"v" is a Promise object/],
    [
      'an Int16Array',
      new Int16Array([1, -1]),
      /"v" is an Int16Array; binary values must be a Uint8Array, Buffer or ArrayBuffer/,
    ],
    ['a boxed number', new Number(5), /"v" is a boxed number/],
    ['a WeakMap', new WeakMap(), /"v" is a WeakMap object/],
    ['a function in a list', [1, () => 1], /"v\[1\]" is a function/],
    ['a __proto__ key', JSON.parse('{"a":{"__proto__":1}}'), /"v\.a\.__proto__": the name "__proto__" is refused/],
  ];
  it.each(refused)('%s', (_what, value, message) => {
    expectValidation(() => marshallValue(value, 'v'), message);
  });

  it('a cycle is named as one, at the path where it closes', () => {
    const a: Record<string, unknown> = {};
    a['b'] = { c: [a] };
    expectValidation(() => marshallValue(a, 'v'), /"v\.b\.c\[0\]" is cyclic/);
  });

  it('31 nested containers are stored; 32 are refused (DynamoDB refuses them too); 20,000 do not overflow the stack', () => {
    const nest = (n: number) =>
      Array.from({ length: n }).reduce<unknown>((v, _, i) => (i % 2 ? [v] : { a: v }), 'leaf');
    expect(() => marshallValue(nest(31), 'v')).not.toThrow();
    expectValidation(() => marshallValue(nest(32), 'v'), /nested deeper than DynamoDB's 32 levels/);
    expectValidation(() => marshallValue(nest(20_000), 'v'), /nested deeper than DynamoDB's 32 levels/);
  });

  it('a class instance is still a map of its own properties; a Set of ArrayBuffers is a binary set', () => {
    class P {
      constructor(readonly x: number) {}
    }
    expect(marshallValue(new P(1), 'v')).toEqual({ M: { x: { N: '1' } } });
    expect(marshallValue(new Set([new Uint8Array([1]).buffer]), 'v')).toEqual({ BS: [new Uint8Array([1])] });
  });

  it('a stored __proto__ key reads back as an own property, not a prototype', () => {
    const m = unmarshallValue({ M: JSON.parse('{"__proto__":{"M":{"isAdmin":{"BOOL":true}}}}') }) as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect((m as { isAdmin?: boolean }).isAdmin).toBeUndefined();
    expect(Object.keys(m)).toEqual(['__proto__']);
  });
});
