import { RequestTimeoutError } from '../errors/errors';
import { mapAwsError } from '../errors/map-aws-error';
import type { Log } from './logger';
import { routeSignal, untilAborted } from './routed-signals';

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
}

/** The one method of an SDK client the executor needs (DynamoDBClient and DocumentClient both fit). */
export interface Sender {
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/** How long a request may wait for its answer by default (`requestTimeoutMs`). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/**
 * The one place every request goes through: logging, the circuit breaker, the request timeout,
 * cancellation and error mapping. Nothing else calls `client.send`.
 */
export class Executor {
  /**
   * On the clients dkmio creates: signals reach the HTTP hop through routed-signals.ts, so calls
   * are sent without options and the SDK's cached middleware stack is used.
   */
  routeSignals = false;
  /** The command actually sent, for clients handed to dkmio. */
  prepareCommand?: (command: object) => object;

  constructor(
    private readonly client: () => Sender,
    readonly log: Log,
    private readonly guard?: RequestGuard,
    /** 0: no timeout. */
    private readonly timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  ) {}

  async send<O>(command: object, req: Request): Promise<O> {
    const signal = req.signal;
    if (signal?.aborted) throw signal.reason;
    if (this.log.enabled) this.log.debug(describeRequest(req));
    const token = this.guard?.admit(req);
    const deadline = this.timeoutMs > 0 ? new Deadline(this.timeoutMs, signal) : undefined;
    try {
      const abortSignal = deadline ? deadline.signal : signal;
      const client = this.client();
      let out: O;
      if (this.routeSignals) {
        if (abortSignal) routeSignal(command as { input: object }, abortSignal);
        const sent = client.send(command as never) as Promise<O>;
        out = await (abortSignal ? untilAborted(sent, abortSignal) : sent);
      } else {
        const options = abortSignal ? { abortSignal } : undefined;
        const sent = this.prepareCommand ? this.prepareCommand(command) : command;
        out = (await client.send(sent as never, options)) as O;
      }
      this.guard?.settle(token, undefined);
      return out;
    } catch (error) {
      if (signal?.aborted) {
        this.guard?.release(token);
        throw signal.reason;
      }
      if (deadline?.expired) {
        const timeout = new RequestTimeoutError(
          `${describeRequest(req)} got no answer within ${this.timeoutMs} ms (requestTimeoutMs) and was abandoned; ` +
            `a write may still have been applied. Raise requestTimeoutMs for slow requests, or 0 turns the timeout off.`,
          this.timeoutMs,
        );
        this.guard?.settle(token, timeout);
        throw timeout;
      }
      const mapped = mapAwsError(error, { operation: req.operation, table: req.table });
      this.guard?.settle(token, mapped);
      throw mapped;
    } finally {
      deadline?.clear();
    }
  }
}

/**
 * The signal a request is sent with when it has a timeout: aborted when the timer fires or when
 * the caller's own signal aborts (with the caller's reason). The timer is unref'd (it never
 * keeps a process alive) and cleared with the listener once the request settles.
 */
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;
  expired = false;

  constructor(
    ms: number,
    private readonly caller: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.controller.abort();
    }, ms);
    this.timer.unref?.();
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  private readonly onCallerAbort = (): void => this.controller.abort(this.caller!.reason);

  clear(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }
}

/** `put_item on orders`, `query on orders (gsi-status)`: how logs and messages name a request. */
export function describeRequest(req: Request): string {
  return req.index ? `${req.operation} on ${req.table} (${req.index})` : `${req.operation} on ${req.table}`;
}
