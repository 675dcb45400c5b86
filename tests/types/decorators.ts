/**
 * Type tests of index decorators. A decorator factory cannot see the class it decorates when its
 * options are checked, so the key names are inferred as literals and checked when the decorator
 * is applied to the class: a misspelled one fails the decorator application (TS1238).
 */
import 'reflect-metadata';
import { GlobalIndex, LocalIndex, PartitionKey, SortKey, Table, type GlobalIndexOptions } from '../../src';

@Table('ok')
@GlobalIndex('gsi-a', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
@GlobalIndex('gsi-b', { partitionKey: 'region', projection: 'KEYS_ONLY' })
@LocalIndex('lsi-a', { sortKey: 'total' })
export class Ok {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  status?: string;
  createdAt?: string;
  region?: string;
  total?: number;
}

// With the entity given explicitly, projection names are checked too.
@Table('explicit')
@GlobalIndex<Explicit>('gsi', { partitionKey: 'status', projection: ['total'] })
@LocalIndex<Explicit>('lsi', { sortKey: 'total', projection: ['status'] })
export class Explicit {
  @PartitionKey() id!: string;
  @SortKey() sk!: string;
  status?: string;
  total?: number;
}

// Options built elsewhere with non-literal names are not checked (nothing to check against).
const shared: GlobalIndexOptions = { partitionKey: 'status' };
@Table('shared')
@GlobalIndex('gsi', shared)
export class Shared {
  @PartitionKey() id!: string;
  status?: string;
}

@Table('bad1')
// @ts-expect-error misspelled partition key
@GlobalIndex('gsi', { partitionKey: 'staus' })
export class Bad1 {
  @PartitionKey() id!: string;
  status?: string;
}

@Table('bad2')
// @ts-expect-error misspelled sort key of a global index
@GlobalIndex('gsi', { partitionKey: 'status', sortKey: 'createdat' })
export class Bad2 {
  @PartitionKey() id!: string;
  status?: string;
  createdAt?: string;
}

@Table('bad3')
// @ts-expect-error misspelled sort key of a local index
@LocalIndex('lsi', { sortKey: 'totl' })
export class Bad3 {
  @PartitionKey() id!: string;
  @SortKey() sk!: string;
  total?: number;
}

@Table('bad4')
// @ts-expect-error explicit entity: misspelled projection name
@GlobalIndex<Bad4>('gsi', { partitionKey: 'status', projection: ['totl'] })
export class Bad4 {
  @PartitionKey() id!: string;
  status?: string;
  total?: number;
}

@Table('bad6')
// @ts-expect-error a projection name the class does not declare
@GlobalIndex('gsi', { partitionKey: 'status', projection: ['totl'] })
export class Bad6 {
  @PartitionKey() id!: string;
  status?: string;
  total?: number;
}

// A class with an index signature is open: any name is accepted.
@Table('open')
@GlobalIndex('gsi', { partitionKey: 'anything', projection: ['whatever'] })
export class OpenIndexed {
  @PartitionKey() id!: string;
  [attribute: string]: unknown;
}

@Table('bad5')
// @ts-expect-error explicit entity of another class
@GlobalIndex<Ok>('gsi', { partitionKey: 'status' })
export class Bad5 {
  @PartitionKey() id!: string;
  status?: string;
}
