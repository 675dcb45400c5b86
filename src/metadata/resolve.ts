import { InvalidDefinitionError } from '../errors/errors';
import type { AttributeMeta, EntityMetadata, IndexMeta } from './entity-metadata';
import { resolveEntity } from './entity';
import { resolveAttributes } from './attributes';
import { entitiesOf, tableClassRecord, tableSchema } from './table-class';
import { recordChain, type Constructor, type IndexRecord, type PropertyRecord } from './records';

const cache = new WeakMap<Function, EntityMetadata>();

/**
 * The resolved metadata of an entity class, validated and cached per constructor.
 * Throws {@link InvalidDefinitionError} naming the class, the property and the fix.
 */
export function entityMetadata<T>(target: Constructor<T>): EntityMetadata<T> {
  let meta = cache.get(target);
  if (!meta) {
    meta = resolve(target);
    cache.set(target, meta);
  }
  return meta as EntityMetadata<T>;
}

function resolve<T>(target: Constructor<T>): EntityMetadata<T> {
  if (typeof target !== 'function') {
    throw new InvalidDefinitionError(`Expected an entity class decorated with @Table, got ${kindOf(target)}.`);
  }
  const className = target.name || '(anonymous class)';
  const chain = recordChain(target);
  const fail = (message: string): never => {
    throw new InvalidDefinitionError(`${className}: ${message}`);
  };

  const entityRecord = chain.find((r) => r.entity !== undefined);
  if (entityRecord) return resolveEntity(target, chain, entityRecord, fail);
  if (tableClassRecord(target)) {
    // A table class's first use (createTables([AppTable])) checks every entity mapped into it.
    for (const entity of entitiesOf(target)) entityMetadata(entity as Constructor);
    return tableSchema(target).metadata as EntityMetadata<T>;
  }
  const tableRecord = chain.find((r) => r.hasTable);
  if (!tableRecord) fail(`the class has no @Table decorator. Add @Table('table-name') above "class ${className}".`);
  const tableName = tableRecord!.tableName;
  if (typeof tableName !== 'string' || tableName.length === 0) {
    fail(`@Table needs a non-empty table name, e.g. @Table('orders') or @Table({ name: 'orders' }).`);
  }

  // Most derived class wins for a property declared again in a subclass.
  const properties = new Map<string, PropertyRecord>();
  for (const r of [...chain].reverse()) for (const [k, p] of r.properties) properties.set(k, p);

  const withRole = (role: PropertyRecord['roles'][number]) =>
    [...properties.values()].filter((p) => p.roles.includes(role));
  const single = (role: PropertyRecord['roles'][number], decorator: string): PropertyRecord | undefined => {
    const found = withRole(role);
    if (found.length > 1) {
      fail(
        `${decorator} is on ${found.map((p) => `"${p.property}"`).join(' and ')}; a table has exactly one. Keep it on one property.`,
      );
    }
    return found[0];
  };

  const pk = single('partitionKey', '@PartitionKey()');
  if (!pk)
    fail(
      `no property is decorated with @PartitionKey(). Add @PartitionKey() to the property that holds the table's partition key.`,
    );
  const sk = single('sortKey', '@SortKey()');
  if (sk && sk.property === pk!.property) {
    fail(`property "${pk!.property}" is both @PartitionKey() and @SortKey(); the sort key must be another property.`);
  }
  const ttl = single('ttl', '@Ttl()');
  const version = single('version', '@Version()');
  if (version && version.designType !== undefined && version.designType !== Number) {
    fail(`@Version() property "${version.property}" must be a number.`);
  }

  const { attributes, toStored, toProperty, dateProperties } = resolveAttributes(properties, fail);
  // An undecorated property must not shadow another property's stored name.
  const attr = (property: string): AttributeMeta => attributes.get(property) ?? { property, stored: property };
  const partitionKey = attr(pk!.property);
  const sortKey = sk ? attr(sk.property) : undefined;
  const keyAttributes = sortKey ? [partitionKey, sortKey] : [partitionKey];
  const keyProperties = keyAttributes.map((a) => a.property);

  const indexes = new Map<string, IndexMeta>();
  // Base-class indexes first, so a subclass cannot silently redeclare one.
  for (const r of [...chain].reverse()) {
    for (const ix of r.indexes) {
      const resolved = resolveIndex(ix, partitionKey, sortKey, keyProperties, attr, fail);
      if (indexes.has(resolved.name))
        fail(`two indexes are named "${resolved.name}"; index names must be unique per table.`);
      indexes.set(resolved.name, resolved);
    }
  }

  return {
    target,
    className,
    tableName: tableName!,
    partitionKey,
    sortKey,
    keyProperties,
    keyAttributes,
    indexes,
    ttl: ttl ? attr(ttl.property) : undefined,
    version: version ? attr(version.property) : undefined,
    attributes,
    toStored,
    toProperty,
    dateProperties,
  };
}

function resolveIndex(
  ix: IndexRecord,
  tablePk: AttributeMeta,
  tableSk: AttributeMeta | undefined,
  tableKeys: readonly string[],
  attr: (p: string) => AttributeMeta,
  fail: (m: string) => never,
): IndexMeta {
  const decorator = ix.kind === 'global' ? '@GlobalIndex' : '@LocalIndex';
  if (typeof ix.name !== 'string' || ix.name.length === 0)
    fail(`${decorator} needs a non-empty index name as its first argument.`);
  if (ix.raw === null || typeof ix.raw !== 'object') {
    fail(
      ix.kind === 'global'
        ? `${decorator}('${ix.name}') needs options: { partitionKey: 'property', sortKey?: 'property', projection?: ... }.`
        : `${decorator}('${ix.name}') needs options: { sortKey: 'property', projection?: ... }.`,
    );
  }
  let partitionKey: AttributeMeta;
  if (ix.kind === 'global') {
    if (typeof ix.partitionKey !== 'string' || ix.partitionKey.length === 0) {
      fail(`${decorator}('${ix.name}') names no partition key. Add { partitionKey: 'someProperty' }.`);
    }
    partitionKey = attr(ix.partitionKey);
  } else {
    if (!tableSk)
      fail(
        `${decorator}('${ix.name}') needs a table with a sort key; add @SortKey() to a property or use @GlobalIndex instead.`,
      );
    if ('partitionKey' in ix.raw)
      fail(
        `${decorator}('${ix.name}') takes no partitionKey: a local index always uses the table's partition key "${tablePk.property}".`,
      );
    if (typeof ix.sortKey !== 'string' || ix.sortKey.length === 0)
      fail(`${decorator}('${ix.name}') names no sort key. Add { sortKey: 'someProperty' }.`);
    if (ix.sortKey === tableSk.property)
      fail(`${decorator}('${ix.name}') uses the table's own sort key "${ix.sortKey}"; pick another property.`);
    partitionKey = tablePk;
  }
  if (ix.sortKey !== undefined && (typeof ix.sortKey !== 'string' || ix.sortKey.length === 0)) {
    fail(`${decorator}('${ix.name}') has an invalid sortKey; give a property name.`);
  }
  if (ix.sortKey !== undefined && ix.sortKey === partitionKey.property) {
    fail(`${decorator}('${ix.name}') uses "${ix.sortKey}" as both partition and sort key.`);
  }
  const sortKey = ix.sortKey !== undefined ? attr(ix.sortKey) : undefined;
  const keyProperties = [...new Set([...tableKeys, partitionKey.property, ...(sortKey ? [sortKey.property] : [])])];

  const projection = ix.projection ?? 'ALL';
  let projected: Set<string> | null;
  if (projection === 'ALL') projected = null;
  else if (projection === 'KEYS_ONLY') projected = new Set(keyProperties);
  else if (isNameList(projection)) {
    projected = new Set([...keyProperties, ...projection]);
  } else {
    fail(`${decorator}('${ix.name}') has an invalid projection; use 'ALL', 'KEYS_ONLY' or a list of property names.`);
  }
  return { kind: ix.kind, name: ix.name, partitionKey, sortKey, projection, projected: projected!, keyProperties };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return typeof value;
}

/** A projection given as a list: every entry a non-empty property name. */
function isNameList(projection: unknown): projection is readonly string[] {
  return Array.isArray(projection) && projection.every((p) => typeof p === 'string' && p.length > 0);
}
