import type { ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../../expressions/context';
import { finishRead, type ReadState } from '../paged-read/state';

/** The Scan request of `state`. */
export function buildScan(state: ReadState, countOnly = false): ScanCommandInput {
  const ctx = new ExpressionContext();
  const input: ScanCommandInput = { TableName: state.table };
  if (state.index) input.IndexName = state.index.name;
  finishRead(state, input, ctx, countOnly);
  if (state.segment) {
    input.Segment = state.segment.index;
    input.TotalSegments = state.segment.total;
  }
  return input;
}
