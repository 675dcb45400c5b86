/** (a) Building the request only: no client, no network. */
import type { Adapter } from '../adapter';
import { interleave, keep, type Contestant } from '../harness';
import { makeItem, orderId } from '../model';
import type { OpResult } from '../results';

const ITEMS = Array.from({ length: 64 }, (_, i) => makeItem(i));
const ORDERS = ITEMS.map((_, i) => orderId(i));

/** A loop over `f`; awaited when the adapter's builder is async (Dynamoose hands back promises). */
function loop(f: (i: number) => unknown): Contestant['run'] {
  return (n) => {
    const first = f(0);
    if (first && typeof (first as Promise<unknown>).then === 'function') {
      return (async () => {
        keep(await first);
        for (let i = 1; i < n; i++) keep(await f(i));
      })();
    }
    keep(first);
    for (let i = 1; i < n; i++) keep(f(i));
    return undefined;
  };
}

export async function buildScenario(
  adapters: Adapter[],
  rounds: number,
  batchMs: number,
  baseline: string,
): Promise<OpResult[]> {
  const out: OpResult[] = [];
  const ops: { op: string; make(a: NonNullable<Adapter['build']>): Contestant['run'] }[] = [
    { op: 'query (sort key, 2 filters, projection, limit)', make: (b) => loop(() => b.query()) },
    {
      op: 'update (set nested, remove, append, add, delete, condition)',
      make: (b) => loop((i) => b.update(ORDERS[i & 63]!)),
    },
    { op: 'conditional put', make: (b) => loop((i) => b.put(ITEMS[i & 63]!)) },
  ];
  for (const { op, make } of ops) {
    const contestants: Contestant[] = [];
    const skipped: OpResult['skipped'] = [];
    for (const a of adapters) {
      if (!a.build) {
        skipped.push({ name: a.name, reason: a.notes?.['build'] ?? 'no offline request builder' });
        continue;
      }
      contestants.push({ name: a.name, run: make(a.build) });
    }
    process.stdout.write(`  build: ${op}\n`);
    out.push({
      scenario: 'build',
      op,
      unit: 'µs CPU/op',
      baseline,
      rows: await interleave(contestants, {
        rounds,
        batchMs,
        clock: 'cpu',
        baseline,
        warmupMs: Number(process.env.BENCH_WARMUP_MS ?? 400),
        budgetMs: 8000,
      }),
      skipped,
    });
  }
  return out;
}
