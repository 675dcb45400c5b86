import 'reflect-metadata';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Attribute, PartitionKey, SortKey, Table, type DkmioClient, type Repository } from '../../src';
import { createTable, localDb, rawClient, uniquePrefix } from './helpers';

/**
 * A table with 30 events in partition u1 and 5 in u2, with attributes of every shape the
 * filter operators need. Expected results are computed from {@link EVENTS} in plain JS.
 */
@Table('events')
export class Event {
  @PartitionKey() userId!: string;
  @SortKey() seq!: string;
  total?: number;
  status?: string;
  title?: string;
  tags?: Set<string>;
  codes?: string[];
  items?: { qty: number }[];
  address?: { city: string };
  flag?: boolean;
  note?: string | number;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  get label(): string {
    return `${this.userId}#${this.seq}`;
  }
}

const STATUSES = ['NEW', 'PAID', 'SHIPPED'];

function make(userId: string, i: number): Event {
  const e: Partial<Event> = {
    userId,
    seq: `e${String(i).padStart(3, '0')}`,
    total: i * 10,
    status: STATUSES[i % 3],
    title: i % 4 === 0 ? `special order ${i}` : `order ${i}`,
    tags: new Set(i % 2 ? ['odd'] : ['even', `t${i}`]),
    codes: Array.from({ length: i % 3 }, (_, k) => `c${k}`),
    items: Array.from({ length: i % 4 }, (_, k) => ({ qty: i + k })),
    note: i % 3 === 0 ? `n${i}` : i,
    createdAt: `2024-01-${String(i + 1).padStart(2, '0')}`,
  };
  if (i % 5 === 0) e.address = { city: i % 10 === 0 ? 'Lima' : 'Quito' };
  if (i % 2 === 0) e.flag = true;
  return e as Event;
}

/** Every stored event: u1 has e000..e029, u2 has e000..e004. */
export const EVENTS: readonly Event[] = [
  ...Array.from({ length: 30 }, (_, i) => make('u1', i)),
  ...Array.from({ length: 5 }, (_, i) => make('u2', i)),
];

export const U1 = EVENTS.filter((e) => e.userId === 'u1');

export interface EventsTable {
  prefix: string;
  raw: DynamoDBClient;
  db: DkmioClient;
  events: Repository<Event>;
  close(): void;
}

/** Creates a uniquely prefixed events table, fills it and returns a client on it. */
export async function eventsTable(): Promise<EventsTable> {
  const prefix = uniquePrefix();
  const raw = rawClient();
  await createTable(raw, { name: `${prefix}events`, partitionKey: ['userId', 'S'], sortKey: ['seq', 'S'] });
  const db = localDb({ tableNamePrefix: prefix });
  const events = db.getRepository(Event);
  for (const e of EVENTS) await events.put(e);
  return {
    prefix,
    raw,
    db,
    events,
    close() {
      db.destroy();
      raw.destroy();
    },
  };
}

/** `userId#seq` of each item, to compare result sets. */
export const ids = (items: readonly Partial<Event>[]): string[] => items.map((e) => `${e.userId}#${e.seq}`);
