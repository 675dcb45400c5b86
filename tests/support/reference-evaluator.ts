/**
 * A small reference model of how DynamoDB evaluates condition and filter expressions, written
 * independently of dkmio's compiler so the fuzz test can compare the two. It works on stored
 * items as AttributeValues and on conditions as a tiny AST (the fuzz renders the same AST into
 * dkmio's `path__op` syntax).
 *
 * `validity()` says whether DynamoDB would accept the expression at all (operand types, bound
 * order); `evaluate()` says whether an item matches. Semantics modelled:
 * - a path that does not resolve (missing attribute, map key, list index, or a step into a
 *   value that is not a map/list) makes every comparison and function false except
 *   attribute_not_exists and `<>` (a missing value is not equal to anything: the fuzz showed
 *   DynamoDB Local answering so, and moto models it the same way); NOT over it is true;
 * - `=`/`<>` compare type and value (numbers numerically, sets as sets, lists in order, maps by
 *   keys); ordering needs the same type among N, S, B: numbers
 *   numerically, strings by their UTF-8 bytes, binaries by unsigned bytes; a type mismatch is false;
 * - begins_with on S (with an S prefix) or B (with a B prefix); contains: substring of S, byte run
 *   of B, member of a set of the operand's type, element of a list equal to the operand (any
 *   operand type is accepted; probed on DynamoDB Local);
 * - size(): the length of S, bytes of B, elements of sets and lists, entries of maps; any other
 *   type has no size (comparisons false, `<>` true). The length of a string: AWS documents size()
 *   in bytes, but DynamoDB Local (what this suite runs against) counts UTF-16 code units
 *   (size('😀x') = 3); this model follows Local. dkmio never computes size() itself;
 * - attribute_type compares DynamoDB type names.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

export type AV = AttributeValue;
export type PathSegment = string | number;

/** The operators this model evaluates (tests/unit/expressions/registry.test.ts holds it to dkmio's operator registry). */
export const LEAF_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'begins_with',
  'not_begins_with',
  'contains',
  'not_contains',
  'exists',
  'not_exists',
  'in',
  'type',
] as const;
export type LeafOperator = (typeof LEAF_OPERATORS)[number];

/** One `path__op: value` entry. `size` compares size(path) instead of the path. `bare` renders without `__eq`. */
export interface Leaf {
  kind: 'leaf';
  /** Stored names and list indexes, top-level first. */
  path: readonly PathSegment[];
  op: LeafOperator;
  size: boolean;
  bare?: boolean;
  /** The JS value given to dkmio (for between/in: an array). */
  value: unknown;
}

/** An operator object: its entries ANDed. */
export interface Entries {
  kind: 'entries';
  items: readonly Leaf[];
}

export type Condition =
  Entries | { kind: 'and' | 'or'; items: readonly Condition[] } | { kind: 'not'; item: Condition };

/** Thrown by {@link validity} callers' expectations: DynamoDB would refuse the expression. */
export type Validity = { valid: true } | { valid: false; why: string };

const TYPES = ['S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'NULL', 'L', 'M'];

/** A JS value as DynamoDB stores it (independent of dkmio's marshaller). */
export function toAV(value: unknown): AV {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value === null) return { NULL: true };
  if (value instanceof Uint8Array) return { B: value };
  if (value instanceof Set) {
    const items = [...value];
    if (typeof items[0] === 'string') return { SS: items as string[] };
    if (typeof items[0] === 'number') return { NS: items.map((n) => String(n)) };
    return { BS: items as Uint8Array[] };
  }
  if (Array.isArray(value)) return { L: value.map(toAV) };
  if (typeof value === 'object') {
    const M: Record<string, AV> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) M[k] = toAV(v);
    return { M };
  }
  throw new Error(`toAV: unsupported ${typeof value}`);
}

export function typeOf(av: AV): string {
  return Object.keys(av).find((k) => (av as unknown as Record<string, unknown>)[k] !== undefined)!;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** -1/0/1 for two values of one orderable type (N, S, B); undefined when they do not order. */
function order(a: AV, b: AV): number | undefined {
  const t = typeOf(a);
  if (t !== typeOf(b)) return undefined;
  if (t === 'N') return Math.sign(Number(a.N) - Number(b.N));
  if (t === 'S') return Buffer.compare(utf8(a.S!), utf8(b.S!));
  if (t === 'B') return Buffer.compare(Buffer.from(a.B!), Buffer.from(b.B!));
  return undefined;
}

export function equal(a: AV, b: AV): boolean {
  const t = typeOf(a);
  if (t !== typeOf(b)) return false;
  switch (t) {
    case 'S':
    case 'N':
    case 'B':
      return order(a, b) === 0;
    case 'BOOL':
      return a.BOOL === b.BOOL;
    case 'NULL':
      return true;
    case 'SS':
      return sameSet(a.SS!, b.SS!, (x, y) => x === y);
    case 'NS':
      return sameSet(a.NS!, b.NS!, (x, y) => Number(x) === Number(y));
    case 'BS':
      return sameSet(a.BS!, b.BS!, (x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)) === 0);
    case 'L':
      return a.L!.length === b.L!.length && a.L!.every((x, i) => equal(x, b.L![i]));
    case 'M': {
      const ka = Object.keys(a.M!);
      const kb = Object.keys(b.M!);
      return ka.length === kb.length && ka.every((k) => b.M![k] !== undefined && equal(a.M![k], b.M![k]));
    }
  }
  return false;
}

function sameSet<X>(a: readonly X[], b: readonly X[], eq: (x: X, y: X) => boolean): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => eq(x, y)));
}

function resolve(item: Record<string, AV>, path: readonly PathSegment[]): AV | undefined {
  let cur: AV | undefined = item[path[0] as string];
  for (const seg of path.slice(1)) {
    if (cur === undefined) return undefined;
    if (typeof seg === 'number') cur = cur.L?.[seg];
    else cur = cur.M?.[seg];
  }
  return cur;
}

function sizeOf(av: AV): number | undefined {
  switch (typeOf(av)) {
    case 'S':
      return av.S!.length; // UTF-16 code units, as DynamoDB Local counts (see the header)
    case 'B':
      return av.B!.length;
    case 'SS':
      return av.SS!.length;
    case 'NS':
      return av.NS!.length;
    case 'BS':
      return av.BS!.length;
    case 'L':
      return av.L!.length;
    case 'M':
      return Object.keys(av.M!).length;
  }
  return undefined;
}

function contains(target: AV, operand: AV): boolean {
  const t = typeOf(target);
  const o = typeOf(operand);
  if (t === 'S' && o === 'S') return target.S!.includes(operand.S!);
  if (t === 'B' && o === 'B') return Buffer.from(target.B!).includes(Buffer.from(operand.B!));
  if (t === 'SS' && o === 'S') return target.SS!.includes(operand.S!);
  if (t === 'NS' && o === 'N') return target.NS!.some((n) => Number(n) === Number(operand.N));
  if (t === 'BS' && o === 'B')
    return target.BS!.some((b) => Buffer.compare(Buffer.from(b), Buffer.from(operand.B!)) === 0);
  if (t === 'L') return target.L!.some((e) => equal(e, operand));
  return false;
}

function beginsWith(target: AV, prefix: AV): boolean {
  if (typeOf(target) === 'S' && typeOf(prefix) === 'S')
    return utf8(target.S!).subarray(0, utf8(prefix.S!).length).equals(utf8(prefix.S!));
  if (typeOf(target) === 'B' && typeOf(prefix) === 'B') {
    const b = Buffer.from(target.B!);
    const p = Buffer.from(prefix.B!);
    return b.length >= p.length && b.subarray(0, p.length).equals(p);
  }
  return false;
}

const ORDERED = new Set(['N', 'S', 'B']);

/** Whether DynamoDB accepts the expression (operand types and bound order), independent of any item. */
export function validity(condition: Condition): Validity {
  const leaves = collect(condition);
  for (const leaf of leaves) {
    const why = leafProblem(leaf);
    if (why) return { valid: false, why };
  }
  return { valid: true };
}

function collect(c: Condition): Leaf[] {
  if (c.kind === 'entries') return [...c.items];
  if (c.kind === 'not') return collect(c.item);
  return c.items.flatMap(collect);
}

function hasEmptyKey(av: AV): boolean {
  if (av.M) return Object.entries(av.M).some(([k, x]) => k === '' || hasEmptyKey(x));
  if (av.L) return av.L.some(hasEmptyKey);
  return false;
}

function leafProblem(leaf: Leaf): string | undefined {
  const v = leaf.value;
  if (leaf.path.some((seg) => seg === '')) return 'an empty name in the path';
  // DynamoDB rejects a value holding an empty map key ("Empty attribute name").
  if (
    !leaf.size &&
    leaf.op !== 'exists' &&
    leaf.op !== 'not_exists' &&
    (Array.isArray(v) && (leaf.op === 'in' || leaf.op === 'between') ? v : [v]).some((x) => hasEmptyKey(toAV(x)))
  ) {
    return 'a value holds an empty map key';
  }
  if (leaf.size) {
    const nums = leaf.op === 'between' || leaf.op === 'in' ? (v as unknown[]) : [v];
    if (!nums.every((n) => typeof n === 'number')) return 'size compares numbers';
    if (leaf.op === 'between' && nums[0] > nums[1]) return 'between bounds reversed';
    return undefined;
  }
  switch (leaf.op) {
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return ORDERED.has(typeOf(toAV(v))) ? undefined : `${leaf.op} needs N, S or B`;
    case 'between': {
      const [lo, hi] = (v as unknown[]).map(toAV) as [AV, AV];
      if (!ORDERED.has(typeOf(lo)) || !ORDERED.has(typeOf(hi))) return 'between needs N, S or B';
      if (typeOf(lo) !== typeOf(hi)) return 'between bounds of two types';
      return order(lo, hi)! > 0 ? 'between bounds reversed' : undefined;
    }
    case 'begins_with':
    case 'not_begins_with':
      return ['S', 'B'].includes(typeOf(toAV(v))) ? undefined : 'begins_with needs S or B';
    case 'type':
      return TYPES.includes(v as string) ? undefined : 'unknown type name';
    case 'in':
      return Array.isArray(v) && v.length > 0 && v.length <= 100 ? undefined : 'in needs 1 to 100 values';
  }
  return undefined;
}

/** Whether `item` (stored names, AttributeValues) matches. Call only for valid conditions. */
export function evaluate(condition: Condition, item: Record<string, AV>): boolean {
  switch (condition.kind) {
    case 'entries':
      return condition.items.every((l) => evaluateLeaf(l, item));
    case 'and':
      return condition.items.every((c) => evaluate(c, item));
    case 'or':
      return condition.items.some((c) => evaluate(c, item));
    case 'not':
      return !evaluate(condition.item, item);
  }
}

function evaluateLeaf(leaf: Leaf, item: Record<string, AV>): boolean {
  const target = resolve(item, leaf.path);
  if (leaf.op === 'exists') return (target !== undefined) === leaf.value;
  if (leaf.op === 'not_exists') return (target === undefined) === leaf.value;
  if (leaf.op === 'not_begins_with') return !evaluateLeaf({ ...leaf, op: 'begins_with' }, item);
  if (leaf.op === 'not_contains') return !evaluateLeaf({ ...leaf, op: 'contains' }, item);
  if (target === undefined) return leaf.op === 'neq';
  let subject: AV = target;
  if (leaf.size) {
    const n = sizeOf(target);
    if (n === undefined) return leaf.op === 'neq';
    subject = { N: String(n) };
  }
  const v = leaf.value;
  switch (leaf.op) {
    case 'eq':
      return equal(subject, toAV(v));
    case 'neq':
      return !equal(subject, toAV(v));
    case 'gt':
      return (order(subject, toAV(v)) ?? -2) > 0;
    case 'gte':
      return (order(subject, toAV(v)) ?? -2) >= 0;
    case 'lt':
      return (order(subject, toAV(v)) ?? 2) < 0;
    case 'lte':
      return (order(subject, toAV(v)) ?? 2) <= 0;
    case 'between': {
      const [lo, hi] = (v as unknown[]).map(toAV) as [AV, AV];
      const a = order(subject, lo);
      const b = order(subject, hi);
      return a !== undefined && b !== undefined && a >= 0 && b <= 0;
    }
    case 'in':
      return (v as unknown[]).some((x) => equal(subject, toAV(x)));
    case 'begins_with':
      return beginsWith(subject, toAV(v));
    case 'contains':
      return contains(subject, toAV(v));
    case 'type':
      return typeOf(subject) === v;
  }
  // An operator the model does not know: never a silent false (the registry test relies on this).
  throw new Error(`reference evaluator: no model for operator "${String(leaf.op)}"`);
}

/** The dkmio key of a leaf: `a.b[0]__size__gt`. `names` maps stored top-level names to property names. */
export function leafKey(leaf: Leaf, propertyOf: (stored: string) => string = (s) => s): string {
  let text = propertyOf(leaf.path[0] as string);
  for (const seg of leaf.path.slice(1)) text += typeof seg === 'number' ? `[${seg}]` : `.${seg}`;
  if (leaf.bare) return text;
  return `${text}${leaf.size ? '__size' : ''}__${leaf.op}`;
}
