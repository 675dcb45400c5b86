import 'reflect-metadata';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PartitionKey, Table, ThrottlingError, TableNotFoundError, entityMetadata } from '../../../../src';
import { Executor } from '../../../../src/runtime/executor';
import { prepareBatchGet } from '../../../../src/operations/batch-get/build';
import { runBatchGet } from '../../../../src/operations/batch-get/run';
import { fakeTiming, RecordingClient, sdkServerError, type Responder } from '../../../support/recording-client';

@Table('items')
class Item {
  @PartitionKey() id!: string;
}

const meta = entityMetadata(Item);
type Key = Record<string, AttributeValue>;
const keysOf = (c: { input: Record<string, unknown> }) =>
  (c.input['RequestItems'] as Record<string, { Keys: Key[] }>)['items'].Keys;

function setup(respond: Responder, maxAttempts = 3) {
  const client = new RecordingClient(respond);
  const executor = new Executor(() => client, { enabled: false, debug: () => {}, warn: () => {} });
  const { timing, sleeps } = fakeTiming([0.5]);
  const run = (ids: string[]) => {
    const prepared = prepareBatchGet(
      meta,
      'items',
      ids.map((id) => ({ id })),
    );
    return runBatchGet(meta, prepared, {
      executor,
      settings: { maxAttempts, baseDelayMs: 10, concurrency: 2 },
      timing,
    });
  };
  return { client, sleeps, run };
}

/** Finds every key except those in `absent`, leaving `left` unprocessed. */
const answer =
  (left: Set<string>, absent = new Set<string>()): Responder =>
  (c) => {
    const keys = keysOf(c);
    return {
      Responses: {
        items: keys
          .filter((k) => !left.has(k['id'].S!) && !absent.has(k['id'].S!))
          .reverse()
          .map((k) => ({ ...k, v: { S: `v-${k['id'].S}` } })),
      },
      UnprocessedKeys: keys.some((k) => left.has(k['id'].S!))
        ? { items: { Keys: keys.filter((k) => left.has(k['id'].S!)) } }
        : {},
    };
  };

describe('runBatchGet', () => {
  it('reads in chunks of 100 and finds items by key whatever the answer order', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `k${i}`);
    const { client, run } = setup(answer(new Set(), new Set(['k7'])));
    const found = await run(ids);
    expect(client.sent.map((c) => keysOf(c).length)).toEqual([100, 100, 50]);
    expect(found.size).toBe(249);
    expect(client.maxInFlight).toBe(2);
  });

  it('duplicate keys are sent once', async () => {
    const { client, run } = setup(answer(new Set()));
    await run(['a', 'b', 'a', 'a']);
    expect(keysOf(client.sent[0])).toEqual([{ id: { S: 'a' } }, { id: { S: 'b' } }]);
  });

  it('retries unprocessed keys and failed requests with backoff', async () => {
    const left = new Set(['b']);
    const { client, sleeps, run } = setup((c, i) => {
      if (i === 1) throw sdkServerError();
      if (i === 2) left.clear();
      return answer(left)(c, i);
    });
    const found = await run(['a', 'b', 'c']);
    expect(found.size).toBe(3);
    expect(client.sent.map(keysOf)).toEqual([
      [{ id: { S: 'a' } }, { id: { S: 'b' } }, { id: { S: 'c' } }],
      [{ id: { S: 'b' } }],
      [{ id: { S: 'b' } }],
    ]);
    expect(sleeps).toEqual([5, 10]);
  });

  it('keys still unprocessed after maxAttempts are a ThrottlingError, never reported absent', async () => {
    const { client, run } = setup(answer(new Set(['b'])));
    await expect(run(['a', 'b'])).rejects.toThrow(ThrottlingError);
    await expect(run(['a', 'b'])).rejects.toThrow(/1 keys were still unprocessed after 3 attempts/);
    expect(client.sent).toHaveLength(6);
  });

  it('a request DynamoDB refuses fails the read at once', async () => {
    const { client, run } = setup(() => {
      throw Object.assign(new Error('no table'), {
        name: 'ResourceNotFoundException',
        $metadata: { httpStatusCode: 400 },
      });
    });
    await expect(run(['a'])).rejects.toThrow(TableNotFoundError);
    expect(client.sent).toHaveLength(1);
  });
});
