import type { OperationContext } from '../context';
import { InvalidDefinitionError, ValidationError } from '../../errors/errors';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import type { Constructor } from '../../metadata/records';
import { memberNames } from './collection-read';
import { CollectionScan } from './collection-scan';
import { CollectionQuery } from './collection-query';
import type { CollectionKey } from './options';

/** The member classes of a collection. */
export type CollectionMembers = readonly [Constructor, ...Constructor[]] | readonly Constructor[];

/**
 * A typed reference to a collection, usable wherever one is needed (`db.collection(UserTimeline)`,
 * `DkmioModule.forFeature([..., UserTimeline])`, `@InjectCollection(UserTimeline)`).
 */
export interface CollectionToken<M = unknown> {
  readonly members: readonly Constructor[];
  /** @internal Type-only. */
  readonly __members?: M;
}

/**
 * A collection token for several entity classes of one table class.
 * @example export const UserTimeline = collection([User, Order]);
 */
export function collection<const C extends readonly Constructor[]>(
  members: C,
): CollectionToken<InstanceType<C[number]>> {
  if (!Array.isArray(members) || members.length === 0)
    throw new ValidationError(
      'collection() takes a non-empty array of entity classes, e.g. collection([User, Order]).',
    );
  return Object.freeze({ members: Object.freeze([...members]) });
}

/** Everything a collection needs from its client, resolved once. */
export interface CollectionContext {
  members: readonly EntityMetadata[];
  table: string;
  operation: OperationContext;
}

/**
 * Reads several entity classes of one table class at once: `query` (one partition key the members
 * compose with the same template), `scan`, and both on an index the members overload. Items come
 * back as instances of their classes, in key order.
 */
export class Collection<M> {
  /** @internal */
  constructor(private readonly context: CollectionContext) {}

  /** The member classes' metadata. */
  get members(): readonly EntityMetadata[] {
    return this.context.members;
  }

  /**
   * A query on the table's partition key, as the members compose it.
   * @example db.collection([User, Order]).query({ userId: 'u1' })
   */
  query(key: CollectionKey<M>): CollectionQuery<M> {
    return new CollectionQuery<M>(this.context, undefined, key);
  }

  /** A scan of the table, keeping the members' items. */
  scan(): CollectionScan<M> {
    return new CollectionScan<M>(this.context, 'Scan', undefined);
  }

  /** Queries and scans on an index every member overloads. */
  index(name: string): { query(key: CollectionKey<M>): CollectionQuery<M>; scan(): CollectionScan<M> } {
    const schema = this.context.members[0].single!.schema;
    const index = schema.indexes.get(name);
    if (!index)
      throw new ValidationError(
        `Table class ${schema.className} has no index "${name}"; its indexes: ${[...schema.indexes.keys()].join(', ') || 'none'}.`,
      );
    const lacking = this.context.members.filter((m) => !m.indexes.has(name));
    if (lacking.length)
      throw new InvalidDefinitionError(
        `${memberNames(lacking)} ${lacking.length > 1 ? 'do' : 'does'} not overload index "${name}"; every member of a collection read through it needs @${index.kind === 'global' ? 'GlobalIndex' : 'LocalIndex'}('${name}', { ... }) templates.`,
      );
    return {
      query: (key) => new CollectionQuery<M>(this.context, index, key),
      scan: () => new CollectionScan<M>(this.context, 'Scan', index),
    };
  }
}

/**
 * Resolves a collection's members (classes or a token) through the client's repositories: every
 * member must be an `@Entity` of one table class, each given once.
 */
export function collectionContext(
  arg: unknown,
  repository: (entity: Constructor) => { metadata: EntityMetadata; tableName: string; context: OperationContext },
): CollectionContext {
  const list = Array.isArray(arg)
    ? arg
    : arg !== null && typeof arg === 'object' && Array.isArray((arg as CollectionToken).members)
      ? (arg as CollectionToken).members
      : undefined;
  if (!list || list.length === 0)
    throw new ValidationError(
      'collection() takes a non-empty array of entity classes of one table class, e.g. db.collection([User, Order]), or a collection([...]) token.',
    );
  const repos = list.map((c) => {
    if (typeof c !== 'function')
      throw new ValidationError(
        `collection(): every member must be an entity class, got ${c === null ? 'null' : typeof c}.`,
      );
    const repo = repository(c as Constructor);
    if (!repo.metadata.single)
      throw new InvalidDefinitionError(
        `${repo.metadata.className} is not an @Entity of a table class; a collection reads entities that share a table class: @Entity(AppTable, { type, partitionKey, sortKey }).`,
      );
    return repo;
  });
  const first = repos[0];
  for (const r of repos) {
    if (r.metadata.single!.schema !== first.metadata.single!.schema) {
      throw new InvalidDefinitionError(
        `collection(): ${first.metadata.className} belongs to table class ${first.metadata.single!.schema.className} and ${r.metadata.className} to ${r.metadata.single!.schema.className}; a collection reads one table.`,
      );
    }
  }
  const members = repos.map((r) => r.metadata);
  const twice = members.find((m, i) => members.indexOf(m) !== i);
  if (twice) throw new ValidationError(`collection(): ${twice.className} is given twice; name each member once.`);
  return { members, table: first.tableName, operation: first.context };
}
