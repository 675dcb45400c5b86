import 'reflect-metadata';
import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { FILTER_CATCH_EXCEPTIONS } from '@nestjs/common/constants';
import {
  BatchWriteError,
  CircuitOpenError,
  CollectionSizeError,
  ConditionError,
  DkmioError,
  InvalidDefinitionError,
  InvalidProjectionError,
  ItemNotFoundError,
  MissingKeyError,
  TableNotFoundError,
  ThrottlingError,
  TransactionError,
  ValidationError,
} from '../../../src';
import { DkmioExceptionFilter } from '../../../src/nest';

/** An Express-like response that records what the filter wrote. */
function fakeResponse() {
  const written: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const res = {
    headersSent: false,
    setHeader(name: string, value: string) {
      written.headers[name] = value;
    },
    status(code: number) {
      written.status = code;
      return res;
    },
    json(body: unknown) {
      written.body = body;
      return res;
    },
  };
  return { res, written };
}

function httpHost(res: unknown, type = 'http'): ArgumentsHost {
  return {
    getType: () => type,
    getArgs: () => [{}, res, () => undefined],
    getArgByIndex: (i: number) => [{}, res][i],
    switchToHttp: () => ({ getRequest: () => ({}), getResponse: () => res, getNext: () => () => undefined }),
    switchToRpc: () => {
      throw new Error('not rpc');
    },
    switchToWs: () => {
      throw new Error('not ws');
    },
  } as unknown as ArgumentsHost;
}

const awsCause = Object.assign(new Error('boom at arn:aws:dynamodb:us-east-1:123456789012:table/orders'), {
  name: 'InternalServerError',
  $metadata: { httpStatusCode: 500, requestId: 'REQ-ID-123' },
});

describe('DkmioExceptionFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  const cases: [string, DkmioError, number, string][] = [
    [
      'ItemNotFoundError',
      new ItemNotFoundError('No Order in "orders" has that key (userId, orderId).', 'orders', { userId: 'u1' }),
      404,
      'ITEM_NOT_FOUND',
    ],
    [
      'ConditionError',
      new ConditionError('The condition of put_item on orders failed', { cause: awsCause }),
      409,
      'CONDITION_FAILED',
    ],
    [
      'TransactionError',
      new TransactionError('cancelled', [{ index: 0, code: 'ConditionalCheckFailed', message: '' }]),
      409,
      'TRANSACTION_CANCELLED',
    ],
    ['ValidationError', new ValidationError('"total" must be finite'), 400, 'VALIDATION'],
    ['MissingKeyError', new MissingKeyError('missing "orderId"', 'orderId'), 400, 'MISSING_KEY'],
    [
      'InvalidProjectionError',
      new InvalidProjectionError('not projected', 'x', 'gsi', 'KEYS_ONLY'),
      400,
      'INVALID_PROJECTION',
    ],
    ['ThrottlingError', new ThrottlingError('put_item on orders was throttled', { cause: awsCause }), 503, 'THROTTLED'],
    ['BatchWriteError', new BatchWriteError('2 writes left', []), 503, 'BATCH_WRITE_INCOMPLETE'],
    ['CollectionSizeError', new CollectionSizeError('too big'), 507, 'COLLECTION_SIZE_EXCEEDED'],
    [
      'TableNotFoundError',
      new TableNotFoundError('get_item on prod-orders: table or index not found', 'prod-orders', { cause: awsCause }),
      500,
      'TABLE_NOT_FOUND',
    ],
    ['InvalidDefinitionError', new InvalidDefinitionError('Order: no @PartitionKey()'), 500, 'INVALID_DEFINITION'],
    [
      'a plain DkmioError',
      new DkmioError('DYNAMODB_ERROR', 'get_item on orders failed: InternalServerError: boom', {
        cause: awsCause,
        awsName: 'InternalServerError',
      }),
      500,
      'DYNAMODB_ERROR',
    ],
  ];

  it.each(cases)(
    'answers %s with its status and { statusCode, error: code, message }',
    (_name, error, status, code) => {
      const { res, written } = fakeResponse();
      new DkmioExceptionFilter().catch(error, httpHost(res));
      expect(written.status).toBe(status);
      expect(written.body).toEqual({ statusCode: status, error: code, message: expect.any(String) });
      const text = JSON.stringify(written.body);
      expect(text).not.toMatch(/REQ-ID-123|arn:aws|stack|at Object|cause/);
      if (status < 500) expect((written.body as { message: string }).message).toBe(error.message);
      // Server errors get a generic message (theirs may name tables or AWS internals) and are logged instead.
      else {
        expect((written.body as { message: string }).message).not.toContain(error.message);
        expect(logged).toHaveBeenCalledWith(expect.stringContaining(code), error.stack);
      }
    },
  );

  it('sends Retry-After with CircuitOpenError', () => {
    const { res, written } = fakeResponse();
    new DkmioExceptionFilter().catch(new CircuitOpenError('open; next probe in 12.5 s', 12_500), httpHost(res));
    expect(written).toEqual({
      status: 503,
      headers: { 'Retry-After': '13' },
      body: {
        statusCode: 503,
        error: 'CIRCUIT_OPEN',
        message: 'The database is busy or unavailable; try again later.',
      },
    });
  });

  it('writes to a Fastify-like reply (code/send)', () => {
    const calls: unknown[] = [];
    const reply = {
      sent: false,
      header: (n: string, v: string) => calls.push(['header', n, v]),
      code: (c: number) => calls.push(['code', c]),
      send: (b: unknown) => calls.push(['send', b]),
    };
    new DkmioExceptionFilter().catch(new ItemNotFoundError('gone', 't', {}), httpHost(reply));
    expect(calls).toEqual([
      ['code', 404],
      ['send', { statusCode: 404, error: 'ITEM_NOT_FOUND', message: 'gone' }],
    ]);
  });

  it('leaves non-dkmio errors and non-HTTP contexts alone (rethrows)', () => {
    const { res, written } = fakeResponse();
    const plain = new Error('not ours');
    expect(() => new DkmioExceptionFilter().catch(plain as DkmioError, httpHost(res))).toThrow(plain);
    const notFound = new ItemNotFoundError('gone', 't', {});
    expect(() => new DkmioExceptionFilter().catch(notFound, httpHost(res, 'rpc'))).toThrow(notFound);
    expect(written.status).toBeUndefined();
  });

  it('catches only DkmioError, so Nest routes other errors to its default handler', () => {
    expect(Reflect.getMetadata(FILTER_CATCH_EXCEPTIONS, DkmioExceptionFilter)).toEqual([DkmioError]);
  });
});
