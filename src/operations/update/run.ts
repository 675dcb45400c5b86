import { UpdateItemCommand, type UpdateItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { UpdateActions } from '../../expressions/update';
import type { OperationContext } from '../context';
import { sendMustExist } from '../item-write/must-exist';
import { itemOrNull, sendItemRequest } from '../item-write/send';
import type { TableTarget } from '../targets/target';
import { buildUpdateItem } from './build';
import type { UpdateOptions } from './options';

/** Applies update actions to the item with this key; what `returnValues` asked for, else null. */
export async function runUpdate<T>(
  ctx: OperationContext,
  target: TableTarget<T>,
  key: unknown,
  actions: UpdateActions,
  options: UpdateOptions | undefined,
): Promise<T | null> {
  const input = buildUpdateItem(target.metadata, target.tableName, key, actions, options);
  const send = () =>
    sendItemRequest<UpdateItemCommandOutput>(ctx, target, new UpdateItemCommand(input), 'update_item', options?.signal);
  const out = await sendMustExist(target, 'update', key, input, options, send);
  return itemOrNull(target, out.Attributes);
}
