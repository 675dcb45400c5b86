import { ValidationError } from '../errors/errors';

/** What {@link toPlain} makes of a value: only what JSON can hold. */
export type Plain = string | number | boolean | null | Plain[] | { [key: string]: Plain };

/**
 * A JSON-safe copy of an item, a list of items or a page, for HTTP answers (`res.json(...)`),
 * where `JSON.stringify` alone would send a `Set` as `{}`, throw on a bigint and spell binary as
 * `{ "0": 1, ... }`:
 * - `Set` -> array; `Map` -> object; arrays element by element;
 * - binary (`Uint8Array`, `Buffer`, `ArrayBuffer`) -> base64 string;
 * - bigint -> number when it is a safe integer (exact, and exactly what a JSON client parses
 *   back), else its decimal string;
 * - `Date` -> ISO string (`null` when invalid); a number that is not finite -> `null`;
 * - objects, entity instances included, -> their own enumerable data properties (getters and
 *   methods are code, not data: left out; a `toJSON()` method is honoured, as JSON does);
 *   `undefined`, functions and symbols are left out of objects and become `null` in arrays;
 * - a page (`{ items, count, scannedCount, cursor?, lastKey? }`) keeps everything but `lastKey`,
 *   which is the key in clear for server code: API clients get the opaque `cursor`.
 * A cycle is a `ValidationError` naming the path.
 *
 * @example
 * res.json(toPlain({ items: page.items, cursor: page.cursor }));
 */
export function toPlain(value: unknown): Plain {
  return plain(value, '$', new Set()) ?? null;
}

function plain(value: unknown, path: string, ancestors: Set<object>): Plain | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'bigint':
      return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? null : object.toISOString();
  if (object instanceof Uint8Array)
    return Buffer.from(object.buffer, object.byteOffset, object.byteLength).toString('base64');
  if (object instanceof ArrayBuffer) return Buffer.from(object).toString('base64');
  if (ancestors.has(object))
    throw new ValidationError(`toPlain(): ${path} refers back to one of its parents (a cycle); JSON cannot hold it.`);
  ancestors.add(object);
  try {
    if (Array.isArray(object) || object instanceof Set) {
      return Array.from(object as Iterable<unknown>, (v, i) => plain(v, `${path}[${i}]`, ancestors) ?? null);
    }
    if (object instanceof Map) {
      const out: Record<string, Plain> = {};
      for (const [k, v] of object) define(out, String(k), plain(v, `${path}.${String(k)}`, ancestors));
      return out;
    }
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return plain(toJSON.call(object), path, ancestors);
    const page = isPage(object);
    const out: Record<string, Plain> = {};
    for (const key of Object.keys(object)) {
      if (page && key === 'lastKey') continue;
      const descriptor = Object.getOwnPropertyDescriptor(object, key)!;
      if (!('value' in descriptor)) continue; // an own accessor: code, not data
      define(out, key, plain(descriptor.value, `${path}.${key}`, ancestors));
    }
    return out;
  } finally {
    ancestors.delete(object);
  }
}

/** Sets an own property, `__proto__` included (assignment would set the prototype instead). */
function define(out: Record<string, Plain>, key: string, value: Plain | undefined): void {
  if (value === undefined) return;
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The shape of a query/scan page. */
function isPage(object: object): boolean {
  const p = object as { items?: unknown; count?: unknown; scannedCount?: unknown };
  return Array.isArray(p.items) && typeof p.count === 'number' && typeof p.scannedCount === 'number';
}
