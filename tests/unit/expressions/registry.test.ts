import 'reflect-metadata';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { Attribute, PartitionKey, SortKey, Table } from '../../../src';
import { compileCondition } from '../../../src/expressions/conditions';
import { ExpressionContext } from '../../../src/expressions/context';
import { compileKeyCondition, SORT_KEY_OPERATORS, type SortKeyCondition } from '../../../src/expressions/key-condition';
import { OPERATORS, SIZE_OPERATORS } from '../../../src/expressions/operators';
import {
  CONDITION_OPERATORS,
  OPERATOR_REGISTRY,
  type ConditionOperator,
  type OperatorSpec,
} from '../../../src/expressions/registry';
import { entityMetadata } from '../../../src/metadata/resolve';
import { evaluate, LEAF_OPERATORS, validity, type Leaf, type LeafOperator } from '../../support/reference-evaluator';

@Table('registry-things')
class Thing {
  @PartitionKey() id!: string;
  @SortKey() sk!: string;
  @Attribute() name?: string;
  @Attribute() count?: number;
}

/** A valid value for an operator, from its registry entry (as a user would write it). */
function sampleValue(spec: OperatorSpec, size: boolean): unknown {
  if (size || spec.operand === 'order') return spec.arity === 'pair' ? [1, 2] : spec.arity === 'list' ? [1, 2] : 1;
  switch (spec.operand) {
    case 'flag':
      return true;
    case 'typeName':
      return 'S';
    default:
      return spec.arity === 'list' ? ['a', 'b'] : 'a';
  }
}

// Compile-time: the model's operator names are exactly the registry's.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameNames: Same<LeafOperator, ConditionOperator> = true;

describe('the operator registry', () => {
  it('is what the key parser and the messages list, in order', () => {
    expect(sameNames).toBe(true);
    expect(OPERATORS).toEqual([...CONDITION_OPERATORS, 'size']);
    expect(SIZE_OPERATORS).toEqual(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'in']);
    expect(SORT_KEY_OPERATORS).toEqual(['eq', 'gt', 'gte', 'lt', 'lte', 'between', 'begins_with']);
  });

  it('is covered by the test reference evaluator, entry for entry', () => {
    expect([...LEAF_OPERATORS].sort()).toEqual([...CONDITION_OPERATORS].sort());
    const item: Record<string, AttributeValue> = { name: { S: 'abc' }, count: { N: '1' } };
    for (const op of CONDITION_OPERATORS) {
      const spec: OperatorSpec = OPERATOR_REGISTRY[op];
      for (const size of spec.size ? [false, true] : [false]) {
        const path = spec.operand === 'order' || size ? ['count'] : ['name'];
        const leaf: Leaf = { kind: 'leaf', path, op, size, value: sampleValue(spec, size) };
        const condition = { kind: 'entries' as const, items: [leaf] };
        // The model knows the operator (it throws on one it does not) and finds the value valid.
        expect(validity(condition)).toEqual({ valid: true });
        expect(typeof evaluate(condition, item)).toBe('boolean');
      }
    }
  });

  it('compiles every entry, and every size entry, through its own rendering', () => {
    const meta = entityMetadata(Thing);
    for (const op of CONDITION_OPERATORS) {
      const spec: OperatorSpec = OPERATOR_REGISTRY[op];
      for (const size of spec.size ? [false, true] : [false]) {
        const name = spec.operand === 'order' || size ? 'count' : 'name';
        const ctx = new ExpressionContext();
        const expr = compileCondition(
          meta,
          { [`${name}${size ? '__size' : ''}__${op}`]: sampleValue(spec, size) },
          ctx,
        );
        const values = spec.arity === 'flag' ? [] : spec.arity === 'one' ? [':v0'] : [':v0', ':v1'];
        expect(expr).toBe(spec.render(size ? `size(#n0)` : '#n0', values, true));
      }
    }
  });

  it('gives where() the sort-key entries, rendered by the same entries', () => {
    const meta = entityMetadata(Thing);
    for (const op of SORT_KEY_OPERATORS) {
      const spec: OperatorSpec = OPERATOR_REGISTRY[op];
      const ctx = new ExpressionContext();
      const where = { [op]: spec.arity === 'pair' ? ['a', 'b'] : 'a' } as unknown as SortKeyCondition;
      const expr = compileKeyCondition(meta.partitionKey, 'p', meta.sortKey, where, ctx, 'registry-things');
      expect(expr).toBe(`#n0 = :v0 AND ${spec.render('#n1', spec.arity === 'pair' ? [':v1', ':v2'] : [':v1'], false)}`);
    }
  });
});
