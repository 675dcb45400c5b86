import type { LenientTyping } from '../expressions/type-options';
import type { AttributeMeta, EntityMetadata, IndexMeta } from './entity-metadata';
import { classDecorator, type IndexKeyCheck } from './decorators';
import { parseTemplate, type KeyTemplate } from './key-template';
import { recordOf, type Constructor, type EntityRecord, type PropertyRecord } from './records';
import { resolveAttributes } from './attributes';
import type { IndexTemplates, SingleTableMeta } from './single-table-meta';
import { entitiesOf, registerEntity, tableSchema, tableClassRecord, type TableSchema } from './table-class';

/** The options of `@Entity(Table, options)`. Templates name properties in braces: `'USER#{userId}'`. */
export interface EntityOptions<PK extends string = string, SK extends string = string> {
  /** The entity's type, stored in the table's type attribute; unique per table. */
  type: string;
  /** Template of the table's partition key, e.g. `'USER#{userId}'`. */
  partitionKey: PK;
  /** Template of the table's sort key (required when the table has one), e.g. `'ORDER#{createdAt}#{orderId}'` or `'PROFILE'`. */
  sortKey?: SK;
}

/** The property names a key template's placeholders name: `'A#{x}#{n:10}'` gives `'x' | 'n'`. */
export type TemplateProperties<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer N}:${string}` ? N : P) | TemplateProperties<Rest>
  : never;

/**
 * The properties a key name or template refers to: its placeholders, or the bare name. Text
 * without braces and without lower-case letters (`'PROFILE'`, `'ALL#'`) is a constant key.
 */
export type KeyNames<S extends string> = S extends `${string}{${string}`
  ? TemplateProperties<S>
  : Uppercase<S> extends S
    ? never
    : S;

type AnyClass = abstract new (...args: never[]) => unknown;

/**
 * A class decorator that checks the template placeholders `N` against the class it decorates: a
 * placeholder naming no property of the class does not compile (unless the class declares an index
 * signature, or in the lenient typing mode).
 */
export type EntityDecorator<N extends string, W extends string = never> = <C extends AnyClass>(
  target: C &
    (LenientTyping extends true ? unknown : IndexKeyCheck<InstanceType<C>, N> & WidthCheck<InstanceType<C>, W>),
  context?: ClassDecoratorContext,
) => void;

/** The placeholders of a template written without a width (`{seq}`, not `{seq:10}`). */
export type UnpaddedProperties<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${string}:${string}` ? never : P) | UnpaddedProperties<Rest>
  : never;

/** A number placeholder without a width in a sort key does not compile: its keys would not sort. */
export type WidthCheck<I, W extends string> = [W] extends [never]
  ? unknown
  : {
        [P in W]: P extends keyof I ? (NonNullable<I[P]> extends number | bigint ? P : never) : never;
      }[W] extends infer Bad
    ? [Bad] extends [never]
      ? unknown
      : { readonly 'dkmio: a number in a sort key needs a width, e.g. {seq:10}': Bad }
    : unknown;

/**
 * Maps an entity class into a table class (single-table design): its type, and templates that
 * compose the table's keys from its properties.
 * @example
 * \@Entity(AppTable, { type: 'Order', partitionKey: 'USER#{userId}', sortKey: 'ORDER#{createdAt}#{orderId}' })
 * class Order { userId!: string; orderId!: string; createdAt!: string; total?: number }
 */
export function Entity<const PK extends string, const SK extends string = never>(
  table: Function,
  options: { type: string; partitionKey: PK; sortKey?: SK },
): EntityDecorator<TemplateProperties<PK> | TemplateProperties<SK>, UnpaddedProperties<SK>>;
export function Entity(table: Function, options: EntityOptions): EntityDecorator<string> {
  return classDecorator('@Entity()', (record, target) => {
    record.entity = { table, options };
    if (typeof table === 'function') registerEntity(table, target);
  });
}

/** Resolves an `@Entity` class into metadata: the table's stored keys, plus its templates. */
export function resolveEntity<T>(
  target: Constructor<T>,
  chain: readonly EntityRecord[],
  record: EntityRecord,
  fail: (message: string) => never,
): EntityMetadata<T> {
  const className = target.name || '(anonymous class)';
  const { table, options: raw } = record.entity!;
  if (typeof table !== 'function' || !tableClassRecord(table)) {
    fail(
      `@Entity needs a table class as its first argument: declare one with @Table('app', { partitionKey: 'pk', sortKey: 'sk' }) and pass it, @Entity(AppTable, { type: '${className}', partitionKey: '...' }).`,
    );
  }
  if (chain.some((r) => r.hasTable))
    fail(
      `has both @Table and @Entity; an entity of a table class takes its table from @Entity(Table, ...). Remove @Table.`,
    );
  const schema = tableSchema(table);
  const options = raw as Partial<EntityOptions> | null;
  if (options === null || typeof options !== 'object')
    fail(`@Entity(${schema.className}, options) needs { type: '${className}', partitionKey: '...#{property}' }.`);
  const type = options.type;
  if (typeof type !== 'string' || type.length === 0)
    fail(`@Entity needs an explicit type, unique in table class ${schema.className}: { type: '${className}', ... }.`);

  const properties = new Map<string, PropertyRecord>();
  for (const r of [...chain].reverse()) for (const [k, p] of r.properties) properties.set(k, p);
  for (const p of properties.values()) {
    for (const role of ['partitionKey', 'sortKey'] as const) {
      if (p.roles.includes(role)) {
        fail(
          `"${p.property}" has @${role === 'partitionKey' ? 'PartitionKey' : 'SortKey'}(), but an entity of table class ${schema.className} composes its keys from templates. Remove the decorator and name the property in @Entity: { ${role}: '...#{${p.property}}' }.`,
        );
      }
    }
  }
  const { attributes, toStored, toProperty, dateProperties } = resolveAttributes(properties, fail);
  const single = (role: 'ttl' | 'version', decorator: string): AttributeMeta | undefined => {
    const found = [...properties.values()].filter((p) => p.roles.includes(role));
    if (found.length > 1)
      fail(`${decorator} is on ${found.map((p) => `"${p.property}"`).join(' and ')}; keep it on one property.`);
    return found[0] ? attributes.get(found[0].property) : undefined;
  };
  const ttl = single('ttl', '@Ttl()');
  const version = single('version', '@Version()');
  if (version && version.designType !== undefined && version.designType !== Number)
    fail(`@Version() property "${version.property}" must be a number.`);

  const typeOf = (a: AttributeMeta): 'S' | 'N' | 'B' =>
    a.designType === Number ? 'N' : a.designType === Uint8Array ? 'B' : 'S';
  const template = (text: unknown, attr: AttributeMeta, sorts: boolean, where: string): KeyTemplate => {
    const t = parseTemplate(text, attr.stored, typeOf(attr), sorts, where, fail);
    for (const p of t.parts) {
      if (typeof p === 'string' || p.width !== undefined || !sorts) continue;
      const d = attributes.get(p.property)?.designType;
      if (d === Number || d === BigInt)
        fail(
          `${where} template '${t.text}': "{${p.property}}" is a number in a sort key, which needs a width so that keys sort; write '{${p.property}:10}' (zero-padded to 10 digits).`,
        );
    }
    return t;
  };

  const partitionKey = template(options.partitionKey, schema.partitionKey, false, `@Entity partitionKey`);
  let sortKey: KeyTemplate | undefined;
  if (schema.sortKey) {
    if (options.sortKey === undefined)
      fail(
        `table class ${schema.className} has sort key "${schema.sortKey.stored}", so @Entity needs a sortKey template too, e.g. sortKey: '${type.toUpperCase()}' or '${type.toUpperCase()}#{id}'.`,
      );
    sortKey = template(options.sortKey, schema.sortKey, true, `@Entity sortKey`);
  } else if (options.sortKey !== undefined) {
    fail(`table class ${schema.className} has no sort key; remove sortKey from @Entity or add one to the table class.`);
  }

  const known = new Set<string>([...properties.keys(), ...partitionKey.sources, ...(sortKey?.sources ?? [])]);
  const indexes = new Map<string, IndexTemplates>();
  const indexMetas = new Map<string, IndexMeta>();
  for (const r of [...chain].reverse()) {
    for (const ix of r.indexes) {
      const decorator = `${ix.kind === 'global' ? '@GlobalIndex' : '@LocalIndex'}('${ix.name}')`;
      const physical = schema.indexes.get(ix.name);
      if (!physical) {
        const names = [...schema.indexes.keys()];
        fail(
          `${decorator}: table class ${schema.className} has no index "${ix.name}"; ${names.length ? `its indexes: ${names.join(', ')}` : 'it declares none'}. Add it to @Table('${schema.tableName}', { indexes: { ${ix.name}: { ... } } }) or use one of those.`,
        );
      }
      if (physical.kind !== ix.kind)
        fail(
          `${decorator}: index "${ix.name}" of ${schema.className} is a ${physical.kind} index; use @${physical.kind === 'global' ? 'GlobalIndex' : 'LocalIndex'}.`,
        );
      if (indexes.has(ix.name)) fail(`${decorator} is declared twice; an entity overloads each index once.`);
      if (ix.raw === null || typeof ix.raw !== 'object')
        fail(`${decorator} needs templates like { partitionKey: 'STATUS#{status}', sortKey: '{createdAt}' }.`);
      if (ix.projection !== undefined)
        fail(
          `${decorator}: the projection of an index belongs to the table class; set it in @Table('${schema.tableName}', { indexes: { ${ix.name}: { projection } } }).`,
        );
      const bare = (text: unknown, key: AttributeMeta): void => {
        if (typeof text === 'string' && !text.includes('{') && (known.has(text) || /^[a-z][A-Za-z0-9_]*$/.test(text))) {
          fail(
            `${decorator}: the template '${text}' for "${key.stored}" has no placeholder; to use property "${text}" write '{${text}}' (a constant key is written in capitals or with a separator, e.g. 'ALL#').`,
          );
        }
      };
      const t: IndexTemplates = {};
      if (ix.kind === 'global') {
        if (ix.partitionKey === undefined)
          fail(
            `${decorator} needs a partitionKey template for "${physical.partitionKey.stored}", e.g. 'STATUS#{status}'.`,
          );
        bare(ix.partitionKey, physical.partitionKey);
        t.partitionKey = template(ix.partitionKey, physical.partitionKey, false, `${decorator} partitionKey`);
      } else if ('partitionKey' in ix.raw) {
        fail(`${decorator} takes no partitionKey: a local index uses the table's partition key.`);
      }
      if (physical.sortKey) {
        if (ix.sortKey === undefined)
          fail(
            `${decorator}: index "${ix.name}" has sort key "${physical.sortKey.stored}"; give a sortKey template too, e.g. '{createdAt}'.`,
          );
        bare(ix.sortKey, physical.sortKey);
        t.sortKey = template(ix.sortKey, physical.sortKey, true, `${decorator} sortKey`);
      } else if (ix.sortKey !== undefined) {
        fail(`${decorator}: index "${ix.name}" of ${schema.className} has no sort key; remove sortKey.`);
      }
      indexes.set(ix.name, t);
      indexMetas.set(ix.name, entityIndex(physical, toProperty));
    }
  }

  const templates = [partitionKey, ...(sortKey ? [sortKey] : [])];
  for (const t of indexes.values()) {
    if (t.partitionKey) templates.push(t.partitionKey);
    if (t.sortKey) templates.push(t.sortKey);
  }
  const hidden = new Set<string>([schema.typeAttribute, ...schema.metadata.attributes.keys()]);
  for (const a of attributes.values()) {
    if (hidden.has(a.stored))
      fail(
        `property "${a.property}" is stored as "${a.stored}", which table class ${schema.className} uses for ${a.stored === schema.typeAttribute ? 'the entity type' : 'a composed key'}; give it another { name } or rename it.`,
      );
  }
  for (const t of templates) {
    for (const s of t.sources)
      if (hidden.has(toStored.get(s) ?? s))
        fail(
          `template '${t.text}' names "${s}", which is a stored attribute of table class ${schema.className}; name a property of ${className}.`,
        );
  }
  checkSiblings(target, schema, type, options as EntityOptions, fail);

  const numeric = new Set<string>();
  for (const a of attributes.values()) if (a.designType === Number || a.designType === BigInt) numeric.add(a.property);
  const meta: SingleTableMeta = {
    schema,
    type,
    typeAttribute: schema.typeAttribute,
    partitionKey,
    sortKey,
    indexes,
    templates,
    primarySources: new Set([...partitionKey.sources, ...(sortKey?.sources ?? [])]),
    hidden,
    numeric,
  };
  const keys = schema.metadata;
  const allAttributes = new Map<string, AttributeMeta>(keys.attributes);
  for (const [k, a] of attributes) allAttributes.set(k, a);
  return {
    target,
    className,
    tableName: schema.tableName,
    partitionKey: keys.partitionKey,
    sortKey: keys.sortKey,
    keyProperties: keys.keyProperties,
    keyAttributes: keys.keyAttributes,
    indexes: indexMetas,
    ttl,
    version,
    attributes: allAttributes,
    toStored,
    toProperty,
    dateProperties,
    single: meta,
  };
}

/** The table's index as this entity reads it: a projection list maps stored names to its property names. */
function entityIndex(physical: IndexMeta, toProperty: ReadonlyMap<string, string>): IndexMeta {
  if (physical.projected === null) return physical;
  const projected = new Set([...physical.projected].map((s) => toProperty.get(s) ?? s));
  const projection = Array.isArray(physical.projection)
    ? (physical.projection as readonly string[]).map((s) => toProperty.get(s) ?? s)
    : physical.projection;
  return { ...physical, projected, projection };
}

/** Types are unique per table, and two entities cannot compose their primary keys the same way. */
function checkSiblings(
  target: Function,
  schema: TableSchema,
  type: string,
  options: EntityOptions,
  fail: (message: string) => never,
): void {
  for (const other of entitiesOf(schema.target)) {
    if (other === target) continue;
    const o = recordOf(other).entity?.options as Partial<EntityOptions> | undefined;
    if (!o || typeof o !== 'object') continue;
    if (o.type === type)
      fail(
        `type '${type}' is also the type of ${other.name} in table class ${schema.className}; give each entity its own type.`,
      );
    if (o.partitionKey === options.partitionKey && o.sortKey === options.sortKey) {
      fail(
        `composes its primary key exactly as ${other.name} does ('${String(options.partitionKey)}' / '${String(options.sortKey)}') in table class ${schema.className}, so their items would overwrite each other; give one a distinct literal, e.g. sortKey: '${type.toUpperCase()}#...'.`,
      );
    }
  }
}
