import type { AttributeValue, QueryCommandInput, ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { compileConditions } from '../../expressions/conditions';
import { ExpressionContext } from '../../expressions/context';
import type { SortKeyCondition } from '../../expressions/key-condition';
import { compileProjection } from '../../expressions/projection';
import type { EntityMetadata, IndexMeta } from '../../metadata/entity-metadata';

/** Everything a query or scan builder has been told; the pure input of a request. */
export interface ReadState {
  meta: EntityMetadata;
  table: string;
  index?: IndexMeta;
  /** Query only: the partition key value. */
  partition?: unknown;
  where?: SortKeyCondition;
  /** Single-table entities: the sort template's prefix, used when no where() is given. */
  defaultWhere?: SortKeyCondition;
  /** Conditions as given to filter() (validated there; compiled per request). */
  filters: readonly unknown[];
  select?: readonly string[];
  limit?: number;
  scanForward?: boolean;
  consistent?: boolean;
  startKey?: Record<string, AttributeValue>;
  segment?: { index: number; total: number };
}

/** Key properties an item read through this state always carries (so a page can end anywhere). */
export function keyPropertiesOf(state: ReadState): readonly string[] {
  return state.index ? state.index.keyProperties : state.meta.keyProperties;
}

/** Selected attributes plus the key attributes needed to resume after any item. */
function projectionWithKeys(state: ReadState): readonly string[] | undefined {
  if (!state.select) return undefined;
  const missing = keyPropertiesOf(state).filter((k) => !state.select!.includes(k));
  return missing.length ? [...state.select, ...missing] : state.select;
}

function filterExpression(state: ReadState, ctx: ExpressionContext): string | undefined {
  const type = typeFilter(state, ctx);
  if (state.filters.length === 0) return type;
  // Repeated filter() calls are ANDed.
  const parts = state.filters.map((f) => compileConditions(state.meta, f, undefined, ctx, { label: 'filter' })!);
  if (type !== undefined) parts.unshift(type);
  return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND ');
}

/** Single-table entities read only their own type (`_type = :type`), where the type attribute is readable. */
function typeFilter(state: ReadState, ctx: ExpressionContext): string | undefined {
  const single = state.meta.single;
  if (!single || (state.index?.projected && !state.index.projected.has(single.typeAttribute))) return undefined;
  return `${ctx.name(single.typeAttribute)} = ${ctx.value(single.type, single.typeAttribute)}`;
}

/** Filter, projection, placeholders, limit, consistency and start key: what a query and a scan request share. */
export function finishRead(
  state: ReadState,
  input: QueryCommandInput | ScanCommandInput,
  ctx: ExpressionContext,
  countOnly: boolean,
): void {
  const filter = filterExpression(state, ctx);
  if (filter !== undefined) input.FilterExpression = filter;
  if (countOnly) input.Select = 'COUNT';
  else if (state.select)
    input.ProjectionExpression = compileProjection(state.meta, projectionWithKeys(state)!, ctx, state.index);
  Object.assign(input, ctx.attributes());
  if (state.limit !== undefined) input.Limit = state.limit;
  if (state.consistent) input.ConsistentRead = true;
  if (state.startKey) input.ExclusiveStartKey = state.startKey;
}
