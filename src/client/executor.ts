import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { mapAwsError } from '../errors/map-aws-error';
import type { CursorSeal } from '../repository/cursor-seal';
import type { Log } from './logger';

/** What the breaker must offer the executor; the resilience layer implements it. */
export interface RequestGuard {
  /**
   * Throws (CircuitOpenError) when the request must not be sent. Returns a token for
   * `settle`/`release`. `request` names the operation and table for messages.
   */
  admit(request: Request): unknown;
  /** Reports the outcome of an admitted request that DynamoDB answered or failed: `error` undefined means success. */
  settle(token: unknown, error: unknown): void;
  /** An admitted request was cancelled by its caller: neither a success nor a failure. */
  release(token: unknown): void;
}

/** One request to send: the low-level command and what to name it in logs and errors. */
export interface Request {
  /** `get_item`, `query`, ... */
  operation: string;
  table: string;
  index?: string;
  signal?: AbortSignal;
  /** Turns an Item returned with a failed condition into an entity instance. */
  hydrateItem?: (raw: Record<string, AttributeValue>) => unknown;
}

/** The one method of an SDK client the executor needs (DynamoDBClient and DocumentClient both fit). */
export interface Sender {
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/**
 * The one place every request goes through: logging, the circuit breaker, cancellation and
 * error mapping. Nothing else calls `client.send`.
 */
export class Executor {
  /** Seals and opens page cursors when the client has a `cursorSecret`. */
  cursorSeal?: CursorSeal;

  constructor(
    private readonly client: () => Sender,
    readonly log: Log,
    private readonly guard?: RequestGuard,
  ) {}

  async send<O>(command: object, req: Request): Promise<O> {
    const signal = req.signal;
    if (signal?.aborted) throw signal.reason;
    if (this.log.enabled) this.log.debug(describeRequest(req));
    const token = this.guard?.admit(req);
    try {
      const out = (await this.client().send(command as never, signal ? { abortSignal: signal } : undefined)) as O;
      this.guard?.settle(token, undefined);
      return out;
    } catch (error) {
      if (signal?.aborted) {
        this.guard?.release(token);
        throw signal.reason;
      }
      const mapped = mapAwsError(error, { operation: req.operation, table: req.table, hydrateItem: req.hydrateItem });
      this.guard?.settle(token, mapped);
      throw mapped;
    }
  }
}

/** `put_item on orders`, `query on orders (gsi-status)`: how logs and messages name a request. */
export function describeRequest(req: Request): string {
  return req.index ? `${req.operation} on ${req.table} (${req.index})` : `${req.operation} on ${req.table}`;
}
