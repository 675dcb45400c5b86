import 'reflect-metadata';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  DkmioClient,
  GlobalIndex,
  LocalIndex,
  PartitionKey,
  SortKey,
  Table,
  Ttl,
  ValidationError,
  Version,
  type SendingClient,
} from '../../src';
import type { ConditionInput } from '../../src/expressions/combinators';
import { compileConditions } from '../../src/expressions/conditions';
import { ExpressionContext } from '../../src/expressions/context';
import type { EntityMetadata } from '../../src/metadata/entity-metadata';
import type { Constructor } from '../../src/metadata/records';
import { entityMetadata } from '../../src/metadata/resolve';

/** The entity of DESIGN.md: every kind of index and a renamed attribute. */
@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total', 'itemsCount'] })
@GlobalIndex('gsi-date', { partitionKey: 'userId', sortKey: 'createdAt', projection: 'ALL' })
@GlobalIndex('gsi-region', { partitionKey: 'region', projection: 'KEYS_ONLY' })
@LocalIndex('lsi-amount', { sortKey: 'total' })
export class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  @Attribute() total?: number;
  itemsCount?: number;
  region?: string;
  address?: { city?: string; zip?: string };
  items?: { sku: string; qty: number }[];
  tags?: Set<string>;
  @Ttl() expiresAt?: number;
  get isBig(): boolean {
    return (this.total ?? 0) > 1000;
  }
  describe(): string {
    return `${this.userId}/${this.orderId}`;
  }
}

/** Keys and attributes stored under other names, and a Date property. */
@Table('accounts')
export class Account {
  @PartitionKey({ name: 'pk' }) accountId!: string;
  @SortKey({ name: 'sk' }) openedOn!: number;
  @Attribute({ name: 'display_name' }) displayName?: string;
  @Attribute() birthday?: Date;
  profile?: { display_name?: string };
}

/** A numeric partition key and no sort key. */
@Table('counters')
export class Counter {
  @PartitionKey() id!: number;
  hits?: number;
}

/** Optimistic locking. */
@Table('documents')
export class Doc {
  @PartitionKey() docId!: string;
  @Version() version?: number;
  body?: string;
}

/** Optimistic locking on a renamed attribute. */
@Table('notes')
export class Note {
  @PartitionKey() noteId!: string;
  @Version({ name: 'rev' }) revision?: number;
  text?: string;
}

/** Binary keys. */
@Table('blobs')
export class Blob {
  @PartitionKey() hash!: Uint8Array;
  @SortKey() part!: number;
}

export function meta<T>(entity: Constructor<T>): EntityMetadata<T> {
  return entityMetadata(entity);
}

/** The compiled `condition` + `conditionOr` of Order (or another entity) with its placeholders. */
export function compile(
  condition: ConditionInput | undefined,
  conditionOr?: readonly ConditionInput[],
  entity: Constructor = Order,
): { expr: string | undefined; names: Record<string, string>; values: Record<string, AttributeValue> } {
  const ctx = new ExpressionContext();
  const expr = compileConditions(meta(entity), condition, conditionOr, ctx);
  return { expr, names: ctx.names, values: ctx.values };
}

/**
 * Runs `fn`, expecting a ValidationError (code `VALIDATION`) whose message matches every pattern.
 * Returns the error for further checks.
 */
export function expectValidation(fn: () => unknown, ...patterns: (RegExp | string)[]): ValidationError {
  return expectError(ValidationError, fn, ...patterns);
}

/** Runs `fn`, expecting an error of class `type` whose message matches every pattern. */
export function expectError<E extends Error>(
  type: new (...args: never[]) => E,
  fn: () => unknown,
  ...patterns: (RegExp | string)[]
): E {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(type);
  const error = caught as E;
  if (type === (ValidationError as unknown)) expect((error as unknown as ValidationError).code).toBe('VALIDATION');
  for (const p of patterns) expect(error.message).toMatch(p);
  return error;
}

/** Freezes an object and everything reachable from it, so a builder that mutates input throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

/** Shorthands for AttributeValues. */
export const S = (s: string): AttributeValue => ({ S: s });
export const N = (n: number | string): AttributeValue => ({ N: String(n) });

/** A client pointed at a port nothing listens on: any request sent would fail loudly. */
export function offlineClient(): DkmioClient {
  return new DkmioClient({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:9',
    credentials: { accessKeyId: 'unit', secretAccessKey: 'unit' },
  });
}

/** A DkmioClient wrapping a fake SDK client that records every command it is asked to send. */
export function recordingClient(): { db: DkmioClient; sent: unknown[] } {
  const sent: unknown[] = [];
  const client: SendingClient = {
    send: async (command: never) => {
      sent.push(command);
      return {};
    },
  };
  return { db: new DkmioClient({ client }), sent };
}
