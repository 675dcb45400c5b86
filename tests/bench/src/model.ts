/**
 * The one model every adapter implements: an `orders` table keyed by user_id / order_id, a GSI
 * `gsi-status` (status / created_at) with an INCLUDE projection, and items holding nested maps,
 * lists and sets. Property names are the stored names for everyone, so no adapter pays for a
 * rename the others skip.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const TABLE = 'orders';
export const GSI = 'gsi-status';
export const GSI_INCLUDE = ['total', 'items_count'];

export interface OrderItem {
  user_id: string;
  order_id: string;
  status: string;
  created_at: string;
  total: number;
  items_count: number;
  address: { street: string; city: string; zip: string; geo: { lat: number; lng: number } };
  items: { sku: string; qty: number; price: number }[];
  tags: Set<string>;
  labels: Set<string>;
  history: { action: string; at: string }[];
  notes: string;
}

/** The same class shape the raw baseline hydrates into (mappers bring their own). */
export class PlainOrder {
  user_id!: string;
  order_id!: string;
  total?: number;
  get isBig(): boolean {
    return (this.total ?? 0) > 1000;
  }
}

export const orderId = (i: number): string => `o${String(i).padStart(6, '0')}`;
export const userOf = (i: number, users = 1): string => `u${i % users}`;

/** Deterministic item number `i` of user `user`. */
export function makeItem(i: number, user = 'u0'): OrderItem {
  return {
    user_id: user,
    order_id: orderId(i),
    status: i % 3 === 0 ? 'PENDING' : i % 3 === 1 ? 'SHIPPED' : 'DELIVERED',
    created_at: `2024-05-${String((i % 28) + 1).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z`,
    total: 10 + ((i * 37) % 2000) + 0.5,
    items_count: 3,
    address: { street: `${i} Main St`, city: 'Lima', zip: '15001', geo: { lat: -12.04, lng: -77.03 } },
    items: [
      { sku: 'sku-1', qty: 1, price: 10.5 },
      { sku: 'sku-2', qty: 2, price: 20 },
      { sku: 'sku-3', qty: 3, price: 7.25 },
    ],
    tags: new Set(['new', 'web']),
    labels: new Set(['old', 'promo']),
    history: [{ action: 'created', at: '2024-05-01T10:00:00Z' }],
    notes: 'leave at the door',
  };
}

/** The query every adapter builds and sends: sort-key range, two filters, a projection, a limit. */
export const QUERY = {
  user: 'u0',
  fromOrder: 'o000100',
  minTotal: 100,
  statuses: ['PENDING', 'SHIPPED'],
  select: ['order_id', 'total', 'status', 'created_at'],
  limit: 50,
};

/** The update every adapter builds and sends: set (nested path), remove, append, add, delete, a condition. */
export const UPDATE = {
  status: 'SHIPPED',
  city: 'Cusco',
  history: { action: 'shipped', at: '2024-05-02T10:00:00Z' },
  addTags: ['urgent'],
  deleteLabels: ['old'],
  notStatus: 'CANCELLED',
};

export function createTableInput(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'user_id', AttributeType: 'S' },
      { AttributeName: 'order_id', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'created_at', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'user_id', KeyType: 'HASH' },
      { AttributeName: 'order_id', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: GSI,
        KeySchema: [
          { AttributeName: 'status', KeyType: 'HASH' },
          { AttributeName: 'created_at', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: GSI_INCLUDE },
      },
    ],
  };
}
