// Compiled with experimentalDecorators + emitDecoratorMetadata (the NestJS convention).
import 'reflect-metadata';
import { Attribute, GlobalIndex, LocalIndex, PartitionKey, SortKey, Table, Ttl, Version } from 'dkmio';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
@LocalIndex('lsi-amount', { sortKey: 'total' })
export class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  @Attribute() total?: number;
  @Attribute() placedAt?: Date;
  @Ttl() expiresAt?: number;
  @Version() version?: number;
}
