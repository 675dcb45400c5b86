import { ValidationError } from '../../errors/errors';
import { keyNamesOf } from '../../metadata/entity-keys';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { prepareBatchDelete, prepareBatchPut, type PreparedWrite } from './build';
import type { EntityTarget, TargetResolver } from '../targets/target';
import type { ItemInput, KeyInput } from '../../metadata/entity-types';

/**
 * Collects the writes of one batch callback. Each write is validated and marshalled when it is
 * added (so bad input fails at the call that gave it), and two writes to one item are refused:
 * DynamoDB rejects a BatchWriteItem naming one key twice, and which write should win is the
 * caller's decision.
 * @internal
 */
export class WriteCollector {
  readonly writes: PreparedWrite[] = [];
  private readonly seen = new Map<string, number>();
  private closed = false;

  add(write: () => PreparedWrite, meta: EntityMetadata, operation: string): void {
    if (this.closed) {
      throw new ValidationError(
        `batch ${operation} on ${meta.className} was called after the batchWrite callback returned; await every call inside the callback.`,
      );
    }
    const w = write();
    const earlier = this.seen.get(w.identity);
    if (earlier !== undefined) {
      const first = this.writes[earlier]!;
      throw new ValidationError(
        `batchWrite has two writes to one ${meta.className} item (key ${keyNamesOf(meta).join(', ')}): write ${earlier} (${first.unprocessed.kind}) and write ${this.writes.length} (${w.unprocessed.kind}). ` +
          'DynamoDB refuses the same key twice in one batch; keep only the write that should win.',
      );
    }
    this.seen.set(w.identity, this.writes.length);
    this.writes.push(w);
  }

  /** Runs the callback and returns its writes. When the callback throws or rejects, that error is rethrown and nothing is sent. */
  async collect<B>(fn: (batch: B) => unknown, batch: B): Promise<PreparedWrite[]> {
    if (typeof fn !== 'function')
      throw new ValidationError(
        'batchWrite takes a callback: batchWrite(batch => { batch.put(item); batch.delete(key); }).',
      );
    try {
      await fn(batch);
    } finally {
      this.closed = true;
    }
    return this.writes;
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
    this.collector.add(() => prepareBatchPut(this.metadata, this.tableName, item), this.metadata, 'put');
    return this;
  }

  /** Deletes the item with this key. */
  delete(key: KeyInput<T>): this {
    this.collector.add(() => prepareBatchDelete(this.metadata, this.tableName, key), this.metadata, 'delete');
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
    const repo = this.resolve(target);
    this.collector.add(() => prepareBatchPut(repo.metadata, repo.tableName, item), repo.metadata, 'put');
    return this;
  }

  /** Deletes the item with this key from the table of `target`. */
  delete<T>(target: EntityTarget<T>, key: KeyInput<T>): this {
    const repo = this.resolve(target);
    this.collector.add(() => prepareBatchDelete(repo.metadata, repo.tableName, key), repo.metadata, 'delete');
    return this;
  }
}
