import {
  TransactGetItemsCommand,
  type TransactGetItem,
  type TransactGetItemsCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../../errors/errors';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { hydrate } from '../../marshalling/items';
import { isOwnItem } from '../../metadata/entity-keys';
import { keyIdentity } from '../targets/key-identity';
import type { BaseOptions, OperationContext } from '../context';
import { buildTransactGet, buildTransactGetItems } from './build';
import { tableList, type EntityTarget, type TargetResolver } from '../targets/target';
import type { KeyInput, PropertyName } from '../../metadata/entity-types';

/**
 * One read of a transaction, made by `tx.get(...)`; the transaction resolves it to `T | null`.
 * Holds the validated request; it is sent only when returned from the `transactGet` callback.
 */
export class TransactGet<T> {
  /** Phantom: carries the result type. */
  declare readonly __result?: T;

  /** @internal */
  constructor(
    /** @internal */ readonly reader: TransactReader,
    /** @internal */ readonly meta: EntityMetadata,
    /** @internal */ readonly request: TransactGetItem,
  ) {}
}

/** `[TransactGet<Order>, TransactGet<User>]` -> `[Order | null, User | null]`. */
export type TransactGetResults<R extends readonly TransactGet<unknown>[]> = {
  -readonly [K in keyof R]: R[K] extends TransactGet<infer T> ? T | null : never;
};

/** Options of `db.transactGet`. */
export type TransactGetOptions = BaseOptions;

/** The reader handed to `db.transactGet(tx => [...])`. */
export class TransactReader {
  /** @internal */
  constructor(private readonly resolve: TargetResolver) {}

  /**
   * A read of the item with this key from the table of `target` (a repository or an entity
   * class), optionally only some attributes.
   */
  get<T, K extends PropertyName<T>>(
    target: EntityTarget<T>,
    key: KeyInput<T>,
    options: { select: readonly K[] },
  ): TransactGet<Pick<T, K>>;
  get<T>(target: EntityTarget<T>, key: KeyInput<T>, options?: { select?: readonly PropertyName<T>[] }): TransactGet<T>;
  get<T>(target: EntityTarget<T>, key: KeyInput<T>, options?: { select?: readonly string[] }): TransactGet<T> {
    const { metadata, tableName } = this.resolve(target);
    return new TransactGet<T>(this, metadata, buildTransactGet(metadata, tableName, key, options?.select));
  }
}

/**
 * Reads up to 100 items in one transaction (a consistent snapshot across tables). Returns the
 * items in the order of the array the callback returned, `null` for absent ones.
 */
export async function runTransactGet<R extends readonly TransactGet<unknown>[]>(
  ctx: OperationContext,
  resolve: TargetResolver,
  fn: (tx: TransactReader) => R | PromiseLike<R>,
  options?: TransactGetOptions,
): Promise<TransactGetResults<R>> {
  if (typeof fn !== 'function')
    throw new ValidationError(
      'transactGet takes a callback returning the reads: transactGet(tx => [tx.get(orders, key)] as const).',
    );
  const reader = new TransactReader(resolve);
  const gets = await fn(reader);
  if (!Array.isArray(gets))
    throw new ValidationError(
      'The transactGet callback must return an array of tx.get(...) reads, e.g. tx => [tx.get(orders, k1), tx.get(users, k2)] as const.',
    );
  const seen = new Map<string, number>();
  gets.forEach((g: unknown, i) => {
    if (!(g instanceof TransactGet) || g.reader !== reader) {
      throw new ValidationError(
        `transactGet: entry ${i} of the returned array is not a tx.get(...) of this transaction.`,
      );
    }
    const id = keyIdentity(g.meta, g.request.Get!.TableName!, g.request.Get!.Key!);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new ValidationError(
        `transactGet: reads ${earlier} and ${i} are the same ${g.meta.className} item; DynamoDB refuses one item twice in a transaction. Read it once.`,
      );
    }
    seen.set(id, i);
  });
  const list = gets as readonly TransactGet<unknown>[];
  if (list.length === 0) return [] as unknown as TransactGetResults<R>;
  const input = buildTransactGetItems(list.map((g) => g.request));
  const tables = tableList(list.map((g) => g.request.Get!.TableName!));
  const out = await ctx.executor.send<TransactGetItemsCommandOutput>(new TransactGetItemsCommand(input), {
    operation: 'transact_get',
    table: tables,
    signal: options?.signal,
  });
  const responses = out.Responses ?? [];
  return list.map((g, i) => {
    const item = responses[i]?.Item;
    return item && isOwnItem(g.meta, item) ? hydrate(g.meta, item) : null;
  }) as unknown as TransactGetResults<R>;
}
