import { QueryCommand, type QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { MissingKeyError, ValidationError } from '../../errors/errors';
import { checkSortKeyCondition, type SortKeyCondition, type SortKeyValue } from '../../expressions/key-condition';
import { checkKeyValue } from '../../marshalling/keys';
import type { EntityMetadata, IndexMeta } from '../../metadata/entity-metadata';
import { queryTemplates, templateQuery, templateWhere } from '../../metadata/entity-keys';
import type { OperationContext } from '../context';
import { ReadBuilder } from '../paged-read/read-builder';
import type { ReadState } from '../paged-read/state';
import { buildQuery } from './build';
import type { DocumentPathOf, Selected } from '../../expressions/path-types';

/**
 * A query on a table or index: one partition, optionally narrowed by `where()` on the sort key.
 * A query never becomes a scan.
 *
 * @example
 * const page = await orders.query({ userId: 'u1' }).where({ begins_with: '2024-' }).limit(20);
 */
export class QueryBuilder<T, R = T, S extends string = DocumentPathOf<T>> extends ReadBuilder<T, R, S> {
  protected readonly operation = 'Query' as const;

  /** @internal */
  protected buildInput(state: ReadState, countOnly: boolean): object {
    return buildQuery(state, countOnly);
  }

  /** @internal */
  protected command(input: object): object {
    return new QueryCommand(input as QueryCommandInput);
  }

  /** @internal */
  constructor(
    meta: EntityMetadata<T>,
    table: string,
    index: IndexMeta | undefined,
    context: OperationContext,
    key: unknown,
  ) {
    super(meta, table, index, context);
    if (meta.single) {
      if (key === null || typeof key !== 'object' || Array.isArray(key))
        throw new ValidationError(
          `query() on ${this.scope} takes the properties its partition key template names, e.g. query({ ${queryTemplates(
            meta,
            index,
          )
            .partitionKey!.sources.map((s) => `${s}: ...`)
            .join(', ')} }).`,
        );
      Object.assign(this.state, templateQuery(meta, index, key as Record<string, unknown>, this.scope));
      return;
    }
    const pk = index ? index.partitionKey : meta.partitionKey;
    const sk = index ? index.sortKey : meta.sortKey;
    if (key === null || typeof key !== 'object' || Array.isArray(key)) {
      throw new ValidationError(
        `query() on ${this.scope} takes the partition key, e.g. query({ ${pk.property}: ... }).`,
      );
    }
    const k = key as Record<string, unknown>;
    for (const name of Object.keys(k)) {
      if (name !== pk.property && name !== sk?.property && k[name] !== undefined) {
        throw new ValidationError(
          `query() on ${this.scope}: "${name}" is not a key of it (partition key "${pk.property}"${sk ? `, sort key "${sk.property}"` : ''}). Use filter() for other attributes.`,
        );
      }
    }
    if (k[pk.property] === undefined || k[pk.property] === null) {
      const where = index ? `index "${index.name}" of table "${meta.tableName}"` : this.scope;
      throw new MissingKeyError(
        `query() on ${where} is missing its partition key "${pk.property}", e.g. query({ ${pk.property}: ... }). To read everything, use scan().`,
        pk.property,
      );
    }
    checkKeyValue(pk, k[pk.property], this.scope);
    this.state.partition = k[pk.property];
    // A sort-key value in the key is where({ eq }), checked now like any where().
    if (sk && k[sk.property] !== undefined)
      this.state.where = checkSortKeyCondition({ eq: k[sk.property] as SortKeyValue }, sk, this.scope);
  }

  protected segmentCount(): number {
    return 1;
  }

  /**
   * The sort-key condition: exactly one of `eq gt gte lt lte between begins_with`.
   * On an index it applies to the index's sort key.
   */
  where(condition: SortKeyCondition): this {
    const sk = this.state.index ? this.state.index.sortKey : this.meta.sortKey;
    const checked = checkSortKeyCondition(
      this.meta.single ? templateWhere(this.meta, this.state.index, condition, this.scope) : condition,
      sk,
      this.scope,
    );
    if (this.state.where !== undefined) {
      throw new ValidationError(
        `where() was already given a sort-key condition on ${this.scope} (by where() or the key passed to query()); a query takes exactly one.`,
      );
    }
    this.state.where = checked;
    return this;
  }

  /**
   * Reads only these attributes; the result type narrows to `Pick<T, ...>` (through `await`,
   * `execute`, `for await` and `fetchAll`).
   * @example const page = await orders.query({ userId: 'u1' }).select('total', 'status'); // Page<Pick<Order, 'total' | 'status'>>
   */
  override select<K extends S>(...attributes: K[]): QueryBuilder<T, Selected<T, K>, S> {
    return super.select(...attributes) as unknown as QueryBuilder<T, Selected<T, K>, S>;
  }

  /** Sort order: `false` reads the partition in descending sort-key order. */
  scanForward(forward = true): this {
    this.state.scanForward = forward;
    return this;
  }
}
