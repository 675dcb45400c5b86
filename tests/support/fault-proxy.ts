import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A loopback HTTP proxy in front of DynamoDB Local that injects faults, for tests that prove
 * dkmio survives them. Each request draws one seeded random number; the first rule (in order)
 * whose cumulative `rate` exceeds it is applied, so rates of different rules add up.
 *
 * - `throttle`: answers HTTP 400 ProvisionedThroughputExceededException, not forwarded.
 * - `server_error`: answers HTTP 500 InternalServerError, not forwarded.
 * - `reset`: destroys the connection without forwarding (the request never reached DynamoDB).
 * - `reset_after`: forwards, then destroys the connection instead of answering (the write
 *   happened but the caller cannot know: a retry must be harmless).
 * - `unprocessed`: BatchWriteItem/BatchGetItem only: forwards only part of the batch and answers
 *   the rest as UnprocessedItems/UnprocessedKeys, exactly as DynamoDB does under load (the held
 *   back part is really not written or read).
 * - `delay`: waits `delayMs`, then forwards.
 *
 * When the target is down, the proxy destroys the caller's connection (a network error).
 */
export type FaultKind = 'throttle' | 'server_error' | 'reset' | 'reset_after' | 'unprocessed' | 'delay';

export interface FaultRule {
  fault: FaultKind;
  /** Fraction of the matching requests this rule hits, 0..1. */
  rate: number;
  /** DynamoDB operations it applies to (`BatchWriteItem`, `Query`, ...); every operation when absent. */
  operations?: readonly string[];
  /** Tables it applies to (the request's `TableName`); every request when absent. */
  tables?: readonly string[];
  /** `unprocessed`: fraction of the batch held back (default 0.5; at least one entry). */
  fraction?: number;
  /** `delay`: milliseconds (default 100). */
  delayMs?: number;
}

export interface FaultCounts {
  /** Requests the proxy received. */
  received: number;
  /** Requests passed on to DynamoDB Local (fully or partly). */
  forwarded: number;
  /** Received requests by DynamoDB operation. */
  byOperation: Record<string, number>;
  /** Faults injected by kind (plus `upstream_down` when the target did not answer). */
  byFault: Record<string, number>;
}

export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: give this to the client as its endpoint. */
  readonly endpoint: string;
  readonly counts: FaultCounts;
  setRules(rules: readonly FaultRule[]): void;
  /** Points the proxy at another DynamoDB Local (a restarted server). */
  setTarget(endpoint: string): void;
  resetCounts(): void;
  close(): Promise<void>;
}

export interface FaultProxyOptions {
  /** The DynamoDB Local endpoint to forward to (must be loopback). */
  target: string;
  rules?: readonly FaultRule[];
  /** Seed of the random draws (default 1), so a run's fault pattern is reproducible. */
  seed?: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const AMZ_JSON = 'application/x-amz-json-1.0';

/** Starts the proxy on a free loopback port. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  let target = checkedTarget(options.target);
  let rules: readonly FaultRule[] = options.rules ?? [];
  const random = mulberry32(options.seed ?? 1);
  const counts: FaultCounts = { received: 0, forwarded: 0, byOperation: {}, byFault: {} };
  const sockets = new Set<Socket>();
  const fault = (kind: string) => (counts.byFault[kind] = (counts.byFault[kind] ?? 0) + 1);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handle(req, res, Buffer.concat(chunks)).catch(() => req.socket.destroy());
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer): Promise<void> {
    const operation =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() ?? '';
    counts.received++;
    counts.byOperation[operation] = (counts.byOperation[operation] ?? 0) + 1;
    const rule = pick(rules, operation, tableOf(body), random());
    if (rule) fault(rule.fault);
    switch (rule?.fault) {
      case 'throttle':
        return answer(res, 400, {
          __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
          message: 'Injected by the fault proxy: throughput exceeded',
        });
      case 'server_error':
        return answer(res, 500, {
          __type: 'com.amazon.coral.service#InternalServerError',
          message: 'Injected by the fault proxy: internal error',
        });
      case 'reset':
        req.socket.destroy();
        return;
      case 'delay':
        await new Promise((r) => setTimeout(r, rule.delayMs ?? 100));
        break;
      case 'unprocessed':
        if (operation === 'BatchWriteItem' || operation === 'BatchGetItem')
          return partialBatch(req, res, body, operation, rule.fraction ?? 0.5);
        break;
    }
    const upstream = await forward(req, body);
    if (!upstream) {
      fault('upstream_down');
      req.socket.destroy();
      return;
    }
    if (rule?.fault === 'reset_after') {
      req.socket.destroy();
      return;
    }
    relay(res, upstream);
  }

  /** Forwards part of a batch; the rest is answered as unprocessed without ever reaching DynamoDB. */
  async function partialBatch(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    body: Buffer,
    operation: string,
    fraction: number,
  ): Promise<void> {
    const input = JSON.parse(body.toString('utf8')) as { RequestItems: Record<string, unknown> };
    const isWrite = operation === 'BatchWriteItem';
    // Every (table, entry) of the batch, flattened.
    const entries: { table: string; entry: unknown }[] = [];
    for (const [table, value] of Object.entries(input.RequestItems)) {
      const list = isWrite ? (value as unknown[]) : (value as { Keys: unknown[] }).Keys;
      for (const entry of list) entries.push({ table, entry });
    }
    const holdCount = Math.max(1, Math.floor(entries.length * fraction));
    const held = new Set<number>();
    while (held.size < Math.min(holdCount, entries.length)) held.add(Math.floor(random() * entries.length));
    const group = (keep: (i: number) => boolean): Record<string, unknown> => {
      const out: Record<string, unknown> = {};
      entries.forEach(({ table, entry }, i) => {
        if (!keep(i)) return;
        if (isWrite) ((out[table] ??= []) as unknown[]).push(entry);
        else
          ((out[table] ??= { ...(input.RequestItems[table] as object), Keys: [] }) as { Keys: unknown[] }).Keys.push(
            entry,
          );
      });
      return out;
    };
    const unprocessedKey = isWrite ? 'UnprocessedItems' : 'UnprocessedKeys';
    const heldBack = group((i) => held.has(i));
    if (held.size === entries.length) {
      return answer(res, 200, isWrite ? { [unprocessedKey]: heldBack } : { Responses: {}, [unprocessedKey]: heldBack });
    }
    const upstream = await forward(
      req,
      Buffer.from(JSON.stringify({ ...input, RequestItems: group((i) => !held.has(i)) })),
    );
    if (!upstream) {
      fault('upstream_down');
      req.socket.destroy();
      return;
    }
    if (upstream.status !== 200) return relay(res, upstream);
    const out = JSON.parse(upstream.body.toString('utf8')) as Record<string, Record<string, unknown>>;
    const merged = (out[unprocessedKey] ??= {});
    for (const [table, value] of Object.entries(heldBack)) {
      if (isWrite) merged[table] = [...((merged[table] as unknown[]) ?? []), ...(value as unknown[])];
      else
        merged[table] = {
          ...(value as object),
          Keys: [
            ...(((merged[table] as { Keys?: unknown[] }) ?? {}).Keys ?? []),
            ...(value as { Keys: unknown[] }).Keys,
          ],
        };
    }
    answer(res, 200, out);
  }

  function forward(
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer } | undefined> {
    return new Promise((resolve) => {
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      delete headers['accept-encoding'];
      const up = http.request(
        { hostname: target.hostname, port: target.port, path: req.url, method: req.method, headers, agent: false },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: Buffer.concat(chunks) }));
          r.on('error', () => resolve(undefined));
        },
      );
      up.on('error', () => resolve(undefined));
      counts.forwarded++;
      up.end(body);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    setRules(next) {
      rules = next;
    },
    setTarget(endpoint) {
      target = checkedTarget(endpoint);
    },
    resetCounts() {
      counts.received = 0;
      counts.forwarded = 0;
      counts.byOperation = {};
      counts.byFault = {};
    },
    close() {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The `TableName` of a single-table request, if any. */
function tableOf(body: Buffer): string | undefined {
  try {
    const name = (JSON.parse(body.toString('utf8')) as { TableName?: unknown }).TableName;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}

function pick(
  rules: readonly FaultRule[],
  operation: string,
  table: string | undefined,
  draw: number,
): FaultRule | undefined {
  let cumulative = 0;
  for (const rule of rules) {
    if (rule.operations && !rule.operations.includes(operation)) continue;
    if (rule.tables && (table === undefined || !rule.tables.includes(table))) continue;
    cumulative += rule.rate;
    if (draw < cumulative) return rule;
  }
  return undefined;
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  const payload = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': AMZ_JSON,
    'content-length': payload.length,
    'x-amzn-requestid': 'fault-proxy',
  });
  res.end(payload);
}

function relay(
  res: http.ServerResponse,
  upstream: { status: number; headers: http.IncomingHttpHeaders; body: Buffer },
): void {
  const headers = { ...upstream.headers, 'content-length': String(upstream.body.length) };
  delete headers['transfer-encoding'];
  delete headers['connection'];
  res.writeHead(upstream.status, headers);
  res.end(upstream.body);
}

function checkedTarget(endpoint: string): URL {
  const url = new URL(endpoint);
  if (url.protocol !== 'http:' || !LOOPBACK.has(url.hostname))
    throw new Error(`The fault proxy only forwards to loopback, not ${endpoint}.`);
  return url;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same draws. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
