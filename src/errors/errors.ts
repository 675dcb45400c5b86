/**
 * Every error dkmio throws extends {@link DkmioError} and carries a stable `code`, so callers
 * can branch on `error.code` (or `instanceof`) without parsing messages. Errors that come from
 * AWS keep the original exception as `cause`.
 */

/** Stable error codes; the registry of every code dkmio uses. */
export const ErrorCodes = {
  INVALID_DEFINITION: 'INVALID_DEFINITION',
  MISSING_KEY: 'MISSING_KEY',
  INVALID_PROJECTION: 'INVALID_PROJECTION',
  VALIDATION: 'VALIDATION',
  CONDITION_FAILED: 'CONDITION_FAILED',
  ITEM_NOT_FOUND: 'ITEM_NOT_FOUND',
  TABLE_NOT_FOUND: 'TABLE_NOT_FOUND',
  THROTTLED: 'THROTTLED',
  COLLECTION_SIZE_EXCEEDED: 'COLLECTION_SIZE_EXCEEDED',
  TRANSACTION_CANCELLED: 'TRANSACTION_CANCELLED',
  BATCH_WRITE_INCOMPLETE: 'BATCH_WRITE_INCOMPLETE',
  CIRCUIT_OPEN: 'CIRCUIT_OPEN',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  DYNAMODB_ERROR: 'DYNAMODB_ERROR',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Base class of every dkmio error. */
export class DkmioError extends Error {
  /** A stable, machine-readable code such as `'CONDITION_FAILED'`. */
  readonly code: string;
  /** The AWS exception name when the error came from DynamoDB (e.g. `'InternalServerError'`). */
  readonly awsName?: string;

  constructor(code: string, message: string, options?: { cause?: unknown; awsName?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    if (options?.awsName !== undefined) this.awsName = options.awsName;
  }
}

/** A class's decorators do not describe a usable table (thrown when the class is first used). */
export class InvalidDefinitionError extends DkmioError {
  constructor(message: string) {
    super(ErrorCodes.INVALID_DEFINITION, message);
  }
}

/** A key lacks a part of the primary key. `attribute` names the missing property. */
export class MissingKeyError extends DkmioError {
  constructor(
    message: string,
    readonly attribute: string,
  ) {
    super(ErrorCodes.MISSING_KEY, message);
  }
}

/** `select()`/`filter()` named an attribute the index does not project. */
export class InvalidProjectionError extends DkmioError {
  constructor(
    message: string,
    readonly attribute: string,
    readonly index: string,
    readonly projected: readonly string[] | 'KEYS_ONLY',
  ) {
    super(ErrorCodes.INVALID_PROJECTION, message);
  }
}

/** Bad input caught before any request was sent (or a DynamoDB ValidationException). */
export class ValidationError extends DkmioError {
  constructor(message: string, options?: { cause?: unknown; awsName?: string }) {
    super(ErrorCodes.VALIDATION, message, options);
  }
}

/** A condition on put/update/delete failed. `item` is the stored item when it was asked for. */
export class ConditionError<T = unknown> extends DkmioError {
  readonly item?: T;
  constructor(message: string, options?: { cause?: unknown; item?: T }) {
    super(ErrorCodes.CONDITION_FAILED, message, { cause: options?.cause, awsName: 'ConditionalCheckFailedException' });
    if (options?.item !== undefined) this.item = options.item;
  }
}

/** `getOrThrow` found no item. */
export class ItemNotFoundError extends DkmioError {
  constructor(
    message: string,
    readonly table: string,
    readonly key: Readonly<Record<string, unknown>>,
  ) {
    super(ErrorCodes.ITEM_NOT_FOUND, message);
  }
}

/** The table (or index) does not exist. */
export class TableNotFoundError extends DkmioError {
  constructor(
    message: string,
    readonly table: string,
    options?: { cause?: unknown; awsName?: string },
  ) {
    super(ErrorCodes.TABLE_NOT_FOUND, message, {
      cause: options?.cause,
      awsName: options?.awsName ?? 'ResourceNotFoundException',
    });
  }
}

/** DynamoDB throttled the request after the SDK's own retries. */
export class ThrottlingError extends DkmioError {
  constructor(message: string, options?: { cause?: unknown; awsName?: string }) {
    super(ErrorCodes.THROTTLED, message, options);
  }
}

/** An item collection (one partition key value with local indexes) exceeded 10 GB. */
export class CollectionSizeError extends DkmioError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCodes.COLLECTION_SIZE_EXCEEDED, message, {
      cause: options?.cause,
      awsName: 'ItemCollectionSizeLimitExceededException',
    });
  }
}

/** One reason per transaction item, in request order; `code` is `'None'` for items that were fine. */
export interface CancellationReason {
  index: number;
  code: string;
  message: string;
  /** The stored item, when this item failed its condition and asked for it (`returnItemOnConditionFail`). */
  item?: unknown;
}

/** A transaction was cancelled; `reasons` says why, item by item. */
export class TransactionError extends DkmioError {
  constructor(
    message: string,
    readonly reasons: readonly CancellationReason[],
    options?: { cause?: unknown },
  ) {
    super(ErrorCodes.TRANSACTION_CANCELLED, message, {
      cause: options?.cause,
      awsName: 'TransactionCanceledException',
    });
  }
}

/** An entity class (any constructor). */
type EntityClass = abstract new (...args: never[]) => unknown;

/**
 * One write a batch could not complete: `entity` is the entity class, `item`/`key` the object
 * given to `batch.put`/`batch.delete` (property names). Resending it is safe.
 *
 * `maybeApplied` is true when a request holding this write failed without an answer (a reset
 * connection, a timeout, a 5xx): DynamoDB may have applied it. It stays true whatever happened
 * to the write afterwards (returned unprocessed by a retry, refused by an open circuit).
 *
 * `reason` is `'otherType'` (and absent otherwise) when the single-table type guard refused the
 * write: the item stored under its key belongs to another entity type, so it was neither
 * overwritten nor deleted, and resending the write fails the same way.
 */
export type UnprocessedWrite =
  | { kind: 'put'; entity: EntityClass; item: Record<string, unknown>; maybeApplied: boolean; reason?: 'otherType' }
  | { kind: 'delete'; entity: EntityClass; key: Record<string, unknown>; maybeApplied: boolean; reason?: 'otherType' };

/** A batch write that still had unwritten items after its retries. Everything else was written. */
export class BatchWriteError extends DkmioError {
  constructor(
    message: string,
    readonly unprocessed: readonly UnprocessedWrite[],
    options?: { cause?: unknown },
  ) {
    super(ErrorCodes.BATCH_WRITE_INCOMPLETE, message, options);
  }
}

/** The circuit breaker is open: the call was refused without touching the network. */
export class CircuitOpenError extends DkmioError {
  constructor(
    message: string,
    /** Milliseconds until the breaker lets a probe through. */
    readonly retryAfterMs: number,
  ) {
    super(ErrorCodes.CIRCUIT_OPEN, message);
  }
}

/**
 * DynamoDB did not answer within the client's `requestTimeoutMs`; the request was abandoned.
 * Counted by the circuit breaker as an infrastructure failure. A write may still have been
 * applied (the answer, not the request, is what was lost). `createTables`/`deleteTables` throw
 * it too when a table is not ready within `waitTimeoutMs`.
 */
export class RequestTimeoutError extends DkmioError {
  constructor(
    message: string,
    /** The timeout that expired, in milliseconds. */
    readonly timeoutMs: number,
  ) {
    super(ErrorCodes.REQUEST_TIMEOUT, message);
  }
}
