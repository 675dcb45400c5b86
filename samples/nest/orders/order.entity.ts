import 'reflect-metadata';
import { Attribute, GlobalIndex, PartitionKey, SortKey, Table } from 'dkmio';

export type OrderStatus = 'PENDING' | 'SHIPPED' | 'CANCELLED';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total'] })
export class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status!: OrderStatus;
  @Attribute({ name: 'created_at' }) createdAt!: string;
  total!: number;
}
