import type {
  AttributeDefinition,
  CreateTableCommandInput,
  GlobalSecondaryIndex,
  KeySchemaElement,
  LocalSecondaryIndex,
  Projection,
  ScalarAttributeType,
} from '@aws-sdk/client-dynamodb';
import { describeValue } from '../../errors/describe-value';
import { InvalidDefinitionError, ValidationError } from '../../errors/errors';
import { storedName, type AttributeMeta, type EntityMetadata, type IndexMeta } from '../../metadata/entity-metadata';

/** Read and write capacity units, for provisioned tables. */
export interface ProvisionedThroughput {
  read: number;
  write: number;
}

/** How `createTables` builds each table. */
export interface TableBuildOptions {
  /**
   * Provisioned capacity, applied to every table and every global index. Without it, tables
   * are on-demand (`PAY_PER_REQUEST`).
   */
  provisioned?: ProvisionedThroughput;
}

/**
 * The CreateTable request for an entity class: key schema, an AttributeDefinition for every
 * key attribute of the table and its indexes (types from `design:type`), global and local
 * indexes with their projections, and the billing mode. Pure: no client, no I/O.
 *
 * @throws InvalidDefinitionError when the type of a key attribute cannot be known.
 */
export function buildCreateTable(
  meta: EntityMetadata,
  tableName: string,
  options?: TableBuildOptions,
): CreateTableCommandInput {
  const throughput = provisionedThroughput(options?.provisioned);
  const definitions = new Map<string, ScalarAttributeType>();
  const define = (attr: AttributeMeta, role: string): void => {
    definitions.set(attr.stored, scalarTypeOf(meta, attr, role));
  };

  define(meta.partitionKey, 'the partition key of the table');
  if (meta.sortKey) define(meta.sortKey, 'the sort key of the table');
  const input: CreateTableCommandInput = {
    TableName: tableName,
    AttributeDefinitions: [],
    KeySchema: keySchema(meta.partitionKey, meta.sortKey),
    BillingMode: throughput ? 'PROVISIONED' : 'PAY_PER_REQUEST',
  };
  if (throughput) input.ProvisionedThroughput = throughput;

  const globals: GlobalSecondaryIndex[] = [];
  const locals: LocalSecondaryIndex[] = [];
  for (const index of meta.indexes.values()) {
    define(index.partitionKey, `the partition key of index "${index.name}"`);
    if (index.sortKey) define(index.sortKey, `the sort key of index "${index.name}"`);
    const common = {
      IndexName: index.name,
      KeySchema: keySchema(index.partitionKey, index.sortKey),
      Projection: projectionOf(meta, index),
    };
    if (index.kind === 'global')
      globals.push(throughput ? { ...common, ProvisionedThroughput: { ...throughput } } : common);
    else locals.push(common);
  }
  input.AttributeDefinitions = [...definitions].map(([AttributeName, AttributeType]): AttributeDefinition => ({
    AttributeName,
    AttributeType,
  }));
  if (globals.length > 0) input.GlobalSecondaryIndexes = globals;
  if (locals.length > 0) input.LocalSecondaryIndexes = locals;
  return input;
}

function keySchema(partitionKey: AttributeMeta, sortKey: AttributeMeta | undefined): KeySchemaElement[] {
  const schema: KeySchemaElement[] = [{ AttributeName: partitionKey.stored, KeyType: 'HASH' }];
  if (sortKey) schema.push({ AttributeName: sortKey.stored, KeyType: 'RANGE' });
  return schema;
}

/** INCLUDE lists stored names, leaving out key attributes (an index always holds those). */
function projectionOf(meta: EntityMetadata, index: IndexMeta): Projection {
  if (index.projection === 'ALL' || index.projection === 'KEYS_ONLY') return { ProjectionType: index.projection };
  const keys = new Set(index.keyProperties);
  const nonKey = [...new Set(index.projection.filter((p) => !keys.has(p)).map((p) => storedName(meta, p)))];
  // A list naming only keys projects exactly the keys, and INCLUDE with no attributes is invalid.
  if (nonKey.length === 0) return { ProjectionType: 'KEYS_ONLY' };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: nonKey };
}

/**
 * S, N or B from the property's `design:type`. TypeScript records a design type only for
 * decorated properties, and only String/Number/BigInt/Buffer/Uint8Array say which one it is.
 */
function scalarTypeOf(meta: EntityMetadata, attr: AttributeMeta, role: string): ScalarAttributeType {
  const t = attr.designType;
  if (t === String) return 'S';
  if (t === Number || t === BigInt) return 'N';
  if (t === Uint8Array || (typeof t === 'function' && t.prototype instanceof Uint8Array)) return 'B';
  const where = `${meta.className}: createTables cannot tell the type of "${attr.property}", ${role}`;
  if (!meta.attributes.has(attr.property)) {
    throw new InvalidDefinitionError(
      `${where}: the property has no decorator, so TypeScript records no type for it. ` +
        `Add @Attribute() with a type annotation, e.g. \`@Attribute() ${attr.property}?: string;\` (string, number or Uint8Array), ` +
        `or name the type: \`@Attribute({ type: 'S' })\`.`,
    );
  }
  if (t === undefined) {
    throw new InvalidDefinitionError(
      `${where}: no design type was recorded. Give the property a type annotation (string, number or Uint8Array) ` +
        `and compile with "emitDecoratorMetadata": true, or name it: @Attribute({ type: 'S' | 'N' | 'B' }) ` +
        `(tools that strip types, like esbuild, swc and tsx, record none).`,
    );
  }
  const shown = typeof t === 'function' && t.name ? t.name : describeValue(t);
  throw new InvalidDefinitionError(
    `${where}: it is declared as ${shown}, but key attributes must be a string, number or binary (Uint8Array). ` +
      `Declare it as \`${attr.property}: string\` or \`${attr.property}: number\` (a union such as \`string | null\` records Object), ` +
      `or name the type: \`@Attribute({ type: 'S' })\`.`,
  );
}

function provisionedThroughput(p: ProvisionedThroughput | undefined) {
  if (p === undefined) return undefined;
  const ok = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1;
  if (p === null || typeof p !== 'object' || !ok(p.read) || !ok(p.write)) {
    throw new ValidationError(
      'createTables: "provisioned" must be { read, write } with positive integer capacity units, e.g. { read: 5, write: 5 }.',
    );
  }
  return { ReadCapacityUnits: p.read, WriteCapacityUnits: p.write };
}
