/**
 * Type tests of typed index handles: an index decorator kept in a constant decorates the class
 * and opens the index; `select()` then takes only what the index projects.
 */
import 'reflect-metadata';
import { GlobalIndex, LocalIndex, PartitionKey, SortKey, Table, entityMetadata, type Repository } from '../../src';

const byStatus = GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] });
const byRegion = GlobalIndex('gsi-region', { partitionKey: 'region', projection: 'KEYS_ONLY' });
const byDate = GlobalIndex('gsi-date', { partitionKey: 'userId', sortKey: 'createdAt' });
const byTotal = LocalIndex('lsi-total', { sortKey: 'total', projection: ['status'] });

@Table('shop')
@byStatus
@byRegion
@byDate
@byTotal
export class Sale {
  @PartitionKey() userId!: string;
  @SortKey() saleId!: string;
  status?: string;
  createdAt?: string;
  region?: string;
  total?: number;
  note?: string;
  address?: { city: string };
}

declare const sales: Repository<Sale>;

export function compiles(): void {
  sales.index(byStatus).query({ status: 'NEW' }).select('total', 'status', 'createdAt', 'userId', 'saleId');
  sales.index(byRegion).scan().select('region', 'userId');
  sales.index(byDate).query({ userId: 'u1' }).select('note', 'address.city'); // 'ALL' (the default)
  sales.index(byTotal).query({ userId: 'u1' }).select('status', 'total');
  sales.index('gsi-status').query({ status: 'NEW' }).select('note'); // by name: the runtime check only
  const name: string = byStatus.indexName;
  void [name, entityMetadata];
}

export function doesNotCompile(): void {
  // @ts-expect-error gsi-status does not project note
  sales.index(byStatus).query({ status: 'NEW' }).select('note');
  // @ts-expect-error KEYS_ONLY projects only keys
  sales.index(byRegion).scan().select('total');
  // @ts-expect-error nested paths of an unprojected attribute
  sales.index(byTotal).query({ userId: 'u1' }).select('address.city');
}
