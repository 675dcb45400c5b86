import { keyNamesOf } from '../../metadata/entity-keys';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { prepareBatchDelete, prepareBatchPut, type PreparedWrite } from './build';
import { CallbackCollector } from '../targets/collector';
import type { EntityTarget, TargetResolver } from '../targets/target';
import type { ItemInput, KeyInput } from '../../metadata/entity-types';

/**
 * Collects the writes of one batch callback: each validated when added, two writes to one item
 * refused (see {@link CallbackCollector}).
 * @internal
 */
export class WriteCollector extends CallbackCollector<PreparedWrite> {
  constructor() {
    super(
      'batchWrite',
      'batchWrite(batch => { batch.put(item); batch.delete(key); })',
      ({ meta, earlier, earlierIndex, entry, index }) =>
        `batchWrite has two writes to one ${meta.className} item (key ${keyNamesOf(meta).join(', ')}): write ${earlierIndex} (${earlier.unprocessed.kind}) and write ${index} (${entry.unprocessed.kind}). ` +
        'DynamoDB refuses the same key twice in one batch; keep only the write that should win.',
    );
  }

  /** Adds one write of `meta`'s table (`operation`: put or delete, for messages). */
  write(meta: EntityMetadata, operation: 'put' | 'delete', build: () => PreparedWrite): void {
    this.add(meta, `batch ${operation}`, build, (w) => w.identity);
  }
}

/**
 * The batch handed to `repository.batchWrite(batch => ...)`: puts and deletes on that
 * repository's table.
 */
export class RepositoryBatch<T> {
  /** @internal */
  constructor(
    private readonly metadata: EntityMetadata<T>,
    private readonly tableName: string,
    private readonly collector: WriteCollector,
  ) {}

  /** Writes a whole item (replacing any item with its key). The item needs the full primary key. */
  put(item: ItemInput<T>): this {
    this.collector.write(this.metadata, 'put', () => prepareBatchPut(this.metadata, this.tableName, item));
    return this;
  }

  /** Deletes the item with this key. */
  delete(key: KeyInput<T>): this {
    this.collector.write(this.metadata, 'delete', () => prepareBatchDelete(this.metadata, this.tableName, key));
    return this;
  }
}

/**
 * The batch handed to `db.batchWrite(batch => ...)`: puts and deletes on any tables.
 * @example
 * await db.batchWrite(batch => { batch.put(orders, item); batch.delete(users, { userId: 'u9' }); });
 */
export class BatchWriter {
  /** @internal */
  constructor(
    private readonly resolve: TargetResolver,
    private readonly collector: WriteCollector,
  ) {}

  /** Writes a whole item to the table of `target` (a repository or an entity class). */
  put<T>(target: EntityTarget<T>, item: ItemInput<T>): this {
    const { metadata, tableName } = this.resolve(target);
    this.collector.write(metadata, 'put', () => prepareBatchPut(metadata, tableName, item));
    return this;
  }

  /** Deletes the item with this key from the table of `target`. */
  delete<T>(target: EntityTarget<T>, key: KeyInput<T>): this {
    const { metadata, tableName } = this.resolve(target);
    this.collector.write(metadata, 'delete', () => prepareBatchDelete(metadata, tableName, key));
    return this;
  }
}
