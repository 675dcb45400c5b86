import 'reflect-metadata';
import {
  Controller,
  Get,
  Injectable,
  Module,
  StreamableFile,
  type INestApplication,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Attribute, DkmioClient, GlobalIndex, PartitionKey, Repository, SortKey, Table, Ttl } from '../../../src';
import { DkmioModule, DkmioSerializerInterceptor, InjectRepository } from '../../../src/nest';
import { testClientConfig, uniqueTableName } from '../../support/local';

@Table('authors')
class Author {
  @PartitionKey() email!: string;
  @Attribute() name?: string;
  roles?: Set<string>;
  avatar?: Uint8Array;
  karma?: bigint;
  joinedAt?: Date;
  get shout(): string {
    return (this.name ?? '').toUpperCase();
  }
}

@Table('essays')
@GlobalIndex('gsi-status', { partitionKey: 'status', sortKey: 'slug' })
class Essay {
  @PartitionKey() author!: string;
  @SortKey() slug!: string;
  @Attribute() status?: string;
  @Ttl() expiresAt?: number;
}

@Injectable()
class Seeder implements OnApplicationBootstrap {
  seeded = false;
  constructor(@InjectRepository(Author) private readonly authors: Repository<Author>) {}
  // Tables made at boot exist before any onApplicationBootstrap hook.
  async onApplicationBootstrap(): Promise<void> {
    await this.authors.put({
      email: 'ann@example.com',
      name: 'Ann',
      roles: new Set(['admin', 'editor']),
      avatar: new Uint8Array([1, 2, 3]),
      karma: 2n ** 60n + 1n,
      joinedAt: new Date(0),
    });
    this.seeded = true;
  }
}

@Controller('kit')
class KitController {
  constructor(@InjectRepository(Author) private readonly authors: Repository<Author>) {}
  @Get('author')
  author() {
    return this.authors.getOrThrow({ email: 'ann@example.com' });
  }
  @Get('page')
  page() {
    return this.authors.scan().limit(1);
  }
  @Get('file')
  file() {
    return new StreamableFile(Buffer.from('raw bytes'));
  }
  @Get('text')
  text() {
    return 'just text';
  }
}

@Module({ imports: [DkmioModule.forFeature([Author])], providers: [Seeder], controllers: [KitController] })
class AuthorsModule {}

@Module({ imports: [DkmioModule.forFeature([Essay, Author])] })
class EssaysModule {}

const tableNames = async (db: DkmioClient) => {
  const out = await db.executor.send<{ TableNames?: string[] }>(new ListTablesCommand({}), {
    operation: 'list_tables',
    table: '-',
  });
  return out.TableNames ?? [];
};

describe('DkmioModule createTables: true', () => {
  const prefix = `${uniqueTableName('nest-boot')}-`;
  let app: INestApplication;
  let db: DkmioClient;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        DkmioModule.forRoot({ ...testClientConfig(), tableNamePrefix: prefix, createTables: { pollIntervalMs: 50 } }),
        AuthorsModule,
        EssaysModule,
      ],
      providers: [{ provide: APP_INTERCEPTOR, useClass: DkmioSerializerInterceptor }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    db = app.get(DkmioClient);
  });
  afterAll(async () => {
    await db.deleteTables([Author, Essay], { pollIntervalMs: 50 });
    await app.close();
  });

  it('creates the tables of every forFeature entity (indexes and TTL included) before onApplicationBootstrap', async () => {
    expect(app.get(Seeder).seeded).toBe(true);
    const names = await tableNames(db);
    expect(names).toEqual(expect.arrayContaining([`${prefix}authors`, `${prefix}essays`]));
    const essays = db.getRepository(Essay);
    await essays.put({ author: 'ann', slug: 's1', status: 'DRAFT' });
    expect((await essays.index('gsi-status').query({ status: 'DRAFT' })).items).toHaveLength(1);
  });

  it('a second app on the same tables leaves them (and their items) alone', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        DkmioModule.forRootAsync({
          useFactory: async () => ({ ...testClientConfig(), tableNamePrefix: prefix, createTables: true }),
        }),
        AuthorsModule,
      ],
    }).compile();
    const second = moduleRef.createNestApplication({ logger: false });
    await second.init();
    try {
      expect(await second.get(DkmioClient).getRepository(Essay).get({ author: 'ann', slug: 's1' })).not.toBeNull();
    } finally {
      await second.close();
    }
  });

  it('without createTables nothing is created', async () => {
    const other = `${uniqueTableName('nest-noboot')}-`;
    const moduleRef = await Test.createTestingModule({
      imports: [DkmioModule.forRoot({ ...testClientConfig(), tableNamePrefix: other }), EssaysModule],
    }).compile();
    const quiet = moduleRef.createNestApplication({ logger: false });
    await quiet.init();
    try {
      expect((await tableNames(quiet.get(DkmioClient))).filter((n) => n.startsWith(other))).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it('DkmioSerializerInterceptor answers JSON-safe items and pages; files and text pass through', async () => {
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const author = await (await fetch(`${base}/kit/author`)).json();
    expect(author).toEqual({
      email: 'ann@example.com',
      name: 'Ann',
      roles: ['admin', 'editor'],
      avatar: 'AQID',
      karma: '1152921504606846977',
      joinedAt: '1970-01-01T00:00:00.000Z',
    });
    const page = (await (await fetch(`${base}/kit/page`)).json()) as Record<string, unknown>;
    expect(page).toMatchObject({ items: [{ email: 'ann@example.com', roles: ['admin', 'editor'] }], count: 1 });
    expect(page).not.toHaveProperty('lastKey');
    expect(await (await fetch(`${base}/kit/file`)).text()).toBe('raw bytes');
    expect(await (await fetch(`${base}/kit/text`)).text()).toBe('just text');
  });
});
