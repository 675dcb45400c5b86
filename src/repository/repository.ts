import { ValidationError } from '../errors/errors';
import type { Free } from '../expressions/free';
import type { DocumentPathOf } from '../expressions/path-types';
import type { UntypedUpdateActions, UpdateActions } from '../expressions/update-types';
import type { EntityMetadata, IndexMeta } from '../metadata/entity-metadata';
import type { ItemInput, KeyInput, PropertyName } from '../metadata/entity-types';
import type { IndexInfo, IndexSelectable, IndexToken } from '../metadata/index-token';
import { fromNow } from '../metadata/ttl';
import type { BatchGetOptions } from '../operations/batch-get/options';
import { batchGet } from '../operations/batch-get/run';
import type { BatchWriteOptions } from '../operations/batch-write/options';
import { batchWrite } from '../operations/batch-write/run';
import { RepositoryBatch } from '../operations/batch-write/writers';
import type { OperationContext } from '../operations/context';
import type { DeleteOptions } from '../operations/delete/options';
import { runDelete } from '../operations/delete/run';
import type { GetOptions } from '../operations/get/options';
import { runGet, runGetOrThrow } from '../operations/get/run';
import type { PutOptions } from '../operations/put/options';
import { runPut } from '../operations/put/run';
import { QueryBuilder } from '../operations/query/query-builder';
import { ScanBuilder } from '../operations/scan/scan-builder';
import type { UpdateOptions } from '../operations/update/options';
import { runUpdate } from '../operations/update/run';

export type { BatchGetOptions, BatchWriteOptions };

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
    /** @internal How operations send: the client's executor, batch defaults and cursor seal. */
    readonly context: OperationContext,
  ) {}

  /** The item with this primary key, or null. */
  async get<K extends PropertyName<T>>(
    key: KeyInput<T>,
    options: GetOptions<K> & { select: readonly K[] },
  ): Promise<Pick<T, K> | null>;
  async get(key: KeyInput<T>, options?: GetOptions<PropertyName<T>>): Promise<T | null>;
  async get(key: KeyInput<T>, options?: GetOptions): Promise<T | null> {
    return runGet(this.context, this, key, options);
  }

  /** The item with this primary key; throws {@link ItemNotFoundError} when absent. */
  async getOrThrow<K extends PropertyName<T>>(
    key: KeyInput<T>,
    options: GetOptions<K> & { select: readonly K[] },
  ): Promise<Pick<T, K>>;
  async getOrThrow(key: KeyInput<T>, options?: GetOptions<PropertyName<T>>): Promise<T>;
  async getOrThrow(key: KeyInput<T>, options?: GetOptions): Promise<T> {
    return runGetOrThrow(this.context, this, key, options);
  }

  /** Writes a whole item (replacing any item with the same key). Resolves to null unless `returnValues: 'ALL_OLD'`. */
  async put(item: ItemInput<T>, options?: PutOptions<T>): Promise<T | null> {
    return runPut(this.context, this, item, options);
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
    return runUpdate(this.context, this, key, actions as UntypedUpdateActions, options);
  }

  /** Deletes the item with this key. Resolves to null unless `returnValues: 'ALL_OLD'`. */
  async delete(key: KeyInput<T>, options?: DeleteOptions<T>): Promise<T | null> {
    return runDelete(this.context, this, key, options);
  }

  /**
   * The items with these keys, in input order, `null` for absent ones. Keys are sent in chunks of
   * 100 with bounded concurrency; unprocessed keys are retried with backoff; a key given twice is
   * read once and returned at both positions.
   * @example const [a, b] = await orders.batchGet([k1, k2], { select: ['total'] });
   */
  async batchGet<K extends PropertyName<T>>(
    keys: readonly KeyInput<T>[],
    options: BatchGetOptions<K> & { select: readonly K[] },
  ): Promise<(Pick<T, K> | null)[]>;
  async batchGet(keys: readonly KeyInput<T>[], options?: BatchGetOptions<PropertyName<T>>): Promise<(T | null)[]>;
  async batchGet(keys: readonly KeyInput<T>[], options?: BatchGetOptions): Promise<(T | null)[]> {
    return batchGet(this.context, this, keys, options);
  }

  /**
   * Puts and deletes on this table in as few requests as possible. Nothing is sent when the
   * callback throws; two writes to one key are a ValidationError; writes still unprocessed after
   * the retries throw {@link BatchWriteError} listing exactly those.
   * @example await orders.batchWrite(batch => { batch.put(item); batch.delete(oldKey); });
   */
  async batchWrite(fn: (batch: RepositoryBatch<T>) => unknown, options?: BatchWriteOptions): Promise<void> {
    return batchWrite(
      this.context,
      fn,
      (collector) => new RepositoryBatch<T>(this.metadata, this.tableName, collector),
      options,
    );
  }

  /**
   * A query on the table's partition key (and optionally the sort key, as equality).
   * @example orders.query({ userId: 'u1' }).where({ gte: 'ord_100' }).filter({ total__gt: 100 })
   */
  query(key: KeyInput<T>): QueryBuilder<T> {
    return new QueryBuilder<T>(this.metadata, this.tableName, undefined, this.context, key);
  }

  /** A scan of the whole table. */
  scan(): ScanBuilder<T> {
    return new ScanBuilder<T>(this.metadata, this.tableName, undefined, this.context);
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
    const index = this.indexMeta(
      typeof nameOrToken === 'function' ? (nameOrToken as IndexToken).indexName : (nameOrToken as string),
    );
    return {
      query: (key) => new QueryBuilder<T, T, string>(this.metadata, this.tableName, index, this.context, key),
      scan: () => new ScanBuilder<T, T, string>(this.metadata, this.tableName, index, this.context),
    };
  }

  private indexMeta(name: string): IndexMeta {
    const index = this.metadata.indexes.get(name);
    if (!index) {
      const known = [...this.metadata.indexes.keys()];
      throw new ValidationError(
        `${this.metadata.className} has no index "${name}"; ${known.length ? `declared indexes: ${known.join(', ')}` : 'it declares no index'}.`,
      );
    }
    return index;
  }
}
