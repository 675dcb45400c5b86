import { DkmioClient } from '../../../src';
import { Order, createHandler, handler, type ApiEvent } from '../../../samples/lambda/handler';
import { testClientConfig, testEndpoint, uniqueTableName } from '../../support/local';

describe('samples/lambda/handler.ts invoked with API Gateway-like events', () => {
  const prefix = `${uniqueTableName('lambda')}-`;
  const setup = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
  const saved = { endpoint: process.env['DKMIO_ENDPOINT'], prefix: process.env['TABLE_PREFIX'] };

  beforeAll(async () => {
    // What the function's configuration would hold; read on the first invocation.
    process.env['DKMIO_ENDPOINT'] = testEndpoint();
    process.env['TABLE_PREFIX'] = prefix;
    await setup.createTables([Order], { pollIntervalMs: 50 });
  });
  afterAll(async () => {
    await setup.deleteTables([Order], { pollIntervalMs: 50 });
    setup.destroy();
    for (const [name, value] of [
      ['DKMIO_ENDPOINT', saved.endpoint],
      ['TABLE_PREFIX', saved.prefix],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const post = (body: unknown, base64 = false): ApiEvent => ({
    httpMethod: 'POST',
    resource: '/orders',
    body: base64 ? Buffer.from(JSON.stringify(body)).toString('base64') : JSON.stringify(body),
    isBase64Encoded: base64,
  });

  it('creates an order (201) and answers 409 for the same key (REST API, payload 1.0)', async () => {
    const created = await handler(post({ userId: 'u1', orderId: 'o1', total: 42, note: 'gift' }));
    expect(created).toEqual({
      statusCode: 201,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'u1', orderId: 'o1', total: 42, note: 'gift' }),
    });
    const again = await handler(post({ userId: 'u1', orderId: 'o1', total: 1 }));
    expect(again.statusCode).toBe(409);
    expect(JSON.parse(again.body)).toEqual({ statusCode: 409, error: 'CONDITION_FAILED', message: expect.any(String) });
    expect((await handler(post({ userId: 'u1', orderId: 'o2', total: 5 }, true))).statusCode).toBe(201);
  });

  it('reads an order (200) and answers 404 for a missing one (HTTP API, payload 2.0)', async () => {
    const found = await handler({
      routeKey: 'GET /orders/{userId}/{orderId}',
      pathParameters: { userId: 'u1', orderId: 'o1' },
    });
    expect(found.statusCode).toBe(200);
    expect(JSON.parse(found.body)).toEqual({ userId: 'u1', orderId: 'o1', total: 42, note: 'gift' });
    const missing = await handler({
      routeKey: 'GET /orders/{userId}/{orderId}',
      pathParameters: { userId: 'u1', orderId: 'nope' },
    });
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ error: 'ITEM_NOT_FOUND' });
  });

  it("pages a user's orders with the cursor, and refuses a forged cursor with 400", async () => {
    const handle = createHandler(new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix }));
    const page = await handle({ httpMethod: 'GET', resource: '/orders/{userId}', pathParameters: { userId: 'u1' } });
    expect(page.statusCode).toBe(200);
    expect((JSON.parse(page.body) as { items: Order[] }).items.map((o) => o.orderId)).toEqual(['o1', 'o2']);
    const forged = await handle({
      httpMethod: 'GET',
      resource: '/orders/{userId}',
      pathParameters: { userId: 'u1' },
      queryStringParameters: { cursor: 'forged' },
    });
    expect(forged.statusCode).toBe(400);
    expect(JSON.parse(forged.body)).toMatchObject({ error: 'VALIDATION' });
  });

  it('answers 400 for a bad body and 404 for an unknown route', async () => {
    expect((await handler({ httpMethod: 'POST', resource: '/orders', body: '{not json' })).statusCode).toBe(400);
    expect((await handler({ httpMethod: 'DELETE', resource: '/orders' })).statusCode).toBe(404);
  });
});
