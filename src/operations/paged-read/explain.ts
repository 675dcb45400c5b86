import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshallMap } from '../../marshalling/marshall';
import type { Explained } from '../../metadata/entity-types';

/** What `explain()` shows of a Query or Scan request (entity builders and collections alike). */
export function explainRequest(
  operation: 'Query' | 'Scan',
  table: string,
  index: string | undefined,
  request: object,
): Explained {
  const req = request as Record<string, unknown> & {
    ExpressionAttributeValues?: Record<string, AttributeValue>;
    ExpressionAttributeNames?: Record<string, string>;
  };
  const out: Explained = {
    operation,
    table,
    expressionAttributeNames: { ...req.ExpressionAttributeNames },
    expressionAttributeValues: req.ExpressionAttributeValues ? unmarshallMap(req.ExpressionAttributeValues) : {},
    request: req,
  };
  if (index !== undefined) out.index = index;
  if (req.KeyConditionExpression) out.keyCondition = req.KeyConditionExpression as string;
  if (req.FilterExpression) out.filter = req.FilterExpression as string;
  if (req.ProjectionExpression) out.projection = req.ProjectionExpression as string;
  if (req.Limit !== undefined) out.limit = req.Limit as number;
  if (req.ScanIndexForward !== undefined) out.scanForward = req.ScanIndexForward as boolean;
  if (req.ConsistentRead) out.consistent = true;
  if (req.Segment !== undefined) {
    out.segment = req.Segment as number;
    out.totalSegments = req.TotalSegments as number;
  }
  return out;
}
