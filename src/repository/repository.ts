import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand, type AttributeValue, type DeleteItemCommandOutput, type GetItemCommandOutput, type PutItemCommandOutput, type UpdateItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { Executor } from '../client/executor';
import { ConditionError, ItemNotFoundError, ValidationError, type BatchWriteError } from '../errors/errors';
import type { Free } from '../expressions/free';
import type { UntypedUpdateActions, UpdateActions } from '../expressions/update-types';
import type { EntityMetadata, IndexMeta } from '../metadata/entity-metadata';
import { hydrate } from '../marshalling/items';
import { isOwnItem, keyNamesOf } from '../metadata/entity-keys';
import { buildDeleteItem } from '../operations/delete-item';
import { buildGetItem } from '../operations/get-item';
import type { DeleteOptions, GetOptions, PutOptions, UpdateOptions } from '../operations/options';
import { buildPutItem } from '../operations/put-item';
import { buildUpdateItem } from '../operations/update-item';
import { RepositoryBatch, WriteCollector } from '../batch/batch-writers';
import { prepareBatchGet } from '../operations/batch-get';
import { DEFAULT_BATCH_SETTINGS, resolveBatchSettings, type BatchSettings, type BatchTuning } from '../resilience/batch-settings';
import { runBatchGet } from '../resilience/batch-get-runner';
import { runBatchWrite } from '../resilience/batch-write-runner';
import { realTiming } from '../resilience/retry';
import { fromNow } from '../ttl';
import { QueryBuilder } from './query-builder';
import { ScanBuilder } from './scan-builder';
import type { ItemInput, KeyInput, PropertyName } from './types';
import type { DocumentPathOf } from '../expressions/path-types';
import type { IndexInfo, IndexSelectable, IndexToken } from '../metadata/index-token';

/** Options of `batchGet`: projection, consistency, tuning and cancellation. */
export interface BatchGetOptions<K extends string = string> extends GetOptions<K>, BatchTuning {}

/** Options of `batchWrite` (repository or client): tuning and cancellation. */
export interface BatchWriteOptions extends BatchTuning {
  /** Cancels the batch: no new request is sent; chunks already written stay written. */
  signal?: AbortSignal;
}

/** Queries and scans on one index of an entity's table. */
export interface IndexHandle<T, S extends string = DocumentPathOf<T>> {
  /** Query the index by its partition key (and optionally its sort key). */
  query(key: KeyInput<T>): QueryBuilder<T, T, S>;
  /** Scan the whole index. */
  scan(): ScanBuilder<T, T, S>;
}

/**
 * Reads and writes one entity class's table. Get one with `db.getRepository(Order)`.
 * Results are instances of the entity class; `null` means absent.
 */
export class Repository<T> {
  /** TTL helpers: `orders.ttl.fromNow({ days: 7 })` gives epoch seconds. */
  readonly ttl = { fromNow };

  /** @internal */
  constructor(
    /** The resolved metadata of the entity class. */
    readonly metadata: EntityMetadata<T>,
    /** The full table name (client prefix included). */
    readonly tableName: string,
    /** @internal */
    readonly executor: Executor,
    /** @internal Batch tuning defaults of the client. */
    readonly batchDefaults: BatchSettings = DEFAULT_BATCH_SETTINGS,
  ) {}

  /** The item with this primary key, or null. */
  async get<K extends PropertyName<T>>(key: KeyInput<T>, options: GetOptions<K> & { select: readonly K[] }): Promise<Pick<T, K> | null>;
  async get(key: KeyInput<T>, options?: GetOptions<PropertyName<T>>): Promise<T | null>;
  async get(key: KeyInput<T>, options?: GetOptions): Promise<T | null> {
    return this.getItem(key, options, 'get');
  }

  /** The item with this primary key; throws {@link ItemNotFoundError} when absent. */
  async getOrThrow<K extends PropertyName<T>>(key: KeyInput<T>, options: GetOptions<K> & { select: readonly K[] }): Promise<Pick<T, K>>;
  async getOrThrow(key: KeyInput<T>, options?: GetOptions<PropertyName<T>>): Promise<T>;
  async getOrThrow(key: KeyInput<T>, options?: GetOptions): Promise<T> {
    const item = await this.getItem(key, options, 'getOrThrow');
    if (item === null) {
      const shown = keyNamesOf(this.metadata).join(', ');
      throw new ItemNotFoundError(`No ${this.metadata.className} in "${this.tableName}" has that key (${shown}).`, this.tableName, { ...(key as object) });
    }
    return item;
  }

  /** Writes a whole item (replacing any item with the same key). Resolves to null unless `returnValues: 'ALL_OLD'`. */
  async put(item: ItemInput<T>, options?: PutOptions<T>): Promise<T | null> {
    const input = buildPutItem(this.metadata, this.tableName, item, options);
    const out = await this.executor.send<PutItemCommandOutput>(new PutItemCommand(input), this.request('put_item', options));
    return this.attributes(out.Attributes);
  }

  /**
   * Applies update actions to the item with this key (creating it when absent, as DynamoDB does,
   * unless a condition says otherwise).
   * @example
   * await orders.update(key, { set: { status: 'SHIPPED' }, add: { version: 1 } }, { returnValues: 'ALL_NEW' });
   *
   * Paths and values are checked against `T`; `free()` (on one action map or the whole object)
   * reaches attributes the class does not declare.
   */
  async update(key: KeyInput<T>, actions: UpdateActions<T> | Free, options?: UpdateOptions<T>): Promise<T | null> {
    const input = buildUpdateItem(this.metadata, this.tableName, key, actions as UntypedUpdateActions, options);
    const out = await this.mustExist('update', key, input, options, () => this.executor.send<UpdateItemCommandOutput>(new UpdateItemCommand(input), this.request('update_item', options)));
    return this.attributes(out.Attributes);
  }

  /** Deletes the item with this key. Resolves to null unless `returnValues: 'ALL_OLD'`. */
  async delete(key: KeyInput<T>, options?: DeleteOptions<T>): Promise<T | null> {
    const input = buildDeleteItem(this.metadata, this.tableName, key, options);
    const out = await this.mustExist('delete', key, input, options, () => this.executor.send<DeleteItemCommandOutput>(new DeleteItemCommand(input), this.request('delete_item', options)));
    return this.attributes(out.Attributes);
  }

  /**
   * The items with these keys, in input order, `null` for absent ones. Keys are sent in chunks of
   * 100 with bounded concurrency; unprocessed keys are retried with backoff; a key given twice is
   * read once and returned at both positions.
   * @example const [a, b] = await orders.batchGet([k1, k2], { select: ['total'] });
   */
  async batchGet<K extends PropertyName<T>>(keys: readonly KeyInput<T>[], options: BatchGetOptions<K> & { select: readonly K[] }): Promise<(Pick<T, K> | null)[]>;
  async batchGet(keys: readonly KeyInput<T>[], options?: BatchGetOptions<PropertyName<T>>): Promise<(T | null)[]>;
  async batchGet(keys: readonly KeyInput<T>[], options?: BatchGetOptions): Promise<(T | null)[]> {
    const settings = resolveBatchSettings(this.batchDefaults, options, 'batchGet');
    const prepared = prepareBatchGet(this.metadata, this.tableName, keys, options);
    if (prepared.keys.length === 0) return [];
    const found = await runBatchGet(this.metadata, prepared, { executor: this.executor, settings, timing: realTiming, signal: options?.signal });
    // Key attributes were read only to match answers to keys; hand back what was selected.
    const added = prepared.addedKeyProperties;
    const omit = added.length ? new Set(added.map((p) => this.metadata.toStored.get(p) ?? p)) : undefined;
    return prepared.positions.map((at) => {
      const raw = found.get(prepared.identities[at]!);
      return raw && isOwnItem(this.metadata, raw) ? hydrate(this.metadata, raw, omit) : null;
    });
  }

  /**
   * Puts and deletes on this table in as few requests as possible. Nothing is sent when the
   * callback throws; two writes to one key are a ValidationError; writes still unprocessed after
   * the retries throw {@link BatchWriteError} listing exactly those.
   * @example await orders.batchWrite(batch => { batch.put(item); batch.delete(oldKey); });
   */
  async batchWrite(fn: (batch: RepositoryBatch<T>) => unknown, options?: BatchWriteOptions): Promise<void> {
    const settings = resolveBatchSettings(this.batchDefaults, options, 'batchWrite');
    const collector = new WriteCollector();
    const writes = await collector.collect(fn, new RepositoryBatch<T>(this.metadata, this.tableName, collector));
    if (options?.signal?.aborted) throw options.signal.reason;
    await runBatchWrite(writes, { executor: this.executor, settings, timing: realTiming, signal: options?.signal });
  }

  /**
   * A query on the table's partition key (and optionally the sort key, as equality).
   * @example orders.query({ userId: 'u1' }).where({ gte: 'ord_100' }).filter({ total__gt: 100 })
   */
  query(key: KeyInput<T>): QueryBuilder<T> {
    return new QueryBuilder<T>(this.metadata, this.tableName, undefined, this.executor, key);
  }

  /** A scan of the whole table. */
  scan(): ScanBuilder<T> {
    return new ScanBuilder<T>(this.metadata, this.tableName, undefined, this.executor);
  }

  /**
   * Queries and scans on a declared index, by name or by its decorator kept in a constant (then
   * `select()` takes only what the index projects, at compile time too):
   * @example
   * const byStatus = GlobalIndex('gsi-status', { partitionKey: 'status', projection: ['total'] });
   * orders.index(byStatus).query({ status: 'NEW' }).select('total');
   */
  index<I extends IndexInfo>(index: IndexToken<I>): IndexHandle<T, IndexSelectable<T, I>>;
  index(name: string): IndexHandle<T>;
  index(nameOrToken: string | IndexToken): IndexHandle<T, string> {
    const index = this.indexMeta(typeof nameOrToken === 'function' ? (nameOrToken as IndexToken).indexName : (nameOrToken as string));
    return {
      query: (key) => new QueryBuilder<T, T, string>(this.metadata, this.tableName, index, this.executor, key),
      scan: () => new ScanBuilder<T, T, string>(this.metadata, this.tableName, index, this.executor),
    };
  }

  private indexMeta(name: string): IndexMeta {
    const index = this.metadata.indexes.get(name);
    if (!index) {
      const known = [...this.metadata.indexes.keys()];
      throw new ValidationError(`${this.metadata.className} has no index "${name}"; ${known.length ? `declared indexes: ${known.join(', ')}` : 'it declares no index'}.`);
    }
    return index;
  }

  private async getItem(key: KeyInput<T>, options: GetOptions | undefined, operation: string): Promise<T | null> {
    const input = buildGetItem(this.metadata, this.tableName, key, options, operation);
    const out = await this.executor.send<GetItemCommandOutput>(new GetItemCommand(input), this.request('get_item', options));
    return out.Item && isOwnItem(this.metadata, out.Item) ? hydrate(this.metadata, out.Item) : null;
  }

  /**
   * With `mustExist`, a failed check is told apart: the condition is `attribute_exists(pk)` alone
   * (any failure means absent), or it has more clauses and asked for the stored item (none returned
   * means absent; one returned means present, failing the rest: ConditionError).
   */
  private async mustExist<O>(
    operation: 'update' | 'delete',
    key: KeyInput<T>,
    input: { ConditionExpression?: string; ReturnValuesOnConditionCheckFailure?: string },
    options: { mustExist?: boolean; returnItemOnConditionFail?: boolean } | undefined,
    send: () => Promise<O>,
  ): Promise<O> {
    if (!options?.mustExist) return send();
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      if (input.ReturnValuesOnConditionCheckFailure === undefined || error.item === undefined) {
        const shown = keyNamesOf(this.metadata).join(', ');
        throw new ItemNotFoundError(`No ${this.metadata.className} in "${this.tableName}" has that key (${shown}); nothing was ${operation === 'update' ? 'updated' : 'deleted'} (mustExist).`, this.tableName, { ...(key as object) });
      }
      // The stored item was asked for only to tell the cases apart: hand it on only when asked.
      if (!options.returnItemOnConditionFail) throw new ConditionError(error.message, { cause: error.cause });
      throw error;
    }
  }

  private attributes(raw: Record<string, AttributeValue> | undefined): T | null {
    return raw ? hydrate(this.metadata, raw) : null;
  }

  /** Made once: turns the item a failed condition returned into an instance. */
  private readonly hydrateItem = (raw: Record<string, AttributeValue>): T => hydrate(this.metadata, raw);

  private request(operation: string, options: { signal?: AbortSignal } | undefined) {
    return {
      operation,
      table: this.tableName,
      signal: options?.signal,
      hydrateItem: this.hydrateItem,
    };
  }
}
