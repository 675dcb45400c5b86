/**
 * The consumer side of the type tests, compiled against the PUBLISHED types (dist/, reached
 * through the package's "exports" by name, as an app does), by TypeScript 6 and TypeScript 7,
 * with skipLibCheck off, under node16 (ESM and CommonJS) and bundler resolution:
 * `npm run typecheck:consumers` (scripts/typecheck-consumers.mjs copies these files into one
 * project per case, entity.legacy.ts or entity.standard.ts as entity.ts). Never executed.
 */
import {
  and,
  DkmioClient,
  DkmioError,
  fromNow,
  httpStatusOf,
  InvalidDefinitionError,
  Repository,
  type Page,
} from 'dkmio';
import { DkmioExceptionFilter, DkmioModule, getRepositoryToken } from 'dkmio/nest';
import { startLocalDynamo, type LocalDynamo } from 'dkmio/testing';
import type { Order } from './entity.js';

type Equal<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

export async function consume(db: DkmioClient, Entity: typeof Order): Promise<void> {
  const orders: Repository<Order> = db.getRepository(Entity);
  const one = await orders.get({ userId: 'u1', orderId: 'o1' });
  type _get = Expect<Equal<typeof one, Order | null>>;
  const page = await orders
    .query({ userId: 'u1' })
    .where({ begins_with: 'o' })
    .filter(and({ total__gt: 5 }, { status__in: ['NEW'] }))
    .select('total', 'status')
    .limit(5);
  type _page = Expect<Equal<typeof page, Page<Pick<Order, 'total' | 'status'>>>>;
  await orders.update(
    { userId: 'u1', orderId: 'o1' },
    { set: { status: 'PAID' }, add: { total: 1 } },
    { returnValues: 'ALL_NEW' },
  );
  await orders.put({ userId: 'u1', orderId: 'o2', placedAt: new Date(), expiresAt: fromNow({ days: 1 }) });
  // @ts-expect-error a declared number property compares with numbers
  void orders.query({ userId: 'u1' }).filter({ total__gt: 'five' });
  // @ts-expect-error a declared string property is set to a string
  await orders.update({ userId: 'u1', orderId: 'o1' }, { set: { status: 5 } });
  const status: number = httpStatusOf(new InvalidDefinitionError('x'));
  const isDkmio: boolean = new InvalidDefinitionError('x') instanceof DkmioError;
  void [
    status,
    isDkmio,
    getRepositoryToken(Entity),
    DkmioModule.forRoot({ region: 'us-east-1' }),
    DkmioModule.forFeature([Entity]),
    new DkmioExceptionFilter(),
  ];
  const local: LocalDynamo = await startLocalDynamo();
  await local.stop();
}
