import { PutItemCommand, type PutItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { OperationContext } from '../context';
import { itemOrNull, sendItemRequest } from '../item-write/send';
import type { TableTarget } from '../targets/target';
import { buildPutItem } from './build';
import type { PutOptions } from './options';

/** Writes a whole item; the old item with `returnValues: 'ALL_OLD'`, else null. */
export async function runPut<T>(
  ctx: OperationContext,
  target: TableTarget<T>,
  item: unknown,
  options: PutOptions | undefined,
): Promise<T | null> {
  const input = buildPutItem(target.metadata, target.tableName, item, options);
  const out = await sendItemRequest<PutItemCommandOutput>(
    ctx,
    target,
    new PutItemCommand(input),
    'put_item',
    options?.signal,
  );
  return itemOrNull(target, out.Attributes);
}
