import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { NumberValueImpl as NumberValue } from '@aws-sdk/util-dynamodb';
import { ValidationError } from '../errors/errors';
import { BAIL, MAX_NESTING, fastValue } from './fast-marshall';

/**
 * JS values <-> DynamoDB AttributeValues. Our own (instead of util-dynamodb's `marshall`) so
 * that bad values are refused with the attribute path in the message, before anything is sent,
 * and so that the hot path does no option handling.
 *
 * Mapping: string S, number/bigint/NumberValue N, boolean BOOL, null NULL, Uint8Array/Buffer/
 * ArrayBuffer B, Set of strings/numbers/binaries SS/NS/BS, array L, Date S (ISO 8601), any other
 * object M (own enumerable properties; `undefined` ones are left out).
 */
export function marshallValue(value: unknown, path: string, depth = 0): AttributeValue {
  // The fast walk keeps no paths; only when it bails does the walk below run with them.
  try {
    return fastValue(value, depth);
  } catch (e) {
    if (e !== BAIL) throw e;
  }
  return preciseValue(value, path, { ancestors: [], depth });
}

/**
 * The precise walk's state: the containers above the current value (at most MAX_NESTING, so a
 * cycle is named as one), and how many containers hold the walk's root (a value written at
 * `a.b` by an update is already inside `a`).
 */
interface Walk {
  ancestors: object[];
  depth: number;
}

/** Why a name is refused: `__proto__` would replace an object's prototype wherever it is read. */
export const PROTO_NAME_REASON =
  'the name "__proto__" is refused as an attribute name, map key or path segment (JavaScript would read it back as the object\'s prototype); rename it';

const CANNOT_STORE =
  'which DynamoDB cannot store; use a string, number, bigint, boolean, null, binary (Uint8Array, Buffer, ArrayBuffer), a Set of strings, numbers or binaries, an array, a plain object or a Date';

/**
 * The path-tracking walk: rarer types, and the exact path in every error.
 */
function preciseValue(value: unknown, path: string, walk: Walk): AttributeValue {
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      if (!Number.isFinite(value))
        throw new ValidationError(
          `"${path}" is ${Number.isNaN(value) ? 'NaN' : 'an infinite number'}; DynamoDB numbers must be finite.`,
        );
      return { N: String(value) };
    case 'boolean':
      return { BOOL: value };
    case 'bigint':
      return { N: value.toString() };
    case 'object':
      return marshallObject(value, path, walk);
    default:
      throw new ValidationError(
        `"${path}" is ${value === undefined ? 'undefined' : `a ${typeof value}`}, ${CANNOT_STORE}.`,
      );
  }
}

function enterContainer(value: object, path: string, walk: Walk): void {
  if (walk.ancestors.includes(value)) {
    throw new ValidationError(`"${path}" is cyclic (it contains itself); DynamoDB stores trees of values, not graphs.`);
  }
  if (walk.ancestors.length + walk.depth >= MAX_NESTING) {
    throw new ValidationError(
      `"${path}" is nested deeper than DynamoDB's 32 levels (an attribute holds at most ${MAX_NESTING} nested maps and lists).`,
    );
  }
}

function marshallObject(value: object | null, path: string, walk: Walk): AttributeValue {
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) {
    enterContainer(value, path, walk);
    walk.ancestors.push(value);
    const L = new Array<AttributeValue>(value.length);
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      L[i] = v === undefined ? { NULL: true } : preciseValue(v, `${path}[${i}]`, walk);
    }
    walk.ancestors.pop();
    return { L };
  }
  if (value instanceof Uint8Array) return { B: value };
  if (value instanceof ArrayBuffer) return { B: new Uint8Array(value) };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ValidationError(`"${path}" is an invalid Date.`);
    return { S: value.toISOString() };
  }
  if (value instanceof Set) return marshallSet(value, path);
  if (value instanceof NumberValue) return { N: value.toString() };
  if (value instanceof Map) {
    throw new ValidationError(`"${path}" is a Map; store a plain object instead (Object.fromEntries(map)).`);
  }
  refuseBuiltIn(value, path);
  enterContainer(value, path, walk);
  walk.ancestors.push(value);
  const M = marshallMap(value as Record<string, unknown>, path, walk);
  walk.ancestors.pop();
  return { M };
}

/**
 * Plain objects and class instances are stored as maps of their own enumerable properties. Other
 * built-in objects (a RegExp, an Error, a Promise, typed arrays other than Uint8Array, boxed
 * primitives, WeakMap, URL, ...) would become an empty or index-keyed map: a silent change, so
 * they are refused. Their `Object.prototype.toString` tag tells them apart from class instances.
 */
function refuseBuiltIn(value: object, path: string): void {
  if (ArrayBuffer.isView(value)) {
    throw new ValidationError(
      `"${path}" is ${/^[AEIO]/.test(tagOf(value)) ? 'an' : 'a'} ${tagOf(value)}; binary values must be a Uint8Array, Buffer or ArrayBuffer (e.g. new Uint8Array(view.buffer, view.byteOffset, view.byteLength)).`,
    );
  }
  const tag = tagOf(value);
  if (tag === 'Object') return;
  const boxed = tag === 'Number' || tag === 'String' || tag === 'Boolean' || tag === 'BigInt' || tag === 'Symbol';
  throw new ValidationError(
    boxed
      ? `"${path}" is a boxed ${tag.toLowerCase()} (new ${tag}(...)); store the primitive value instead (.valueOf()).`
      : `"${path}" is ${/^[AEIO]/.test(tag) ? 'an' : 'a'} ${tag} object, ${CANNOT_STORE}.`,
  );
}

function tagOf(value: object): string {
  return Object.prototype.toString.call(value).slice(8, -1);
}

/** Marshalls an object's own enumerable properties, leaving out `undefined` values. */
export function marshallMap(
  value: Record<string, unknown>,
  path: string,
  walk: Walk = { ancestors: [], depth: 0 },
): Record<string, AttributeValue> {
  const M: Record<string, AttributeValue> = {};
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue;
    const v = value[k];
    if (v === undefined) continue;
    const at = path ? `${path}.${k}` : k;
    // DynamoDB rejects the whole request ("Empty attribute name"); say where, before sending.
    if (k === '')
      throw new ValidationError(
        `"${path}" has an empty key; attribute names, map keys included, cannot be empty strings.`,
      );
    if (k === '__proto__') throw new ValidationError(`"${at}": ${PROTO_NAME_REASON}.`);
    M[k] = preciseValue(v, at, walk);
  }
  return M;
}

function marshallSet(set: Set<unknown>, path: string): AttributeValue {
  if (set.size === 0) {
    throw new ValidationError(
      `"${path}" is an empty set; DynamoDB cannot store empty sets. Leave the attribute out or remove it.`,
    );
  }
  let kind: 'S' | 'N' | 'B' | undefined;
  const out: (string | Uint8Array)[] = [];
  for (const v of set) {
    const k =
      typeof v === 'string'
        ? 'S'
        : typeof v === 'number' || typeof v === 'bigint' || v instanceof NumberValue
          ? 'N'
          : v instanceof Uint8Array || v instanceof ArrayBuffer
            ? 'B'
            : undefined;
    if (k === undefined)
      throw new ValidationError(
        `"${path}" is a set holding ${v === null ? 'null' : v === undefined ? 'undefined' : typeof v === 'object' ? 'an object' : `a ${typeof v}`}; sets may hold only strings, numbers or binaries.`,
      );
    if (kind !== undefined && k !== kind)
      throw new ValidationError(
        `"${path}" is a set mixing element types; a set holds only strings, only numbers or only binaries.`,
      );
    kind = k;
    if (k === 'N') {
      if (typeof v === 'number' && !Number.isFinite(v))
        throw new ValidationError(
          `"${path}" holds ${Number.isNaN(v) ? 'NaN' : 'an infinite number'}; DynamoDB numbers must be finite.`,
        );
      out.push(String(v));
    } else out.push(v instanceof ArrayBuffer ? new Uint8Array(v) : (v as string | Uint8Array));
  }
  if (kind === 'S') return { SS: out as string[] };
  if (kind === 'N') return { NS: out as string[] };
  return { BS: out as Uint8Array[] };
}

/** Reads an AttributeValue back into a JS value. Integers beyond 2^53 come back as bigint (no precision lost). */
export function unmarshallValue(av: AttributeValue): unknown {
  const a = av as unknown as Record<string, unknown>;
  // A value the SDK lost (a `__proto__` key read by a client dkmio did not create): absent.
  if (a === undefined || a === null) return undefined;
  if (a.S !== undefined) return a.S;
  if (a.N !== undefined) return toNumber(a.N as string);
  if (a.BOOL !== undefined) return a.BOOL;
  if (a.NULL !== undefined) return null;
  if (a.M !== undefined) return unmarshallMap(a.M as Record<string, AttributeValue>);
  if (a.L !== undefined) {
    const l = a.L as AttributeValue[];
    const out = new Array<unknown>(l.length);
    for (let i = 0; i < l.length; i++) out[i] = unmarshallValue(l[i]);
    return out;
  }
  if (a.B !== undefined) return a.B;
  if (a.SS !== undefined) return new Set(a.SS as string[]);
  if (a.NS !== undefined) return new Set((a.NS as string[]).map(toNumber));
  if (a.BS !== undefined) return new Set(a.BS as Uint8Array[]);
  return undefined;
}

/**
 * A stored map back to an object. A `__proto__` key (stored by another client: dkmio refuses to
 * write one) becomes an own property, never the object's prototype.
 */
export function unmarshallMap(m: Record<string, AttributeValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in m) {
    if (k === '__proto__') defineOwn(out, k, unmarshallValue(m[k]));
    else out[k] = unmarshallValue(m[k]);
  }
  return out;
}

/** Sets `key` as an own, enumerable data property, even `__proto__` (which plain assignment would turn into a prototype). */
export function defineOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function toNumber(s: string): number | bigint {
  const n = Number(s);
  if (Number.isSafeInteger(n) || !Number.isInteger(n)) return n;
  // An integer too large for a double: keep every digit.
  return /^-?\d+$/.test(s) ? BigInt(s) : n;
}
