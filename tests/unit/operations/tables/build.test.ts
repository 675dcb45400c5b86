import 'reflect-metadata';
import {
  Attribute,
  DkmioClient,
  GlobalIndex,
  InvalidDefinitionError,
  LocalIndex,
  PartitionKey,
  SortKey,
  Table,
  Ttl,
  ValidationError,
  entityMetadata,
} from '../../../../src';
import { buildCreateTable } from '../../../../src/operations/tables/build';
import { planTables } from '../../../../src/operations/tables/plan';

@Table('orders')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'createdAt', projection: ['total', 'itemsCount'] })
@GlobalIndex('gsi-date', { partitionKey: 'userId', sortKey: 'createdAt', projection: 'ALL' })
@GlobalIndex('gsi-region', { partitionKey: 'region', projection: 'KEYS_ONLY' })
@LocalIndex('lsi-amount', { sortKey: 'total' })
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  @Attribute() region?: string;
  @Attribute() total?: number;
  @Attribute({ name: 'items_count' }) itemsCount?: number;
  @Ttl() expiresAt?: number;
}

@Table('users')
class User {
  @PartitionKey({ name: 'user_id' }) userId!: number;
}

describe('buildCreateTable', () => {
  it('builds the exact request: keys, attribute types, GSIs, LSI, projections, on-demand', () => {
    expect(buildCreateTable(entityMetadata(Order), 'dev-orders')).toEqual({
      TableName: 'dev-orders',
      AttributeDefinitions: [
        { AttributeName: 'userId', AttributeType: 'S' },
        { AttributeName: 'orderId', AttributeType: 'S' },
        { AttributeName: 'status', AttributeType: 'S' },
        { AttributeName: 'created_at', AttributeType: 'S' },
        { AttributeName: 'region', AttributeType: 'S' },
        { AttributeName: 'total', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'userId', KeyType: 'HASH' },
        { AttributeName: 'orderId', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi-status',
          KeySchema: [
            { AttributeName: 'status', KeyType: 'HASH' },
            { AttributeName: 'created_at', KeyType: 'RANGE' },
          ],
          // INCLUDE lists stored names: itemsCount is stored as items_count.
          Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total', 'items_count'] },
        },
        {
          IndexName: 'gsi-date',
          KeySchema: [
            { AttributeName: 'userId', KeyType: 'HASH' },
            { AttributeName: 'created_at', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        {
          IndexName: 'gsi-region',
          KeySchema: [{ AttributeName: 'region', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'KEYS_ONLY' },
        },
      ],
      LocalSecondaryIndexes: [
        {
          IndexName: 'lsi-amount',
          KeySchema: [
            { AttributeName: 'userId', KeyType: 'HASH' },
            { AttributeName: 'total', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('puts provisioned throughput on the table and on every GSI, not on LSIs', () => {
    const input = buildCreateTable(entityMetadata(Order), 'orders', { provisioned: { read: 5, write: 2 } });
    expect(input.BillingMode).toBe('PROVISIONED');
    expect(input.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 5, WriteCapacityUnits: 2 });
    for (const gsi of input.GlobalSecondaryIndexes!)
      expect(gsi.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 5, WriteCapacityUnits: 2 });
    expect(input.LocalSecondaryIndexes![0]).not.toHaveProperty('ProvisionedThroughput');
  });

  it('refuses capacity that is not a positive integer', () => {
    expect(() => buildCreateTable(entityMetadata(Order), 'orders', { provisioned: { read: 0, write: 5 } })).toThrow(
      ValidationError,
    );
    expect(() => buildCreateTable(entityMetadata(Order), 'orders', { provisioned: { read: 1.5, write: 5 } })).toThrow(
      /positive integer/,
    );
  });

  it('uses stored key names and N for numbers; a table without sort key has a one-element key schema', () => {
    expect(buildCreateTable(entityMetadata(User), 'users')).toEqual({
      TableName: 'users',
      AttributeDefinitions: [{ AttributeName: 'user_id', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'user_id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('maps Buffer, Uint8Array and bigint keys', () => {
    @Table('blobs')
    @GlobalIndex('gsi-big', { partitionKey: 'big' })
    class Blob {
      @PartitionKey() id!: Buffer;
      @SortKey() part!: Uint8Array;
      @Attribute() big?: bigint;
    }
    expect(buildCreateTable(entityMetadata(Blob), 'blobs').AttributeDefinitions).toEqual([
      { AttributeName: 'id', AttributeType: 'B' },
      { AttributeName: 'part', AttributeType: 'B' },
      { AttributeName: 'big', AttributeType: 'N' },
    ]);
  });

  it('projects KEYS_ONLY when an INCLUDE list names only key attributes', () => {
    @Table('t')
    @GlobalIndex('g', { partitionKey: 'status', projection: ['status', 'id'] })
    class OnlyKeys {
      @PartitionKey() id!: string;
      @Attribute() status?: string;
    }
    expect(buildCreateTable(entityMetadata(OnlyKeys), 't').GlobalSecondaryIndexes![0].Projection).toEqual({
      ProjectionType: 'KEYS_ONLY',
    });
  });

  it('names class, property and fix when an index key is an undecorated property', () => {
    @Table('t')
    @GlobalIndex('gsi-status', { partitionKey: 'status' })
    class Loose {
      @PartitionKey() id!: string;
      status?: string;
    }
    const build = () => buildCreateTable(entityMetadata(Loose), 't');
    expect(build).toThrow(InvalidDefinitionError);
    expect(build).toThrow(
      /^Loose: createTables cannot tell the type of "status", the partition key of index "gsi-status".*add @Attribute\(\) with a type annotation/i,
    );
  });

  it('explains that a union type records Object', () => {
    @Table('t')
    @LocalIndex('lsi', { sortKey: 'when' })
    class Unioned {
      @PartitionKey() id!: string;
      @SortKey() sk!: string;
      @Attribute() when?: string | null;
    }
    expect(() => buildCreateTable(entityMetadata(Unioned), 't')).toThrow(
      /Unioned: .*"when", the sort key of index "lsi": it is declared as Object.*string \| null/,
    );
  });

  it('rejects a boolean key and a key with no recorded type', () => {
    @Table('t')
    class Flag {
      @PartitionKey() on!: boolean;
    }
    expect(() => buildCreateTable(entityMetadata(Flag), 't')).toThrow(
      /Flag: .*"on", the partition key of the table: it is declared as Boolean/,
    );

    @Table('t')
    class NoMeta {
      id!: string;
    }
    // What a class compiled without emitDecoratorMetadata looks like: decorated, but no design:type.
    PartitionKey()(NoMeta.prototype, 'id');
    expect(() => buildCreateTable(entityMetadata(NoMeta), 't')).toThrow(
      /NoMeta: .*no design type was recorded.*emitDecoratorMetadata/,
    );
  });
});

describe('@Attribute({ type }) for builds that record no design:type', () => {
  it('names the key types when TypeScript recorded none or a union', () => {
    @Table('typed')
    @GlobalIndex('gsi-score', { partitionKey: 'score' })
    class Typed {
      // As esbuild/swc leave it: no design:type at all for an untyped declaration.
      @PartitionKey() @Attribute({ type: 'S' }) id: unknown;
      @SortKey() @Attribute({ type: 'B' }) blob: unknown;
      @Attribute({ type: 'N', name: 'score_v' }) score?: number | null; // a union records Object
    }
    const request = buildCreateTable(entityMetadata(Typed), 'typed');
    expect(request.AttributeDefinitions).toEqual([
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'blob', AttributeType: 'B' },
      { AttributeName: 'score_v', AttributeType: 'N' },
    ]);
  });

  it('a named type also drives key type checks before sending', () => {
    @Table('typed2')
    class Typed2 {
      @PartitionKey() @Attribute({ type: 'N' }) id: unknown;
    }
    const db = new DkmioClient({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
    });
    expect(() => db.getRepository(Typed2).query({ id: 'not-a-number' })).toThrow(/"id".*must be a number/);
  });

  it('refuses a type it does not know when the class is defined', () => {
    expect(() => {
      class Bad {
        @Attribute({ type: 'String' as 'S' }) x?: string;
      }
      return Bad;
    }).toThrow(
      /@Attribute\(\{ type \}\) on "x" must be 'S', 'N', 'B', String, Number, Boolean, Date or Uint8Array, got "String"/,
    );
  });
});

describe('planTables', () => {
  it('applies the prefix and keeps the TTL attribute by stored name', () => {
    @Table('sessions')
    class Session {
      @PartitionKey() id!: string;
      @Ttl({ name: 'expires_at' }) expiresAt?: number;
    }
    const plans = planTables([entityMetadata(Session), entityMetadata(User), entityMetadata(Session)], 'test-');
    expect(plans.map((p) => [p.tableName, p.input.TableName, p.ttlAttribute])).toEqual([
      ['test-sessions', 'test-sessions', 'expires_at'],
      ['test-users', 'test-users', undefined],
    ]);
  });

  it('merges classes that share one table (single-table design)', () => {
    @Table('app')
    @GlobalIndex('gsi1', { partitionKey: 'gsi1pk' })
    class A {
      @PartitionKey() pk!: string;
      @SortKey() sk!: string;
      @Attribute() gsi1pk?: string;
    }
    @Table('app')
    @GlobalIndex('gsi1', { partitionKey: 'gsi1pk' })
    @GlobalIndex('gsi2', { partitionKey: 'gsi2pk' })
    class B {
      @PartitionKey() pk!: string;
      @SortKey() sk!: string;
      @Attribute() gsi1pk?: string;
      @Attribute() gsi2pk?: number;
      @Ttl() ttl?: number;
    }
    const [plan, ...rest] = planTables([entityMetadata(A), entityMetadata(B)], '');
    expect(rest).toEqual([]);
    expect(plan.classNames).toEqual(['A', 'B']);
    expect(plan.ttlAttribute).toBe('ttl');
    expect(plan.input.AttributeDefinitions!.map((d) => `${d.AttributeName}:${d.AttributeType}`)).toEqual([
      'pk:S',
      'sk:S',
      'gsi1pk:S',
      'gsi2pk:N',
    ]);
    expect(plan.input.GlobalSecondaryIndexes!.map((i) => i.IndexName)).toEqual(['gsi1', 'gsi2']);
  });

  it('refuses classes sharing a table with different keys or conflicting indexes', () => {
    @Table('shared')
    @GlobalIndex('g', { partitionKey: 'a' })
    class A {
      @PartitionKey() pk!: string;
      @Attribute() a?: string;
    }
    @Table('shared')
    class OtherKey {
      @PartitionKey() id!: string;
    }
    @Table('shared')
    @GlobalIndex('g', { partitionKey: 'a', projection: 'KEYS_ONLY' })
    class OtherIndex {
      @PartitionKey() pk!: string;
      @Attribute() a?: string;
    }
    expect(() => planTables([entityMetadata(A), entityMetadata(OtherKey)], '')).toThrow(
      /A and OtherKey both map to table "shared" but declare different primary keys \(pk vs id\)/,
    );
    expect(() => planTables([entityMetadata(A), entityMetadata(OtherIndex)], '')).toThrow(
      /declare index "g" differently/,
    );
  });
});

describe('db.createTables input checks', () => {
  it('fails before any request on a bad definition or a non-array argument', async () => {
    const send = jest.fn();
    const db = new DkmioClient({ client: { send } });
    @Table('t')
    @GlobalIndex('g', { partitionKey: 'free' })
    class Bad {
      @PartitionKey() id!: string;
      free?: string;
    }
    await expect(db.createTables([Bad])).rejects.toThrow(/Bad: createTables cannot tell the type of "free"/);
    await expect(db.createTables(Order as never)).rejects.toThrow(ValidationError);
    await expect(db.createTables([Order], { waitTimeoutMs: -1 })).rejects.toThrow(/waitTimeoutMs/);
    expect(send).not.toHaveBeenCalled();
  });
});
