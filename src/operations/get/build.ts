import type { GetItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../../expressions/context';
import { marshallKey } from '../../marshalling/keys';
import { compileProjection } from '../../expressions/projection';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import type { GetOptions } from './options';
import { withTypeAttribute } from '../../metadata/entity-keys';

/** GetItem request for `key`. Pure: no client, no clock. */
export function buildGetItem(
  meta: EntityMetadata,
  table: string,
  key: unknown,
  options?: GetOptions,
  operation = 'get',
): GetItemCommandInput {
  const input: GetItemCommandInput = { TableName: table, Key: marshallKey(meta, key, operation) };
  if (options?.select !== undefined) {
    const ctx = new ExpressionContext();
    input.ProjectionExpression = compileProjection(meta, withTypeAttribute(meta, options.select), ctx);
    Object.assign(input, ctx.attributes());
  }
  if (options?.consistent) input.ConsistentRead = true;
  return input;
}
