import { InvalidDefinitionError, MissingKeyError, ValidationError } from '../../errors/errors';
import { checkSortKeyCondition, type SortKeyCondition } from '../../expressions/key-condition';
import type { IndexMeta } from '../../metadata/entity-metadata';
import { composeTemplate } from '../../metadata/key-template';
import type { CollectionContext } from './collection';
import { CollectionRead } from './collection-read';
import type { AnyMemberProperty } from './options';

/** A collection query: one partition, optionally narrowed by `where()` on the stored sort key. */
export class CollectionQuery<M, K extends string = never> extends CollectionRead<M, K> {
  /** @internal */
  constructor(context: CollectionContext, index: IndexMeta | undefined, key: unknown) {
    super(context, 'Query', index);
    const members = context.members;
    const templates = members.map((m) => {
      const t = index
        ? index.kind === 'local'
          ? m.single!.partitionKey
          : m.single!.indexes.get(index.name)!.partitionKey!
        : m.single!.partitionKey;
      return { m, t };
    });
    const first = templates[0];
    const other = templates.find((x) => x.t.text !== first.t.text);
    if (other) {
      throw new InvalidDefinitionError(
        `${first.m.className} composes ${index ? `index "${index.name}"'s` : 'the'} partition key as '${first.t.text}' and ${other.m.className} as '${other.t.text}', so one query cannot read both; ` +
          `give the members the same partition key template to read them as a collection.`,
      );
    }
    if (key === null || typeof key !== 'object' || Array.isArray(key))
      throw new ValidationError(
        `query() on ${this.scope} takes { ${first.t.sources.map((s) => `${s}: ...`).join(', ')} }.`,
      );
    const k = key as Record<string, unknown>;
    for (const name of Object.keys(k)) {
      if (!first.t.sources.includes(name) && k[name] !== undefined)
        throw new ValidationError(
          `query() on ${this.scope}: "${name}" is not a source of the partition key template '${first.t.text}'; give ${first.t.sources.join(', ')} only. Use filter() for other attributes.`,
        );
    }
    const partition = composeTemplate(first.t, k, `query() on ${this.scope}`);
    if (partition === undefined) {
      const missing = first.t.sources.find((s) => k[s] === undefined || k[s] === null)!;
      throw new MissingKeyError(
        `query() on ${this.scope} is missing "${missing}", which composes the partition key '${first.t.text}'.`,
        missing,
      );
    }
    this.state.partition = partition;
  }

  /** A condition on the stored sort key (the composed value, e.g. `{ begins_with: 'ORDER#' }`). */
  where(condition: SortKeyCondition): this {
    const sk = this.state.index ? this.state.index.sortKey : this.state.schema.sortKey;
    const checked = checkSortKeyCondition(condition, sk, this.scope);
    if (this.state.where !== undefined)
      throw new ValidationError(
        `where() was already given a sort-key condition on ${this.scope}; a query takes exactly one.`,
      );
    this.state.where = checked;
    return this;
  }

  /** Sort order: `false` reads the partition in descending sort-key order. */
  scanForward(forward = true): this {
    this.state.scanForward = forward;
    return this;
  }

  override select<S extends AnyMemberProperty<M>>(...selected: S[]): CollectionQuery<M, S> {
    return super.select(...selected) as unknown as CollectionQuery<M, S>;
  }
}
