import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import { toPlain } from '../http/to-plain';

/**
 * Applies `toPlain` to what controllers return, so items, lists and pages answer as JSON-safe
 * data (sets as arrays, binary as base64, bigint as number or string, Dates as ISO strings; a
 * page's `lastKey` left out, its `cursor` kept). Binary bodies and streams (`StreamableFile`,
 * Node streams) pass through unchanged. Needs no constructor arguments.
 *
 * @example
 * app.useGlobalInterceptors(new DkmioSerializerInterceptor());
 * // or, in a module: providers: [{ provide: APP_INTERCEPTOR, useClass: DkmioSerializerInterceptor }]
 * // or on one controller: @UseInterceptors(DkmioSerializerInterceptor)
 */
@Injectable()
export class DkmioSerializerInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((value: unknown) => (passesThrough(value) ? value : toPlain(value))));
  }
}

function passesThrough(value: unknown): boolean {
  if (value === undefined || value === null || typeof value !== 'object')
    return value === undefined || typeof value === 'string';
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return true;
  const v = value as { pipe?: unknown; getStream?: unknown };
  return typeof v.pipe === 'function' || typeof v.getStream === 'function';
}
