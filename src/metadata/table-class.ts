import { InvalidDefinitionError } from '../errors/errors';
import type { AttributeMeta, EntityMetadata, IndexMeta } from './entity-metadata';
import type { EntityClassDecorator } from './decorators';
import { recordChain, sharedStore, type EntityRecord } from './records';

/**
 * Table classes (single-table design): `@Table('app', { partitionKey, sortKey, typeAttribute, indexes })`
 * declares the physical schema once; entity classes (`@Entity(AppTable, ...)`) compose their keys
 * into it. Names here are stored attribute names.
 */

/** A key attribute of a table class: its stored name (a string key), or the name and its type. */
export type TableKeyOption = string | { name: string; type?: 'S' | 'N' | 'B' };

/** An index of a table class. Without `partitionKey` it is a local index (the table's partition key). */
export interface TableIndexOptions {
  partitionKey?: TableKeyOption;
  sortKey?: TableKeyOption;
  /** `'ALL'` (default), `'KEYS_ONLY'`, or the stored names of the attributes to include. */
  projection?: 'ALL' | 'KEYS_ONLY' | readonly string[];
}

/** The second argument of `@Table(name, options)`. */
export interface TableClassOptions {
  partitionKey: TableKeyOption;
  sortKey?: TableKeyOption;
  /** The attribute holding each item's entity type; `'_type'` by default. */
  typeAttribute?: string;
  indexes?: Readonly<Record<string, TableIndexOptions>>;
}

/** What `@Table(name, options)` returns: a class decorator (types cannot carry the schema onto the class). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export type TableClassDecorator<O extends TableClassOptions = TableClassOptions> = EntityClassDecorator;

/** A table class, resolved. */
export interface TableSchema {
  target: Function;
  className: string;
  tableName: string;
  partitionKey: AttributeMeta;
  sortKey?: AttributeMeta;
  typeAttribute: string;
  /** Indexes by name; key attributes are stored names (property = stored). */
  indexes: ReadonlyMap<string, IndexMeta>;
  /** The table as an entity of its own stored names: what `createTables` builds from. */
  metadata: EntityMetadata;
}

const schemas = new WeakMap<Function, TableSchema>();
/** Entity classes registered by `@Entity(Table, ...)`, per table class, in definition order. */
const members = sharedStore<Function, Function[]>('table-entities.v1');

/** Registers an entity of a table class (from `@Entity`), so definitions can be checked against each other. */
export function registerEntity(table: Function, entity: Function): void {
  let list = members.get(table);
  if (!list) members.set(table, (list = []));
  if (!list.includes(entity)) list.push(entity);
}

/** The entity classes `@Entity` registered on a table class. */
export function entitiesOf(table: Function): readonly Function[] {
  return members.get(table) ?? [];
}

/** The record that makes `target` a table class, if it is one. */
export function tableClassRecord(target: Function): EntityRecord | undefined {
  return recordChain(target).find((r) => r.hasTable && r.tableOptions !== undefined);
}

/** The resolved schema of a table class, cached; throws InvalidDefinitionError naming the fix. */
export function tableSchema(target: Function): TableSchema {
  let schema = schemas.get(target);
  if (!schema) {
    schema = resolveTableClass(target);
    schemas.set(target, schema);
  }
  return schema;
}

function resolveTableClass(target: Function): TableSchema {
  const className = target.name || '(anonymous class)';
  const fail = (message: string): never => {
    throw new InvalidDefinitionError(`${className}: ${message}`);
  };
  const record = tableClassRecord(target);
  if (!record) fail(`is not a table class; declare it with @Table('name', { partitionKey: 'pk', sortKey: 'sk' }).`);
  const tableName = record!.tableName;
  if (typeof tableName !== 'string' || tableName.length === 0)
    fail(`@Table needs a non-empty table name, e.g. @Table('app', { partitionKey: 'pk' }).`);
  const options = record!.tableOptions as TableClassOptions;
  if (options === null || typeof options !== 'object')
    fail(`@Table('${tableName}', options) needs an options object like { partitionKey: 'pk', sortKey: 'sk' }.`);
  for (const [p, r] of record!.properties) {
    if (r.roles.includes('partitionKey') || r.roles.includes('sortKey'))
      fail(
        `"${p}" has @PartitionKey()/@SortKey(), but a table class names its keys in @Table('${tableName}', { partitionKey, sortKey }); remove the decorator.`,
      );
  }

  const used = new Map<string, string>();
  const key = (option: unknown, role: string): AttributeMeta => {
    const name = typeof option === 'string' ? option : (option as { name?: unknown } | null)?.name;
    const type = typeof option === 'object' && option !== null ? ((option as { type?: unknown }).type ?? 'S') : 'S';
    if (typeof name !== 'string' || name.length === 0)
      fail(`${role} needs a stored attribute name, e.g. 'pk' or { name: 'pk', type: 'S' }.`);
    if (type !== 'S' && type !== 'N' && type !== 'B')
      fail(`${role} "${String(name)}" has type ${JSON.stringify(type)}; use 'S', 'N' or 'B'.`);
    const kind = type as 'S' | 'N' | 'B';
    const designType = kind === 'S' ? String : kind === 'N' ? Number : Uint8Array;
    const earlier = used.get(name as string);
    if (earlier !== undefined && earlier !== kind)
      fail(`attribute "${String(name)}" is declared with two types (${earlier} and ${kind}); give it one type.`);
    used.set(name as string, kind);
    return { property: name as string, stored: name as string, designType };
  };
  const partitionKey = key(options.partitionKey, 'partitionKey');
  const sortKey = options.sortKey !== undefined ? key(options.sortKey, 'sortKey') : undefined;
  if (sortKey && sortKey.stored === partitionKey.stored)
    fail(`partitionKey and sortKey are both "${sortKey.stored}"; give the sort key another attribute.`);
  const typeAttribute = options.typeAttribute ?? '_type';
  if (typeof typeAttribute !== 'string' || typeAttribute.length === 0)
    fail(`typeAttribute must be a non-empty attribute name (default '_type').`);
  if (used.has(typeAttribute)) fail(`typeAttribute "${typeAttribute}" is also a key attribute; pick another name.`);
  const tableKeys = sortKey ? [partitionKey.stored, sortKey.stored] : [partitionKey.stored];

  const indexes = new Map<string, IndexMeta>();
  const rawIndexes = options.indexes ?? {};
  if (rawIndexes === null || typeof rawIndexes !== 'object')
    fail(`indexes must be an object of { name: { partitionKey, sortKey?, projection? } }.`);
  for (const [name, ix] of Object.entries(rawIndexes)) {
    if (ix === null || typeof ix !== 'object')
      fail(`index "${name}" needs options like { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }.`);
    const local = ix.partitionKey === undefined;
    if (local && !sortKey)
      fail(
        `index "${name}" has no partitionKey, which makes it a local index, and a local index needs a table with a sort key. Add partitionKey (a global index) or a sortKey to the table.`,
      );
    if (local && ix.sortKey === undefined)
      fail(
        `index "${name}" names no key; give { partitionKey: 'gsi1pk', sortKey?: 'gsi1sk' } (global) or { sortKey: 'lsi1sk' } (local).`,
      );
    const pk = local ? partitionKey : key(ix.partitionKey, `index "${name}" partitionKey`);
    const sk = ix.sortKey !== undefined ? key(ix.sortKey, `index "${name}" sortKey`) : undefined;
    if (sk && sk.stored === pk.stored) fail(`index "${name}" uses "${sk.stored}" as both partition and sort key.`);
    if (local && sk!.stored === sortKey!.stored)
      fail(`local index "${name}" uses the table's own sort key "${sk!.stored}"; pick another attribute.`);
    if (pk.stored === typeAttribute || sk?.stored === typeAttribute)
      fail(`index "${name}" uses the type attribute "${typeAttribute}" as a key; pick another attribute.`);
    const keyProperties = [...new Set([...tableKeys, pk.stored, ...(sk ? [sk.stored] : [])])];
    const projection = ix.projection ?? 'ALL';
    let projected: Set<string> | null = null;
    if (projection === 'KEYS_ONLY') projected = new Set(keyProperties);
    else if (Array.isArray(projection) && projection.every((p) => typeof p === 'string' && p.length > 0))
      projected = new Set([...keyProperties, ...(projection as readonly string[])]);
    else if (projection !== 'ALL')
      fail(`index "${name}" has an invalid projection; use 'ALL', 'KEYS_ONLY' or a list of attribute names.`);
    indexes.set(name, {
      kind: local ? 'local' : 'global',
      name,
      partitionKey: pk,
      sortKey: sk,
      projection,
      projected,
      keyProperties,
    });
  }

  const attributes = new Map<string, AttributeMeta>();
  for (const a of [
    partitionKey,
    ...(sortKey ? [sortKey] : []),
    ...[...indexes.values()].flatMap((i) => (i.sortKey ? [i.partitionKey, i.sortKey] : [i.partitionKey])),
  ])
    attributes.set(a.property, a);
  const metadata: EntityMetadata = {
    target: target as EntityMetadata['target'],
    className,
    tableName: tableName!,
    partitionKey,
    sortKey,
    keyProperties: tableKeys,
    keyAttributes: sortKey ? [partitionKey, sortKey] : [partitionKey],
    indexes,
    attributes,
    toStored: new Map(),
    toProperty: new Map(),
    dateProperties: new Set(),
  };
  return { target, className, tableName: tableName!, partitionKey, sortKey, typeAttribute, indexes, metadata };
}
