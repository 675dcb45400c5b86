import { debuglog } from 'node:util';

/** Anything with these methods: console, pino, NestJS's Logger. Each method is optional. */
export interface DkmioLogger {
  debug?(message: string, ...rest: unknown[]): void;
  info?(message: string, ...rest: unknown[]): void;
  warn?(message: string, ...rest: unknown[]): void;
  error?(message: string, ...rest: unknown[]): void;
}

/**
 * The logger dkmio writes to. Lines name the operation and table, never attribute values.
 * `enabled` is checked before any line is built, so silent logging costs one branch.
 */
export interface Log {
  readonly enabled: boolean;
  debug(message: string): void;
  warn(message: string): void;
}

/** A given logger receives every line; without one, only `NODE_DEBUG=dkmio` turns lines on. */
export function createLog(logger: DkmioLogger | undefined): Log {
  if (logger) {
    return {
      enabled: true,
      debug: (m) => logger.debug?.(m),
      warn: (m) => logger.warn?.(m),
    };
  }
  const d = debuglog('dkmio');
  const enabled = d.enabled;
  return { enabled, debug: (m) => enabled && d(m), warn: (m) => enabled && d(`WARN ${m}`) };
}
