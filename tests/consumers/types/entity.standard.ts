// Compiled with TC39 standard decorators (no experimentalDecorators): `type` options say what a key or a Date is.
import 'reflect-metadata';
import { Attribute, GlobalIndex, LocalIndex, PartitionKey, SortKey, Table, Ttl, Version } from 'dkmio';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
@LocalIndex('lsi-amount', { sortKey: 'total' })
export class Order {
  @PartitionKey({ type: String }) userId!: string;
  @SortKey({ type: 'S' }) orderId!: string;
  @Attribute({ type: String }) status?: string;
  @Attribute({ name: 'created_at', type: 'S' }) createdAt?: string;
  @Attribute({ type: Number }) total?: number;
  @Attribute({ type: Date }) placedAt?: Date;
  @Ttl() expiresAt?: number;
  @Version() version?: number;
}
