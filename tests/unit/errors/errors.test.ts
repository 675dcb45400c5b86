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
  httpStatusOf,
} from '../../../src';
import { withReturnedItems } from '../../../src/operations/item-write/returned-item';
import { mapAwsError, type ErrorContext } from '../../../src/errors/map-aws-error';
import { Order, meta, N, S } from '../fixtures';

/** An error shaped like the SDK's service exceptions. */
function awsError(name: string, message = `${name} message`, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 }, ...extra });
}

const ctx: ErrorContext = { operation: 'put_item', table: 'orders' };

describe('error classes', () => {
  it.each([
    [new InvalidDefinitionError('m'), 'INVALID_DEFINITION'],
    [new MissingKeyError('m', 'orderId'), 'MISSING_KEY'],
    [new InvalidProjectionError('m', 'a', 'ix', 'KEYS_ONLY'), 'INVALID_PROJECTION'],
    [new ValidationError('m'), 'VALIDATION'],
    [new ConditionError('m'), 'CONDITION_FAILED'],
    [new ItemNotFoundError('m', 'orders', { userId: 'u1' }), 'ITEM_NOT_FOUND'],
    [new TableNotFoundError('m', 'orders'), 'TABLE_NOT_FOUND'],
    [new ThrottlingError('m'), 'THROTTLED'],
    [new CollectionSizeError('m'), 'COLLECTION_SIZE_EXCEEDED'],
    [new TransactionError('m', []), 'TRANSACTION_CANCELLED'],
    [new BatchWriteError('m', []), 'BATCH_WRITE_INCOMPLETE'],
    [new CircuitOpenError('m', 1000), 'CIRCUIT_OPEN'],
  ])('%p has a stable code and extends DkmioError', (error, code) => {
    expect(error).toBeInstanceOf(DkmioError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.name).toBe(error.constructor.name);
  });
});

describe('httpStatusOf', () => {
  it.each([
    [new ItemNotFoundError('m', 'orders', {}), 404],
    [new ConditionError('m'), 409],
    [new TransactionError('m', []), 409],
    [new ValidationError('m'), 400],
    [new MissingKeyError('m', 'a'), 400],
    [new InvalidProjectionError('m', 'a', 'ix', ['a']), 400],
    [new ThrottlingError('m'), 503],
    [new CircuitOpenError('m', 1), 503],
    [new BatchWriteError('m', []), 503],
    [new CollectionSizeError('m'), 507],
    [new TableNotFoundError('m', 'orders'), 500],
    [new InvalidDefinitionError('m'), 500],
    [new DkmioError('DYNAMODB_ERROR', 'm'), 500],
    [new Error('plain'), 500],
    ['a string', 500],
    [undefined, 500],
  ])('%p -> %p', (error, status) => {
    expect(httpStatusOf(error)).toBe(status);
  });
});

describe('mapAwsError', () => {
  it('ConditionalCheckFailedException -> ConditionError; the operation hydrates the stored item', () => {
    const cause = awsError('ConditionalCheckFailedException', 'The conditional request failed', {
      Item: { userId: S('u1'), orderId: S('o1'), total: N(2000) },
    });
    const mapped = mapAwsError(cause, ctx) as ConditionError<Order>;
    expect(mapped).not.toHaveProperty('item');
    const error = withReturnedItems(mapped, meta(Order)) as ConditionError<Order>;
    expect(error).toBeInstanceOf(ConditionError);
    expect(error.message).toBe('The condition of put_item on orders failed');
    expect(error.cause).toBe(cause);
    expect(error.awsName).toBe('ConditionalCheckFailedException');
    expect(error.item).toBeInstanceOf(Order);
    expect(error.item!.isBig).toBe(true);
    expect(error.item!.userId).toBe('u1');
  });

  it('ConditionalCheckFailedException without Item -> no item', () => {
    const error = mapAwsError(awsError('ConditionalCheckFailedException'), ctx) as ConditionError;
    expect(error).toBeInstanceOf(ConditionError);
    expect(error).not.toHaveProperty('item');
  });

  it('ResourceNotFoundException -> TableNotFoundError naming the table', () => {
    const cause = awsError('ResourceNotFoundException', 'Requested resource not found');
    const error = mapAwsError(cause, ctx) as TableNotFoundError;
    expect(error).toBeInstanceOf(TableNotFoundError);
    expect(error.table).toBe('orders');
    expect(error.message).toBe('put_item on orders: table or index not found (Requested resource not found)');
    expect(error.cause).toBe(cause);
    expect(error.awsName).toBe('ResourceNotFoundException');
  });

  it.each(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded'])(
    '%s -> ThrottlingError',
    (name) => {
      const cause = awsError(name);
      const error = mapAwsError(cause, ctx);
      expect(error).toBeInstanceOf(ThrottlingError);
      expect(error.message).toBe(`put_item on orders was throttled (${name})`);
      expect(error.awsName).toBe(name);
      expect(error.cause).toBe(cause);
    },
  );

  it('ItemCollectionSizeLimitExceededException -> CollectionSizeError', () => {
    const cause = awsError('ItemCollectionSizeLimitExceededException');
    const error = mapAwsError(cause, ctx);
    expect(error).toBeInstanceOf(CollectionSizeError);
    expect(error.cause).toBe(cause);
    expect(error.awsName).toBe('ItemCollectionSizeLimitExceededException');
  });

  it('ValidationException -> ValidationError keeping the AWS message', () => {
    const cause = awsError('ValidationException', 'One or more parameter values were invalid');
    const error = mapAwsError(cause, ctx);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      'put_item on orders was rejected by DynamoDB: One or more parameter values were invalid',
    );
    expect(error.awsName).toBe('ValidationException');
    expect(error.cause).toBe(cause);
  });

  it('ValidationException about a missing parent map adds a hint', () => {
    const error = mapAwsError(
      awsError('ValidationException', 'The document path provided in the update expression is invalid for update'),
      ctx,
    );
    expect(error.message).toMatch(/needs its parent map to exist/);
  });

  it('TransactionCanceledException -> TransactionError with one reason per item', () => {
    const cause = awsError('TransactionCanceledException', 'Transaction cancelled', {
      CancellationReasons: [
        { Code: 'None' },
        { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' },
        {},
      ],
    });
    const error = mapAwsError(cause, { operation: 'transact_write', table: 'orders' }) as TransactionError;
    expect(error).toBeInstanceOf(TransactionError);
    expect(error.reasons).toEqual([
      { index: 0, code: 'None', message: '' },
      { index: 1, code: 'ConditionalCheckFailed', message: 'The conditional request failed' },
      { index: 2, code: 'None', message: '' },
    ]);
    expect(error.message).toBe(
      'transact_write on orders was cancelled: item 1: ConditionalCheckFailed (The conditional request failed)',
    );
    expect(error.cause).toBe(cause);
  });

  it('TransactionCanceledException without reasons', () => {
    const error = mapAwsError(awsError('TransactionCanceledException'), ctx) as TransactionError;
    expect(error.reasons).toEqual([]);
    expect(error.message).toMatch(/was cancelled: no reason given/);
  });

  it('anything else -> DkmioError carrying the AWS name and cause', () => {
    const cause = awsError('InternalServerError', 'boom');
    const error = mapAwsError(cause, ctx);
    expect(error.constructor).toBe(DkmioError);
    expect(error.code).toBe('DYNAMODB_ERROR');
    expect(error.awsName).toBe('InternalServerError');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('put_item on orders failed: InternalServerError: boom');
  });

  it('a thrown non-error still becomes a DkmioError', () => {
    const error = mapAwsError(undefined, ctx);
    expect(error).toBeInstanceOf(DkmioError);
    expect(error.awsName).toBe('Error');
  });

  it('dkmio errors pass through unchanged', () => {
    const original = new ValidationError('mine');
    expect(mapAwsError(original, ctx)).toBe(original);
  });
});
