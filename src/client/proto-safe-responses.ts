import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { defineOwn } from '../marshalling/marshall';

/**
 * A workaround for the AWS SDK's JSON deserializer (@smithy/core, up to 3.41.1 at least), which
 * loses the value of a map key named `__proto__`: it defines the own property with `undefined`
 * before reading the value it replaces. Items holding such a name (dkmio refuses to write one;
 * another client may) would read back with the value gone.
 *
 * On the clients dkmio creates itself, two middlewares restore it: one next to the HTTP handler
 * keeps the raw body of any response that contains `"__proto__"` (checked on the bytes, so other
 * responses cost one buffer search), and one around the whole call puts the values back from
 * that body, parsed with JSON.parse (which keeps `__proto__` as an own key). A client given to
 * dkmio with `client` is never modified: there the name reads back as an own property whose
 * value is whatever the SDK delivered.
 */
const PROTO = Buffer.from('"__proto__"');
const rawBodies = new WeakMap<object, string>();

type Next = (args: { input: object; request?: unknown }) => Promise<{ output?: unknown; response?: unknown }>;

export function installProtoSafeResponses(client: DynamoDBClient): void {
  const stack = client.middlewareStack as unknown as {
    add(mw: (next: Next) => Next, options: { step: string; name: string; priority?: string }): void;
  };
  // Innermost: the raw response, before the deserializer reads it.
  stack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { body?: unknown } | undefined;
      const body = response?.body as AsyncIterable<Uint8Array> | undefined;
      if (body && typeof (body as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function') {
        const chunks: Uint8Array[] = [];
        for await (const chunk of body) chunks.push(chunk);
        const bytes = Buffer.concat(chunks);
        response!.body = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        if (bytes.includes(PROTO)) rawBodies.set(args.input, bytes.toString('utf8'));
      }
      return result;
    },
    { step: 'deserialize', name: 'dkmioKeepProtoBody', priority: 'low' },
  );
  // Outermost: the deserialized output, patched from the kept body.
  stack.add(
    (next) => async (args) => {
      let result: Awaited<ReturnType<Next>>;
      try {
        result = await next(args);
      } catch (error) {
        const raw = rawBodies.get(args.input);
        rawBodies.delete(args.input);
        throw raw === undefined ? error : (rebuiltError(raw) ?? error);
      }
      const raw = rawBodies.get(args.input);
      if (raw !== undefined) {
        rawBodies.delete(args.input);
        restore(result.output, JSON.parse(raw) as unknown);
      }
      return result;
    },
    { step: 'initialize', name: 'dkmioRestoreProto', priority: 'high' },
  );
}

/**
 * The SDK's error deserializer fails outright (a TypeError) on a failed condition whose returned
 * `Item` holds a `__proto__` name. The error is rebuilt from the body as the SDK shapes it (name,
 * message, `$metadata`, `Item`), so dkmio maps it to ConditionError with the item as usual.
 */
function rebuiltError(raw: string): Error | undefined {
  let body: { __type?: unknown; message?: unknown; Message?: unknown; Item?: unknown };
  try {
    body = JSON.parse(raw) as typeof body;
  } catch {
    return undefined;
  }
  if (typeof body.__type !== 'string') return undefined;
  const name = body.__type.split('#').pop()!;
  const message = [body.message, body.Message].find((m): m is string => typeof m === 'string');
  const error = Object.assign(new Error(message ?? name), {
    name,
    $metadata: { httpStatusCode: 400 },
  });
  if (body.Item !== null && typeof body.Item === 'object') {
    const item: Record<string, unknown> = {};
    for (const k of Object.keys(body.Item))
      defineOwn(item, k, attributeValue((body.Item as Record<string, unknown>)[k]));
    Object.assign(error, { Item: item });
  }
  return error;
}

/** Walks the output and its wire form together; each `__proto__` key gets its value back. */
function restore(out: unknown, wire: unknown): void {
  if (out === null || typeof out !== 'object' || wire === null || typeof wire !== 'object') return;
  const o = out as Record<string, unknown>;
  const w = wire as Record<string, unknown>;
  for (const k of Object.keys(w)) {
    if (k === '__proto__') {
      if (Object.hasOwn(o, k)) defineOwn(o, k, attributeValue(w[k]));
    } else if (Object.hasOwn(o, k)) restore(o[k], w[k]);
  }
}

/** A wire AttributeValue (binary as base64) to the SDK's shape. */
function attributeValue(wire: unknown): AttributeValue | undefined {
  if (wire === null || typeof wire !== 'object') return undefined;
  const w = wire as Record<string, unknown>;
  if (typeof w['B'] === 'string') return { B: new Uint8Array(Buffer.from(w['B'], 'base64')) };
  if (Array.isArray(w['BS'])) return { BS: (w['BS'] as string[]).map((b) => new Uint8Array(Buffer.from(b, 'base64'))) };
  if (Array.isArray(w['L'])) return { L: (w['L'] as unknown[]).map((x) => attributeValue(x) as AttributeValue) };
  if (w['M'] !== null && typeof w['M'] === 'object') {
    const M: Record<string, AttributeValue> = {};
    for (const k of Object.keys(w['M'])) defineOwn(M, k, attributeValue((w['M'] as Record<string, unknown>)[k]));
    return { M };
  }
  return w as unknown as AttributeValue;
}
