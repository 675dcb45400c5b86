/**
 * The value whitelist, as properties (fast-check) checked through DynamoDB Local:
 * - every whitelisted value (strings, numbers, bigints, booleans, null, binary as Uint8Array,
 *   Buffer or ArrayBuffer, sets of strings/numbers/binaries, arrays, plain objects, class
 *   instances, Dates) nested at random comes back from a put + get exactly as documented
 *   (binary as Uint8Array, a Date as its ISO string, class instances as their own properties,
 *   -0 as 0, integers beyond 2^53 as bigint): never a silent change;
 * - the same trees with one refused value hidden at a random path (a function, symbol, Map,
 *   RegExp, Error, Promise, other typed array, boxed primitive, WeakMap, NaN, an empty or mixed
 *   set, a cycle, nesting past 32 levels, a `__proto__` key) are a ValidationError naming that
 *   exact path, and nothing is sent.
 * Plus the nesting limit checked against DynamoDB itself, and `__proto__` written by another
 * client (the raw SDK) read back as an own property on every read path.
 */
import 'reflect-metadata';
import { GetItemCommand, PutItemCommand, UpdateItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import {
  ConditionError,
  DkmioClient,
  DkmioError,
  PartitionKey,
  SortKey,
  Table,
  ValidationError,
  free,
} from '../../../src';
import { testClientConfig, uniqueTableName } from '../../support/local';
import { createRawTable, rawClient } from '../../support/raw-tables';

@Table('bags')
class Bag {
  @PartitionKey() id!: string;
  [attribute: string]: unknown;
}

@Table('docs')
class Doc {
  @PartitionKey() pk!: string;
  @SortKey() sk!: string;
  [attribute: string]: unknown;
  get kind(): string {
    return 'doc';
  }
}

class Point {
  constructor(
    readonly x: number,
    readonly y: string,
  ) {}
  get norm(): number {
    return Math.abs(this.x);
  }
}

const prefix = `${uniqueTableName('wl')}-`;
const raw = rawClient();
let sends = 0;
const counting = {
  send: (command: never, options?: { abortSignal?: AbortSignal }) => ((sends += 1), raw.send(command, options)),
};
const db = new DkmioClient({ client: counting, tableNamePrefix: prefix });
const bags = db.getRepository(Bag);
/** Reads through a client dkmio creates itself (where it works around the SDK's loss of `__proto__` values). */
const own = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const docs = own.getRepository(Doc);
const RUNS = Number(process.env['WHITELIST_RUNS'] ?? 120);

beforeAll(async () => {
  await createRawTable(raw, `${prefix}bags`, ['id', 'S']);
  await createRawTable(raw, `${prefix}docs`, ['pk', 'S'], ['sk', 'S']);
});

afterAll(() => {
  db.destroy();
  own.destroy();
  raw.destroy();
});

// ---- whitelisted values ----------------------------------------------------------------
const keyArb = fc.string({ minLength: 1, maxLength: 6, unit: 'grapheme' }).filter((k) => k !== '__proto__');
/** Doubles DynamoDB can hold (38 digits, 1E-130 .. 1E+126): a double's shortest spelling has at most 17 digits. */
const numberArb = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e120, max: 1e120, noNaN: true }).filter((n) => n === 0 || Math.abs(n) > 1e-120),
  fc.constantFrom(0, -0, 0.1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
);
const bigintArb = fc.bigInt({ min: -(10n ** 37n), max: 10n ** 37n });
const bytesArb = fc.uint8Array({ minLength: 1, maxLength: 8 });
const binaryArb = fc.oneof(
  bytesArb,
  bytesArb.map((b) => Buffer.from(b)),
  bytesArb.map((b) => b.slice().buffer),
);
const setArb = fc.oneof(
  fc.uniqueArray(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 4 }).map((a) => new Set<unknown>(a)),
  fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 4 }).map((a) => new Set<unknown>(a)),
  fc
    .uniqueArray(bytesArb, { minLength: 1, maxLength: 3, selector: (b) => Buffer.from(b).toString('hex') })
    .map((a) => new Set<unknown>(a)),
);
const dateArb = fc.date({
  min: new Date(Date.UTC(1900, 0, 1)),
  max: new Date(Date.UTC(2200, 0, 1)),
  noInvalidDate: true,
});
const scalarArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 8, unit: 'grapheme' }),
  numberArb,
  bigintArb,
  fc.boolean(),
  fc.constant(null),
  binaryArb,
  setArb,
  dateArb,
);
const storableArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    scalarArb,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(keyArb, tie('value'), { maxKeys: 4 }),
    fc.tuple(fc.integer(), fc.string({ maxLength: 4 })).map(([x, y]) => new Point(x, y)),
  ),
})).value;

/** The integer a number's shortest spelling (what dkmio sends: `String(n)`, e.g. `1.5e+21`) stands for. */
function decimalBigInt(text: string): bigint {
  const [mantissa, exponent = '0'] = text.split('e');
  const [int, frac = ''] = mantissa.split('.');
  return BigInt(int + frac) * 10n ** BigInt(Number(exponent) - frac.length);
}

/**
 * A number as the decimal it stands for: a read-back value (a number, or a bigint beyond 2^53)
 * must equal its input by value, whichever spelling DynamoDB answered with (`1E+21` or every digit).
 */
function numeric(v: number | bigint): string {
  if (typeof v === 'bigint') return `n:${v}`;
  if (Object.is(v, -0)) return 'n:0';
  return Number.isInteger(v) && !Number.isSafeInteger(v) ? `n:${decimalBigInt(String(v))}` : `n:${v}`;
}

/** What DynamoDB gives back for a whitelisted value, by the documented mapping. */
function expectedOf(v: unknown): unknown {
  // Integers beyond 2^53 come back as bigint, every digit kept; DynamoDB has no -0.
  if (typeof v === 'number' || typeof v === 'bigint') return numeric(v);
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Uint8Array) return { $bin: Buffer.from(v).toString('hex') };
  if (v instanceof ArrayBuffer) return { $bin: Buffer.from(v).toString('hex') };
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Set)
    return {
      $set: [...v]
        .map(expectedOf)
        .map((x) => JSON.stringify(x))
        .sort(),
    };
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : expectedOf(x)));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = expectedOf(x);
  return out;
}

/** The read-back value in the same comparable form (binary and sets made order-free, prototypes checked). */
function comparable(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'bigint') return numeric(v);
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Uint8Array) return { $bin: Buffer.from(v).toString('hex') };
  if (v instanceof Set)
    return {
      $set: [...v]
        .map(comparable)
        .map((x) => JSON.stringify(x))
        .sort(),
    };
  if (Array.isArray(v)) return v.map(comparable);
  // Maps come back as plain objects, never with another prototype.
  expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = comparable(x);
  return out;
}

describe('whitelisted values round-trip through DynamoDB Local exactly as documented', () => {
  it(`property: put + get of random nested values (${RUNS} runs)`, async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(storableArb, async (value) => {
        const id = `rt-${n++}`;
        await bags.put(free({ id, v: value }));
        const back = await bags.get({ id }, { consistent: true });
        expect(back).toBeInstanceOf(Bag);
        expect(comparable(back!['v'])).toEqual(expectedOf(value));
      }),
      { numRuns: RUNS, seed: 1105 },
    );
  });
});

// ---- refused values --------------------------------------------------------------------
type Refused = { kind: string; make: (root: object) => unknown; suffix?: string };
const REFUSED: Refused[] = [
  { kind: 'function', make: () => () => 1 },
  { kind: 'symbol', make: () => Symbol('s') },
  { kind: 'Map', make: () => new Map([['a', 1]]) },
  { kind: 'RegExp', make: () => /a/g },
  { kind: 'Error', make: () => new Error('boom') },
  { kind: 'Promise', make: () => Promise.resolve(1) },
  { kind: 'Int16Array', make: () => new Int16Array([1, -1]) },
  { kind: 'Float64Array', make: () => new Float64Array([0.5]) },
  { kind: 'boxed number', make: () => new Number(5) },
  { kind: 'boxed string', make: () => new String('s') },
  { kind: 'boxed boolean', make: () => new Boolean(false) },
  { kind: 'WeakMap', make: () => new WeakMap() },
  { kind: 'NaN', make: () => Number.NaN },
  { kind: 'Infinity', make: () => -Infinity },
  { kind: 'empty set', make: () => new Set() },
  { kind: 'mixed set', make: () => new Set<unknown>(['a', 1]) },
  { kind: 'cycle', make: (root) => root },
  { kind: 'deep nesting', make: () => Array.from({ length: 40 }).reduce<unknown>((v) => ({ a: v }), 'leaf') },
  {
    kind: '__proto__ key',
    make: () => Object.defineProperty({}, '__proto__', { value: 1, enumerable: true }),
    suffix: '.__proto__',
  },
];

type Segment = { key: string } | { index: number };
const segmentArb: fc.Arbitrary<Segment> = fc.oneof(
  keyArb.map((key) => ({ key })),
  fc.integer({ min: 0, max: 3 }).map((index) => ({ index })),
);

/** A random whitelisted tree with `bad` planted at `segments`, and the path dkmio must name. */
function plant(segments: Segment[], siblings: unknown[], refused: Refused): { value: unknown; path: string } {
  const root: Record<string, unknown> = {};
  let holder: Record<string, unknown> | unknown[] = root;
  let slot: string | number = 'v';
  let path = 'v';
  let s = 0;
  for (const seg of segments) {
    const container: Record<string, unknown> | unknown[] =
      'key' in seg
        ? { [`sib${s}`]: siblings[s % siblings.length] }
        : Array.from({ length: seg.index }, (_, i) => siblings[(s + i) % siblings.length]);
    (holder as Record<string | number, unknown>)[slot] = container;
    holder = container;
    slot = 'key' in seg ? seg.key : seg.index;
    path += 'key' in seg ? `.${seg.key}` : `[${seg.index}]`;
    s++;
  }
  (holder as Record<string | number, unknown>)[slot] = refused.make(root);
  return { value: root['v'], path: path + (refused.suffix ?? '') };
}

describe('refused values are a ValidationError naming their path, before anything is sent', () => {
  it(`property: one refused value hidden at a random path of a whitelisted tree (${RUNS} runs)`, async () => {
    const storableLeaf = fc.oneof(
      scalarArb,
      fc.array(scalarArb, { maxLength: 2 }),
      fc.dictionary(keyArb, scalarArb, { maxKeys: 2 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(segmentArb, { minLength: 0, maxLength: 5 }),
        fc.array(storableLeaf, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...REFUSED),
        fc.constantFrom('put', 'update', 'filter', 'batch'),
        async (segments, siblings, refused, where) => {
          // A cycle needs a container to point back to.
          if (refused.kind === 'cycle' && segments.length === 0) segments = [{ key: 'k' }];
          const { value, path } = plant(segments, siblings, refused);
          const before = sends;
          const run: () => Promise<unknown> =
            where === 'put'
              ? () => bags.put(free({ id: 'x', v: value }))
              : where === 'update'
                ? () => bags.update({ id: 'x' }, free({ set: { v: value } }))
                : where === 'filter'
                  ? () =>
                      bags
                        .scan()
                        .filter(free({ v: value }))
                        .execute()
                  : () => bags.batchWrite((b) => void b.put(free({ id: 'x', v: value })));
          const error = await Promise.resolve()
            .then(run)
            .then(
              () => undefined,
              (e: unknown) => e,
            );
          expect(error).toBeInstanceOf(ValidationError);
          const message = (error as Error).message;
          // The filter names the path by its condition key ("v"), which is the same text here.
          expect(message).toContain(`"${path}`);
          expect(sends).toBe(before);
        },
      ),
      { numRuns: RUNS, seed: 1106 },
    );
  });
});

describe("DynamoDB's nesting limit", () => {
  const nestedMaps = (n: number): unknown => Array.from({ length: n }).reduce<unknown>((v) => ({ a: v }), 'leaf');
  const nestedAv = (n: number): AttributeValue =>
    Array.from({ length: n }).reduce<AttributeValue>((v) => ({ M: { a: v } }), { S: 'leaf' });

  it('31 nested maps: dkmio sends it and DynamoDB stores it; 32: dkmio refuses it, as DynamoDB itself does', async () => {
    await bags.put(free({ id: 'depth-31', v: nestedMaps(31) }));
    expect(JSON.stringify((await bags.get({ id: 'depth-31' }))!['v'])).toBe(JSON.stringify(nestedMaps(31)));
    const before = sends;
    await expect(bags.put(free({ id: 'depth-32', v: nestedMaps(32) }))).rejects.toThrow(
      /nested deeper than DynamoDB's 32 levels/,
    );
    expect(sends).toBe(before);
    // The limit is DynamoDB's: the raw SDK's 32 nested maps are rejected by the server.
    await expect(
      raw.send(new PutItemCommand({ TableName: `${prefix}bags`, Item: { id: { S: 'raw-32' }, v: nestedAv(32) } })),
    ).rejects.toThrow(/nested levels beyond supported limit/i);
    await raw.send(new PutItemCommand({ TableName: `${prefix}bags`, Item: { id: { S: 'raw-31' }, v: nestedAv(31) } }));
  });

  it('an update at a nested path counts the containers above it: 30 maps at "v.b" are stored, 31 refused (DynamoDB agrees)', async () => {
    await bags.put(free({ id: 'upd', v: { b: 'x' } }));
    await bags.update({ id: 'upd' }, free({ set: { 'v.b': nestedMaps(30) } }));
    expect(JSON.stringify((await bags.get({ id: 'upd' }))!['v'])).toBe(JSON.stringify({ b: nestedMaps(30) }));
    const before = sends;
    await expect(bags.update({ id: 'upd' }, free({ set: { 'v.b': nestedMaps(31) } }))).rejects.toThrow(
      /"v\.b(\.a)*" is nested deeper than DynamoDB's 32 levels/,
    );
    expect(sends).toBe(before);
    await expect(
      raw.send(
        new UpdateItemCommand({
          TableName: `${prefix}bags`,
          Key: { id: { S: 'upd' } },
          UpdateExpression: 'SET #v.#b = :x',
          ExpressionAttributeNames: { '#v': 'v', '#b': 'b' },
          ExpressionAttributeValues: { ':x': nestedAv(31) },
        }),
      ),
    ).rejects.toThrow(/nest/i);
  });
});

describe('__proto__ written by another client reads back as an own property, never a prototype', () => {
  const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const storedItem = (sk: string): Record<string, AttributeValue> => {
    const item: Record<string, AttributeValue> = {
      pk: { S: 'p' },
      sk: { S: sk },
      m: {
        M: JSON.parse('{"__proto__":{"M":{"isAdmin":{"BOOL":true}}},"ok":{"N":"1"}}') as Record<string, AttributeValue>,
      },
    };
    // A top-level attribute named __proto__, and one in a list of maps.
    Object.defineProperty(item, '__proto__', {
      value: { S: 'top' },
      enumerable: true,
      writable: true,
      configurable: true,
    });
    item['l'] = { L: [{ M: JSON.parse('{"__proto__":{"S":"in a list"}}') as Record<string, AttributeValue> }] };
    return item;
  };

  beforeAll(async () => {
    for (const sk of ['a', 'b'])
      await raw.send(new PutItemCommand({ TableName: `${prefix}docs`, Item: storedItem(sk) }));
    // The raw SDK stores it as written.
    const back = await raw.send(
      new GetItemCommand({ TableName: `${prefix}docs`, Key: { pk: { S: 'p' }, sk: { S: 'a' } } }),
    );
    expect(Object.keys(back.Item!)).toContain('__proto__');
  });

  function check(doc: Doc | null): void {
    expect(doc).toBeInstanceOf(Doc);
    const d = doc!;
    expect(d.kind).toBe('doc');
    expect(Object.getPrototypeOf(d)).toBe(Doc.prototype);
    expect(hasOwn(d, '__proto__')).toBe(true);
    expect(Object.getOwnPropertyDescriptor(d, '__proto__')!.value).toBe('top');
    const m = d['m'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect((m as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(Object.keys(m).sort()).toEqual(['__proto__', 'ok']);
    expect(Object.getOwnPropertyDescriptor(m, '__proto__')!.value).toEqual({ isAdmin: true });
    expect(JSON.parse(JSON.stringify(m))).toEqual(JSON.parse('{"__proto__":{"isAdmin":true},"ok":1}'));
    const inList = (d['l'] as Record<string, unknown>[])[0];
    expect(Object.getOwnPropertyDescriptor(inList, '__proto__')!.value).toBe('in a list');
  }

  it('get', async () => check(await docs.get({ pk: 'p', sk: 'a' })));
  it('a query page and for await', async () => {
    const page = await docs.query({ pk: 'p' });
    expect(page.items).toHaveLength(2);
    page.items.forEach(check);
    for await (const d of docs.query({ pk: 'p' }).limit(1)) check(d);
  });
  it('a scan page', async () => {
    const page = await docs.scan().filter({ pk: 'p' });
    expect(page.items).toHaveLength(2);
    page.items.forEach(check);
  });
  it('batchGet', async () =>
    (
      await docs.batchGet([
        { pk: 'p', sk: 'b' },
        { pk: 'p', sk: 'a' },
      ])
    ).forEach(check));
  it('transactGet', async () => {
    const [a, b] = await own.transactGet(
      (tx) => [tx.get(docs, { pk: 'p', sk: 'a' }), tx.get(docs, { pk: 'p', sk: 'b' })] as const,
    );
    check(a);
    check(b);
  });
  it('the stored item returned with a failed condition', async () => {
    const error = (await docs
      .delete({ pk: 'p', sk: 'a' }, { condition: free({ 'm.ok__eq': 2 }), returnItemOnConditionFail: true })
      .catch((e: unknown) => e)) as { item: Doc };
    expect(error).toBeInstanceOf(ConditionError);
    check(error.item);
  });

  it('through a client the application passed in (not modified by dkmio): still an own property and no TypeError, with the value the SDK delivered', async () => {
    // The SDK's deserializer itself drops the value of a `__proto__` map key (see proto-safe-responses.ts).
    const wrapped = db.getRepository(Doc);
    const d = (await wrapped.get({ pk: 'p', sk: 'a' }))!;
    expect(d).toBeInstanceOf(Doc);
    expect(Object.getPrototypeOf(d)).toBe(Doc.prototype);
    expect(hasOwn(d, '__proto__')).toBe(true);
    const m = d['m'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
    expect(hasOwn(m, '__proto__')).toBe(true);
    expect((m as { isAdmin?: unknown }).isAdmin).toBeUndefined();
    expect(m['ok']).toBe(1);
    // There the SDK itself fails to read a failed condition's returned item: a typed DkmioError, never a bare TypeError.
    const e = await wrapped
      .delete({ pk: 'p', sk: 'a' }, { condition: free({ 'm.ok__eq': 2 }), returnItemOnConditionFail: true })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DkmioError);
    const page = await wrapped.query({ pk: 'p' });
    expect(page.items).toHaveLength(2);
  });
});
