import { DeleteItemCommand, type DeleteItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { OperationContext } from '../context';
import { sendMustExist } from '../item-write/must-exist';
import { itemOrNull, sendItemRequest } from '../item-write/send';
import type { TableTarget } from '../targets/target';
import { buildDeleteItem } from './build';
import type { DeleteOptions } from './options';

/** Deletes the item with this key; the old item with `returnValues: 'ALL_OLD'`, else null. */
export async function runDelete<T>(
  ctx: OperationContext,
  target: TableTarget<T>,
  key: unknown,
  options: DeleteOptions | undefined,
): Promise<T | null> {
  const input = buildDeleteItem(target.metadata, target.tableName, key, options);
  const send = () =>
    sendItemRequest<DeleteItemCommandOutput>(ctx, target, new DeleteItemCommand(input), 'delete_item', options?.signal);
  const out = await sendMustExist(target, 'delete', key, input, options, send);
  return itemOrNull(target, out.Attributes);
}
