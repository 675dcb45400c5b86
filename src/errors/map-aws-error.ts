import {
  CollectionSizeError,
  ConditionError,
  DkmioError,
  ErrorCodes,
  RequestTimeoutError,
  TableNotFoundError,
  ThrottlingError,
  TransactionError,
  ValidationError,
  type CancellationReason,
} from './errors';

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
]);

interface AwsLikeError {
  name?: string;
  message?: string;
  CancellationReasons?: { Code?: string; Message?: string }[];
  $metadata?: { httpStatusCode?: number };
}

/** What the executor knows about the request that failed, for messages. */
export interface ErrorContext {
  operation: string;
  table: string;
}

/**
 * Turns whatever the SDK threw into a {@link DkmioError}, keeping the original as `cause`.
 * Errors dkmio threw itself pass through unchanged.
 */
export function mapAwsError(error: unknown, ctx: ErrorContext): DkmioError {
  if (error instanceof DkmioError) return error;
  const e = (error ?? {}) as AwsLikeError;
  const name = e.name ?? 'Error';
  const where = `${ctx.operation} on ${ctx.table}`;
  switch (name) {
    case 'ConditionalCheckFailedException':
      // A returned `Item` stays on `cause`: the operation that knows the entity hydrates it.
      return new ConditionError(`The condition of ${where} failed`, { cause: error });
    case 'ResourceNotFoundException':
      return new TableNotFoundError(
        `${where}: table or index not found (${e.message ?? 'ResourceNotFoundException'})`,
        ctx.table,
        { cause: error },
      );
    case 'ItemCollectionSizeLimitExceededException':
      return new CollectionSizeError(`${where}: the item collection exceeded its size limit`, { cause: error });
    case 'ValidationException': {
      // A declared index the table lacks is a deployment problem like a missing table (500),
      // not bad input from the caller (400).
      if (/does not have the specified index/i.test(e.message ?? '')) {
        return new TableNotFoundError(`${where}: table or index not found (${e.message})`, ctx.table, {
          cause: error,
          awsName: name,
        });
      }
      const hint = /document path provided in the update expression is invalid/i.test(e.message ?? '')
        ? ' (a nested path like "address.city" needs its parent map to exist: set the whole map first, e.g. set: { address: { city } })'
        : '';
      return new ValidationError(`${where} was rejected by DynamoDB: ${e.message ?? ''}${hint}`, {
        cause: error,
        awsName: name,
      });
    }
    case 'TransactionCanceledException':
      return new TransactionError(
        `${where} was cancelled: ${describeReasons(e.CancellationReasons)}`,
        toReasons(e.CancellationReasons),
        { cause: error },
      );
  }
  if (THROTTLING.has(name))
    return new ThrottlingError(`${where} was throttled (${name})`, { cause: error, awsName: name });
  return new DkmioError(ErrorCodes.DYNAMODB_ERROR, `${where} failed: ${name}: ${e.message ?? ''}`, {
    cause: error,
    awsName: name,
  });
}

function toReasons(raw: AwsLikeError['CancellationReasons']): CancellationReason[] {
  return (raw ?? []).map((r, index) => ({ index, code: r.Code ?? 'None', message: r.Message ?? '' }));
}

function describeReasons(raw: AwsLikeError['CancellationReasons']): string {
  const failed = toReasons(raw).filter((r) => r.code !== 'None');
  if (failed.length === 0) return 'no reason given';
  return failed.map((r) => `item ${r.index}: ${r.code}${r.message ? ` (${r.message})` : ''}`).join('; ');
}

/** True for failures of the infrastructure (what the circuit breaker counts), not of the request. */
export function isInfrastructureFailure(error: unknown): boolean {
  if (error instanceof ThrottlingError || error instanceof RequestTimeoutError) return true;
  if (error instanceof DkmioError) {
    if (error.code !== ErrorCodes.DYNAMODB_ERROR) return false;
    const cause = error.cause as AwsLikeError | undefined;
    return isServerOrNetwork(cause);
  }
  return isServerOrNetwork(error as AwsLikeError);
}

/** Errors of the client's own configuration: no request was possible, so not the server's fault. */
const CONFIGURATION_NAMES = new Set(['CredentialsProviderError', 'TokenProviderError', 'ProviderError']);
const CONFIGURATION_MESSAGE = /region is missing|invalid region|could not load credentials|credential is missing/i;

function isServerOrNetwork(e: AwsLikeError | undefined): boolean {
  if (!e) return false;
  if (e.name === 'AbortError') return false;
  const status = e.$metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500 || status === 429;
  // No HTTP status: the request got no answer (connection refused or reset, DNS, timeout), unless
  // the client could not even build it. A missing region or unloadable credentials is a
  // configuration error: opening the breaker on it would hide the cause behind CircuitOpenError.
  // (A denylist, because the SDK wraps errors from other realms, e.g. under Jest, losing `code`.)
  if (e.name !== undefined && CONFIGURATION_NAMES.has(e.name)) return false;
  const message = (e as { message?: unknown }).message;
  return !CONFIGURATION_MESSAGE.test(typeof message === 'string' ? message : '');
}
