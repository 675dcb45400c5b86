import { DeleteItemCommand, GetItemCommand, PutItemCommand, UpdateItemCommand, type AttributeValue, type DeleteItemCommandOutput, type GetItemCommandOutput, type PutItemCommandOutput, type UpdateItemCommandOutput } from '@aws-sdk/client-dynamodb';
import type { Executor } from '../client/executor';
import { ItemNotFoundError, ValidationError } from '../errors/errors';
import type { Free } from '../expressions/free';
import type { UntypedUpdateActions, UpdateActions } from '../expressions/update-types';
import type { EntityMetadata, IndexMeta } from '../metadata/entity-metadata';
import { hydrate } from '../marshalling/items';
import { buildDeleteItem } from '../operations/delete-item';
import { buildGetItem } from '../operations/get-item';
import type { DeleteOptions, GetOptions, PutOptions, UpdateOptions } from '../operations/options';
import { buildPutItem } from '../operations/put-item';
import { buildUpdateItem } from '../operations/update-item';
import { fromNow } from '../ttl';
import { QueryBuilder } from './query-builder';
import { ScanBuilder } from './scan-builder';
import type { ItemInput, KeyInput, PropertyName } from './types';

/** Queries and scans on one index of an entity's table. */
export interface IndexHandle<T> {
  /** Query the index by its partition key (and optionally its sort key). */
  query(key: KeyInput<T>): QueryBuilder<T>;
  /** Scan the whole index. */
  scan(): ScanBuilder<T>;
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
      const shown = this.metadata.keyProperties.map((k) => k).join(', ');
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
    const out = await this.executor.send<UpdateItemCommandOutput>(new UpdateItemCommand(input), this.request('update_item', options));
    return this.attributes(out.Attributes);
  }

  /** Deletes the item with this key. Resolves to null unless `returnValues: 'ALL_OLD'`. */
  async delete(key: KeyInput<T>, options?: DeleteOptions<T>): Promise<T | null> {
    const input = buildDeleteItem(this.metadata, this.tableName, key, options);
    const out = await this.executor.send<DeleteItemCommandOutput>(new DeleteItemCommand(input), this.request('delete_item', options));
    return this.attributes(out.Attributes);
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

  /** Queries and scans on a declared index. */
  index(name: string): IndexHandle<T> {
    const index = this.indexMeta(name);
    return {
      query: (key) => new QueryBuilder<T>(this.metadata, this.tableName, index, this.executor, key),
      scan: () => new ScanBuilder<T>(this.metadata, this.tableName, index, this.executor),
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
    return out.Item ? hydrate(this.metadata, out.Item) : null;
  }

  private attributes(raw: Record<string, AttributeValue> | undefined): T | null {
    return raw ? hydrate(this.metadata, raw) : null;
  }

  private request(operation: string, options: { signal?: AbortSignal } | undefined) {
    return {
      operation,
      table: this.tableName,
      signal: options?.signal,
      hydrateItem: (raw: Record<string, AttributeValue>) => hydrate(this.metadata, raw),
    };
  }
}
