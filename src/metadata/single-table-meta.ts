import type { KeyTemplate } from './key-template';
import type { TableSchema } from './table-class';

/** The templates of one index an entity overloads (the table's partition key for a local index). */
export interface IndexTemplates {
  partitionKey?: KeyTemplate;
  sortKey?: KeyTemplate;
}

/** What an `@Entity(Table, { type, partitionKey, sortKey })` class adds to its metadata. */
export interface SingleTableMeta {
  schema: TableSchema;
  /** The entity's type, stored in `typeAttribute` on every item it writes. */
  type: string;
  /** Stored name of the type attribute. */
  typeAttribute: string;
  partitionKey: KeyTemplate;
  sortKey?: KeyTemplate;
  /** Indexes the entity overloads, by name. */
  indexes: ReadonlyMap<string, IndexTemplates>;
  /** Every template that composes an attribute, primary first. */
  templates: readonly KeyTemplate[];
  /** Source properties of the primary key (immutable once written). */
  primarySources: ReadonlySet<string>;
  /** Stored names never shown on instances: composed key attributes and the type attribute. */
  hidden: ReadonlySet<string>;
  /** Source properties read back as numbers when parsed from a key (declared `number`). */
  numeric: ReadonlySet<string>;
}
