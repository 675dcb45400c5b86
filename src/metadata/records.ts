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
}

const records = new WeakMap<Function, EntityRecord>();

/** The record of exactly this constructor, created on first write. */
export function recordOf(target: Function): EntityRecord {
  let record = records.get(target);
  if (!record) {
    record = { hasTable: false, properties: new Map(), indexes: [] };
    records.set(target, record);
  }
  return record;
}

/** The records of a class and its ancestors, most derived first. */
export function recordChain(target: Function): EntityRecord[] {
  const chain: EntityRecord[] = [];
  for (let c: unknown = target; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const r = records.get(c as Function);
    if (r) chain.push(r);
  }
  return chain;
}

export function propertyRecord(target: Function, property: string): PropertyRecord {
  const record = recordOf(target);
  let p = record.properties.get(property);
  if (!p) {
    p = { property, roles: [] };
    record.properties.set(property, p);
  }
  return p;
}
