import type { AttributeValue, QueryCommandInput, ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { compileConditions } from '../../expressions/conditions';
import { ExpressionContext } from '../../expressions/context';
import { compileKeyCondition, type SortKeyCondition } from '../../expressions/key-condition';
import type { EntityMetadata, IndexMeta } from '../../metadata/entity-metadata';
import type { TableSchema } from '../../metadata/table-class';

/** Everything a collection query or scan has been told; the pure input of its requests. */
export interface CollectionState {
  operation: 'Query' | 'Scan';
  schema: TableSchema;
  members: readonly EntityMetadata[];
  /** Full table name (client prefix included). */
  table: string;
  /** The table's index (stored names), when reading one. */
  index?: IndexMeta;
  /** Query only: the composed partition key value. */
  partition?: unknown;
  /** Sort-key condition on the stored sort key. */
  where?: SortKeyCondition;
  /** Filters as given: `member` undefined for one every member must pass. */
  filters: readonly { member?: EntityMetadata; condition: unknown }[];
  /** Stored names to project (keys and the type attribute are added). */
  select?: readonly string[];
  limit?: number;
  scanForward?: boolean;
  consistent?: boolean;
  startKey?: Record<string, AttributeValue>;
  /** Scan only: one segment of a parallel scan. */
  segment?: { index: number; total: number };
}

/** True when items read through the state's scope carry the type attribute. */
export function typeReadable(state: Pick<CollectionState, 'schema' | 'index'>): boolean {
  const projected = state.index?.projected;
  return !projected || projected.has(state.schema.typeAttribute);
}

/** Stored key attributes of the scope: every item read carries them. */
export function scopeKeys(state: Pick<CollectionState, 'schema' | 'index'>): readonly string[] {
  return state.index ? state.index.keyProperties : state.schema.metadata.keyProperties;
}

/**
 * The filter of a collection read: `_type IN (...)` of its members (where the type attribute is
 * readable), the filters every member must pass, and each member's own filter as
 * `(_type <> :member OR (condition))`, so other members' items pass it untouched.
 */
function filterExpression(state: CollectionState, ctx: ExpressionContext): string | undefined {
  const parts: string[] = [];
  const typeName = typeReadable(state) ? ctx.name(state.schema.typeAttribute) : undefined;
  if (typeName !== undefined) {
    const values = state.members.map((m) => ctx.value(m.single!.type, state.schema.typeAttribute));
    parts.push(`${typeName} IN (${values.join(', ')})`);
  }
  for (const f of state.filters) {
    const meta = f.member ?? state.members[0];
    const expr = compileConditions(meta, f.condition, undefined, ctx, { label: 'filter' })!;
    if (f.member && typeName !== undefined)
      parts.push(`(${typeName} <> ${ctx.value(f.member.single!.type, state.schema.typeAttribute)} OR (${expr}))`);
    else parts.push(`(${expr})`);
  }
  return parts.length === 0 ? undefined : parts.join(' AND ');
}

function finish(
  state: CollectionState,
  input: QueryCommandInput | ScanCommandInput,
  ctx: ExpressionContext,
  countOnly: boolean,
): void {
  if (state.index) input.IndexName = state.index.name;
  const filter = filterExpression(state, ctx);
  if (filter !== undefined) input.FilterExpression = filter;
  if (countOnly) input.Select = 'COUNT';
  else if (state.select) {
    // Keys (to resume after any item) and the type attribute (to hydrate each member) always come along.
    const names = [
      ...new Set([...state.select, ...scopeKeys(state), ...(typeReadable(state) ? [state.schema.typeAttribute] : [])]),
    ];
    input.ProjectionExpression = names.map((n) => ctx.name(n)).join(', ');
  }
  Object.assign(input, ctx.attributes());
  if (state.limit !== undefined) input.Limit = state.limit;
  if (state.consistent) input.ConsistentRead = true;
  if (state.startKey) input.ExclusiveStartKey = state.startKey;
}

/** The Query or Scan request of a collection read. Pure. */
export function buildCollectionRead(state: CollectionState, countOnly = false): QueryCommandInput | ScanCommandInput {
  const ctx = new ExpressionContext();
  if (state.operation === 'Scan') {
    const input: ScanCommandInput = { TableName: state.table };
    finish(state, input, ctx, countOnly);
    if (state.segment) {
      input.Segment = state.segment.index;
      input.TotalSegments = state.segment.total;
    }
    return input;
  }
  const pk = state.index ? state.index.partitionKey : state.schema.partitionKey;
  const sk = state.index ? state.index.sortKey : state.schema.sortKey;
  const scope = state.index ? `index "${state.index.name}"` : `table "${state.schema.tableName}"`;
  const input: QueryCommandInput = {
    TableName: state.table,
    KeyConditionExpression: compileKeyCondition(pk, state.partition, sk, state.where, ctx, scope),
  };
  finish(state, input, ctx, countOnly);
  if (state.scanForward === false) input.ScanIndexForward = false;
  return input;
}
