/**
 * A representative slice of the integration suite (definition, items, query, indexes,
 * createTables, Nest) with entities compiled as TC39 standard decorators, on DynamoDB Local.
 * The same library build serves the legacy (experimentalDecorators) tests next door.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Test } from '@nestjs/testing';
import {
  Attribute,
  ConditionError,
  DkmioClient,
  entityMetadata,
  InvalidDefinitionError,
  PartitionKey,
  Repository,
  Table,
  ValidationError,
} from 'dkmio';
import { DkmioModule, getRepositoryToken } from 'dkmio/nest';
import { testClientConfig, uniqueTableName } from '../support/local';
import { StdOrder, StdPriorityOrder, StdReading } from './entities';

describe('standard decorators: definition', () => {
  it('records keys, stored names, types and indexes without design metadata', () => {
    const meta = entityMetadata(StdOrder);
    expect(meta.tableName).toBe('std-orders');
    expect(meta.keyProperties).toEqual(['userId', 'orderId']);
    expect(meta.attributes.get('createdAt')).toEqual({
      property: 'createdAt',
      stored: 'created_at',
      designType: String,
    });
    expect(meta.attributes.get('total')?.designType).toBe(Number);
    expect([...meta.dateProperties]).toEqual(['placedAt']);
    expect([...meta.indexes.keys()]).toEqual(['gsi-status', 'gsi-region', 'lsi-amount']);
    expect(meta.ttl?.property).toBe('expiresAt');
    expect(meta.version?.property).toBe('version');
    expect(entityMetadata(StdReading).partitionKey).toEqual({
      property: 'sensorId',
      stored: 'sensor_id',
      designType: Number,
    });
  });

  it('keeps subclassing: a subclass inherits keys and indexes and adds its own attributes', () => {
    const meta = entityMetadata(StdPriorityOrder);
    expect(meta.keyProperties).toEqual(['userId', 'orderId']);
    expect([...meta.indexes.keys()]).toEqual(['gsi-status', 'gsi-region', 'lsi-amount']);
    expect([...meta.dateProperties].sort()).toEqual(['escalatedAt', 'placedAt']);
    // The base class's record is its own: the subclass's attribute does not leak into it.
    expect(entityMetadata(StdOrder).attributes.has('escalatedAt')).toBe(false);
  });

  it('knows a class whose fields are decorated but which has no class decorator of its own', () => {
    class Base {
      @PartitionKey({ type: 'S' }) id!: string;
    }
    @Table('std-derived')
    class Derived extends Base {
      @Attribute({ type: Date }) at?: Date;
    }
    expect(entityMetadata(Derived).partitionKey.property).toBe('id');
    expect(() => entityMetadata(Base)).toThrow(InvalidDefinitionError);
  });

  it('refuses decorators on members that are not stored, naming the member and the fix', () => {
    const defineOnMethod = () => {
      class Bad {
        // @ts-expect-error a property decorator does not type-check on a method either
        @Attribute() total() {
          return 1;
        }
      }
      return Bad;
    };
    expect(defineOnMethod).toThrow(InvalidDefinitionError);
    expect(defineOnMethod).toThrow(
      /@Attribute\(\) on method "total": a method is not stored\. dkmio decorators go on instance data properties/,
    );

    const defineOnStatic = () => {
      class Bad {
        @Attribute() static count?: number;
      }
      return Bad;
    };
    expect(defineOnStatic).toThrow(/@Attribute\(\) on field "count": the field is static/);

    const defineOnPrivate = () => {
      class Bad {
        @PartitionKey() #id?: string;
        read() {
          return this.#id;
        }
      }
      return Bad;
    };
    expect(defineOnPrivate).toThrow(/@PartitionKey\(\) on field "#id": private \(#\) fields are not stored/);

    const defineOnAccessor = () => {
      class Bad {
        // @ts-expect-error a property decorator does not type-check on an auto-accessor
        @Attribute() accessor name = '';
      }
      return Bad;
    };
    expect(defineOnAccessor).toThrow(/@Attribute\(\) on accessor "name": auto-accessors/);

    const tableOnField = () => {
      class Bad {
        // @ts-expect-error a class decorator does not type-check on a field
        @Table('x') id?: string;
      }
      return Bad;
    };
    expect(tableOnField).toThrow(/@Table\(\) is on field "id"; it decorates a class/);
  });

  it('refuses a call that is neither dialect with an InvalidDefinitionError, not a TypeError', () => {
    const decorate = Attribute() as unknown as (...args: unknown[]) => void;
    expect(() => decorate()).toThrow(InvalidDefinitionError);
    expect(() => decorate(undefined, 'x')).toThrow(
      /@Attribute\(\) was called in a way neither decorator dialect does \(undefined, string\)/,
    );
    expect(() => (Table('t') as unknown as (...args: unknown[]) => void)('not a class')).toThrow(
      InvalidDefinitionError,
    );
  });
});

describe('standard decorators on DynamoDB Local', () => {
  const prefix = `${uniqueTableName('std')}-`;
  const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
  const raw = new DynamoDBClient(testClientConfig());
  const orders = db.getRepository(StdOrder);

  beforeAll(async () => {
    await db.createTables([StdOrder, StdReading], { pollIntervalMs: 50 });
  });

  afterAll(async () => {
    await db.deleteTables([StdOrder, StdReading], { pollIntervalMs: 50 });
    db.destroy();
    raw.destroy();
  });

  it('createTables takes key and index types from the type options', async () => {
    const orderTable = (await raw.send(new DescribeTableCommand({ TableName: `${prefix}std-orders` }))).Table!;
    expect(Object.fromEntries(orderTable.AttributeDefinitions!.map((d) => [d.AttributeName, d.AttributeType]))).toEqual(
      {
        userId: 'S',
        orderId: 'S',
        status: 'S',
        created_at: 'S',
        region: 'S',
        total: 'N',
      },
    );
    expect(orderTable.GlobalSecondaryIndexes!.map((i) => i.IndexName).sort()).toEqual(['gsi-region', 'gsi-status']);
    expect(orderTable.LocalSecondaryIndexes!.map((i) => i.IndexName)).toEqual(['lsi-amount']);
    const readings = (await raw.send(new DescribeTableCommand({ TableName: `${prefix}std-readings` }))).Table!;
    expect(readings.AttributeDefinitions).toEqual([
      { AttributeName: 'sensor_id', AttributeType: 'N' },
      { AttributeName: 'at', AttributeType: 'N' },
    ]);
  });

  it('puts and gets instances; a { type: Date } property reads back as a Date, an undecorated one as its ISO string', async () => {
    const placedAt = new Date('2026-03-01T10:00:00.000Z');
    await orders.put({
      userId: 'u1',
      orderId: 'o1',
      status: 'NEW',
      createdAt: '2026-03-01',
      total: 1500,
      placedAt,
      region: 'eu',
    });
    const got = await orders.get({ userId: 'u1', orderId: 'o1' });
    expect(got).toBeInstanceOf(StdOrder);
    expect(got!.placedAt).toEqual(placedAt);
    expect(got!.version).toBe(1);
    expect(got!.isBig).toBe(true);

    const priority = db.getRepository(StdPriorityOrder);
    const editedAt = new Date('2026-03-02T00:00:00.000Z');
    await priority.put({ userId: 'u1', orderId: 'p1', escalatedAt: editedAt, editedAt, total: 5 });
    const p = await priority.getOrThrow({ userId: 'u1', orderId: 'p1' });
    expect(p.escalatedAt).toEqual(editedAt);
    expect(p.editedAt).toBe('2026-03-02T00:00:00.000Z');
  });

  it('checks key types from the type options before sending', async () => {
    const readings = db.getRepository(StdReading);
    await readings.put({ sensorId: 7, at: 1, value: 3 });
    expect((await readings.get({ sensorId: 7, at: 1 }))?.value).toBe(3);
    expect(() => readings.query({ sensorId: 'seven' as unknown as number })).toThrow(ValidationError);
  });

  it('updates with the version check and queries the table and its indexes', async () => {
    await orders.put({ userId: 'u1', orderId: 'o2', status: 'NEW', createdAt: '2026-03-02', total: 20, region: 'eu' });
    await orders.put({
      userId: 'u1',
      orderId: 'o3',
      status: 'PAID',
      createdAt: '2026-03-03',
      total: 300,
      region: 'us',
    });
    await orders.update({ userId: 'u1', orderId: 'o2' }, { set: { note: 'gift' } }, { expectedVersion: 1 });
    await expect(
      orders.update({ userId: 'u1', orderId: 'o2' }, { set: { note: 'stale' } }, { expectedVersion: 1 }),
    ).rejects.toBeInstanceOf(ConditionError);

    const page = await orders.query({ userId: 'u1' }).where({ begins_with: 'o' }).filter({ total__gte: 20 });
    expect(page.items.map((o) => o.orderId)).toEqual(['o1', 'o2', 'o3']);
    expect(page.items.every((o) => o instanceof StdOrder)).toBe(true);

    const byStatus = await orders.index('gsi-status').query({ status: 'NEW' }).where({ gte: '2026-03-01' });
    expect(byStatus.items.map((o) => [o.orderId, o.placedAt instanceof Date || o.placedAt === undefined])).toEqual([
      ['o1', true],
      ['o2', true],
    ]);
    const byAmount = await orders
      .index('lsi-amount')
      .query({ userId: 'u1' })
      .where({ between: [100, 2000] });
    expect(byAmount.items.map((o) => o.orderId)).toEqual(['o3', 'o1']);
    const keysOnly = await orders.index('gsi-region').query({ region: 'us' });
    expect(keysOnly.items).toEqual([expect.objectContaining({ userId: 'u1', orderId: 'o3', region: 'us' })]);
  });

  it('serves the entities through DkmioModule (Nest 11 here; Nest 12 runs in tests/integration/package.test.ts)', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        DkmioModule.forRoot({ ...testClientConfig(), tableNamePrefix: prefix }),
        DkmioModule.forFeature([StdOrder]),
      ],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const repo = app.get<Repository<StdOrder>>(getRepositoryToken(StdOrder));
      const got = await repo.getOrThrow({ userId: 'u1', orderId: 'o1' });
      expect(got).toBeInstanceOf(StdOrder);
      expect(got.placedAt).toEqual(new Date('2026-03-01T10:00:00.000Z'));
    } finally {
      await app.close();
    }
  });
});
