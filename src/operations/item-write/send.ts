import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { hydrate } from '../../marshalling/items';
import type { OperationContext } from '../context';
import type { TableTarget } from '../targets/target';
import { withReturnedItems } from './returned-item';

/**
 * Sends one single-item request of `target`'s table; a failed condition's stored item comes back
 * as an instance on the ConditionError.
 */
export async function sendItemRequest<O>(
  ctx: OperationContext,
  target: TableTarget<unknown>,
  command: object,
  operation: string,
  signal: AbortSignal | undefined,
): Promise<O> {
  try {
    return await ctx.executor.send<O>(command, { operation, table: target.tableName, signal });
  } catch (error) {
    throw withReturnedItems(error, target.metadata);
  }
}

/** The item of an answer (`Item` or `Attributes`) as an entity instance, or null. */
export function itemOrNull<T>(target: TableTarget<T>, raw: Record<string, AttributeValue> | undefined): T | null {
  return raw ? hydrate(target.metadata, raw) : null;
}
