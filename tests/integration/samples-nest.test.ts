import type { INestApplication } from '@nestjs/common';
import { DkmioClient } from '../../src';
import { createNestApp } from '../../samples/nest/app';
import { Order } from '../../samples/nest/orders/order.entity';
import { testClientConfig, uniqueTableName } from '../support/local';

describe('samples/nest: the orders module over HTTP', () => {
  const prefix = `${uniqueTableName('nest-sample')}-`;
  let app: INestApplication;
  let db: DkmioClient;
  let base: string;
  const json = { 'content-type': 'application/json' };
  const create = (body: unknown) => fetch(`${base}/orders`, { method: 'POST', headers: json, body: JSON.stringify(body) });

  beforeAll(async () => {
    app = await createNestApp({ ...testClientConfig(), tableNamePrefix: prefix }, false);
    db = app.get(DkmioClient);
    await db.createTables([Order], { pollIntervalMs: 50 });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    await db.deleteTables([Order], { pollIntervalMs: 50 });
    await app.close();
  });

  it('creates orders (201) and refuses a duplicate (409)', async () => {
    for (const [orderId, total] of [['o1', 10], ['o2', 20], ['o3', 30]] as const) {
      expect((await create({ userId: 'u1', orderId, total })).status).toBe(201);
    }
    const dup = await create({ userId: 'u1', orderId: 'o1', total: 99 });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ statusCode: 409, error: 'CONDITION_FAILED' });
    expect((await create({ userId: 'u1' })).status).toBe(400);
  });

  it('reads one order (200) or answers 404', async () => {
    const found = await fetch(`${base}/orders/u1/o2`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ userId: 'u1', orderId: 'o2', total: 20, status: 'PENDING' });
    const missing = await fetch(`${base}/orders/u1/zzz`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ statusCode: 404, error: 'ITEM_NOT_FOUND' });
  });

  it('pages through a user\'s orders with the opaque cursor', async () => {
    const first = (await (await fetch(`${base}/orders/u1?limit=2`)).json()) as { items: Order[]; cursor?: string };
    expect(first.items.map((o) => o.orderId)).toEqual(['o3', 'o2']);
    expect(typeof first.cursor).toBe('string');
    const second = (await (await fetch(`${base}/orders/u1?limit=2&cursor=${encodeURIComponent(first.cursor!)}`)).json()) as { items: Order[] };
    expect(second.items.map((o) => o.orderId)).toEqual(['o1']);
    const forged = await fetch(`${base}/orders/u1?cursor=not-a-cursor`);
    expect(forged.status).toBe(400);
  });

  it('ships a pending order once (200, then 409), lists by status through the index, deletes (204)', async () => {
    const shipped = await fetch(`${base}/orders/u1/o1/ship`, { method: 'PATCH' });
    expect(shipped.status).toBe(200);
    expect(await shipped.json()).toMatchObject({ orderId: 'o1', status: 'SHIPPED' });
    expect((await fetch(`${base}/orders/u1/o1/ship`, { method: 'PATCH' })).status).toBe(409);

    const pending = (await (await fetch(`${base}/orders/by-status/PENDING`)).json()) as Order[];
    expect(pending.map((o) => o.orderId).sort()).toEqual(['o2', 'o3']);

    expect((await fetch(`${base}/orders/u1/o3`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${base}/orders/u1/o3`)).status).toBe(404);
  });
});
