import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Abort signals for the clients dkmio creates, without per-call send options.
 *
 * The SDK reuses a command's resolved middleware stack (`cacheMiddleware: true`) only for a
 * `send()` without options; a signal passed as `{ abortSignal }` made it resolve the whole stack
 * again on every call (measured: about a third of the CPU of a get). So on its own clients dkmio
 * sends without options and routes each call's signal to the HTTP hop itself: the signal is
 * registered under the command's input, a middleware next to the HTTP handler carries it over to
 * the signed request, and the client's request handler (wrapped once, when dkmio creates the
 * client) hands it to the real handler. The executor also stops waiting the moment the signal
 * aborts, as the SDK does when it is given one (between retries included).
 */
const byInput = new WeakMap<object, AbortSignal>();
const byRequest = new WeakMap<object, AbortSignal>();

type Next = (args: { input: object; request?: unknown }) => Promise<unknown>;
type HttpHandler = {
  handle(request: object, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  [key: string]: unknown;
};

/** Sends `command` on `signal`: call before `client.send(command)` on a client set up by {@link installSignalRouting}. */
export function routeSignal(command: { input: object }, signal: AbortSignal): void {
  byInput.set(command.input, signal);
}

export function installSignalRouting(client: DynamoDBClient): void {
  const config = client.config as unknown as { requestHandler: HttpHandler };
  const inner = config.requestHandler;
  const handle = (request: object, options?: { abortSignal?: AbortSignal }) => {
    const signal = byRequest.get(request);
    return inner.handle(request, signal && !options?.abortSignal ? { ...options, abortSignal: signal } : options);
  };
  // The handler interface runs on the real handler; anything else (metadata, ...) is read from it.
  const wrapper = Object.create(inner) as HttpHandler;
  for (const key of ['destroy', 'updateHttpClientConfig', 'httpHandlerConfigs'] as const) {
    const method = inner[key];
    if (typeof method === 'function') wrapper[key] = method.bind(inner);
  }
  wrapper.handle = handle;
  config.requestHandler = wrapper;
  const stack = client.middlewareStack as unknown as {
    add(mw: (next: Next) => Next, options: { step: string; name: string; priority?: string }): void;
  };
  stack.add(
    (next) => (args) => {
      const signal = byInput.get(args.input);
      if (signal !== undefined && args.request) byRequest.set(args.request, signal);
      return next(args);
    },
    { step: 'deserialize', name: 'dkmioRouteSignal', priority: 'low' },
  );
}

/**
 * `sent`, or a rejection as soon as `signal` aborts (the request itself is aborted at the HTTP
 * hop). The executor turns that rejection into the caller's reason or a RequestTimeoutError.
 */
export function untilAborted<T>(sent: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    sent.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the SDK's error, passed on as it is
        reject(e);
      },
    );
  });
}
