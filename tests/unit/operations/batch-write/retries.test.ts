import 'reflect-metadata';
import type { WriteRequest } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteError,
  CircuitOpenError,
  PartitionKey,
  Table,
  ValidationError,
  entityMetadata,
} from '../../../../src';
import { Executor } from '../../../../src/runtime/executor';
import { prepareBatchPut, type PreparedWrite } from '../../../../src/operations/batch-write/build';
import { runBatchWrite } from '../../../../src/operations/batch-write/run';
import { CircuitBreaker } from '../../../../src/runtime/circuit-breaker';
import {
  fakeTiming,
  RecordingClient,
  sdkServerError,
  sdkThrottle,
  sdkValidation,
  type Responder,
} from '../../../support/recording-client';

@Table('items')
class Item {
  @PartitionKey() id!: string;
  n?: number;
}

const meta = entityMetadata(Item);
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `i${String(i).padStart(4, '0')}`, n: i }));
const prepare = (list: { id: string }[]): PreparedWrite[] => list.map((i) => prepareBatchPut(meta, 'items', i));
const idsOf = (requests: WriteRequest[]) => requests.map((r) => r.PutRequest!.Item!['id'].S!);
const sentIds = (client: RecordingClient, i: number) =>
  idsOf((client.sent[i].input['RequestItems'] as Record<string, WriteRequest[]>)['items']);

function setup(
  respond: Responder,
  options: { maxAttempts?: number; concurrency?: number; randoms?: number[]; breaker?: CircuitBreaker } = {},
) {
  const client = new RecordingClient(respond);
  const warnings: string[] = [];
  const log = { enabled: true, debug: () => {}, warn: (m: string) => void warnings.push(m) };
  const executor = new Executor(() => client, log, options.breaker);
  const { timing, sleeps } = fakeTiming(options.randoms);
  const settings = { maxAttempts: options.maxAttempts ?? 4, baseDelayMs: 100, concurrency: options.concurrency ?? 2 };
  return {
    client,
    warnings,
    sleeps,
    run: (writes: PreparedWrite[], signal?: AbortSignal) =>
      runBatchWrite(writes, { executor, settings, timing, signal }),
  };
}

/** Answers leaving the writes whose id is in `ids` unprocessed. */
const leave =
  (ids: Set<string>): Responder =>
  (c) => {
    const reqs = (c.input['RequestItems'] as Record<string, WriteRequest[]>)['items'];
    const left = reqs.filter((r) => ids.has(r.PutRequest!.Item!['id'].S!));
    return left.length ? { UnprocessedItems: { items: left } } : {};
  };

describe('runBatchWrite', () => {
  it('sends chunks of 25 with at most `concurrency` in flight, in input order', async () => {
    const { client, run } = setup(() => ({}), { concurrency: 3 });
    await run(prepare(items(260)));
    expect(client.sent).toHaveLength(11);
    expect(client.names.every((n) => n === 'BatchWriteItemCommand')).toBe(true);
    expect(client.sent.map((_, i) => sentIds(client, i).length)).toEqual([25, 25, 25, 25, 25, 25, 25, 25, 25, 25, 10]);
    expect(sentIds(client, 0)[0]).toBe('i0000');
    expect(client.maxInFlight).toBe(3);
  });

  it('retries exactly the unprocessed writes after a full-jitter exponential backoff', async () => {
    const stubborn = new Set(['i0003', 'i0007']);
    let round = 0;
    const { client, sleeps, warnings, run } = setup(
      (c, i) => {
        round = i;
        // i0003 is left twice, i0007 once.
        if (i === 1) stubborn.delete('i0007');
        if (i === 2) stubborn.delete('i0003');
        return leave(stubborn)(c, i);
      },
      { concurrency: 1, randoms: [0.5, 0.25] },
    );
    await run(prepare(items(10)));
    expect(round).toBe(2);
    expect(sentIds(client, 1)).toEqual(['i0003', 'i0007']);
    expect(sentIds(client, 2)).toEqual(['i0003']);
    // retry 1: random 0.5 * 100; retry 2: random 0.25 * 200.
    expect(sleeps).toEqual([50, 50]);
    expect(warnings).toEqual([
      'batch_write retry 1 on items (2 of 10 writes left)',
      'batch_write retry 2 on items (1 of 2 writes left)',
    ]);
  });

  it('a chunk whose request failed entirely (throttling, 5xx) is retried, never dropped', async () => {
    const { client, run } = setup(
      (_c, i) => {
        if (i === 0) throw sdkThrottle();
        if (i === 1) throw sdkServerError();
        return {};
      },
      { concurrency: 1 },
    );
    await run(prepare(items(3)));
    expect(client.sent).toHaveLength(3);
    expect(sentIds(client, 2)).toEqual(['i0000', 'i0001', 'i0002']);
  });

  it('after maxAttempts throws BatchWriteError listing exactly the writes not done, in input order', async () => {
    const list = items(60);
    const stuck = new Set(['i0001', 'i0030', 'i0059']);
    const { client, run } = setup(
      (c, i) => {
        // The third chunk's request keeps failing outright.
        const reqs = (c.input['RequestItems'] as Record<string, WriteRequest[]>)['items'];
        if (reqs.some((r) => r.PutRequest!.Item!['id'].S === 'i0055')) throw sdkThrottle();
        return leave(stuck)(c, i);
      },
      { maxAttempts: 3, concurrency: 1 },
    );
    const error = await run(prepare(list)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatchWriteError);
    const err = error as BatchWriteError;
    // Throttled requests were refused before anything was written: none may have been applied.
    const expected = [list[1], list[30], ...list.slice(50)].map((item) => ({
      kind: 'put',
      entity: Item,
      item,
      maybeApplied: false,
    }));
    expect(err.unprocessed).toEqual(expected);
    expect((err.unprocessed[0] as { item: unknown }).item).toBe(list[1]);
    expect(err.message).toMatch(/12 of 60 writes were not done because they were still unprocessed after 3 attempts/);
    expect(err.cause).toMatchObject({ code: 'THROTTLED' });
    // 3 chunks x 3 attempts.
    expect(client.sent).toHaveLength(9);
  });

  it('maybeApplied: a write last sent in a request that failed as a whole (5xx) may have been applied', async () => {
    const { run } = setup(
      (_c, i) => {
        if (i === 0)
          return {
            UnprocessedItems: { items: [(_c.input['RequestItems'] as Record<string, WriteRequest[]>)['items'][0]] },
          };
        throw sdkServerError();
      },
      { maxAttempts: 2, concurrency: 1 },
    );
    const err = (await run(prepare(items(3))).catch((e: unknown) => e)) as BatchWriteError;
    expect(err.unprocessed).toHaveLength(1);
    expect(err.unprocessed[0].maybeApplied).toBe(true);
    expect(err.message).toMatch(/1 of 3 writes are not known to be done \(0 not applied; 1 may have been applied/);
  });

  it('regression: maybeApplied survives a later attempt that returns the write unprocessed', async () => {
    const { run } = setup(
      (c, i) => {
        if (i === 0) throw sdkServerError();
        // The retry: DynamoDB hands every write back unprocessed (the first request may still have applied them).
        return { UnprocessedItems: { items: (c.input['RequestItems'] as Record<string, WriteRequest[]>)['items'] } };
      },
      { maxAttempts: 2, concurrency: 1 },
    );
    const err = (await run(prepare(items(2))).catch((e: unknown) => e)) as BatchWriteError;
    expect(err.unprocessed.map((u) => u.maybeApplied)).toEqual([true, true]);
    expect(err.message).toMatch(/2 of 2 writes are not known to be done \(0 not applied; 2 may have been applied/);
  });

  it('an error retrying cannot fix stops the batch: no new chunk is sent, every write not done is listed', async () => {
    const list = items(100);
    const { client, run } = setup(
      (c, i) => {
        if (i === 1) throw sdkValidation();
        return {};
      },
      { concurrency: 1 },
    );
    const err = (await run(prepare(list)).catch((e: unknown) => e)) as BatchWriteError;
    expect(err).toBeInstanceOf(BatchWriteError);
    expect(client.sent).toHaveLength(2);
    expect(err.unprocessed.map((u) => (u.kind === 'put' ? u.item['id'] : undefined))).toEqual(
      list.slice(25).map((i) => i.id),
    );
    expect(err.cause).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/stopped at an error that retrying cannot fix/);
  });

  it('an open circuit stops the batch and reports what was not written', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, recoveryTimeoutMs: 60_000 });
    const { client, run } = setup(
      () => {
        throw sdkServerError();
      },
      { concurrency: 1, maxAttempts: 5, breaker },
    );
    const err = (await run(prepare(items(30))).catch((e: unknown) => e)) as BatchWriteError;
    expect(err).toBeInstanceOf(BatchWriteError);
    expect(err.cause).toBeInstanceOf(CircuitOpenError);
    expect(err.unprocessed).toHaveLength(30);
    // Two failures opened it; the third attempt was refused without a request.
    expect(client.sent).toHaveLength(2);
  });

  it('cancellation rethrows the signal reason and sends nothing more', async () => {
    const controller = new AbortController();
    const { client, run } = setup(
      (_c, i) => {
        if (i === 0) controller.abort(new Error('stop'));
        return {};
      },
      { concurrency: 1 },
    );
    await expect(run(prepare(items(100)), controller.signal)).rejects.toThrow('stop');
    expect(client.sent).toHaveLength(1);
  });

  it('an empty batch sends nothing', async () => {
    const { client, run } = setup(() => ({}));
    await run([]);
    expect(client.sent).toHaveLength(0);
  });
});
