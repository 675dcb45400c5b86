import 'reflect-metadata';
import { Attribute, Entity, GlobalIndex, LocalIndex, Table } from '../../src';

/** The single-table fixtures of the unit tests: DESIGN.md's AppTable, User and Order, plus a counter item. */
@Table('app', {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    gsi2: { partitionKey: 'gsi2pk', projection: 'KEYS_ONLY' },
    lsi1: { sortKey: 'lsi1sk' },
  },
})
export class AppTable {}

@Entity(AppTable, { type: 'User', partitionKey: 'USER#{userId}', sortKey: 'PROFILE' })
@GlobalIndex('gsi1', { partitionKey: 'ORG#{orgId}', sortKey: 'USER#{email}' })
export class User {
  userId!: string;
  orgId!: string;
  email!: string;
  name?: string;
}

@Entity(AppTable, { type: 'Order', partitionKey: 'USER#{userId}', sortKey: 'ORDER#{createdAt}#{orderId}' })
@GlobalIndex('gsi1', { partitionKey: 'STATUS#{status}', sortKey: '{createdAt}' })
@GlobalIndex('gsi2', { partitionKey: 'REGION#{region}' })
@LocalIndex('lsi1', { sortKey: 'TOTAL#{total:8}' })
export class Order {
  userId!: string;
  orderId!: string;
  createdAt!: string;
  status?: string;
  region?: string;
  @Attribute() total?: number;
}

@Entity(AppTable, { type: 'Line', partitionKey: 'ORDER#{orderId}', sortKey: 'LINE#{seq:4}' })
export class Line {
  orderId!: string;
  @Attribute() seq!: number;
  @Attribute() at?: Date;
  sku?: string;
}
