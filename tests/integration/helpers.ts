import {
  CreateTableCommand,
  DynamoDBClient,
  type AttributeDefinition,
  type CreateTableCommandInput,
  type ProjectionType,
  type ScalarAttributeType,
} from '@aws-sdk/client-dynamodb';
import { DkmioClient, type DkmioClientOptions, type SendingClient } from '../../src';
import { testClientConfig, uniqueTableName } from '../support/local';

/**
 * Helpers shared by the integration tests. Each test file gets its own table-name prefix, so
 * classes keep plain `@Table('orders')` names while files never collide on the shared server.
 */

/** A table-name prefix unique to one test file, e.g. `itest-3f9a0c1b2d4e-`. */
export function uniquePrefix(): string {
  return `${uniqueTableName('itest')}-`;
}

/** A raw low-level client on DynamoDB Local, for creating tables and checking stored items. */
export function rawClient(): DynamoDBClient {
  return new DynamoDBClient(testClientConfig());
}

/** A DkmioClient on DynamoDB Local. */
export function localDb(options: Omit<DkmioClientOptions, 'endpoint' | 'region' | 'credentials'> = {}): DkmioClient {
  return new DkmioClient({ ...testClientConfig(), ...options });
}

type KeyDef = readonly [name: string, type: ScalarAttributeType];

/** A short description of a table for {@link createTable}; names are stored attribute names. */
export interface TableSpec {
  name: string;
  partitionKey: KeyDef;
  sortKey?: KeyDef;
  globalIndexes?: readonly IndexSpec[];
  localIndexes?: readonly Omit<IndexSpec, 'partitionKey'>[];
}

export interface IndexSpec {
  name: string;
  partitionKey: KeyDef;
  sortKey?: KeyDef;
  /** 'ALL' (default), 'KEYS_ONLY' or the non-key attributes to include. */
  projection?: 'ALL' | 'KEYS_ONLY' | readonly string[];
}

function projectionOf(p: IndexSpec['projection']): { ProjectionType: ProjectionType; NonKeyAttributes?: string[] } {
  if (p === undefined || p === 'ALL') return { ProjectionType: 'ALL' };
  if (p === 'KEYS_ONLY') return { ProjectionType: 'KEYS_ONLY' };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...p] };
}

function keySchema(pk: KeyDef, sk?: KeyDef) {
  return [
    { AttributeName: pk[0], KeyType: 'HASH' as const },
    ...(sk ? [{ AttributeName: sk[0], KeyType: 'RANGE' as const }] : []),
  ];
}

/** Creates a table with the raw SDK (DynamoDB Local makes it ACTIVE at once). */
export async function createTable(raw: DynamoDBClient, spec: TableSpec): Promise<void> {
  const defs = new Map<string, ScalarAttributeType>();
  const def = (k?: KeyDef) => {
    if (k) defs.set(k[0], k[1]);
  };
  def(spec.partitionKey);
  def(spec.sortKey);
  for (const g of spec.globalIndexes ?? []) {
    def(g.partitionKey);
    def(g.sortKey);
  }
  for (const l of spec.localIndexes ?? []) def(l.sortKey);
  const AttributeDefinitions: AttributeDefinition[] = [...defs].map(([AttributeName, AttributeType]) => ({
    AttributeName,
    AttributeType,
  }));
  const input: CreateTableCommandInput = {
    TableName: spec.name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions,
    KeySchema: keySchema(spec.partitionKey, spec.sortKey),
  };
  if (spec.globalIndexes?.length) {
    input.GlobalSecondaryIndexes = spec.globalIndexes.map((g) => ({
      IndexName: g.name,
      KeySchema: keySchema(g.partitionKey, g.sortKey),
      Projection: projectionOf(g.projection),
    }));
  }
  if (spec.localIndexes?.length) {
    input.LocalSecondaryIndexes = spec.localIndexes.map((l) => ({
      IndexName: l.name,
      KeySchema: keySchema(spec.partitionKey, l.sortKey),
      Projection: projectionOf(l.projection),
    }));
  }
  await raw.send(new CreateTableCommand(input));
}

/** A wrapped client that records every command sent through it (to prove "nothing sent", or what was). */
export function recordingClient(
  inner: SendingClient,
): SendingClient & { sent: string[]; inputs: Record<string, unknown>[] } {
  const sent: string[] = [];
  const inputs: Record<string, unknown>[] = [];
  return {
    sent,
    inputs,
    send(command: never, options?: { abortSignal?: AbortSignal }) {
      const c = command as { constructor: { name: string }; input: Record<string, unknown> };
      sent.push(c.constructor.name);
      inputs.push(c.input);
      return inner.send(command, options);
    },
  };
}

/** Catches the rejection of `promise` (or the throw of `fn`) so its fields can be asserted. */
export async function caught(run: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof run === 'function' ? run() : run);
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the operation succeeded');
}
