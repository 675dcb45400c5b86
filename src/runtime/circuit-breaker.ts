import { describeRequest, type Request, type RequestGuard } from './executor';

// The guard methods are @internal (stripped from the published types), so the class cannot name
// RequestGuard in an `implements` clause; this line keeps the compile-time check.
const _isGuard = (b: CircuitBreaker): RequestGuard => b;
void _isGuard;
import type { Log } from './logger';
import { CircuitOpenError, ValidationError } from '../errors/errors';
import { milliseconds, positiveInteger } from './option-checks';
import { isInfrastructureFailure } from '../errors/map-aws-error';

/** `'closed'`: calls flow. `'open'`: calls are refused. `'half_open'`: one probe decides. */
export type CircuitState = 'closed' | 'open' | 'half_open';

/** Settings of the circuit breaker (`new DkmioClient({ circuitBreaker: { ... } })`). */
export interface CircuitBreakerOptions {
  /** Consecutive infrastructure failures (throttling, 5xx, network) that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long the circuit stays open before one probe request is let through. Default 30000 ms. */
  recoveryTimeoutMs?: number;
  /** Milliseconds since some origin; injectable for tests. Default `Date.now`. */
  clock?: () => number;
  /**
   * `'client'` (default): one breaker for every request of the client. `'table'`: one per table
   * (`db.circuitBreakerOf(Entity)`), so a failing table does not refuse the others' calls.
   */
  scope?: 'client' | 'table';
}

/** The defaults the contract fixes. */
export const DEFAULT_FAILURE_THRESHOLD = 5;
export const DEFAULT_RECOVERY_TIMEOUT_MS = 30_000;

/** What `admit()` hands out: which period the request was admitted in, and whether it is the probe. */
interface Ticket {
  readonly epoch: number;
  readonly probe: boolean;
}

/**
 * Stops sending to DynamoDB while it is failing, so callers fail fast instead of piling up.
 *
 * - closed: `failureThreshold` consecutive infrastructure failures open it; any answer from
 *   DynamoDB (a success or a client error such as a failed condition) resets the count.
 * - open: every call throws {@link CircuitOpenError} at once, without touching the network.
 * - half-open (after `recoveryTimeoutMs`): exactly one probe is let through, others are refused;
 *   any answer to the probe closes the circuit, an infrastructure failure opens it again.
 *
 * Outcomes of requests admitted before the last state change are ignored (the `epoch` of their
 * ticket is stale), so failures of requests in flight when it opened never extend the open
 * period. A cancelled request is neutral: it neither counts nor closes; a cancelled probe frees
 * the probe slot.
 *
 * @example
 * db.circuitBreaker.state;   // 'closed' | 'open' | 'half_open'
 * db.circuitBreaker.reset(); // closed, failure count cleared
 */
export class CircuitBreaker {
  /** False when the client was created with `circuitBreaker: false`: it then never opens. */
  readonly enabled: boolean;
  readonly failureThreshold: number;
  readonly recoveryTimeoutMs: number;
  private readonly clock: () => number;
  private current: CircuitState = 'closed';
  private failures = 0;
  private openedAt = 0;
  private epoch = 0;
  /** When the half-open probe was let through; undefined while no probe is in flight. */
  private probeSince?: number;

  /** @internal */
  constructor(
    options: CircuitBreakerOptions | false = {},
    private readonly log?: Log,
  ) {
    this.enabled = options !== false;
    const o = options === false ? {} : options;
    this.failureThreshold = positiveInteger(
      o.failureThreshold,
      DEFAULT_FAILURE_THRESHOLD,
      'circuitBreaker.failureThreshold',
    );
    this.recoveryTimeoutMs = milliseconds(
      o.recoveryTimeoutMs,
      DEFAULT_RECOVERY_TIMEOUT_MS,
      'circuitBreaker.recoveryTimeoutMs',
    );
    this.clock = o.clock ?? Date.now;
    if (o.scope !== undefined && o.scope !== 'client' && o.scope !== 'table') {
      throw new ValidationError(`circuitBreaker.scope must be 'client' or 'table'.`);
    }
  }

  /** The current state. An open circuit whose recovery timeout has passed reads `'half_open'`. */
  get state(): CircuitState {
    this.advance(this.clock());
    return this.current;
  }

  /** Closes the circuit and clears the failure count; outcomes of requests in flight are ignored. */
  reset(): void {
    this.transition('closed');
  }

  /** @internal Lets a request through or throws {@link CircuitOpenError}. */
  admit(request?: Request): Ticket {
    const now = this.clock();
    this.advance(now);
    if (!this.enabled || this.current === 'closed') return { epoch: this.epoch, probe: false };
    if (this.current === 'half_open') {
      // A probe that never answers must not block the circuit forever: after another
      // recovery timeout a new probe replaces it.
      if (this.probeSince === undefined || now - this.probeSince >= this.recoveryTimeoutMs) {
        this.probeSince = now;
        this.epoch++;
        this.log?.warn('circuit breaker half-open: sending one probe request');
        return { epoch: this.epoch, probe: true };
      }
      const wait = Math.max(0, this.probeSince + this.recoveryTimeoutMs - now);
      throw new CircuitOpenError(
        `${refusedPrefix(request)}the circuit breaker is half-open and its probe request is still in flight; ` +
          `calls resume as soon as DynamoDB answers it (a new probe is allowed in ${formatMs(wait)} at the latest).`,
        wait,
      );
    }
    const wait = Math.max(0, this.openedAt + this.recoveryTimeoutMs - now);
    throw new CircuitOpenError(
      `${refusedPrefix(request)}the circuit breaker is open after ${this.failureThreshold} consecutive DynamoDB infrastructure failures ` +
        `(throttling, service or network errors); the next probe request is let through in ${formatMs(wait)}.`,
      wait,
    );
  }

  /** @internal Reports the outcome of an admitted request: `error` undefined means success. */
  settle(token: unknown, error: unknown): void {
    const ticket = token as Ticket | undefined;
    if (!this.enabled || !ticket || ticket.epoch !== this.epoch) return;
    const infrastructure = error !== undefined && isInfrastructureFailure(error);
    if (ticket.probe) {
      this.transition(infrastructure ? 'open' : 'closed');
      return;
    }
    if (this.current !== 'closed') return;
    if (!infrastructure) {
      this.failures = 0;
      return;
    }
    if (++this.failures >= this.failureThreshold) this.transition('open');
  }

  /** @internal A request that was admitted but cancelled: neutral, except that a probe frees its slot. */
  release(token: unknown): void {
    const ticket = token as Ticket | undefined;
    if (!this.enabled || !ticket || ticket.epoch !== this.epoch || !ticket.probe) return;
    this.probeSince = undefined;
  }

  private advance(now: number): void {
    if (this.current === 'open' && now - this.openedAt >= this.recoveryTimeoutMs) {
      this.current = 'half_open';
      this.probeSince = undefined;
    }
  }

  private transition(to: 'open' | 'closed'): void {
    const from = this.current;
    this.epoch++;
    this.failures = 0;
    this.probeSince = undefined;
    this.current = to;
    if (to === 'open') {
      this.openedAt = this.clock();
      this.log?.warn(
        `circuit breaker opened (${from === 'half_open' ? 'the probe failed' : `${this.failureThreshold} consecutive infrastructure failures`}); next probe in ${formatMs(this.recoveryTimeoutMs)}`,
      );
    } else if (from !== 'closed') {
      this.log?.warn('circuit breaker closed');
    }
  }
}

function refusedPrefix(request: Request | undefined): string {
  return request ? `${describeRequest(request)} refused: ` : '';
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.ceil(ms)} ms`;
}
