/**
 * Entities compiled with TC39 standard decorators (tsconfig.standard.json: no
 * experimentalDecorators, so TypeScript records no design:type). What a key or a Date is comes
 * from the `type` options.
 */
import { Attribute, GlobalIndex, LocalIndex, PartitionKey, SortKey, Table, Ttl, Version } from 'dkmio';

@Table('std-orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total', 'placedAt'] })
@GlobalIndex('gsi-region', { partitionKey: 'region', projection: 'KEYS_ONLY' })
@LocalIndex('lsi-amount', { sortKey: 'total' })
export class StdOrder {
  @PartitionKey({ type: 'S' }) userId!: string;
  @SortKey({ type: String }) orderId!: string;
  @Attribute({ type: 'S' }) status?: string;
  @Attribute({ name: 'created_at', type: 'S' }) createdAt?: string;
  @Attribute({ type: String }) region?: string;
  @Attribute({ type: Number }) total?: number;
  @Attribute({ type: Date }) placedAt?: Date;
  @Ttl() expiresAt?: number;
  @Version() version?: number;
  note?: string;
  get isBig(): boolean {
    return (this.total ?? 0) > 1000;
  }
}

/** Inherits the keys; adds a Date without a decorator (stored as an ISO string, read back as a string). */
@Table('std-orders')
export class StdPriorityOrder extends StdOrder {
  @Attribute({ type: Date }) escalatedAt?: Date;
  editedAt?: Date;
}

@Table('std-readings')
export class StdReading {
  @PartitionKey({ name: 'sensor_id', type: 'N' }) sensorId!: number;
  @SortKey({ type: Number }) at!: number;
  value?: number;
}
