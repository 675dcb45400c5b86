/**
 * A fake SDK client for unit tests of sending logic: records every command (its class name and
 * input) and answers with what the test's responder returns or throws. Never touches a network.
 */
export interface RecordedCommand {
  name: string;
  input: Record<string, unknown>;
}

export type Responder = (command: RecordedCommand, index: number) => unknown | Promise<unknown>;

export class RecordingClient {
  readonly sent: RecordedCommand[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(private readonly respond: Responder = () => ({})) {}

  async send(command: never): Promise<unknown> {
    const c = command as unknown as { constructor: { name: string }; input: Record<string, unknown> };
    const recorded = { name: c.constructor.name, input: structuredClone(c.input) };
    const index = this.sent.push(recorded) - 1;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      // Let other lanes start before this one answers, so concurrency is observable.
      await new Promise((resolve) => setImmediate(resolve));
      return await this.respond(recorded, index);
    } finally {
      this.inFlight--;
    }
  }

  /** Names of the commands sent, in order. */
  get names(): string[] {
    return this.sent.map((c) => c.name);
  }
}

/** An error shaped like the SDK's for a throttled request. */
export function sdkThrottle(): Error {
  return Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ProvisionedThroughputExceededException',
    $metadata: { httpStatusCode: 400 },
  });
}

/** An error shaped like the SDK's for a 500. */
export function sdkServerError(): Error {
  return Object.assign(new Error('Internal server error'), {
    name: 'InternalServerError',
    $metadata: { httpStatusCode: 500 },
  });
}

/** An error shaped like the SDK's for a request DynamoDB refused (400 ValidationException). */
export function sdkValidation(message = 'Item size has exceeded the maximum allowed size'): Error {
  return Object.assign(new Error(message), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
}

/** An error shaped like the SDK's for a failed condition. */
export function sdkConditionFailed(item?: Record<string, unknown>): Error {
  return Object.assign(new Error('The conditional request failed'), {
    name: 'ConditionalCheckFailedException',
    $metadata: { httpStatusCode: 400 },
    ...(item && { Item: item }),
  });
}

/** Sleep and random that never wait: sleeps are recorded, random values are taken from a list. */
export function fakeTiming(randoms: number[] = [0.5]) {
  const sleeps: number[] = [];
  let i = 0;
  return {
    sleeps,
    timing: {
      sleep: async (ms: number, signal?: AbortSignal) => {
        if (signal?.aborted) throw signal.reason;
        sleeps.push(ms);
      },
      random: () => randoms[i++ % randoms.length],
    },
  };
}
