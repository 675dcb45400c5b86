import { TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { keyNamesOf } from '../../metadata/entity-keys';
import { ItemNotFoundError, TransactionError, ValidationError } from '../../errors/errors';
import type { UpdateActions } from '../../expressions/update';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { withReturnedItems } from '../item-write/returned-item';
import { keyIdentity } from '../targets/key-identity';
import type { BaseOptions, OperationContext } from '../context';
import type { ItemConditionOptions, MustExistOption } from '../item-write/options';
import {
  buildConditionCheck,
  buildTransactDelete,
  buildTransactPut,
  buildTransactUpdate,
  buildTransactWriteItems,
  TRANSACTION_LIMIT,
  touchedKey,
} from './build';
import { CallbackCollector } from '../targets/collector';
import { tableList, type EntityTarget, type TargetResolver } from '../targets/target';
import type { ItemInput, KeyInput } from '../../metadata/entity-types';

/** Options of `tx.put`, `tx.delete` and `tx.conditionCheck`: `condition`, `conditionOr`, `returnItemOnConditionFail`. */
export type TransactItemOptions<T = unknown> = ItemConditionOptions<T>;

/** Options of `tx.update`: conditions plus `expectedVersion` for `@Version()` entities. */
export interface TransactUpdateOptions<T = unknown> extends ItemConditionOptions<T>, MustExistOption {
  /** With `@Version()`: the version the stored item must have. */
  expectedVersion?: number;
}

/** Options of `tx.delete`: conditions plus `mustExist`. */
export interface TransactDeleteOptions<T = unknown> extends ItemConditionOptions<T>, MustExistOption {}

/** Options of `db.transactWrite`. */
export interface TransactWriteOptions extends BaseOptions {
  /**
   * Makes the transaction idempotent: a retry with the same token (within 10 minutes) is not
   * applied twice. 1 to 36 characters, e.g. a UUID.
   */
  clientRequestToken?: string;
}

/** The transaction handed to `db.transactWrite(tx => ...)`. Every call validates its input at once. */
export class TransactWriter {
  private readonly collector = new CallbackCollector<TransactWriteItem>(
    'transactWrite',
    'transactWrite(tx => { tx.put(orders, item); ... })',
    ({ meta, operation, earlierIndex, index }) =>
      `transactWrite: ${operation} (item ${index}) touches the same ${meta.className} item as item ${earlierIndex}; ` +
      'DynamoDB refuses two operations on one item in a transaction. Merge them into one.',
  );
  /** @internal The items, in call order. */
  get items(): readonly TransactWriteItem[] {
    return this.collector.entries;
  }
  /** @internal The entity of each item, to hydrate items returned with a failed condition. */
  get metas(): readonly EntityMetadata[] {
    return this.collector.metas;
  }
  /** @internal Items written with `mustExist`, by position: their key, to name an absent one. */
  readonly mustExist = new Map<number, { table: string; key: Record<string, unknown> }>();

  /** @internal */
  constructor(private readonly resolve: TargetResolver) {}

  /** Writes a whole item; with `@Version()` the version is checked and incremented as in `put()`. */
  put<T>(target: EntityTarget<T>, item: ItemInput<T>, options?: TransactItemOptions<T>): this {
    const { metadata, tableName } = this.resolve(target);
    return this.add(metadata, 'tx.put', () => buildTransactPut(metadata, tableName, item, options));
  }

  /** Applies update actions to the item with this key, as `update()` does. */
  update<T>(
    target: EntityTarget<T>,
    key: KeyInput<T>,
    actions: UpdateActions,
    options?: TransactUpdateOptions<T>,
  ): this {
    const { metadata, tableName } = this.resolve(target);
    this.add(metadata, 'tx.update', () => buildTransactUpdate(metadata, tableName, key, actions, options));
    if (options?.mustExist)
      this.mustExist.set(this.items.length - 1, { table: tableName, key: { ...(key as object) } });
    return this;
  }

  /** Deletes the item with this key. */
  delete<T>(target: EntityTarget<T>, key: KeyInput<T>, options?: TransactDeleteOptions<T>): this {
    const { metadata, tableName } = this.resolve(target);
    this.add(metadata, 'tx.delete', () => buildTransactDelete(metadata, tableName, key, options));
    if (options?.mustExist)
      this.mustExist.set(this.items.length - 1, { table: tableName, key: { ...(key as object) } });
    return this;
  }

  /** Makes the transaction depend on a condition on an item it does not write. `condition` or `conditionOr` is required. */
  conditionCheck<T>(target: EntityTarget<T>, key: KeyInput<T>, options: TransactItemOptions<T>): this {
    const { metadata, tableName } = this.resolve(target);
    return this.add(metadata, 'tx.conditionCheck', () => buildConditionCheck(metadata, tableName, key, options ?? {}));
  }

  private add(meta: EntityMetadata, operation: string, build: () => TransactWriteItem): this {
    const full = () => {
      if (this.items.length >= TRANSACTION_LIMIT) {
        throw new ValidationError(
          `transactWrite: ${operation} would be item ${this.items.length + 1}; DynamoDB allows at most ${TRANSACTION_LIMIT} items per transaction. Split it into several transactions.`,
        );
      }
    };
    this.collector.add(meta, operation, build, (item) => keyIdentity(meta, tableOf(item), touchedKey(item)), full);
    return this;
  }

  /** @internal Runs the callback; later calls are refused. */
  async collect(fn: (tx: TransactWriter) => unknown): Promise<void> {
    await this.collector.collect(fn, this);
  }
}

/**
 * Runs a write transaction: all items are written, or none. Nothing is sent when the callback
 * throws. A cancelled transaction throws {@link TransactionError} with one reason per item.
 */
export async function runTransactWrite(
  ctx: OperationContext,
  resolve: TargetResolver,
  fn: (tx: TransactWriter) => unknown,
  options?: TransactWriteOptions,
): Promise<void> {
  const tx = new TransactWriter(resolve);
  await tx.collect(fn);
  if (tx.items.length === 0) return;
  const input = buildTransactWriteItems(tx.items, options?.clientRequestToken);
  try {
    await ctx.executor.send(new TransactWriteItemsCommand(input), {
      operation: 'transact_write',
      table: tableList(tx.items.map(tableOf)),
      signal: options?.signal,
    });
  } catch (error) {
    throw absentItem(error, tx) ?? withReturnedItems(error, tx.metas);
  }
}

/**
 * A transaction cancelled because a `mustExist` item is absent is an ItemNotFoundError (404), not
 * a conflict: its check failed and no stored item came back (it asked for one whenever its
 * condition had more than `attribute_exists`). The TransactionError stays as `cause`.
 */
function absentItem(error: unknown, tx: TransactWriter): ItemNotFoundError | undefined {
  if (!(error instanceof TransactionError) || tx.mustExist.size === 0) return undefined;
  const raw = (error.cause as { CancellationReasons?: { Item?: unknown }[] } | undefined)?.CancellationReasons;
  for (const reason of error.reasons) {
    const absent = tx.mustExist.get(reason.index);
    if (absent && reason.code === 'ConditionalCheckFailed' && !raw?.[reason.index]?.Item) {
      const meta = tx.metas[reason.index];
      const e = new ItemNotFoundError(
        `transactWrite: item ${reason.index} (${meta.className} in "${absent.table}", key ${keyNamesOf(meta).join(', ')}) does not exist; nothing was written (mustExist).`,
        absent.table,
        absent.key,
      );
      Object.defineProperty(e, 'cause', { value: error, configurable: true, writable: true });
      return e;
    }
  }
  return undefined;
}

function tableOf(item: TransactWriteItem): string {
  return (item.Put ?? item.Update ?? item.Delete ?? item.ConditionCheck)!.TableName!;
}
