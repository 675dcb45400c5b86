/**
 * An AWS Lambda handler behind API Gateway (REST or HTTP API, payload 1.0 or 2.0), using dkmio.
 *
 *   GET  /orders/{userId}            a user's orders (?cursor= for the next page)
 *   GET  /orders/{userId}/{orderId}  one order, 404 when absent
 *   POST /orders                     create, 409 when the key is taken
 *
 * The client is created once per container, outside the handler, so warm invocations reuse its
 * connections. Configuration comes from the environment: DKMIO_ENDPOINT (DynamoDB Local when
 * run locally), TABLE_PREFIX (per stage), AWS_REGION (set by Lambda).
 * Run it locally: `node dist-samples/lambda/handler.js` after `npm run build && npm run build:samples`.
 */
import 'reflect-metadata';
import { Attribute, DkmioClient, DkmioError, PartitionKey, SortKey, Table, httpErrorResponse, toPlain } from 'dkmio';

@Table('orders')
export class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  @Attribute() total!: number;
  note?: string;
}

/** The parts of an API Gateway proxy event (payload 1.0 or 2.0) this handler reads. */
export interface ApiEvent {
  httpMethod?: string; // 1.0
  resource?: string; // 1.0, e.g. /orders/{userId}
  routeKey?: string; // 2.0, e.g. "GET /orders/{userId}"
  requestContext?: { http?: { method?: string } };
  pathParameters?: Record<string, string | undefined> | null;
  queryStringParameters?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** What API Gateway expects back. */
export interface ApiResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

type Handler = (event: ApiEvent) => Promise<ApiResult>;

/** The handler, over any client (tests pass one pointed at DynamoDB Local). */
export function createHandler(db: DkmioClient): Handler {
  const orders = db.getRepository(Order);
  return async (event) => {
    try {
      const params = event.pathParameters ?? {};
      switch (routeOf(event)) {
        case 'GET /orders/{userId}': {
          let query = orders.query({ userId: params['userId']! }).limit(25);
          const cursor = event.queryStringParameters?.['cursor'];
          if (cursor) query = query.startFrom(cursor);
          const page = await query;
          return reply(200, toPlain({ items: page.items, cursor: page.cursor }));
        }
        case 'GET /orders/{userId}/{orderId}':
          return reply(
            200,
            toPlain(await orders.getOrThrow({ userId: params['userId']!, orderId: params['orderId']! })),
          );
        case 'POST /orders': {
          const body = parseBody(event);
          if (typeof body?.userId !== 'string' || typeof body.orderId !== 'string' || typeof body.total !== 'number') {
            return reply(400, {
              error: 'BAD_REQUEST',
              message: 'Send { userId: string, orderId: string, total: number }.',
            });
          }
          const order = {
            userId: body.userId,
            orderId: body.orderId,
            total: body.total,
            note: typeof body.note === 'string' ? body.note : undefined,
          };
          await orders.put(order, { condition: { orderId__not_exists: true } });
          return reply(201, order);
        }
        default:
          return reply(404, { error: 'NOT_FOUND', message: `No route for ${routeOf(event)}.` });
      }
    } catch (error) {
      if (!(error instanceof DkmioError)) throw error; // Lambda reports it; API Gateway answers 502
      // The same answer as DkmioExceptionFilter and dkmioErrorHandler: status, Retry-After, body.
      const { status, headers, body } = httpErrorResponse(error);
      if (status >= 500) console.error(error);
      return reply(status, body, headers);
    }
  };
}

function routeOf(event: ApiEvent): string {
  if (event.routeKey && event.routeKey !== '$default') return event.routeKey;
  return `${event.httpMethod ?? event.requestContext?.http?.method ?? 'GET'} ${event.resource ?? ''}`;
}

function parseBody(event: ApiEvent): Record<string, unknown> | undefined {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function reply(statusCode: number, body: unknown, headers: Record<string, string> = {}): ApiResult {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

// One client per container, built on the first invocation (so the environment can be set first).
let containerHandler: Handler | undefined;

/** The Lambda entry point (`handler.handler` in the function's configuration). */
export const handler: Handler = (event) => {
  containerHandler ??= createHandler(
    new DkmioClient({
      region: process.env['AWS_REGION'] ?? 'us-east-1',
      tableNamePrefix: process.env['TABLE_PREFIX'],
      ...(process.env['DKMIO_ENDPOINT'] && {
        endpoint: process.env['DKMIO_ENDPOINT'],
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, // DynamoDB Local accepts any
      }),
    }),
  );
  return containerHandler(event);
};

/** Local run: DynamoDB Local, the table, and a few API Gateway-like events through `handler`. */
async function runLocally(): Promise<void> {
  const { startLocalDynamo } = await import('dkmio/testing');
  const local = process.env['DKMIO_ENDPOINT'] ? undefined : await startLocalDynamo();
  if (local) process.env['DKMIO_ENDPOINT'] = local.endpoint;
  const setup = new DkmioClient({
    endpoint: process.env['DKMIO_ENDPOINT'],
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    tableNamePrefix: process.env['TABLE_PREFIX'],
  });
  try {
    await setup.createTables([Order]);
    const events: ApiEvent[] = [
      { httpMethod: 'POST', resource: '/orders', body: JSON.stringify({ userId: 'u1', orderId: 'o1', total: 42 }) },
      { httpMethod: 'POST', resource: '/orders', body: JSON.stringify({ userId: 'u1', orderId: 'o1', total: 7 }) },
      { httpMethod: 'GET', resource: '/orders/{userId}/{orderId}', pathParameters: { userId: 'u1', orderId: 'o1' } },
      { routeKey: 'GET /orders/{userId}/{orderId}', pathParameters: { userId: 'u1', orderId: 'nope' } },
      { routeKey: 'GET /orders/{userId}', pathParameters: { userId: 'u1' } },
    ];
    for (const event of events) {
      const result = await handler(event);
      console.log(`${routeOf(event)} -> ${result.statusCode} ${result.body}`);
    }
    await setup.deleteTables([Order]);
  } finally {
    setup.destroy();
    await local?.stop();
  }
}

if (require.main === module) {
  runLocally().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
