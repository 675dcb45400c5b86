import 'reflect-metadata';
import { Attribute, GlobalIndex, LocalIndex, PartitionKey, SortKey, Table, Ttl, Version } from '../../src';

/** A nested map type, declared as a class of its own (no decorators needed). */
export class Address {
  city!: string;
  zip?: number;
  geo?: { lat: number; lng: number; label?: { text: string; deeper?: { tooDeep: string } } };
}

export interface LineItem {
  sku: string;
  qty: number;
  tags?: string[];
}

/** Every kind of property the types distinguish. */
@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total', 'itemsCount'] })
@LocalIndex('lsi-total', { sortKey: 'total' })
export class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: 'NEW' | 'SHIPPED' | 'CANCELLED';
  @Attribute({ name: 'created_at' }) createdAt?: string;
  total?: number;
  tags?: Set<string>;
  scores?: Set<number>;
  notes?: string[];
  items?: LineItem[];
  matrix?: number[][];
  address?: Address;
  photo?: Uint8Array;
  paid?: boolean;
  itemsCount?: number;
  shippedAt?: Date | null;
  counters?: Record<string, number>;
  @Ttl() expiresAt?: number;
  @Version() version?: number;
  get isBig(): boolean {
    return (this.total ?? 0) > 1000;
  }
  describe(): string {
    return `${this.userId}/${this.orderId}`;
  }
}

/** A table with a numeric partition key and no sort key. */
@Table('users')
export class User {
  @PartitionKey() id!: number;
  name!: string;
  email?: string;
}

/** An open entity: an index signature accepts any attribute name, loosely typed. */
@Table('events')
export class OpenEvent {
  @PartitionKey() id!: string;
  kind?: 'click' | 'view';
  score?: number;
  done?: boolean;
  [attribute: string]: unknown;
}
