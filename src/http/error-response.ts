import { CircuitOpenError, DkmioError } from '../errors/errors';
import { httpStatusOf } from '../errors/http-status';

/** The JSON body dkmio's HTTP error answers carry (Nest filter, Express middleware, Lambda). */
export interface DkmioHttpErrorBody {
  statusCode: number;
  /** The dkmio error code, e.g. `'ITEM_NOT_FOUND'`. */
  error: string;
  message: string;
}

/** Status, headers and body of the HTTP answer to a dkmio error. */
export interface DkmioHttpErrorResponse {
  status: number;
  /** `Retry-After` (seconds) when the circuit breaker is open. */
  headers: Record<string, string>;
  body: DkmioHttpErrorBody;
}

const GENERIC: Record<number, string> = {
  503: 'The database is busy or unavailable; try again later.',
  507: 'The database refused to store more data for this item collection.',
};

/**
 * Status, body and headers for a dkmio error, written once for every framework. Client errors
 * (4xx) keep dkmio's message, which names the attribute or condition at fault (never a value);
 * server errors (5xx) get a generic message, because theirs can name tables and AWS internals.
 * Never the stack, the cause or AWS request ids. An open circuit adds `Retry-After`.
 *
 * @example
 * // AWS Lambda (API Gateway)
 * const { status, headers, body } = httpErrorResponse(error);
 * return { statusCode: status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
 */
export function httpErrorResponse(error: DkmioError): DkmioHttpErrorResponse {
  const status = httpStatusOf(error);
  const message = status < 500 ? error.message : (GENERIC[status] ?? 'Internal server error');
  const headers: Record<string, string> = {};
  if (error instanceof CircuitOpenError)
    headers['Retry-After'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
  return { status, headers, body: { statusCode: status, error: error.code, message } };
}

/** The parts of an Express (or Connect-style) response the error middleware uses. */
interface ExpressLikeResponse {
  headersSent?: boolean;
  status(code: number): unknown;
  setHeader(name: string, value: string): unknown;
  json(body: unknown): unknown;
}

/** Options of {@link dkmioErrorHandler}. */
export interface DkmioErrorHandlerOptions {
  /** Receives server-side failures (5xx) with their stack; default `console.error`. */
  log?: (error: DkmioError) => void;
}

/**
 * Express error middleware: a dkmio error becomes `httpStatusOf(error)` with the
 * {@link httpErrorResponse} body and headers; anything else goes on to the next error handler.
 * Express 5 passes errors of async handlers here by itself (Express 4: call `next(error)`).
 *
 * @example
 * app.use(dkmioErrorHandler());
 */
export function dkmioErrorHandler(options: DkmioErrorHandlerOptions = {}) {
  const log = options.log ?? ((error: DkmioError) => console.error(error));
  return function dkmioErrorMiddleware(
    error: unknown,
    _req: unknown,
    res: ExpressLikeResponse,
    next: (error?: unknown) => void,
  ): void {
    if (!(error instanceof DkmioError) || res.headersSent) {
      next(error);
      return;
    }
    const { status, headers, body } = httpErrorResponse(error);
    if (status >= 500) log(error);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.status(status);
    res.json(body);
  };
}
