import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { DkmioError } from '../errors/errors';
import { httpErrorResponse, type DkmioHttpErrorBody } from '../http/error-response';

/**
 * Answers dkmio errors with `httpStatusOf` (404 not found, 409 conflict, 400 bad input, 503
 * throttled or circuit open, 500 otherwise) and a JSON body `{ statusCode, error, message }`
 * where `error` is the dkmio code. Server errors are logged here (the client gets a generic
 * message). Only dkmio errors are caught: everything else goes to Nest's default handling.
 * Works on Express and Fastify. Needs no constructor arguments.
 *
 * @example
 * app.useGlobalFilters(new DkmioExceptionFilter());
 * // or, in a module: providers: [{ provide: APP_FILTER, useClass: DkmioExceptionFilter }]
 */
@Catch(DkmioError)
export class DkmioExceptionFilter implements ExceptionFilter<DkmioError> {
  private static readonly logger = new Logger('DkmioExceptionFilter');

  catch(exception: DkmioError, host: ArgumentsHost): void {
    // Reached only when called directly or from another transport (RPC, WebSockets, GraphQL):
    // leave those errors to whoever handles them there.
    if (!(exception instanceof DkmioError) || host.getType() !== 'http') throw exception;
    const { status, body, headers } = httpErrorResponse(exception);
    if (status >= 500)
      DkmioExceptionFilter.logger.error(`${exception.name} (${exception.code}): ${exception.message}`, exception.stack);
    reply(host.switchToHttp().getResponse(), status, headers, body);
  }
}

interface AnyResponse {
  headersSent?: boolean;
  sent?: boolean;
  status?: (code: number) => unknown;
  json?: (body: unknown) => unknown;
  code?: (code: number) => unknown;
  send?: (body: unknown) => unknown;
  header?: (name: string, value: string) => unknown;
  setHeader?: (name: string, value: string) => unknown;
  statusCode?: number;
  end?: (body?: string) => unknown;
}

/** Writes the answer on Express (status/json), Fastify (code/send) or a bare Node response. */
function reply(res: AnyResponse, status: number, headers: Record<string, string>, body: DkmioHttpErrorBody): void {
  if (res.headersSent || res.sent) {
    res.end?.();
    return;
  }
  const setHeader = (res.setHeader ?? res.header)?.bind(res);
  for (const [name, value] of Object.entries(headers)) setHeader?.(name, value);
  if (typeof res.status === 'function' && typeof res.json === 'function') {
    res.status(status);
    res.json(body);
  } else if (typeof res.code === 'function' && typeof res.send === 'function') {
    res.code(status);
    res.send(body);
  } else {
    res.statusCode = status;
    setHeader?.('Content-Type', 'application/json; charset=utf-8');
    res.end?.(JSON.stringify(body));
  }
}
