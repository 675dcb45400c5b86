import { CircuitOpenError, DkmioError } from '../errors/errors';
import { httpStatusOf } from '../errors/http-status';

/** The JSON body `DkmioExceptionFilter` answers with. */
export interface DkmioHttpErrorBody {
  statusCode: number;
  /** The dkmio error code, e.g. `'ITEM_NOT_FOUND'`. */
  error: string;
  message: string;
}

const GENERIC: Record<number, string> = {
  503: 'The database is busy or unavailable; try again later.',
  507: 'The database refused to store more data for this item collection.',
};

/**
 * Status, body and headers for a dkmio error. Client errors (4xx) keep dkmio's message, which
 * names the attribute or condition at fault; server errors (5xx) get a generic message,
 * because theirs can name tables and AWS internals. Never the stack, the cause or AWS request ids.
 */
export function httpErrorResponse(error: DkmioError): { status: number; body: DkmioHttpErrorBody; headers: Record<string, string> } {
  const status = httpStatusOf(error);
  const message = status < 500 ? error.message : (GENERIC[status] ?? 'Internal server error');
  const headers: Record<string, string> = {};
  if (error instanceof CircuitOpenError) headers['Retry-After'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  return { status, body: { statusCode: status, error: error.code, message }, headers };
}
