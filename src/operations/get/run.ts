import { GetItemCommand, type GetItemCommandOutput } from '@aws-sdk/client-dynamodb';
import { ItemNotFoundError } from '../../errors/errors';
import type { OperationContext } from '../context';
import { itemOrNull, sendItemRequest } from '../item-write/send';
import type { TableTarget } from '../targets/target';
import { buildGetItem } from './build';
import { isOwnItem, keyNamesOf } from '../../metadata/entity-keys';
import type { GetOptions } from './options';

/** The item with this primary key, or null. `operation` names the public call in messages. */
export async function runGet<T>(
  ctx: OperationContext,
  target: TableTarget<T>,
  key: unknown,
  options: GetOptions | undefined,
  operation = 'get',
): Promise<T | null> {
  const input = buildGetItem(target.metadata, target.tableName, key, options, operation);
  const out = await sendItemRequest<GetItemCommandOutput>(
    ctx,
    target,
    new GetItemCommand(input),
    'get_item',
    options?.signal,
  );
  return out.Item && isOwnItem(target.metadata, out.Item) ? itemOrNull(target, out.Item) : null;
}

/** The item with this primary key; {@link ItemNotFoundError} when absent. */
export async function runGetOrThrow<T>(
  ctx: OperationContext,
  target: TableTarget<T>,
  key: unknown,
  options: GetOptions | undefined,
): Promise<T> {
  const item = await runGet(ctx, target, key, options, 'getOrThrow');
  if (item === null) {
    const { metadata, tableName } = target;
    throw new ItemNotFoundError(
      `No ${metadata.className} in "${tableName}" has that key (${keyNamesOf(metadata).join(', ')}).`,
      tableName,
      { ...(key as object) },
    );
  }
  return item;
}
