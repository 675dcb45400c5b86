import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * The hot path of `marshallValue`: the common types (strings, finite numbers, booleans, bigints,
 * null, arrays, plain objects, Uint8Array, sets of strings or of numbers) with no attribute-path
 * bookkeeping, so a nested item costs no path strings. Anything else, valid or not, throws
 * {@link BAIL}: `marshallValue` then walks the value again with paths, to marshal the rarer
 * types (Date, NumberValue, ArrayBuffer, class instances, binary and bigint sets) or to throw a
 * ValidationError naming the exact path. Errors are thus only ever built where they happen.
 */
export const BAIL: unique symbol = Symbol('dkmio.marshall.bail');

/**
 * The deepest container DynamoDB stores: an attribute value may hold maps and lists nested 31
 * deep (32 levels counting the item itself; DynamoDB refuses the 32nd nested container). The
 * fast walk bails past it, which also stops a cyclic value without a stack of ancestors.
 */
export const MAX_NESTING = 31;

/** `depth`: how many containers hold `v` (0 for an attribute's own value). */
export function fastValue(v: unknown, depth: number): AttributeValue {
  switch (typeof v) {
    case 'string':
      return { S: v };
    case 'number':
      // v - v is NaN for NaN and +-Infinity.
      if (v - v !== 0) throw BAIL;
      return { N: String(v) };
    case 'boolean':
      return { BOOL: v };
    case 'bigint':
      return { N: v.toString() };
    case 'object': {
      if (v === null) return { NULL: true };
      if (Array.isArray(v)) {
        if (depth >= MAX_NESTING) throw BAIL;
        const L = new Array<AttributeValue>(v.length);
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          L[i] = x === undefined ? { NULL: true } : fastValue(x, depth + 1);
        }
        return { L };
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) {
        if (depth >= MAX_NESTING) throw BAIL;
        return { M: fastMap(v as Record<string, unknown>, depth + 1) };
      }
      if (v instanceof Set) return fastSet(v);
      if (v instanceof Uint8Array) return { B: v };
      throw BAIL;
    }
    default:
      throw BAIL;
  }
}

function fastMap(o: Record<string, unknown>, depth: number): Record<string, AttributeValue> {
  const M: Record<string, AttributeValue> = {};
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    const x = o[k];
    if (x === undefined) continue;
    // An empty key, `__proto__` and functions are refused by the precise walk, which names where.
    if (k === '' || k === '__proto__' || typeof x === 'function') throw BAIL;
    M[k] = fastValue(x, depth);
  }
  return M;
}

function fastSet(s: Set<unknown>): AttributeValue {
  let strings = 0;
  const out: string[] = [];
  for (const x of s) {
    if (typeof x === 'string') strings++;
    else if (typeof x !== 'number' || x - x !== 0) throw BAIL;
    out.push(typeof x === 'string' ? x : String(x));
  }
  // Empty or mixed sets are errors the precise walk names.
  if (out.length === 0 || (strings !== 0 && strings !== out.length)) throw BAIL;
  return strings ? { SS: out } : { NS: out };
}
