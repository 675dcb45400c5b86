import { QueryCommand, ScanCommand, type AttributeValue, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../../errors/errors';
import type { ConditionInput } from '../../expressions/combinators';
import { compileConditions } from '../../expressions/conditions';
import { ExpressionContext } from '../../expressions/context';
import { checkProjected } from '../../expressions/projection';
import type { EntityMetadata, IndexMeta } from '../../metadata/entity-metadata';
import type { Explained } from '../../metadata/entity-types';
import { encodeCursor, lastKeyOf, startKeyOf } from '../paged-read/cursor';
import { explainRequest } from '../paged-read/explain';
import { mergeAsync } from '../../runtime/merge-async';
import type { FetchAllOptions } from '../paged-read/read-builder';
import { buildCollectionRead, scopeKeys, type CollectionState } from './build';
import type { CollectionContext } from './collection';
import { hydrateMembers } from './run';

type RawItem = Record<string, AttributeValue>;

import type { AnyMemberProperty, CollectionItem, CollectionPage, CommonProperties } from './options';

export type { AnyMemberProperty, CollectionItem, CollectionKey, CollectionPage, CommonProperties } from './options';

/** Member class names, for messages. */
export const memberNames = (ms: readonly EntityMetadata[]) => ms.map((m) => m.className).join(', ');

/**
 * A collection query or scan. Chainable like the entity builders; each run builds its request anew.
 */
export class CollectionRead<M, K extends string = never>
  implements PromiseLike<CollectionPage<M, K>>, AsyncIterable<CollectionItem<M, K>>
{
  /** @internal */
  protected readonly state: CollectionState & { filters: { member?: EntityMetadata; condition: unknown }[] };
  private readonly byType: ReadonlyMap<string, EntityMetadata>;
  /** Scans only: segments read concurrently (`segments(n)`). */
  protected parallel = 1;
  private abortSignal?: AbortSignal;

  /** @internal */
  constructor(
    protected readonly context: CollectionContext,
    operation: 'Query' | 'Scan',
    index: IndexMeta | undefined,
  ) {
    const members = context.members;
    this.state = { operation, schema: members[0].single!.schema, members, table: context.table, index, filters: [] };
    this.byType = new Map(members.map((m) => [m.single!.type, m]));
  }

  /** The scope named in messages. */
  protected get scope(): string {
    return `the collection of ${memberNames(this.state.members)} (${this.state.index ? `index "${this.state.index.name}"` : `table "${this.state.schema.tableName}"`})`;
  }

  /**
   * Keeps only items matching the condition. `filter(condition)` takes properties every member
   * declares (DynamoDB drops an item lacking a filtered attribute, which would silently remove a
   * whole member); `filter(Member, condition)` applies to that member's items only.
   * @example .filter(Order, { status: 'PAID' })   // Users pass, Orders must match
   */
  filter(condition: ConditionInput<CommonProperties<M>>): this;
  filter<C extends M>(member: abstract new (...args: never[]) => C, condition: ConditionInput<C>): this;
  filter(a: unknown, b?: unknown): this {
    if (typeof a === 'function') {
      const member = this.state.members.find((m) => m.target === a);
      if (!member)
        throw new ValidationError(
          `filter(${a.name || 'class'}, ...): it is not a member of ${this.scope}; members: ${memberNames(this.state.members)}.`,
        );
      this.check(member, b, false);
      this.state.filters.push({ member, condition: b });
    } else {
      this.check(this.state.members[0], a, true);
      this.state.filters.push({ condition: a });
    }
    return this;
  }

  /** Compiles now (scratch placeholders) so bad input fails at the call; `common`: every member must declare each property. */
  private check(meta: EntityMetadata, condition: unknown, common: boolean): void {
    const index = this.state.index ? meta.indexes.get(this.state.index.name) : undefined;
    const used = new Set<string>();
    compileConditions(meta, condition, undefined, new ExpressionContext(), {
      label: 'filter',
      onPath: (p) => {
        checkProjected(index, p, 'filter');
        used.add(p.property);
      },
    });
    if (!common) return;
    for (const p of used) {
      const lacking = this.state.members.filter((m) => !declares(m, p));
      if (lacking.length) {
        const owners = this.state.members.filter((m) => declares(m, p));
        throw new ValidationError(
          `filter() on ${this.scope}: "${p}" is not declared by ${memberNames(lacking)}; DynamoDB drops items that lack a filtered attribute, which would silently remove every ${memberNames(lacking)} item. ` +
            `Filter one member with filter(${owners[0]?.className ?? 'Member'}, { ... }), or declare "${p}" with @Attribute() on every member (at run time dkmio knows decorated properties and template sources).`,
        );
      }
      const stored = new Set(this.state.members.map((m) => m.toStored.get(p) ?? p));
      if (stored.size > 1)
        throw new ValidationError(
          `filter() on ${this.scope}: "${p}" is stored under different names (${[...stored].join(', ')}) by the members; filter each member with filter(Member, { ... }).`,
        );
    }
  }

  /**
   * Reads only these properties (each declared by some member: checked by the compiler); every
   * item keeps the selected properties its class declares. Keys and the type attribute are read too, and left out.
   */
  select<S extends AnyMemberProperty<M>>(...selected: S[]): CollectionRead<M, S> {
    if (this.state.select)
      throw new ValidationError('select() was already called on this builder; pass every attribute in one call.');
    if (selected.length === 0) throw new ValidationError('select() needs at least one attribute name.');
    const stored: string[] = [];
    for (const name of selected as string[]) {
      if (typeof name !== 'string' || name.length === 0)
        throw new ValidationError('select() takes property names (non-empty strings).');
      if (/[.[]/.test(name))
        throw new ValidationError(
          `select() on a collection takes top-level property names, got "${name}"; select "${name.split(/[.[]/, 1)[0]}" instead.`,
        );
      // At run time only decorated properties and template sources are known; the compiler checks the rest.
      if (this.state.members[0].single!.hidden.has(name))
        throw new ValidationError(
          `select() on ${this.scope}: "${name}" is a key or type attribute the table composes; select the members' properties instead.`,
        );
      const owners = this.state.members.filter((m) => declares(m, name));
      const as = new Set(owners.length ? owners.map((m) => m.toStored.get(name) ?? name) : [name]);
      if (as.size > 1)
        throw new ValidationError(
          `select() on ${this.scope}: "${name}" is stored under different names (${[...as].join(', ')}) by the members; rename one.`,
        );
      for (const m of this.state.members) {
        const index = this.state.index ? m.indexes.get(this.state.index.name) : undefined;
        checkProjected(index, { property: name, rest: [], text: name }, 'select');
      }
      stored.push([...as][0]);
    }
    this.state.select = stored;
    return this as unknown as CollectionRead<M, S>;
  }

  /** At most this many items evaluated per request (DynamoDB's Limit): a page can be short. */
  limit(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new ValidationError(`limit() takes a positive integer, got ${String(n)}.`);
    this.state.limit = n;
    return this;
  }

  /** Strongly consistent reads (the table and local indexes only). */
  consistent(value = true): this {
    if (value && this.state.index?.kind === 'global')
      throw new ValidationError(
        `consistent() is not available on global index "${this.state.index.name}"; DynamoDB reads global indexes eventually consistently.`,
      );
    this.state.consistent = value;
    return this;
  }

  /** Starts after this position: a `lastKey` or `cursor` of an earlier page (of this collection or of a member on the same table). */
  startFrom(from: Record<string, unknown> | string | undefined | null): this {
    if (this.parallel > 1 && from !== undefined && from !== null)
      throw new ValidationError(
        'startFrom() and segments() cannot be combined: one key cannot resume a parallel scan. Resume each segment with segment(i, n).startFrom(key) instead.',
      );
    if (from === undefined || from === null) delete this.state.startKey;
    else
      this.state.startKey = startKeyOf(
        this.state.schema.metadata,
        this.state.index,
        from,
        this.context.operation.cursorSeal,
      );
    return this;
  }

  /** Cancels every run of this builder. */
  signal(signal: AbortSignal): this {
    this.abortSignal = signal;
    return this;
  }

  /** The request this builder would send, not sent. */
  explain(): Explained {
    return explainRequest(
      this.state.operation,
      this.state.table,
      this.state.index?.name,
      buildCollectionRead(this.state),
    );
  }

  /** Runs one page. */
  async execute(): Promise<CollectionPage<M, K>> {
    if (this.parallel > 1) return this.fetchAll();
    const out = await this.send(this.state.startKey, false);
    const { items, skipped } = this.hydrate(out.Items ?? []);
    return this.page(items, skipped, out.ScannedCount ?? 0, out.LastEvaluatedKey);
  }

  then<A = CollectionPage<M, K>, B = never>(
    onFulfilled?: ((value: CollectionPage<M, K>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.execute().then(onFulfilled, onRejected);
  }

  /** Every item of every page, fetched page by page. */
  async *[Symbol.asyncIterator](): AsyncIterator<CollectionItem<M, K>> {
    for await (const out of this.pages(false)) yield* this.hydrate(out.Items ?? []).items;
  }

  /** Every page in one result; with `maxItems`, `lastKey` resumes at the first item not returned. */
  async fetchAll(options: FetchAllOptions = {}): Promise<CollectionPage<M, K>> {
    const max = options.maxItems;
    if (max !== undefined && (!Number.isInteger(max) || max < 1))
      throw new ValidationError(`fetchAll({ maxItems }) takes a positive integer, got ${String(max)}.`);
    const items: CollectionItem<M, K>[] = [];
    let skipped = 0;
    let scanned = 0;
    for await (const out of this.pages(false)) {
      scanned += out.ScannedCount ?? 0;
      const raws = out.Items ?? [];
      for (let i = 0; i < raws.length; i++) {
        const one = this.hydrate([raws[i]]);
        skipped += one.skipped;
        items.push(...one.items);
        if (max !== undefined && items.length >= max) {
          // A parallel scan merges its segments' pages: no single key resumes it.
          const resume =
            this.parallel > 1 ? undefined : i < raws.length - 1 ? this.keyOf(raws[i]) : out.LastEvaluatedKey;
          return this.page(items, skipped, scanned, resume);
        }
      }
    }
    return this.page(items, skipped, scanned, undefined);
  }

  /** The number of matching items over all pages (Select=COUNT). */
  async count(): Promise<number> {
    let total = 0;
    for await (const out of this.pages(true)) total += out.Count ?? 0;
    return total;
  }

  private hydrate(raws: readonly RawItem[]) {
    return hydrateMembers<CollectionItem<M, K>>(
      this.state.members,
      this.byType,
      this.state.schema.typeAttribute,
      raws,
      this.state.select !== undefined,
    );
  }

  private keyOf(raw: RawItem): RawItem {
    const key: RawItem = {};
    for (const k of scopeKeys(this.state)) if (raw[k] !== undefined) key[k] = raw[k]!;
    return key;
  }

  private page(
    items: CollectionItem<M, K>[],
    skipped: number,
    scanned: number,
    last: RawItem | undefined,
  ): CollectionPage<M, K> {
    const page: CollectionPage<M, K> = {
      items,
      count: items.length,
      scannedCount: scanned,
      skipped,
      of: (member) => items.filter((i) => i instanceof member) as never,
    };
    Object.defineProperty(page, 'of', { enumerable: false });
    if (last) {
      page.lastKey = lastKeyOf(this.state.schema.metadata, last);
      page.cursor = encodeCursor(this.state.schema.metadata, this.state.index, last, this.context.operation.cursorSeal);
    }
    return page;
  }

  private async send(startKey: RawItem | undefined, countOnly: boolean, segment?: number): Promise<QueryCommandOutput> {
    const state =
      startKey === this.state.startKey && segment === undefined
        ? this.state
        : {
            ...this.state,
            startKey,
            ...(segment !== undefined && { segment: { index: segment, total: this.parallel } }),
          };
    const input = buildCollectionRead(state, countOnly);
    const command = this.state.operation === 'Query' ? new QueryCommand(input) : new ScanCommand(input);
    return this.context.operation.executor.send<QueryCommandOutput>(command, {
      operation: this.state.operation === 'Query' ? 'query' : 'scan',
      table: this.state.table,
      index: this.state.index?.name,
      signal: this.abortSignal,
    });
  }

  /** Every page of a run: one request followed page by page, or all segments merged as they arrive. */
  private pages(countOnly: boolean): AsyncGenerator<QueryCommandOutput> {
    const n = this.parallel;
    return n > 1
      ? mergeAsync(Array.from({ length: n }, (_, i) => this.pagesOf(countOnly, i)))
      : this.pagesOf(countOnly);
  }

  private async *pagesOf(countOnly: boolean, segment?: number): AsyncGenerator<QueryCommandOutput> {
    let start = segment === undefined ? this.state.startKey : undefined;
    do {
      const out: QueryCommandOutput = await this.send(start, countOnly, segment);
      yield out;
      start = out.LastEvaluatedKey;
    } while (start);
  }
}

/** True when a member declares a property: decorated, or named in one of its key templates. */
export function declares(meta: EntityMetadata, property: string): boolean {
  if (meta.single!.hidden.has(property)) return false;
  return meta.attributes.has(property) || meta.single!.templates.some((t) => t.sources.includes(property));
}
