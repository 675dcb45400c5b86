/**
 * fast-check arbitraries for the differential fuzz: items as DynamoDB stores them (nested maps
 * and lists, sets, binary, numbers with signs and decimals, empty strings, unicode) under
 * attribute names that need escaping, and conditions over every operator with and/or/not
 * nesting, biased towards paths and values the items really hold so comparisons can be true.
 */
import fc from 'fast-check';
import type { Condition, Leaf, LeafOperator, PathSegment } from './reference-evaluator';

/** Stored attribute names: reserved words, unicode, `-`, spaces, `#`, `:`. One is a renamed property. */
export const NAMES = [
  'status',
  'size',
  'name',
  'data',
  'values',
  'a-b',
  'my attr',
  '#h',
  ':c',
  'x#:y',
  'ñandú',
  '日本',
  '😀',
  'stored name:alias',
];
/** The property whose stored name is `stored name:alias`. */
export const ALIAS = { property: 'alias', stored: 'stored name:alias' } as const;
export const propertyOf = (stored: string): string => (stored === ALIAS.stored ? ALIAS.property : stored);

// '\uFFFD' and '😀' order differently by UTF-16 units and by UTF-8 bytes; DynamoDB uses bytes.
const STRINGS = ['', 'a', 'ab', 'b', 'A', 'ñ', '😀', '\uFFFD', 'a😀', 'NEW', ' ', 'ﬀ'];
const NUMBERS = [-5, -2.5, -1, -0.5, 0, 0.1, 0.5, 1, 1.5, 2, 3, 4, 5, 123456.789, 1e6, -1e6];
const BYTES = [[], [0], [1], [0, 1], [127], [128], [255], [1, 255]];

export const stringArb = fc.constantFrom(...STRINGS);
export const numberArb = fc.constantFrom(...NUMBERS);
export const binaryArb = fc.constantFrom(...BYTES).map((b) => new Uint8Array(b));
const scalarArb = fc.oneof(stringArb, numberArb, binaryArb, fc.boolean(), fc.constant(null));
const setArb = fc.oneof(
  fc.uniqueArray(stringArb, { minLength: 1, maxLength: 3 }).map((a) => new Set(a)),
  fc.uniqueArray(numberArb, { minLength: 1, maxLength: 3 }).map((a) => new Set(a)),
  fc
    .uniqueArray(fc.constantFrom(...BYTES.filter((b) => b.length > 0)), { minLength: 1, maxLength: 3 })
    .map((a) => new Set(a.map((b) => new Uint8Array(b)))),
);
const mapKeyArb = fc.constantFrom(...NAMES.filter((n) => n !== ALIAS.stored));
// Rarely an empty key: DynamoDB rejects such items, so dkmio must refuse them before sending.
const itemMapKeyArb = fc.oneof({ weight: 100, arbitrary: mapKeyArb }, { weight: 1, arbitrary: fc.constant('') });

/** Any storable value, nested at most three levels. */
export const valueArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArb,
    setArb,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(itemMapKeyArb, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** An item's attributes by stored name (no keys). */
export const attributesArb = fc.dictionary(fc.constantFrom(...NAMES), valueArb, { minKeys: 0, maxKeys: 5 });

/** Every path (and the value there) an item holds, up to three levels deep. */
export function pathsOf(items: readonly Record<string, unknown>[]): { path: PathSegment[]; value: unknown }[] {
  const out: { path: PathSegment[]; value: unknown }[] = [];
  const walk = (path: PathSegment[], v: unknown) => {
    out.push({ path, value: v });
    if (path.length >= 4 || v === null || typeof v !== 'object' || v instanceof Uint8Array || v instanceof Set) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk([...path, i], x));
    else for (const [k, x] of Object.entries(v)) walk([...path, k], x);
  };
  for (const item of items) for (const [k, v] of Object.entries(item)) walk([k], v);
  return out;
}

const TYPE_NAMES = ['S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'NULL', 'L', 'M'];

/** between bounds: mostly two values of one type in order, sometimes reversed or of two types (refused). */
function boundsArb(orderable: fc.Arbitrary<unknown>): fc.Arbitrary<[unknown, unknown]> {
  const kind = (v: unknown) => (v instanceof Uint8Array ? 'B' : typeof v);
  const cmp = (a: unknown, b: unknown) =>
    typeof a === 'number'
      ? a - (b as number)
      : Buffer.compare(
          typeof a === 'string' ? Buffer.from(a) : Buffer.from(a as Uint8Array),
          typeof b === 'string' ? Buffer.from(b) : Buffer.from(b as Uint8Array),
        );
  const sameType = fc
    .tuple(orderable, fc.oneof(stringArb, numberArb, binaryArb), fc.nat(3))
    .map(([a, b, r]): [unknown, unknown] => {
      if (kind(a) !== kind(b) || !['string', 'number', 'B'].includes(kind(a))) return [a, a];
      const [lo, hi] = cmp(a, b) <= 0 ? [a, b] : [b, a];
      return r === 0 ? [hi, lo] : [lo, hi]; // one in four reversed (when they differ)
    });
  return fc.oneof({ weight: 8, arbitrary: sameType }, { weight: 1, arbitrary: fc.tuple(orderable, orderable) });
}
const COMPARISONS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const;

/** A condition over `items`, every operator, and/or/not nested up to three levels. */
export function conditionArb(items: readonly Record<string, unknown>[]): fc.Arbitrary<Condition> {
  const known = pathsOf(items);
  const randomPath = fc
    .tuple(fc.constantFrom(...NAMES), fc.array(fc.oneof(mapKeyArb, fc.integer({ min: 0, max: 2 })), { maxLength: 2 }))
    .map(([top, rest]) => [top, ...rest] as PathSegment[]);
  const pathArb = known.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...known.map((k) => k.path)) },
        { weight: 1, arbitrary: randomPath },
      )
    : randomPath;
  const heldValue = known.length ? fc.constantFrom(...known.map((k) => k.value)) : valueArb;
  const anyValue = fc.oneof({ weight: 2, arbitrary: heldValue }, { weight: 1, arbitrary: valueArb });
  // Candidates are listed up front: `.filter()` on an arbitrary retries forever when none exists.
  const heldOrderable = known
    .map((k) => k.value)
    .filter((v) => typeof v === 'string' || typeof v === 'number' || v instanceof Uint8Array);
  const orderable = fc.oneof(
    {
      weight: 8,
      arbitrary: heldOrderable.length ? fc.constantFrom(...heldOrderable) : fc.oneof(stringArb, numberArb, binaryArb),
    },
    { weight: 8, arbitrary: fc.oneof(stringArb, numberArb, binaryArb) },
    { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.constant(null), setArb) }, // not orderable: DynamoDB refuses, so must dkmio
  );
  const prefix = fc.oneof(
    { weight: 15, arbitrary: fc.oneof(stringArb, binaryArb) },
    { weight: 1, arbitrary: fc.oneof(numberArb, fc.boolean()) },
  );
  const element = fc.oneof(
    { weight: 4, arbitrary: fc.oneof(stringArb, numberArb, binaryArb) },
    { weight: 2, arbitrary: heldValue },
    { weight: 1, arbitrary: valueArb },
  );
  const sizeNumber = fc.oneof(
    { weight: 20, arbitrary: fc.integer({ min: 0, max: 4 }) },
    { weight: 2, arbitrary: fc.constantFrom(-1, 1.5) },
    { weight: 1, arbitrary: fc.constant('x') },
  );

  const leaf = (path: PathSegment[], op: LeafOperator, size: boolean, value: unknown, bare = false): Leaf => ({
    kind: 'leaf',
    path,
    op,
    size,
    value,
    bare,
  });
  const leafArb: fc.Arbitrary<Leaf> = fc.oneof(
    fc
      .tuple(pathArb, fc.constantFrom('eq', 'neq'), anyValue, fc.boolean())
      .map(([p, op, v, bare]) => leaf(p, op, false, v, bare && op === 'eq')),
    fc.tuple(pathArb, fc.constantFrom('gt', 'gte', 'lt', 'lte'), orderable).map(([p, op, v]) => leaf(p, op, false, v)),
    fc.tuple(pathArb, boundsArb(orderable)).map(([p, bounds]) => leaf(p, 'between', false, bounds)),
    fc
      .tuple(pathArb, fc.constantFrom('begins_with', 'not_begins_with'), prefix)
      .map(([p, op, v]) => leaf(p, op, false, v)),
    fc.tuple(pathArb, fc.constantFrom('contains', 'not_contains'), element).map(([p, op, v]) => leaf(p, op, false, v)),
    fc.tuple(pathArb, fc.constantFrom('exists', 'not_exists'), fc.boolean()).map(([p, op, v]) => leaf(p, op, false, v)),
    fc.tuple(pathArb, fc.array(anyValue, { minLength: 1, maxLength: 3 })).map(([p, v]) => leaf(p, 'in', false, v)),
    fc
      .tuple(
        pathArb,
        fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...TYPE_NAMES) }, { weight: 1, arbitrary: fc.constant('X') }),
      )
      .map(([p, v]) => leaf(p, 'type', false, v)),
    fc.tuple(pathArb, fc.constantFrom(...COMPARISONS), sizeNumber).map(([p, op, v]) => leaf(p, op, true, v)),
    fc.tuple(pathArb, sizeNumber, sizeNumber).map(([p, a, b]) => leaf(p, 'between', true, [a, b])),
    fc.tuple(pathArb, fc.array(sizeNumber, { minLength: 1, maxLength: 3 })).map(([p, v]) => leaf(p, 'in', true, v)),
  );
  const anyLeaf = known.length ? fc.oneof(leafArb, targetedLeafArb(known)) : leafArb;
  // Entries of one object must have distinct keys (a JS object keeps one value per key).
  const entriesArb = fc
    .uniqueArray(anyLeaf, {
      minLength: 1,
      maxLength: 2,
      selector: (l) => JSON.stringify([l.path, l.op, l.size, l.bare]),
    })
    .map((items): Condition => ({ kind: 'entries', items }));
  return fc.letrec<{ cond: Condition }>((tie) => ({
    cond: fc.oneof(
      { depthSize: 'small', maxDepth: 3 },
      entriesArb,
      fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((items): Condition => ({ kind: 'and', items })),
      fc.array(tie('cond'), { minLength: 1, maxLength: 3 }).map((items): Condition => ({ kind: 'or', items })),
      tie('cond').map((item): Condition => ({ kind: 'not', item })),
    ),
  })).cond;
}

/** The DynamoDB type name of a JS value as the fuzz items hold them. */
function typeName(v: unknown): string {
  if (typeof v === 'string') return 'S';
  if (typeof v === 'number') return 'N';
  if (typeof v === 'boolean') return 'BOOL';
  if (v === null) return 'NULL';
  if (v instanceof Uint8Array) return 'B';
  if (v instanceof Set) {
    const first: unknown = [...v][0];
    return typeof first === 'string' ? 'SS' : typeof first === 'number' ? 'NS' : 'BS';
  }
  return Array.isArray(v) ? 'L' : 'M';
}

/** DynamoDB's size(): string length, bytes, elements, entries; undefined for other types. */
function sizeOfValue(v: unknown): number | undefined {
  if (typeof v === 'string') return v.length; // as DynamoDB Local counts (reference-evaluator.ts)
  if (v instanceof Uint8Array) return v.length;
  if (v instanceof Set) return v.size;
  if (Array.isArray(v)) return v.length;
  if (v !== null && typeof v === 'object') return Object.keys(v).length;
  return undefined;
}

/**
 * Leaves built from a path an item really holds and its value, so they are often true: eq with
 * that value, a real prefix/substring/element, its actual type and size, bounds around it.
 */
function targetedLeafArb(known: { path: PathSegment[]; value: unknown }[]): fc.Arbitrary<Leaf> {
  return fc.tuple(fc.constantFrom(...known), fc.nat(), fc.boolean()).map(([{ path, value: v }, n, flag]): Leaf => {
    const leaf = (op: LeafOperator, value: unknown, size = false, bare = false): Leaf => ({
      kind: 'leaf',
      path,
      op,
      size,
      value,
      bare,
    });
    const options: Leaf[] = [
      leaf('eq', v, false, flag),
      leaf('in', [v, 'other']),
      leaf('exists', flag),
      leaf('not_exists', !flag),
      leaf('type', typeName(v)),
      leaf('neq', v),
    ];
    if (typeof v === 'string' || typeof v === 'number' || v instanceof Uint8Array) {
      options.push(leaf(flag ? 'gte' : 'lte', v), leaf('between', [v, v]), leaf(flag ? 'gt' : 'lt', v));
    }
    if (typeof v === 'string') {
      const chars = Array.from(v); // code points: never split a surrogate pair
      const cut = n % (chars.length + 1);
      options.push(
        leaf(flag ? 'begins_with' : 'not_begins_with', chars.slice(0, cut).join('')),
        leaf(flag ? 'contains' : 'not_contains', chars.slice(cut).join('')),
      );
    }
    if (v instanceof Uint8Array)
      options.push(
        leaf('begins_with', v.subarray(0, n % (v.length + 1))),
        leaf('contains', v.subarray(n % (v.length + 1))),
      );
    if (v instanceof Set) options.push(leaf(flag ? 'contains' : 'not_contains', [...v][n % v.size]));
    if (Array.isArray(v) && v.length) options.push(leaf(flag ? 'contains' : 'not_contains', v[n % v.length]));
    const size = sizeOfValue(v);
    if (size !== undefined)
      options.push(
        leaf('eq', size, true),
        leaf('between', [Math.max(0, size - 1), size], true),
        leaf(flag ? 'gte' : 'lt', size, true),
        leaf('in', [size, size + 1], true),
      );
    return options[n % options.length];
  });
}
