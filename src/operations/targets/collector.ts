import { ValidationError } from '../../errors/errors';
import type { EntityMetadata } from '../../metadata/entity-metadata';

/** What a message about a second entry on one item can name. */
export interface DuplicateEntry<E> {
  meta: EntityMetadata;
  operation: string;
  earlier: E;
  earlierIndex: number;
  entry: E;
  index: number;
}

/**
 * Collects the entries of one `batchWrite` or `transactWrite` callback. Each entry is built (so
 * validated and marshalled) when it is added, so bad input fails at the call that gave it; two
 * entries on one item are refused (DynamoDB rejects both requests naming one key twice, and which
 * should win is the caller's decision); a call after the callback returned is refused.
 * @internal
 */
export class CallbackCollector<E> {
  readonly entries: E[] = [];
  /** The entity of each entry. */
  readonly metas: EntityMetadata[] = [];
  private readonly seen = new Map<string, number>();
  private closed = false;

  constructor(
    /** `batchWrite`, `transactWrite`: the call whose callback this collects. */
    private readonly call: string,
    /** How the call takes its callback, for a call without one. */
    private readonly usage: string,
    /** The message refusing a second entry on one item. */
    private readonly duplicate: (d: DuplicateEntry<E>) => string,
  ) {}

  /**
   * Builds an entry and keeps it. `identity` names its item (table and key); `check` runs once
   * the entry is built, before it is kept.
   */
  add(meta: EntityMetadata, operation: string, build: () => E, identity: (entry: E) => string, check?: () => void): E {
    if (this.closed) {
      throw new ValidationError(
        `${operation} on ${meta.className} was called after the ${this.call} callback returned; await every call inside the callback.`,
      );
    }
    const entry = build();
    check?.();
    const id = identity(entry);
    const earlierIndex = this.seen.get(id);
    if (earlierIndex !== undefined) {
      const earlier = this.entries[earlierIndex];
      throw new ValidationError(
        this.duplicate({ meta, operation, earlier, earlierIndex, entry, index: this.entries.length }),
      );
    }
    this.seen.set(id, this.entries.length);
    this.entries.push(entry);
    this.metas.push(meta);
    return entry;
  }

  /** Runs the callback and returns its entries. When the callback throws or rejects, that error is rethrown and nothing is sent. */
  async collect<B>(fn: (batch: B) => unknown, batch: B): Promise<E[]> {
    if (typeof fn !== 'function') throw new ValidationError(`${this.call} takes a callback: ${this.usage}.`);
    try {
      await fn(batch);
    } finally {
      this.closed = true;
    }
    return this.entries;
  }
}
