/**
 * Request handlers given to every adapter's SDK client (`requestHandler` in the client config):
 * - `CannedHttp` answers the HTTP hop in-process with canned DynamoDB JSON, so the whole SDK stack
 *   (marshalling, middleware, signing, parsing) runs and only the network is left out;
 * - `CountingHttp` wraps the real Node HTTP handler (DynamoDB Local on loopback) and counts requests
 *   and how many were in flight at once.
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { marshall } from '@aws-sdk/util-dynamodb';

type Handler = { handle(request: any, options?: any): Promise<{ response: any }> };

const JSON_HEADERS = { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'bench' };

function body(obj: unknown): Buffer {
  return Buffer.from(JSON.stringify(obj), 'utf8');
}

/** Marshalled (low-level) JSON of plain items, as DynamoDB sends them. */
export function rawItems(items: object[]): Record<string, unknown>[] {
  return items.map((i) => marshall(i, { removeUndefinedValues: true }) as Record<string, unknown>);
}

export class CannedHttp implements Handler {
  readonly metadata = { handlerProtocol: 'http/1.1' };
  requests = 0;
  private bodies = new Map<string, Buffer>();
  private queryBody = body({ Items: [], Count: 0, ScannedCount: 0 });

  constructor(getItem: object) {
    this.bodies.set('GetItem', body({ Item: rawItems([getItem])[0] }));
    this.bodies.set('PutItem', body({}));
    this.bodies.set('UpdateItem', body({}));
    this.bodies.set('DeleteItem', body({}));
    this.bodies.set('BatchWriteItem', body({ UnprocessedItems: {} }));
  }

  /** The page every Query/Scan is answered with from now on. */
  setQueryPage(items: object[]): void {
    this.queryBody = body({ Items: rawItems(items), Count: items.length, ScannedCount: items.length });
  }

  async handle(request: { headers: Record<string, string> }): Promise<{ response: unknown }> {
    this.requests++;
    const target = request.headers['x-amz-target'] ?? request.headers['X-Amz-Target'] ?? '';
    const op = target.slice(target.indexOf('.') + 1);
    const canned = op === 'Query' || op === 'Scan' ? this.queryBody : this.bodies.get(op);
    if (!canned) throw new Error(`bench: no canned answer for ${op}`);
    // A copy per call: the SDK re-prototypes the body it collects, and a real socket hands over fresh bytes too.
    return {
      response: {
        statusCode: 200,
        reason: 'OK',
        headers: { ...JSON_HEADERS, 'content-length': String(canned.length) },
        body: new Uint8Array(canned),
      },
    };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, unknown> {
    return {};
  }
  destroy(): void {}
}

export class CountingHttp implements Handler {
  requests = 0;
  inFlight = 0;
  maxInFlight = 0;
  private readonly inner = new NodeHttpHandler({ httpAgent: { keepAlive: true, maxSockets: 64 } as any });

  get metadata() {
    return this.inner.metadata;
  }

  resetCounts(): void {
    this.requests = 0;
    this.maxInFlight = 0;
  }

  async handle(request: any, options?: any): Promise<{ response: any }> {
    this.requests++;
    this.inFlight++;
    if (this.inFlight > this.maxInFlight) this.maxInFlight = this.inFlight;
    try {
      return await this.inner.handle(request, options);
    } finally {
      this.inFlight--;
    }
  }

  updateHttpClientConfig(key: any, value: any): void {
    this.inner.updateHttpClientConfig(key, value);
  }
  httpHandlerConfigs(): any {
    return this.inner.httpHandlerConfigs();
  }
  destroy(): void {
    this.inner.destroy();
  }
}
