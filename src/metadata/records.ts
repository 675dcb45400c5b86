/**
 * What the decorators record, exactly as the user wrote it. Nothing here is validated:
 * `resolve.ts` turns a class's records into {@link EntityMetadata} once, and fails there.
 * Records are keyed by the constructor (never its name), so two classes called `Order` in two
 * modules never collide.
 */

/** A class with any constructor. */
export type Constructor<T = unknown> = abstract new (...args: never[]) => T;

export type Projection = 'ALL' | 'KEYS_ONLY' | readonly string[];

export interface PropertyRecord {
  property: string;
  /** Stored attribute name, when it differs from the property name. */
  name?: string;
  designType?: unknown;
  /** Which decorators were put on this property, in order (for definition errors). */
  roles: Array<'partitionKey' | 'sortKey' | 'ttl' | 'version' | 'attribute'>;
}

export interface IndexRecord {
  kind: 'global' | 'local';
  name: string;
  partitionKey?: string;
  sortKey?: string;
  projection?: Projection;
  /** Present when the options object itself was missing or malformed. */
  raw: unknown;
}

export interface EntityRecord {
  tableName?: string;
  /** True once `@Table` ran (with or without a valid name). */
  hasTable: boolean;
  properties: Map<string, PropertyRecord>;
  indexes: IndexRecord[];
  /** `@Table(name, options)`: the class is a table class (single-table design); the options as given. */
  tableOptions?: unknown;
  /** `@Entity(Table, options)`: the class is an entity of a table class; both as given. */
  entity?: { table: unknown; options: unknown };
}

/**
 * The stores live on `globalThis` under registered symbols: should a process load two copies of
 * this module (the dual-package hazard, or two installed versions), a class decorated through one
 * copy is still known to the other.
 */
export function sharedStore<K extends object, V>(name: string): WeakMap<K, V> {
  const key = Symbol.for(`dkmio.${name}`);
  const g = globalThis as unknown as Record<symbol, WeakMap<K, V> | undefined>;
  return (g[key] ??= new WeakMap<K, V>());
}

const records = sharedStore<Function, EntityRecord>('records.v1');

/**
 * Records made by standard (TC39) field decorators, keyed by the class's decorator metadata
 * object: a field decorator does not see its class. The class decorator, or the first use of the
 * class, links the record to the constructor through `Class[Symbol.metadata]`.
 */
const pending = sharedStore<object, EntityRecord>('pending-records.v1');

function newRecord(): EntityRecord {
  return { hasTable: false, properties: new Map(), indexes: [] };
}

/** The record kept for a standard decorator metadata object (before its class is known). */
export function recordOfMetadata(metadata: object): EntityRecord {
  let record = pending.get(metadata);
  if (!record) {
    record = newRecord();
    pending.set(metadata, record);
  }
  return record;
}

/** The record standard field decorators left on this very class (not an ancestor), if any. */
function adopt(target: Function): EntityRecord | undefined {
  const symbol = (Symbol as { metadata?: symbol }).metadata;
  if (symbol === undefined || !Object.prototype.hasOwnProperty.call(target, symbol)) return undefined;
  const metadata = (target as unknown as Record<symbol, unknown>)[symbol];
  if (metadata === null || typeof metadata !== 'object') return undefined;
  const record = pending.get(metadata);
  if (record) records.set(target, record);
  return record;
}

/** Links a class to the record its standard decorators wrote into `metadata`. */
export function linkMetadata(target: Function, metadata: object): EntityRecord {
  const existing = records.get(target);
  const record = recordOfMetadata(metadata);
  if (existing && existing !== record) {
    // Legacy decorators wrote first (mixing dialects on one class): keep both sets of facts.
    for (const [k, p] of existing.properties) if (!record.properties.has(k)) record.properties.set(k, p);
    record.indexes.push(...existing.indexes);
    if (existing.hasTable) {
      record.hasTable = true;
      record.tableName = existing.tableName;
    }
  }
  records.set(target, record);
  return record;
}

/** The record of exactly this constructor, created on first write. */
export function recordOf(target: Function): EntityRecord {
  let record = records.get(target) ?? adopt(target);
  if (!record) {
    record = newRecord();
    records.set(target, record);
  }
  return record;
}

/** The records of a class and its ancestors, most derived first. */
export function recordChain(target: Function): EntityRecord[] {
  const chain: EntityRecord[] = [];
  for (let c: unknown = target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const r = records.get(c) ?? adopt(c);
    if (r) chain.push(r);
  }
  return chain;
}

export function propertyRecord(target: Function, property: string): PropertyRecord {
  return propertyRecordIn(recordOf(target), property);
}

export function propertyRecordIn(record: EntityRecord, property: string): PropertyRecord {
  let p = record.properties.get(property);
  if (!p) {
    p = { property, roles: [] };
    record.properties.set(property, p);
  }
  return p;
}
