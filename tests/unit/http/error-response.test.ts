import {
  CircuitOpenError,
  ConditionError,
  DkmioError,
  ItemNotFoundError,
  ThrottlingError,
  ValidationError,
  dkmioErrorHandler,
  httpErrorResponse,
} from '../../../src';

function fakeResponse() {
  const res = { statusCode: 0, headers: {} as Record<string, string>, body: undefined as unknown, headersSent: false };
  return Object.assign(res, {
    status: (code: number) => ((res.statusCode = code), res),
    setHeader: (name: string, value: string) => ((res.headers[name] = value), res),
    json: (body: unknown) => ((res.body = body), res),
  });
}

describe('httpErrorResponse (one body for Nest, Express and Lambda)', () => {
  it('4xx keep the message; 5xx are generic; an open circuit adds Retry-After', () => {
    expect(httpErrorResponse(new ItemNotFoundError('No User has that key (email).', 'users', {}))).toEqual({
      status: 404,
      headers: {},
      body: { statusCode: 404, error: 'ITEM_NOT_FOUND', message: 'No User has that key (email).' },
    });
    expect(httpErrorResponse(new ThrottlingError('get_item on prod-users was throttled')).body).toEqual({
      statusCode: 503,
      error: 'THROTTLED',
      message: 'The database is busy or unavailable; try again later.',
    });
    const open = new CircuitOpenError('open', 2500);
    expect(httpErrorResponse(open).headers).toEqual({ 'Retry-After': '3' });
    expect(httpErrorResponse(new DkmioError('DYNAMODB_ERROR', 'internal table names')).body.message).toBe(
      'Internal server error',
    );
  });
});

describe('dkmioErrorHandler (Express error middleware)', () => {
  it('answers dkmio errors with status, headers and body; logs only 5xx', () => {
    const logged: unknown[] = [];
    const handler = dkmioErrorHandler({ log: (e) => logged.push(e) });
    const res = fakeResponse();
    const next = jest.fn();
    handler(new ConditionError('The condition of put_item on users failed'), {}, res, next);
    expect(res).toMatchObject({ statusCode: 409, body: { statusCode: 409, error: 'CONDITION_FAILED' } });
    handler(new ValidationError('Query parameter "x" is not a filter here'), {}, fakeResponse(), next);
    expect(logged).toEqual([]);
    const busy = fakeResponse();
    handler(new ThrottlingError('throttled'), {}, busy, next);
    expect(busy.statusCode).toBe(503);
    expect(logged).toHaveLength(1);
    expect(next).not.toHaveBeenCalled();
  });

  it('passes other errors, and any error once headers are sent, to the next handler', () => {
    const handler = dkmioErrorHandler();
    const next = jest.fn();
    const plain = new Error('not ours');
    handler(plain, {}, fakeResponse(), next);
    expect(next).toHaveBeenCalledWith(plain);
    const sent = Object.assign(fakeResponse(), { headersSent: true });
    const notFound = new ItemNotFoundError('x', 't', {});
    handler(notFound, {}, sent, next);
    expect(next).toHaveBeenLastCalledWith(notFound);
  });
});
