import 'reflect-metadata';
import {
  Body,
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  NotFoundException,
  Param,
  Post,
  type INestApplication,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Attribute, DkmioClient, PartitionKey, Repository, SortKey, Table } from '../../../src';
import {
  DKMIO_CLIENT,
  DkmioExceptionFilter,
  DkmioModule,
  getRepositoryToken,
  InjectDkmioClient,
  InjectRepository,
  type DkmioOptionsFactory,
} from '../../../src/nest';
import { testClientConfig, uniqueTableName } from '../../support/local';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() status?: string;
  total?: number;
}

@Injectable()
class OrdersService {
  constructor(
    @InjectRepository(Order) readonly orders: Repository<Order>,
    @InjectDkmioClient() readonly db: DkmioClient,
  ) {}
}

@Controller('orders')
class OrdersController {
  constructor(private readonly service: OrdersService) {}

  @Get(':userId/:orderId')
  get(@Param('userId') userId: string, @Param('orderId') orderId: string) {
    return this.service.orders.getOrThrow({ userId, orderId });
  }

  @Post()
  async create(@Body() body: Order) {
    await this.service.orders.put(body, { condition: { orderId__not_exists: true } });
    return body;
  }

  @Get('boom/plain/now')
  plain(): never {
    throw new Error('secret internal detail');
  }

  @Get('boom/http/now')
  http(): never {
    throw new NotFoundException('no such page');
  }
}

@Module({ imports: [DkmioModule.forFeature([Order])], providers: [OrdersService], controllers: [OrdersController] })
class OrdersModule {}

// Two entity classes with the same name, in two feature modules, mapped to two tables.
function itemModule(table: string) {
  @Table(table)
  class Item {
    @PartitionKey() id!: string;
  }
  @Injectable()
  class ItemsService {
    constructor(@InjectRepository(Item) readonly items: Repository<Item>) {}
  }
  @Module({ imports: [DkmioModule.forFeature([Item])], providers: [ItemsService], exports: [ItemsService] })
  class ItemsModule {}
  return { Item, ItemsService, ItemsModule };
}
const first = itemModule('items-a');
const second = itemModule('items-b');

const prefix = `${uniqueTableName('nest')}-`;
const options = () => ({ ...testClientConfig(), tableNamePrefix: prefix });

async function start(app: INestApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

describe('dkmio/nest on DynamoDB Local', () => {
  let app: INestApplication;
  let base: string;
  let db: DkmioClient;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [DkmioModule.forRoot(options()), OrdersModule, first.ItemsModule, second.ItemsModule],
      providers: [{ provide: APP_FILTER, useClass: DkmioExceptionFilter }],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    db = app.get<DkmioClient>(DKMIO_CLIENT);
    await db.createTables([Order, first.Item, second.Item], { pollIntervalMs: 50 });
    base = await start(app);
  });

  afterAll(async () => {
    await db.deleteTables([Order, first.Item, second.Item], { pollIntervalMs: 50 });
    await app.close();
  });

  it('injects one shared client (by token and by class) and repositories bound to it', () => {
    const service = app.get(OrdersService);
    expect(service.db).toBe(db);
    expect(app.get(DkmioClient)).toBe(db);
    expect(service.orders).toBe(db.getRepository(Order));
    expect(app.get(getRepositoryToken(Order))).toBe(service.orders);
  });

  it('keeps two entity classes with the same name apart', async () => {
    const a = app.get(first.ItemsService).items;
    const b = app.get(second.ItemsService).items;
    expect(first.Item.name).toBe(second.Item.name);
    expect(a).not.toBe(b);
    expect([a.tableName, b.tableName]).toEqual([`${prefix}items-a`, `${prefix}items-b`]);
    await a.put({ id: 'only-in-a' });
    expect(await b.get({ id: 'only-in-a' })).toBeNull();
    expect(await a.get({ id: 'only-in-a' })).toEqual({ id: 'only-in-a' });
  });

  it("keeps them apart under Nest's deep-hash module ids too (Nest 10's default)", async () => {
    const third = itemModule('items-a');
    const fourth = itemModule('items-b');
    const moduleRef = await Test.createTestingModule(
      { imports: [DkmioModule.forRoot(options()), third.ItemsModule, fourth.ItemsModule] },
      { moduleIdGeneratorAlgorithm: 'deep-hash' },
    ).compile();
    try {
      const c = moduleRef.get(third.ItemsService).items;
      const d = moduleRef.get(fourth.ItemsService).items;
      expect([c.metadata.target, d.metadata.target]).toEqual([third.Item, fourth.Item]);
      expect([c.tableName, d.tableName]).toEqual([`${prefix}items-a`, `${prefix}items-b`]);
    } finally {
      await moduleRef.close();
    }
  });

  it('serves real HTTP requests: 201, then 409 on a conditional create, 200, and 404 from getOrThrow', async () => {
    const post = () =>
      fetch(`${base}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'u1', orderId: 'o1', status: 'NEW', total: 5 }),
      });
    expect((await post()).status).toBe(201);

    const conflict = await post();
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({
      statusCode: 409,
      error: 'CONDITION_FAILED',
      message: expect.stringContaining('condition'),
    });

    const found = await fetch(`${base}/orders/u1/o1`);
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ userId: 'u1', orderId: 'o1', status: 'NEW', total: 5 });

    const missing = await fetch(`${base}/orders/u1/nope`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    expect(await missing.json()).toEqual({
      statusCode: 404,
      error: 'ITEM_NOT_FOUND',
      message: expect.stringContaining('No Order'),
    });
  });

  it('answers a bad key with 400 and leaves non-dkmio errors to Nest', async () => {
    const bad = await fetch(`${base}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'u1' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ statusCode: 400, error: 'MISSING_KEY' });

    const plain = await fetch(`${base}/orders/boom/plain/now`);
    expect(plain.status).toBe(500);
    expect(await plain.json()).toEqual({ statusCode: 500, message: 'Internal server error' });

    const http = await fetch(`${base}/orders/boom/http/now`);
    expect(http.status).toBe(404);
    expect(await http.json()).toMatchObject({ statusCode: 404, message: 'no such page' });
  });

  it('answers a missing table with a generic 500 that names the code only', async () => {
    @Table('never-created')
    class Ghost {
      @PartitionKey() id!: string;
    }
    @Controller('ghosts')
    class GhostController {
      constructor(@InjectRepository(Ghost) private readonly ghosts: Repository<Ghost>) {}
      @Get(':id') get(@Param('id') id: string) {
        return this.ghosts.get({ id });
      }
    }
    const moduleRef = await Test.createTestingModule({
      imports: [DkmioModule.forRoot(options()), DkmioModule.forFeature([Ghost])],
      controllers: [GhostController],
    }).compile();
    const ghostApp = moduleRef.createNestApplication({ logger: false });
    ghostApp.useGlobalFilters(new DkmioExceptionFilter());
    try {
      const res = await fetch(`${await start(ghostApp)}/ghosts/g1`);
      expect(res.status).toBe(500);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual({ statusCode: 500, error: 'TABLE_NOT_FOUND', message: 'Internal server error' });
    } finally {
      await ghostApp.close();
    }
  });
});

describe('DkmioModule.forRootAsync and shutdown', () => {
  const CONFIG = 'CONFIG';
  @Module({ providers: [{ provide: CONFIG, useFactory: () => options() }], exports: [CONFIG] })
  class ConfigModule {}

  @Injectable()
  class DkmioConfig implements DkmioOptionsFactory {
    constructor(@Inject(CONFIG) private readonly config: ReturnType<typeof options>) {}
    createDkmioOptions() {
      return { ...this.config, tableNamePrefix: `${prefix}cls-` };
    }
  }
  @Module({ imports: [ConfigModule], providers: [DkmioConfig], exports: [DkmioConfig] })
  class DkmioConfigModule {}

  const variants = {
    useFactory: DkmioModule.forRootAsync({
      imports: [ConfigModule],
      inject: [CONFIG],
      useFactory: async (c: ReturnType<typeof options>) => c,
    }),
    useClass: DkmioModule.forRootAsync({ imports: [ConfigModule], useClass: DkmioConfig }),
    useExisting: DkmioModule.forRootAsync({ imports: [DkmioConfigModule], useExisting: DkmioConfig }),
  };

  it.each(Object.entries(variants))(
    '%s builds the client from the resolved options and destroys it on close',
    async (name, root) => {
      const moduleRef = await Test.createTestingModule({ imports: [root, OrdersModule] }).compile();
      const app = moduleRef.createNestApplication({ logger: false });
      await app.init();
      const db = app.get<DkmioClient>(DKMIO_CLIENT);
      const orders = app.get(OrdersService).orders;
      expect(orders.tableName).toBe(name === 'useFactory' ? `${prefix}orders` : `${prefix}cls-orders`);

      await db.createTables([Order]);
      await orders.put({ userId: name, orderId: '1' });
      expect(await orders.get({ userId: name, orderId: '1' })).toMatchObject({ userId: name });
      await db.deleteTables([Order], { pollIntervalMs: 50 });

      const destroy = jest.spyOn(db, 'destroy');
      await app.close();
      expect(destroy).toHaveBeenCalledTimes(1);
    },
  );
});
