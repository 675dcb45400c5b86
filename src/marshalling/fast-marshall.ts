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

const hasOwn = Object.prototype.hasOwnProperty;

export function fastValue(v: unknown): AttributeValue {
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
        const L = new Array<AttributeValue>(v.length);
        for (let i = 0; i < v.length; i++) {
          const x: unknown = v[i];
          L[i] = x === undefined ? { NULL: true } : fastValue(x);
        }
        return { L };
      }
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) return { M: fastMap(v as Record<string, unknown>) };
      if (v instanceof Set) return fastSet(v);
      if (v instanceof Uint8Array) return { B: v };
      throw BAIL;
    }
    default:
      throw BAIL;
  }
}

function fastMap(o: Record<string, unknown>): Record<string, AttributeValue> {
  const M: Record<string, AttributeValue> = {};
  for (const k in o) {
    if (!hasOwn.call(o, k)) continue;
    const x = o[k];
    if (x === undefined || typeof x === 'function') continue;
    // An empty key is refused by the precise walk, which names where it is.
    if (k === '') throw BAIL;
    M[k] = fastValue(x);
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
