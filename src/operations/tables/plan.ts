import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { InvalidDefinitionError } from '../../errors/errors';
import type { EntityMetadata } from '../../metadata/entity-metadata';
import { buildCreateTable, type TableBuildOptions } from './build';

/** One table to create: its request, its TTL attribute (stored name) and the classes mapped to it. */
export interface TablePlan {
  tableName: string;
  input: CreateTableCommandInput;
  ttlAttribute?: string;
  classNames: string[];
}

/**
 * One plan per distinct table name. Entity classes that share a table (single-table design)
 * are merged: they must agree on the primary key, on the type of every shared key attribute,
 * on indexes declared under the same name and on the TTL attribute. Pure.
 */
export function planTables(metas: readonly EntityMetadata[], prefix: string, options?: TableBuildOptions): TablePlan[] {
  const plans = new Map<string, TablePlan>();
  // An entity of a table class creates its table class's table (every index it declares).
  for (const meta of new Set(metas.map((m) => m.single?.schema.metadata ?? m))) {
    const tableName = prefix + meta.tableName;
    const plan: TablePlan = {
      tableName,
      input: buildCreateTable(meta, tableName, options),
      classNames: [meta.className],
    };
    if (meta.ttl) plan.ttlAttribute = meta.ttl.stored;
    const existing = plans.get(tableName);
    plans.set(tableName, existing ? merge(existing, plan) : plan);
  }
  return [...plans.values()];
}

function merge(a: TablePlan, b: TablePlan): TablePlan {
  const who = `${a.classNames.join(', ')} and ${b.classNames[0]} both map to table "${a.tableName}"`;
  const fail = (message: string): never => {
    throw new InvalidDefinitionError(`${who} but ${message}`);
  };
  if (!same(a.input.KeySchema, b.input.KeySchema)) {
    fail(
      `declare different primary keys (${keyText(a.input)} vs ${keyText(b.input)}); classes sharing a table must use the same stored key attributes.`,
    );
  }
  const types = new Map((a.input.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]));
  const definitions = [...(a.input.AttributeDefinitions ?? [])];
  for (const d of b.input.AttributeDefinitions ?? []) {
    const known = types.get(d.AttributeName);
    if (known === undefined) {
      types.set(d.AttributeName, d.AttributeType);
      definitions.push(d);
    } else if (known !== d.AttributeType) {
      fail(
        `give key attribute "${d.AttributeName}" different types (${known} vs ${d.AttributeType}); declare it with the same type in both.`,
      );
    }
  }
  if (a.ttlAttribute !== undefined && b.ttlAttribute !== undefined && a.ttlAttribute !== b.ttlAttribute) {
    fail(
      `declare different @Ttl() attributes ("${a.ttlAttribute}" vs "${b.ttlAttribute}"); a table has one TTL attribute.`,
    );
  }
  const input: CreateTableCommandInput = { ...a.input, AttributeDefinitions: definitions };
  const globals = mergeIndexes(a.input.GlobalSecondaryIndexes, b.input.GlobalSecondaryIndexes, fail);
  const locals = mergeIndexes(a.input.LocalSecondaryIndexes, b.input.LocalSecondaryIndexes, fail);
  if (globals) input.GlobalSecondaryIndexes = globals;
  if (locals) input.LocalSecondaryIndexes = locals;
  const merged: TablePlan = { tableName: a.tableName, input, classNames: [...a.classNames, ...b.classNames] };
  const ttl = a.ttlAttribute ?? b.ttlAttribute;
  if (ttl !== undefined) merged.ttlAttribute = ttl;
  return merged;
}

function mergeIndexes<I extends { IndexName?: string }>(
  a: I[] | undefined,
  b: I[] | undefined,
  fail: (m: string) => never,
): I[] | undefined {
  if (!a || !b) return a ?? b;
  const out = [...a];
  for (const index of b) {
    const twin = out.find((i) => i.IndexName === index.IndexName);
    if (!twin) out.push(index);
    else if (!same(twin, index))
      fail(
        `declare index "${index.IndexName}" differently; declare it identically (keys and projection) or rename one.`,
      );
  }
  return out;
}

function keyText(input: CreateTableCommandInput): string {
  return (input.KeySchema ?? []).map((k) => k.AttributeName).join('/');
}

/** Structural equality of two plain request fragments (keys in the same order, as built). */
function same(x: unknown, y: unknown): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}
