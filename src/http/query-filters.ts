import { InvalidDefinitionError, ValidationError } from '../errors/errors';
import type { Free } from '../expressions/free';
import { OPERATORS, SIZE_OPERATORS, type Operator, type SizeOperator } from '../expressions/operators';
import type { Constructor } from '../metadata/records';
import type { EntityMetadata } from '../metadata/entity-metadata';
import { entityMetadata } from '../metadata/resolve';
import type { PropertyName } from '../metadata/entity-types';

/**
 * Query-string parameters as web frameworks hand them over: Express/Nest `req.query` (a string
 * or, for a repeated parameter, an array of strings), `URLSearchParams`, or any record of those.
 */
export type QueryParams = URLSearchParams | Readonly<Record<string, unknown>>;

/** An operator a query-string filter may use: every operator of the syntax, `size` with its comparison (`size__gt`). */
export type FilterOperator = Exclude<Operator, 'size'> | `size__${SizeOperator}`;

/** A name `allow` may list: a property of `T`, or a nested path under one (`'address.city'`, `'items[0].qty'`). */
export type FilterableName<T> = unknown extends T
  ? string
  : PropertyName<T> | `${PropertyName<T>}.${string}` | `${PropertyName<T>}[${string}`;

/** Options of {@link queryFilters}. */
export interface QueryFiltersOptions<T = unknown> {
  /**
   * What a client may filter on (mandatory: nothing else is ever reachable). A list of names
   * allows every operator on them; a map allows only the operators listed per name
   * (`{ total: ['gt', 'gte', 'lt', 'lte', 'between'], status: ['eq', 'in'] }`). Names are
   * property names (mapped to stored names as everywhere) or nested paths, matched exactly.
   */
  allow: readonly FilterableName<T>[] | { readonly [P in FilterableName<T>]?: readonly FilterOperator[] };
  /** Parameters that are not filters and are left alone. Default: `['limit', 'cursor', 'select', 'sort']`. */
  ignore?: readonly string[];
}

/** The parameters {@link queryFilters} leaves alone unless told otherwise. */
export const DEFAULT_IGNORED_PARAMS: readonly string[] = Object.freeze(['limit', 'cursor', 'select', 'sort']);

const ALL_OPERATORS: readonly FilterOperator[] = [
  ...OPERATORS.filter((o): o is Exclude<Operator, 'size'> => o !== 'size'),
  ...SIZE_OPERATORS.map((o) => `size__${o}` as const),
];
const KNOWN = new Set<string>(ALL_OPERATORS);
const LIST_OPERATORS = new Set<string>(['in', 'between', 'size__in', 'size__between']);
const ATTRIBUTE_TYPES = new Set(['S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'NULL', 'L', 'M']);
/** DynamoDB's limit on the operands of IN. */
const MAX_IN = 100;
/** Longest parameter name quoted back in a message (a client could send a huge one). */
const MAX_SHOWN = 80;

const DECIMAL = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^-?\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

interface Allowed {
  name: string;
  operators: ReadonlySet<string>;
  /** The runtime type of the property (`design:type` or `@Attribute({ type })`), top-level names only. */
  type: unknown;
}

/**
 * Turns query-string parameters into a condition object for `filter()` (or `condition`),
 * converting each value by the property's declared type and refusing, with a `ValidationError`
 * (HTTP 400) that names the parameter and never its value, anything `allow` does not permit.
 *
 * - `name=value` is `eq`; `name__op=value` is any operator (`total__gte=100`).
 * - `in`/`between` take comma-separated values (`status__in=NEW,PAID`) or a repeated parameter
 *   (`status__in=NEW&status__in=PAID`, whose values are then taken whole, commas included).
 * - `exists`/`not_exists` take `true`/`false`; `size__op` takes integers; `type` a DynamoDB type name.
 * - Values convert by declared type: `Number` -> number, `BigInt` -> bigint, `Boolean` ->
 *   `true`/`false`, `Date` -> Date (ISO 8601; a time without an offset is UTC); anything else,
 *   undecorated properties and nested paths included, stays a string.
 * - Parameters in `ignore` are skipped; any other parameter is a filter and must be allowed.
 * - No filter parameter gives an empty result, which `filter()` takes as no filter at all.
 *
 * @example
 * // GET /users/u1/orders?total__gte=100&status__in=NEW,PAID
 * const filter = queryFilters(Order, req.query, { allow: { total: ['gte', 'lte'], status: ['eq', 'in'] } });
 * // { total__gte: 100, status__in: ['NEW', 'PAID'] }
 */
export function queryFilters<T>(
  entity: Constructor<T>,
  params: QueryParams,
  options: QueryFiltersOptions<T>,
): Readonly<Record<string, unknown>> & Free {
  const meta = entityMetadata(entity) as EntityMetadata;
  const allowed = allowList(meta, options);
  const ignore = new Set(options.ignore ?? DEFAULT_IGNORED_PARAMS);
  const out: Record<string, unknown> = {};
  const seen = new Map<string, string>();
  for (const [param, raw] of entriesOf(params)) {
    if (ignore.has(param)) continue;
    const { entry, operator } = match(param, allowed);
    const norm = `${entry.name}\u0000${operator}`;
    const earlier = seen.get(norm);
    if (earlier !== undefined)
      throw new ValidationError(
        `Query parameters ${show(earlier)} and ${show(param)} filter the same thing; send one of them.`,
      );
    seen.set(norm, param);
    out[param === entry.name ? param : `${entry.name}__${operator}`] = convert(param, operator, entry.type, raw);
  }
  // Marked (not enumerable, so it is no entry): filter() takes an empty result as "no filter",
  // since a request without filter parameters is the common case; a hand-written {} stays an error.
  Object.defineProperty(out, FROM_QUERY, { value: true });
  return out as Readonly<Record<string, unknown>> & Free;
}

const FROM_QUERY = Symbol('dkmio.queryFilters');

/** True for a {@link queryFilters} result without entries (no filter parameter was sent). */
export function isEmptyQueryFilter(condition: unknown): boolean {
  return (
    typeof condition === 'object' &&
    condition !== null &&
    (condition as Record<symbol, unknown>)[FROM_QUERY] === true &&
    Object.keys(condition).length === 0
  );
}

function allowList(meta: EntityMetadata, options: QueryFiltersOptions<never> | undefined): Allowed[] {
  const allow = (options as { allow?: unknown } | undefined)?.allow;
  const bad = (why: string) =>
    new InvalidDefinitionError(
      `queryFilters(${meta.className}, params, { allow }): ${why} Example: { allow: ['status', 'total'] } or { allow: { total: ['gt', 'lt'], status: ['eq', 'in'] } }.`,
    );
  if (allow === null || typeof allow !== 'object')
    throw bad('allow is required (the properties a client may filter on; nothing else is reachable).');
  const pairs: [string, readonly unknown[]][] = Array.isArray(allow)
    ? allow.map((name) => [name as string, ALL_OPERATORS])
    : Object.entries(allow as Record<string, unknown>).map(([name, ops]) => {
        if (!Array.isArray(ops)) throw bad(`the operators of "${name}" must be an array.`);
        return [name, ops];
      });
  return pairs.map(([name, ops]) => {
    if (typeof name !== 'string' || name.length === 0) throw bad('every allowed name must be a non-empty string.');
    if (name.includes('__')) throw bad(`"${name}" contains "__", which separates a name from its operator.`);
    if (/(^|[.[\]])__proto__($|[.[\]])/.test(name) || name === '__proto__')
      throw bad('"__proto__" cannot be filtered on.');
    for (const op of ops) {
      if (typeof op !== 'string' || !KNOWN.has(op))
        throw bad(`"${String(op)}" (allowed on "${name}") is not an operator; use one of ${ALL_OPERATORS.join(', ')}.`);
    }
    const top = /^[^.[]+$/.test(name) ? name : undefined;
    const type = top === undefined ? undefined : typeOf(meta, top);
    return { name, operators: new Set(ops as string[]), type };
  });
}

function typeOf(meta: EntityMetadata, property: string): unknown {
  if (property === meta.partitionKey.property) return meta.partitionKey.designType;
  if (property === meta.sortKey?.property) return meta.sortKey.designType;
  return meta.attributes.get(property)?.designType;
}

/** The parameters as [name, value] pairs; a URLSearchParams name given twice becomes a list. */
function entriesOf(params: QueryParams): [string, unknown][] {
  if (params instanceof URLSearchParams) {
    return [...new Set(params.keys())].map((k) => {
      const all = params.getAll(k);
      return [k, all.length === 1 ? all[0] : all];
    });
  }
  if (params === null || typeof params !== 'object')
    throw new ValidationError('The query parameters must be an object (req.query) or URLSearchParams.');
  return Object.keys(params).map((k) => [k, (params as Record<string, unknown>)[k]]);
}

/** The allowed name (the longest that fits) and operator of a parameter, or a ValidationError. */
function match(param: string, allowed: readonly Allowed[]): { entry: Allowed; operator: string } {
  let entry: Allowed | undefined;
  let operator = 'eq';
  for (const a of allowed) {
    if (param === a.name) return check(param, a, 'eq');
    if (param.startsWith(`${a.name}__`) && (entry === undefined || a.name.length > entry.name.length)) {
      entry = a;
      operator = param.slice(a.name.length + 2);
    }
  }
  if (entry === undefined) {
    const names = allowed.map((a) => a.name);
    throw new ValidationError(
      `Query parameter ${show(param)} is not a filter here; ${names.length ? `filterable: ${names.join(', ')} (as name=value or name__operator=value)` : 'nothing is filterable'}.`,
    );
  }
  if (!KNOWN.has(operator))
    throw new ValidationError(
      `Query parameter ${show(param)}: unknown operator; valid operators: ${[...entry.operators].join(', ')}.`,
    );
  return check(param, entry, operator);
}

function check(param: string, entry: Allowed, operator: string): { entry: Allowed; operator: string } {
  if (!entry.operators.has(operator)) {
    const ops = [...entry.operators];
    throw new ValidationError(
      `Query parameter ${show(param)}: "${operator}" is not allowed on "${entry.name}"; ${ops.length ? `allowed: ${ops.join(', ')}` : 'no operator is allowed'}${operator === 'eq' && ops.length ? ` (as ${entry.name}__${ops[0]}=...)` : ''}.`,
    );
  }
  return { entry, operator };
}

function convert(param: string, operator: string, type: unknown, raw: unknown): unknown {
  const fail = (why: string): never => {
    throw new ValidationError(`Query parameter ${show(param)} ${why}`);
  };
  const strings = Array.isArray(raw) ? raw : [raw];
  if (strings.length === 0 || strings.some((s) => typeof s !== 'string'))
    fail('must be a plain value (name=value), not a nested object.');
  const values = strings as string[];
  if (LIST_OPERATORS.has(operator)) {
    const list = Array.isArray(raw) ? values : values[0].split(',');
    const one = operator.startsWith('size__') ? (s: string) => size(s, fail) : (s: string) => scalar(s, type, fail);
    if (operator.endsWith('between')) {
      if (list.length !== 2) fail('takes two values: low,high.');
      return list.map(one);
    }
    if (list.length > MAX_IN) fail(`takes at most ${MAX_IN} values.`);
    return list.map(one);
  }
  if (values.length > 1) fail('was given more than once; only in and between take several values.');
  const value = values[0];
  if (operator === 'exists' || operator === 'not_exists') {
    if (value !== 'true' && value !== 'false') fail('takes true or false.');
    return value === 'true';
  }
  if (operator === 'type') {
    if (!ATTRIBUTE_TYPES.has(value)) fail(`takes a DynamoDB type name: ${[...ATTRIBUTE_TYPES].join(', ')}.`);
    return value;
  }
  if (operator.startsWith('size__')) return size(value, fail);
  if (operator === 'begins_with' || operator === 'not_begins_with') return value;
  return scalar(value, type, fail);
}

function size(value: string, fail: (why: string) => never): number {
  if (!/^\d{1,15}$/.test(value)) fail('takes a whole number (a size).');
  return Number(value);
}

function scalar(value: string, type: unknown, fail: (why: string) => never): unknown {
  if (type === Number) {
    const n = Number(value);
    if (!DECIMAL.test(value) || !Number.isFinite(n)) fail('must be a number.');
    return n;
  }
  if (type === BigInt) {
    if (!INTEGER.test(value)) fail('must be an integer.');
    return BigInt(value);
  }
  if (type === Boolean) {
    if (value !== 'true' && value !== 'false') fail('must be true or false.');
    return value === 'true';
  }
  if (type === Date) {
    const m = ISO_DATE.exec(value);
    // A date-time without an offset would be read in the server's time zone: take it as UTC.
    const at = m ? new Date(value.includes('T') && m[1] === undefined ? `${value}Z` : value) : undefined;
    if (!at || Number.isNaN(at.getTime())) fail('must be an ISO 8601 date (2026-01-31 or 2026-01-31T12:00:00Z).');
    return at;
  }
  return value;
}

/** A parameter name as quoted in a message: JSON-escaped and capped (it comes from a client). */
function show(param: string): string {
  return JSON.stringify(param.length > MAX_SHOWN ? `${param.slice(0, MAX_SHOWN)}...` : param);
}
