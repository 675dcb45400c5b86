import { ValidationError } from '../errors/errors';
import type { EntityMetadata } from '../metadata/entity-metadata';
import { ConditionNode, type ConditionInput } from './combinators';
import type { ExpressionContext } from './context';
import { parseOperatorKey, type ParsedKey } from './operators';
import { OPERATOR_REGISTRY, type ConditionOperator, type OperandKind, type OperatorSpec } from './registry';
import { parsePath, pathExpression, type DocumentPath } from './paths';

const ATTRIBUTE_TYPES = ['S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'NULL', 'L', 'M'];
/** DynamoDB's limit on the operands of IN. */
export const MAX_IN_VALUES = 100;

/** A compiled expression and whether it is compound (needs parentheses when nested). */
interface Compiled {
  expr: string;
  compound: boolean;
}

/** Hooks a caller can pass to see every path a condition touches (index projection checks). */
export interface ConditionOptions {
  onPath?: (path: DocumentPath) => void;
  /** Label for messages: 'filter', 'condition', ... */
  label?: string;
}

/**
 * Compiles a condition (object or and/or/not node) into a DynamoDB expression string.
 *
 * Conditions come in as `unknown`: their shape is validated here at run time, and typed callers
 * (`ConditionInput<T>` for a generic `T`) can pass them without the checker relating the
 * entity-typed condition types to untyped ones, which is expensive.
 */
export function compileCondition(
  meta: EntityMetadata,
  input: unknown,
  ctx: ExpressionContext,
  options: ConditionOptions = {},
): string {
  return compile(meta, input as ConditionInput, ctx, options).expr;
}

/**
 * `condition` AND (`group` OR `group` ...): the documented precedence of `condition` with
 * `conditionOr`. Returns undefined when both are absent.
 */
export function compileConditions(
  meta: EntityMetadata,
  condition: unknown,
  conditionOr: unknown,
  ctx: ExpressionContext,
  options: ConditionOptions = {},
): string | undefined {
  const parts: Compiled[] = [];
  if (condition !== undefined) parts.push(compile(meta, condition as ConditionInput, ctx, options));
  if (conditionOr !== undefined) {
    if (!Array.isArray(conditionOr) || conditionOr.length === 0) {
      throw new ValidationError(
        'conditionOr must be a non-empty array of condition groups, e.g. [{ status: "A" }, { status: "B" }].',
      );
    }
    parts.push(
      join(
        (conditionOr as readonly ConditionInput[]).map((g) => compile(meta, g, ctx, options)),
        'OR',
      ),
    );
  }
  if (parts.length === 0) return undefined;
  return join(parts, 'AND').expr;
}

function compile(
  meta: EntityMetadata,
  input: ConditionInput,
  ctx: ExpressionContext,
  options: ConditionOptions,
): Compiled {
  if (input instanceof ConditionNode) {
    const items = input.items.map((i) => compile(meta, i, ctx, options));
    if (input.kind === 'not') return { expr: `NOT ${wrap(items[0])}`, compound: false };
    return join(items, input.kind === 'and' ? 'AND' : 'OR');
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new ValidationError(
      `A ${options.label ?? 'condition'} must be an object like { total__gt: 5 } or and()/or()/not(), got ${input === null ? 'null' : Array.isArray(input) ? 'an array' : typeof input}.`,
    );
  }
  const keys = Object.keys(input);
  if (keys.length === 0)
    throw new ValidationError(
      `A ${options.label ?? 'condition'} object needs at least one entry, e.g. { status: 'NEW' }.`,
    );
  let expr = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const parsed = parsedKey(meta, key);
    const path = parsePath(meta, parsed.path);
    options.onPath?.(path);
    const c = clause(meta, parsed, path, key, (input as Record<string, unknown>)[key], ctx);
    expr = i === 0 ? c : `${expr} AND ${c}`;
  }
  return { expr, compound: keys.length > 1 };
}

/** A `field__op` key parsed once per entity (like parsed paths); the result is frozen and shared. */
const MAX_CACHED_KEYS = 1000;
const parsedKeys = new WeakMap<EntityMetadata, Map<string, ParsedKey>>();

export function parsedKey(meta: EntityMetadata, key: string): ParsedKey {
  let known = parsedKeys.get(meta);
  if (known === undefined) {
    known = new Map();
    parsedKeys.set(meta, known);
  }
  let parsed = known.get(key);
  if (parsed === undefined) {
    parsed = Object.freeze(parseOperatorKey(key, (k) => meta.attributes.has(k)));
    if (known.size < MAX_CACHED_KEYS) known.set(key, parsed);
  }
  return parsed;
}

function join(items: Compiled[], op: 'AND' | 'OR'): Compiled {
  if (items.length === 1) return items[0];
  // Plain concatenation: cheaper than map + join for the handful of parts a condition has.
  let expr = wrap(items[0]);
  for (let i = 1; i < items.length; i++) expr += ` ${op} ${wrap(items[i])}`;
  return { expr, compound: true };
}

function wrap(c: Compiled): string {
  return c.compound ? `(${c.expr})` : c.expr;
}

type Fail = (why: string) => never;
/** Checks one value of an operator: `what` names it in messages ('the value', 'the lower bound', ...). */
type OperandCheck = (value: unknown, what: string, op: ConditionOperator, fail: Fail) => void;

/** The runtime check of each operand kind of the registry (a new kind fails to compile until it has one). */
const OPERAND_CHECKS: Record<OperandKind, OperandCheck> = {
  any: () => {},
  element: () => {},
  order: (value, what, _, fail) => orderable(value, fail, what),
  prefix: (value, _, op, fail) => {
    if (typeof value !== 'string' && !(value instanceof Uint8Array))
      fail(`${op} takes a string or binary prefix, got ${describe(value)}.`);
  },
  flag: (value, _, op, fail) => {
    if (typeof value !== 'boolean') fail(`${op} takes true or false, got ${describe(value)}.`);
  },
  typeName: (value, _, __, fail) => {
    if (typeof value !== 'string' || !ATTRIBUTE_TYPES.includes(value)) {
      fail(
        `type takes one of ${ATTRIBUTE_TYPES.join(', ')}, got ${typeof value === 'string' ? 'another string' : describe(value)}.`,
      );
    }
  },
};

/** `size(path)` is compared with numbers, whatever the operator. */
const SIZE_CHECK: OperandCheck = (value, what, _, fail) => {
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(`size is compared with numbers; ${what} is ${describe(value)}.`);
};

/** One `path__op: value` entry, compiled from the operator's registry entry: its arity, operand check and rendering. */
function clause(
  meta: EntityMetadata,
  parsed: ParsedKey,
  path: DocumentPath,
  key: string,
  value: unknown,
  ctx: ExpressionContext,
): string {
  const fail = (why: string): never => {
    throw new ValidationError(`"${key}": ${why}`);
  };
  if (value === undefined) fail('the value is undefined; give a value or leave the entry out.');
  const p = pathExpression(meta, path, ctx);
  const op = parsed.operator;
  const spec = OPERATOR_REGISTRY[op] as OperatorSpec | undefined;
  if (spec === undefined) return fail(`unsupported operator "${op}".`);
  const target = parsed.size ? `size(${p})` : p;
  const check = parsed.size ? SIZE_CHECK : OPERAND_CHECKS[spec.operand];
  switch (spec.arity) {
    case 'one':
      check(value, 'the value', op, fail);
      return spec.render(target, [ctx.value(value, key)], false);
    case 'pair': {
      const [lo, hi] = pair(value, fail);
      check(lo, 'the lower bound', op, fail);
      check(hi, 'the upper bound', op, fail);
      // DynamoDB refuses reversed bounds, for size() as for attributes.
      ordered(lo, hi, fail);
      return spec.render(target, [ctx.value(lo, key), ctx.value(hi, key)], false);
    }
    case 'list': {
      const values = list(value, fail);
      const placeholders: string[] = [];
      for (let i = 0; i < values.length; i++) {
        if (!parsed.size && values[i] === undefined) fail(`value ${i} of the list is undefined.`);
        check(values[i], 'a value', op, fail);
        placeholders.push(ctx.value(values[i], key));
      }
      return spec.render(target, placeholders, false);
    }
    case 'flag':
      check(value, 'the value', op, fail);
      return spec.render(target, [], value as boolean);
  }
}

function pair(value: unknown, fail: (why: string) => never): [unknown, unknown] {
  if (!Array.isArray(value) || value.length !== 2)
    fail(`between takes exactly two values [low, high], got ${describe(value)}.`);
  const [lo, hi] = value as unknown[];
  if (lo === undefined || hi === undefined) fail('between takes two defined values [low, high].');
  return [lo, hi];
}

function list(value: unknown, fail: (why: string) => never): unknown[] {
  if (!Array.isArray(value))
    fail(`in takes a non-empty array of at most ${MAX_IN_VALUES} values, got ${describe(value)}.`);
  const arr = value as unknown[];
  if (arr.length === 0) fail(`in takes a non-empty array; an empty list matches nothing. Leave the entry out instead.`);
  if (arr.length > MAX_IN_VALUES)
    fail(
      `in takes at most ${MAX_IN_VALUES} values (DynamoDB's limit), got ${arr.length}. Split the query or use or().`,
    );
  return arr;
}

function orderable(value: unknown, fail: (why: string) => never, what: string): void {
  if (typeof value === 'string' || typeof value === 'bigint' || value instanceof Uint8Array) return;
  // Dates are stored as ISO 8601 strings, which order like the instants they name.
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(`${what} is an invalid Date.`);
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`${what} is ${value}; numbers must be finite.`);
    return;
  }
  fail(`${what} must be a string, number, binary or Date to compare, got ${describe(value)}.`);
}

/** DynamoDB rejects BETWEEN with a lower bound above the upper one; say so before sending. */
export function ordered(low: unknown, high: unknown, fail: (why: string) => never): void {
  const lo = low instanceof Date ? low.toISOString() : low;
  const hi = high instanceof Date ? high.toISOString() : high;
  const kind = (v: unknown) => (typeof v === 'bigint' ? 'number' : v instanceof Uint8Array ? 'binary' : typeof v);
  if (kind(lo) !== kind(hi)) fail(`between bounds must be of one type, got ${describe(lo)} and ${describe(hi)}.`);
  let cmp: number;
  if (typeof lo === 'string') cmp = Buffer.compare(Buffer.from(lo, 'utf8'), Buffer.from(hi as string, 'utf8'));
  else if (lo instanceof Uint8Array) cmp = Buffer.compare(lo, hi as Uint8Array);
  else cmp = (lo as number) < (hi as number) ? -1 : (lo as number) > (hi as number) ? 1 : 0;
  if (cmp > 0) fail(`between bounds are reversed: the lower bound is greater than the upper bound.`);
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v instanceof Set) return 'a Set';
  if (v instanceof Uint8Array) return 'binary';
  // Never echo values: messages end up in logs.
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'object') return 'an object';
  if (v === undefined) return 'undefined';
  // Numbers and booleans are values too: name their type only (NaN/Infinity are no one's data).
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'a number' : 'an infinite number';
  return `a ${typeof v}`;
}
