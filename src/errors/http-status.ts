import {
  BatchWriteError,
  CircuitOpenError,
  CollectionSizeError,
  ConditionError,
  InvalidProjectionError,
  ItemNotFoundError,
  MissingKeyError,
  RequestTimeoutError,
  ThrottlingError,
  TransactionError,
  ValidationError,
} from './errors';

/**
 * The HTTP status a web application should answer with for an error dkmio threw.
 *
 * @example
 * res.status(httpStatusOf(err)).json({ error: err.code });
 */
export function httpStatusOf(error: unknown): number {
  if (error instanceof ItemNotFoundError) return 404;
  if (error instanceof ConditionError || error instanceof TransactionError) return 409;
  if (error instanceof ValidationError || error instanceof MissingKeyError || error instanceof InvalidProjectionError)
    return 400;
  if (error instanceof ThrottlingError || error instanceof CircuitOpenError || error instanceof BatchWriteError)
    return 503;
  if (error instanceof RequestTimeoutError) return 504;
  if (error instanceof CollectionSizeError) return 507;
  return 500;
}
