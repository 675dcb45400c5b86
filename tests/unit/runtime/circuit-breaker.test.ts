import {
  CircuitOpenError,
  ConditionError,
  DkmioError,
  ErrorCodes,
  ThrottlingError,
  ValidationError,
} from '../../../src';
import { CircuitBreaker } from '../../../src/runtime/circuit-breaker';

/** A clock the test moves by hand. */
function fakeClock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const throttled = () => new ThrottlingError('put_item on t was throttled');
const serverError = () =>
  new DkmioError(ErrorCodes.DYNAMODB_ERROR, 'boom', {
    cause: Object.assign(new Error('x'), { name: 'InternalServerError', $metadata: { httpStatusCode: 500 } }),
  });
const networkError = () =>
  new DkmioError(ErrorCodes.DYNAMODB_ERROR, 'reset', {
    cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
  });
const conditionFailed = () => new ConditionError('condition failed');
const request = { operation: 'get_item', table: 'orders' };

function breaker(options: { failureThreshold?: number; recoveryTimeoutMs?: number } = {}) {
  const clock = fakeClock();
  const cb = new CircuitBreaker({ failureThreshold: 3, recoveryTimeoutMs: 10_000, ...options, clock: clock.now });
  /** One request through the breaker, settled with `error` (undefined = success). */
  const call = (error?: unknown) => cb.settle(cb.admit(request), error);
  return { cb, clock, call };
}

describe('CircuitBreaker', () => {
  it('has the documented defaults', () => {
    const cb = new CircuitBreaker();
    expect(cb.failureThreshold).toBe(5);
    expect(cb.recoveryTimeoutMs).toBe(30_000);
    expect(cb.state).toBe('closed');
  });

  it('opens after failureThreshold consecutive infrastructure failures of any kind', () => {
    const { cb, call } = breaker();
    call(throttled());
    call(serverError());
    expect(cb.state).toBe('closed');
    call(networkError());
    expect(cb.state).toBe('open');
  });

  it('regression: configuration errors (no region, unloadable credentials) never open it', () => {
    const { cb, call } = breaker({ failureThreshold: 1 });
    const config = (name: string, message: string) =>
      new DkmioError(ErrorCodes.DYNAMODB_ERROR, message, { cause: Object.assign(new Error(message), { name }) });
    call(config('Error', 'Region is missing'));
    call(config('CredentialsProviderError', 'Could not load credentials from any providers'));
    expect(cb.state).toBe('closed');
    call(
      new DkmioError(ErrorCodes.DYNAMODB_ERROR, 'dns', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND x'), { code: 'ENOTFOUND' }),
      }),
    );
    expect(cb.state).toBe('open');
  });

  it('socket timeouts count as infrastructure failures', () => {
    const { cb, call } = breaker({ failureThreshold: 1 });
    call(
      new DkmioError(ErrorCodes.DYNAMODB_ERROR, 'timeout', {
        cause: Object.assign(new Error('timed out'), { name: 'TimeoutError' }),
      }),
    );
    expect(cb.state).toBe('open');
  });

  it('an answer from DynamoDB (success or client error) resets the consecutive count', () => {
    const { cb, call } = breaker();
    call(throttled());
    call(throttled());
    call(conditionFailed());
    call(throttled());
    call(throttled());
    expect(cb.state).toBe('closed');
    call(undefined);
    call(throttled());
    call(throttled());
    expect(cb.state).toBe('closed');
  });

  it('client errors never count, however many', () => {
    const { cb, call } = breaker();
    for (let i = 0; i < 20; i++) call(i % 2 ? conditionFailed() : new ValidationError('bad'));
    expect(cb.state).toBe('closed');
  });

  it('open: refuses at once with retryAfterMs and a message saying when the next probe goes', () => {
    const { cb, clock, call } = breaker();
    for (let i = 0; i < 3; i++) call(throttled());
    clock.advance(2_500);
    let caught: unknown;
    try {
      cb.admit(request);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CircuitOpenError);
    const err = caught as CircuitOpenError;
    expect(err.retryAfterMs).toBe(7_500);
    expect(err.code).toBe('CIRCUIT_OPEN');
    expect(err.message).toContain('get_item on orders');
    expect(err.message).toMatch(/next probe request is let through in 7\.5 s/);
  });

  it('after the recovery timeout lets exactly one probe through and refuses the others', () => {
    const { cb, clock, call } = breaker();
    for (let i = 0; i < 3; i++) call(throttled());
    clock.advance(10_000);
    expect(cb.state).toBe('half_open');
    const probe = cb.admit(request);
    expect(() => cb.admit(request)).toThrow(CircuitOpenError);
    expect(() => cb.admit(request)).toThrow(/probe request is still in flight/);
    cb.settle(probe, undefined);
    expect(cb.state).toBe('closed');
    expect(() => cb.admit(request)).not.toThrow();
  });

  it('a probe answered with a client error (e.g. a failed condition) closes the circuit', () => {
    const { cb, clock, call } = breaker();
    for (let i = 0; i < 3; i++) call(throttled());
    clock.advance(10_000);
    call(conditionFailed());
    expect(cb.state).toBe('closed');
  });

  it('a probe failing with an infrastructure error opens it again for a full recovery timeout', () => {
    const { cb, clock, call } = breaker();
    for (let i = 0; i < 3; i++) call(throttled());
    clock.advance(10_000);
    call(serverError());
    expect(cb.state).toBe('open');
    clock.advance(9_999);
    expect(() => cb.admit(request)).toThrow(CircuitOpenError);
    clock.advance(1);
    expect(cb.state).toBe('half_open');
  });

  it('failures of requests in flight when it opened do not extend the open period', () => {
    const { cb, clock } = breaker();
    const inFlight = Array.from({ length: 6 }, () => cb.admit(request));
    for (const t of inFlight.slice(0, 3)) cb.settle(t, throttled());
    expect(cb.state).toBe('open');
    clock.advance(9_000);
    // The other three fail late, while the circuit is already open.
    for (const t of inFlight.slice(3)) cb.settle(t, throttled());
    clock.advance(1_000);
    expect(cb.state).toBe('half_open');
  });

  it('a late success of a request admitted before it opened does not close it', () => {
    const { cb } = breaker();
    const early = cb.admit(request);
    for (let i = 0; i < 3; i++) cb.settle(cb.admit(request), throttled());
    cb.settle(early, undefined);
    expect(cb.state).toBe('open');
  });

  it('a cancelled probe is neutral and frees the probe slot', () => {
    const { cb, clock, call } = breaker();
    for (let i = 0; i < 3; i++) call(throttled());
    clock.advance(10_000);
    const probe = cb.admit(request);
    cb.release(probe);
    expect(cb.state).toBe('half_open');
    const second = cb.admit(request);
    cb.settle(second, undefined);
    expect(cb.state).toBe('closed');
  });

  it('a cancelled request in the closed state neither counts nor resets the count', () => {
    const { cb, call } = breaker();
    call(throttled());
    call(throttled());
    cb.release(cb.admit(request));
    call(throttled());
    expect(cb.state).toBe('open');
  });

  it('a probe that never answers is replaced after another recovery timeout', () => {
    const { cb, clock, call } = breaker();
    for (let i = 0; i < 3; i++) call(throttled());
    clock.advance(10_000);
    const stuck = cb.admit(request);
    clock.advance(9_999);
    expect(() => cb.admit(request)).toThrow(CircuitOpenError);
    clock.advance(1);
    const fresh = cb.admit(request);
    cb.settle(stuck, serverError()); // the stale probe's outcome is ignored
    expect(cb.state).toBe('half_open');
    cb.settle(fresh, undefined);
    expect(cb.state).toBe('closed');
  });

  it('reset() closes it and clears the count', () => {
    const { cb, call } = breaker();
    for (let i = 0; i < 3; i++) call(throttled());
    expect(cb.state).toBe('open');
    cb.reset();
    expect(cb.state).toBe('closed');
    call(throttled());
    call(throttled());
    expect(cb.state).toBe('closed');
  });

  it('disabled (circuitBreaker: false) never opens', () => {
    const cb = new CircuitBreaker(false);
    expect(cb.enabled).toBe(false);
    for (let i = 0; i < 10; i++) cb.settle(cb.admit(request), throttled());
    expect(cb.state).toBe('closed');
  });

  it('refuses bad settings', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0 })).toThrow(/failureThreshold must be a positive integer/);
    expect(() => new CircuitBreaker({ recoveryTimeoutMs: -1 })).toThrow(/recoveryTimeoutMs/);
  });

  it('logs when it opens and closes (no values)', () => {
    const lines: string[] = [];
    const clock = fakeClock();
    const log = { enabled: true, debug: () => {}, warn: (m: string) => void lines.push(m) };
    const cb = new CircuitBreaker({ failureThreshold: 1, recoveryTimeoutMs: 100, clock: clock.now }, log);
    cb.settle(cb.admit(request), throttled());
    clock.advance(100);
    cb.settle(cb.admit(request), undefined);
    expect(lines).toEqual([
      'circuit breaker opened (1 consecutive infrastructure failures); next probe in 100 ms',
      'circuit breaker half-open: sending one probe request',
      'circuit breaker closed',
    ]);
  });
});
