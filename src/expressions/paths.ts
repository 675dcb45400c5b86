import { ValidationError } from '../errors/errors';
import { storedName, type EntityMetadata } from '../metadata/entity-metadata';
import type { ExpressionContext } from './context';
import { PROTO_NAME_REASON } from '../marshalling/marshall';

/** A parsed document path: the top-level property and the segments below it. */
export interface DocumentPath {
  /** The top-level property name as the user wrote it. */
  property: string;
  /** Map keys (strings) and list indexes (numbers) below the top level, in order. */
  rest: readonly (string | number)[];
  /** The path as the user wrote it, for messages. */
  text: string;
}

const NO_SEGMENTS: readonly (string | number)[] = Object.freeze([]);

/**
 * Parses `address.city`, `items[0].qty` or a plain property name. A name that is a declared
 * property is taken whole, so a stored name containing `.` still works. Only the top-level
 * property is mapped to its stored name; keys inside maps are free-form.
 */
export function parsePath(meta: EntityMetadata, text: string): DocumentPath {
  let parsed = parsedPaths.get(meta);
  if (parsed === undefined) {
    parsed = new Map();
    parsedPaths.set(meta, parsed);
  }
  let path = parsed.get(text);
  if (path === undefined) {
    path = parse(meta, text);
    if (parsed.size < MAX_CACHED_PATHS) parsed.set(text, path);
  }
  return path;
}

// Parsed paths per entity: apps write the same few paths in every request, so each is parsed
// once. Bounded, because paths can also be built at run time (`items[${i}].qty`). The cached
// objects are frozen: every request shares them.
const MAX_CACHED_PATHS = 1000;
const parsedPaths = new WeakMap<EntityMetadata, Map<string, DocumentPath>>();

/** Refuses a path with a `__proto__` segment (a substring such as `my__proto__x` is a fine name). */
function refuseProto(text: string): void {
  const segments = text.split(/[.[\]]/);
  if (segments.includes('__proto__'))
    throw new ValidationError(`Invalid attribute path "${text}": ${PROTO_NAME_REASON}.`);
}

function describeType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v;
}

function parse(meta: EntityMetadata, text: string): DocumentPath {
  if (typeof text !== 'string' || text.length === 0) {
    throw new ValidationError(
      `An attribute path must be a non-empty string, got ${typeof text === 'string' ? 'an empty string' : describeType(text)}.`,
    );
  }
  if (text.includes('__proto__')) refuseProto(text);
  if (meta.attributes.has(text) || (!text.includes('.') && !text.includes('['))) {
    return Object.freeze({ property: text, rest: NO_SEGMENTS, text });
  }
  const segments: (string | number)[] = [];
  let i = 0;
  let name = '';
  const bad = (why: string): never => {
    throw new ValidationError(
      `Invalid attribute path "${text}": ${why}. Use names joined by "." and list indexes like "items[0].qty".`,
    );
  };
  const flushName = () => {
    if (name.length === 0) bad('empty name segment');
    segments.push(name);
    name = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (name.length > 0) flushName();
      else if (segments.length === 0 || typeof segments[segments.length - 1] === 'string') bad('empty name segment');
      i++;
      if (i === text.length) bad('ends with "."');
      // `a.[0]` names an empty map key, not `a[0]`: refuse it rather than read another path.
      if (text[i] === '.' || text[i] === '[') bad('empty name segment');
    } else if (c === '[') {
      if (name.length > 0) flushName();
      else if (segments.length === 0) bad('a list index needs a name before it');
      const close = text.indexOf(']', i);
      if (close < 0) bad('unclosed "["');
      const digits = text.slice(i + 1, close);
      if (!/^\d+$/.test(digits)) bad(`list index "[${digits}]" is not a non-negative integer`);
      segments.push(Number(digits));
      i = close + 1;
      if (i < text.length && text[i] !== '.' && text[i] !== '[') bad('expected "." or "[" after "]"');
    } else if (c === ']') {
      bad('unexpected "]"');
    } else {
      name += c;
      i++;
    }
  }
  if (name.length > 0) flushName();
  return Object.freeze({ property: segments[0] as string, rest: Object.freeze(segments.slice(1)), text });
}

/** The path as an expression: `#n0.#n1[2]`, with the top level mapped to its stored name. */
export function pathExpression(meta: EntityMetadata, path: DocumentPath, ctx: ExpressionContext): string {
  let expr = ctx.name(storedName(meta, path.property));
  for (const seg of path.rest) expr += typeof seg === 'number' ? `[${seg}]` : `.${ctx.name(seg)}`;
  return expr;
}

/** True when one path is the other or lies inside it (`a` and `a.b`, `a[0]` and `a[0].c`). */
export function pathsOverlap(a: DocumentPath, b: DocumentPath): boolean {
  if (a.property !== b.property) return false;
  const n = Math.min(a.rest.length, b.rest.length);
  for (let i = 0; i < n; i++) if (a.rest[i] !== b.rest[i]) return false;
  return true;
}
