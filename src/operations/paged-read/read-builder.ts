import type { AttributeValue, QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import type { OperationContext } from '../context';
import { ValidationError } from '../../errors/errors';
import { ConditionNode, type ConditionInput } from '../../expressions/combinators';
import { compileConditions, parsedKey } from '../../expressions/conditions';
import { ExpressionContext } from '../../expressions/context';
import { checkProjected, compileProjection } from '../../expressions/projection';
import type { EntityMetadata, IndexMeta } from '../../metadata/entity-metadata';
import { ownsItem } from '../../metadata/entity-keys';
import { hydrate } from '../../marshalling/items';
import { keyPropertiesOf, type ReadState } from './state';
import { isEmptyQueryFilter } from '../../http/query-filters';
import { checkParallelStart, encodeCursor, lastKeyOf, startKeyOf } from './cursor';
import { explainRequest } from './explain';
import { mergeAsync } from '../../runtime/merge-async';
import type { Explained, Page } from '../../metadata/entity-types';
import type { DocumentPathOf, Selected } from '../../expressions/path-types';

type RawItem = Record<string, AttributeValue>;

/** Options of `fetchAll`. */
export interface FetchAllOptions {
  /** Stop after this many items; the result's `lastKey` resumes at the next one. */
  maxItems?: number;
}

/**
 * What query and scan builders share: filter, select, limit, pagination, and every way to run.
 * Each run builds the request anew from the builder's state, so a builder changed after a run
 * never returns stale results and running it twice sends the same request.
 */
export abstract class ReadBuilder<T, R, S extends string = DocumentPathOf<T>>
  implements PromiseLike<Page<R>>, AsyncIterable<R>
{
  /** @internal */
  protected readonly state: ReadState & { filters: unknown[] };
  private readonly filterKeys = new Set<string>();
  /** Stored names of key attributes added to a select() projection only so pages can resume. */
  private omit?: ReadonlySet<string>;
  private abortSignal?: AbortSignal;

  /** @internal */
  protected constructor(
    protected readonly meta: EntityMetadata<T>,
    table: string,
    index: IndexMeta | undefined,
    protected readonly context: OperationContext,
  ) {
    this.state = { meta, table, index, filters: [] };
  }

  protected abstract readonly operation: 'Query' | 'Scan';
  protected abstract segmentCount(): number;
  /** @internal The pure request of a state: buildQuery or buildScan. */
  protected abstract buildInput(state: ReadState, countOnly: boolean): object;
  /** @internal The SDK command sending such a request. */
  protected abstract command(input: object): object;

  /** The scope named in messages. */
  protected get scope(): string {
    return this.state.index ? `index "${this.state.index.name}"` : `table "${this.meta.tableName}"`;
  }

  /**
   * Keeps only items matching the condition (entries ANDed; repeated calls ANDed).
   * @example .filter({ total__gt: 100, status__in: ['PENDING', 'DRAFT'] })
   */
  filter(condition: ConditionInput<T>): this {
    if (isEmptyQueryFilter(condition)) return this; // queryFilters() of a request without filters
    const index = this.state.index;
    // Compile now, into a scratch context, so bad input fails at this call.
    compileConditions(this.meta, condition, undefined, new ExpressionContext(), {
      label: 'filter',
      onPath: (p) => {
        checkProjected(index, p, 'filter');
        // DynamoDB refuses filters on the key attributes a query's key condition uses.
        if (this.operation === 'Query' && isPartitionOrSort(this.state, p.property)) {
          throw new ValidationError(
            `filter() cannot use key attribute "${p.property}" of ${this.scope} in a query; use query({ ... }) or where() for key conditions.`,
          );
        }
      },
    });
    if (!(condition instanceof ConditionNode)) {
      // `status` and `status__eq` are the same key: compare them normalised.
      const keys = Object.keys(condition).map((k) => {
        const p = parsedKey(this.meta, k);
        return { text: k, norm: `${p.path}__${p.size ? 'size__' : ''}${p.operator}` };
      });
      for (const k of keys) {
        if (this.filterKeys.has(k.norm))
          throw new ValidationError(
            `filter(): "${k.text}" is already filtered by an earlier filter() call; combine the values into one condition.`,
          );
      }
      for (const k of keys) this.filterKeys.add(k.norm);
    }
    this.state.filters.push(condition);
    return this;
  }

  /**
   * Reads only these attributes (a projection; nested paths too); the result type narrows to them.
   * @example .select('total', 'status')
   * @example .select('address.city', 'items[0].qty') // { address?: { city: string }; items?: { qty: number }[] }
   */
  select<K extends S>(...selected: K[]): ReadBuilder<T, Selected<T, K>, S> {
    const attributes: readonly string[] = selected as readonly unknown[] as readonly string[];
    if (this.state.select)
      throw new ValidationError('select() was already called on this builder; pass every attribute in one call.');
    if (attributes.length === 0) throw new ValidationError('select() needs at least one attribute name.');
    for (const a of attributes) {
      if (typeof a !== 'string' || a.length === 0)
        throw new ValidationError('select() takes attribute names (non-empty strings).');
    }
    // Names and the index projection are checked now, at the call.
    compileProjection(this.meta, attributes, new ExpressionContext(), this.state.index);
    this.state.select = [...attributes];
    const added = keyPropertiesOf(this.state).filter((p) => !attributes.includes(p as K));
    if (added.length) this.omit = new Set(added.map((p) => this.meta.toStored.get(p) ?? p));
    return this as unknown as ReadBuilder<T, Selected<T, K>, S>;
  }

  /** At most this many items evaluated per request (DynamoDB's Limit). */
  limit(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new ValidationError(`limit() takes a positive integer, got ${String(n)}.`);
    this.state.limit = n;
    return this;
  }

  /** Strongly consistent reads: allowed on the table and local indexes, not on global ones. */
  consistent(value = true): this {
    if (value && this.state.index?.kind === 'global') {
      throw new ValidationError(
        `consistent() is not available on global index "${this.state.index.name}"; DynamoDB reads global indexes eventually consistently. Read the table or a local index instead.`,
      );
    }
    this.state.consistent = value;
    return this;
  }

  /** Starts after this position: a `lastKey` object or a `cursor` string from an earlier page. */
  startFrom(from: Record<string, unknown> | string | undefined | null): this {
    if (from === undefined || from === null) {
      delete this.state.startKey;
      return this;
    }
    checkParallelStart(this.segmentCount(), from);
    this.state.startKey = startKeyOf(this.meta, this.state.index, from, this.context.cursorSeal);
    return this;
  }

  /** Cancels every run of this builder (await, for await, fetchAll, count). */
  signal(signal: AbortSignal): this {
    this.abortSignal = signal;
    return this;
  }

  /** The request this builder would send, not sent. */
  explain(): Explained {
    return explainRequest(
      this.operation,
      this.state.table,
      this.state.index?.name,
      this.build(false, this.state.startKey, this.segmentCount() > 1 ? 0 : undefined),
    );
  }

  /** Runs the request: one page (with `segments(n)`, every page of every segment). */
  async execute(): Promise<Page<R>> {
    const n = this.segmentCount();
    if (n > 1) return this.fetchAll();
    const out = await this.send(this.state.startKey, false);
    return this.page(out, this.rows(out.Items));
  }

  then<A = Page<R>, B = never>(
    onFulfilled?: ((value: Page<R>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.execute().then(onFulfilled, onRejected);
  }

  /** Every item of every page, fetched page by page as the loop asks for them. */
  async *[Symbol.asyncIterator](): AsyncIterator<R> {
    for await (const out of this.allPages(false)) {
      for (const raw of this.rows(out.Items)) yield this.hydrate(raw);
    }
  }

  /**
   * Every page in one result. With `maxItems`, stops there; `lastKey` then resumes exactly at
   * the first item not returned, so nothing is skipped.
   */
  async fetchAll(options: FetchAllOptions = {}): Promise<Page<R>> {
    const max = options.maxItems;
    if (max !== undefined && (!Number.isInteger(max) || max < 1))
      throw new ValidationError(`fetchAll({ maxItems }) takes a positive integer, got ${String(max)}.`);
    // A parallel scan merges its segments' pages as they arrive; no single key resumes it, so
    // stopping at maxItems gives no lastKey there.
    const parallel = this.segmentCount() > 1;
    const items: R[] = [];
    let scanned = 0;
    for await (const out of this.allPages(false)) {
      const raws = this.rows(out.Items);
      scanned += out.ScannedCount ?? 0;
      if (max !== undefined && items.length + raws.length >= max) {
        const take = max - items.length;
        // Stopped inside the page: resume after the last item returned.
        const resume = parallel
          ? undefined
          : take < raws.length
            ? this.keyOfItem(raws[take - 1])
            : out.LastEvaluatedKey;
        for (let i = 0; i < take; i++) items.push(this.hydrate(raws[i]));
        return this.page({ LastEvaluatedKey: resume, ScannedCount: scanned }, [], items);
      }
      for (const raw of raws) items.push(this.hydrate(raw));
    }
    return { items, count: items.length, scannedCount: scanned };
  }

  /** The number of matching items over all pages (Select=COUNT; no items are transferred). */
  async count(): Promise<number> {
    let total = 0;
    for await (const out of this.allPages(true)) total += out.Count ?? 0;
    return total;
  }

  /** @internal The request for one run. `segment` overrides the state's for parallel scans. */
  protected build(countOnly: boolean, startKey: RawItem | undefined, segment?: number): Record<string, unknown> {
    // The first page of a plain query reads the state as it is; copy it only to change it
    // (a copy per call was a measurable share of building a query).
    let state: ReadState = this.state;
    if (startKey !== state.startKey || segment !== undefined) {
      state = { ...this.state, startKey };
      if (segment !== undefined) state.segment = { index: segment, total: this.segmentCount() };
    }
    return this.buildInput(state, countOnly) as Record<string, unknown>;
  }

  private async send(startKey: RawItem | undefined, countOnly: boolean, segment?: number): Promise<QueryCommandOutput> {
    const input = this.build(countOnly, startKey, segment);
    return this.context.executor.send<QueryCommandOutput>(this.command(input), {
      operation: this.operation === 'Query' ? 'query' : 'scan',
      table: this.state.table,
      index: this.state.index?.name,
      signal: this.abortSignal,
    });
  }

  /** Every page of a run: one request followed page by page, or all segments merged as they arrive. */
  private allPages(countOnly: boolean): AsyncGenerator<QueryCommandOutput> {
    const n = this.segmentCount();
    return n > 1 ? mergeAsync(Array.from({ length: n }, (_, i) => this.pages(countOnly, i))) : this.pages(countOnly);
  }

  /** The pages of one request (or one parallel segment, which starts at its beginning), following LastEvaluatedKey. */
  private async *pages(countOnly: boolean, segment?: number): AsyncGenerator<QueryCommandOutput> {
    let start = segment === undefined ? this.state.startKey : undefined;
    do {
      const out: QueryCommandOutput = await this.send(start, countOnly, segment);
      yield out;
      start = out.LastEvaluatedKey;
    } while (start);
  }

  private page(out: { LastEvaluatedKey?: RawItem; ScannedCount?: number }, raws: RawItem[], hydrated?: R[]): Page<R> {
    const items = hydrated ?? raws.map((r) => this.hydrate(r));
    const page: Page<R> = { items, count: items.length, scannedCount: out.ScannedCount ?? 0 };
    if (out.LastEvaluatedKey) {
      page.lastKey = lastKeyOf(this.meta, out.LastEvaluatedKey);
      page.cursor = encodeCursor(this.meta, this.state.index, out.LastEvaluatedKey, this.context.cursorSeal);
    }
    return page;
  }

  /** The position of an item: its table and index key attributes. */
  private keyOfItem(raw: RawItem): RawItem {
    const key: RawItem = {};
    for (const p of keyPropertiesOf(this.state)) {
      const stored = this.meta.toStored.get(p) ?? p;
      if (raw[stored] !== undefined) key[stored] = raw[stored]!;
    }
    return key;
  }

  /** The items of a page; a single-table entity read where the type attribute is not projected keeps only items whose keys fit its templates. */
  private rows(raws: RawItem[] | undefined): RawItem[] {
    const single = this.meta.single;
    if (!raws || !single || !this.state.index?.projected || this.state.index.projected.has(single.typeAttribute))
      return raws ?? [];
    return raws.filter((r) => ownsItem(single, r));
  }

  private hydrate(raw: RawItem): R {
    return hydrate(this.meta, raw, this.omit) as unknown as R;
  }
}

/** True when `property` is the partition or sort key of the queried table or index. */
function isPartitionOrSort(state: ReadState, property: string): boolean {
  const pk = state.index ? state.index.partitionKey : state.meta.partitionKey;
  const sk = state.index ? state.index.sortKey : state.meta.sortKey;
  return property === pk.property || property === sk?.property;
}
