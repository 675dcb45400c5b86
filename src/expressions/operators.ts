import { ValidationError } from '../errors/errors';
import { PROTO_NAME_REASON } from '../marshalling/marshall';
import { CONDITION_OPERATORS, OPERATOR_REGISTRY, type ConditionOperator, type SizeableOperator } from './registry';

/** Every operator of the `property__operator` syntax (the registry's, and `size`, which prefixes some of them). */
export const OPERATORS: readonly Operator[] = [...CONDITION_OPERATORS, 'size'];
export type Operator = ConditionOperator | 'size';

/** Operators that may follow `size`: `items__size__gt: 0` (the registry's `size: true` entries). */
export const SIZE_OPERATORS = CONDITION_OPERATORS.filter((o) => OPERATOR_REGISTRY[o].size) as readonly SizeOperator[];
export type SizeOperator = SizeableOperator;

const OPERATOR_SET: ReadonlySet<string> = new Set(OPERATORS);
const SIZE_SET: ReadonlySet<string> = new Set(SIZE_OPERATORS);

export interface ParsedKey {
  path: string;
  operator: ConditionOperator;
  /** True for `path__size__op`: the comparison applies to `size(path)`. */
  size: boolean;
}

/** A `__proto__` path segment, alone or followed by an operator suffix. */
const PROTO_SEGMENT = /(^|[.\]])__proto__(?=$|[.[]|__)/;

/**
 * Splits `total__gt` into path and operator. A key without a known operator suffix means `eq`
 * when the whole key is a plain name; a `__suffix` that is not an operator is an error (a
 * misspelled operator must not silently become an equality on a strange attribute name).
 */
export function parseOperatorKey(key: string, isKnownProperty: (name: string) => boolean): ParsedKey {
  if (key.includes('__proto__') && PROTO_SEGMENT.test(key))
    throw new ValidationError(`"${key}": ${PROTO_NAME_REASON}.`);
  if (isKnownProperty(key)) return { path: key, operator: 'eq', size: false };
  const cut = key.lastIndexOf('__');
  if (cut <= 0) return { path: key, operator: 'eq', size: false };
  const op = key.slice(cut + 2);
  const head = key.slice(0, cut);
  if (op === 'size') {
    throw new ValidationError(
      `"${key}": size needs a comparison, e.g. "${head}__size__gt" (one of ${SIZE_OPERATORS.join(', ')}).`,
    );
  }
  if (!OPERATOR_SET.has(op)) {
    throw new ValidationError(`"${key}": unknown operator "${op}". Valid operators: ${OPERATORS.join(', ')}.`);
  }
  const sizeCut = head.lastIndexOf('__');
  if (sizeCut > 0 && head.slice(sizeCut + 2) === 'size' && !isKnownProperty(head)) {
    if (!SIZE_SET.has(op)) {
      throw new ValidationError(`"${key}": "${op}" cannot follow size; use one of ${SIZE_OPERATORS.join(', ')}.`);
    }
    return { path: head.slice(0, sizeCut), operator: op as ParsedKey['operator'], size: true };
  }
  if (head.length === 0) throw new ValidationError(`"${key}" names no attribute before "__${op}".`);
  return { path: head, operator: op as ParsedKey['operator'], size: false };
}
