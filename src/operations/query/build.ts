import type { QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../../expressions/context';
import { compileKeyCondition } from '../../expressions/key-condition';
import { finishRead, type ReadState } from '../paged-read/state';

/** The Query request of `state`. With `countOnly`, Select=COUNT and no projection. */
export function buildQuery(state: ReadState, countOnly = false): QueryCommandInput {
  const ctx = new ExpressionContext();
  const scope = state.index ? `index "${state.index.name}"` : `table "${state.meta.tableName}"`;
  const pk = state.index ? state.index.partitionKey : state.meta.partitionKey;
  const sk = state.index ? state.index.sortKey : state.meta.sortKey;
  const input: QueryCommandInput = {
    TableName: state.table,
    KeyConditionExpression: compileKeyCondition(pk, state.partition, sk, state.where ?? state.defaultWhere, ctx, scope),
  };
  if (state.index) input.IndexName = state.index.name;
  finishRead(state, input, ctx, countOnly);
  if (state.scanForward === false) input.ScanIndexForward = false;
  return input;
}
