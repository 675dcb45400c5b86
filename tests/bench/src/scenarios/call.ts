/**
 * (b) The whole call, with only the HTTP hop answered in-process by canned responses: the real
 * SDK stack runs (marshalling, middleware, signing, parsing) and results are hydrated. CPU per
 * call from process.cpuUsage.
 */
import type { Adapter, Session } from '../adapter';
import { interleave, keep, type Contestant } from '../harness';
import { CannedHttp } from '../http';
import { makeItem, orderId } from '../model';
import type { OpResult } from '../results';

const ITEMS = Array.from({ length: 64 }, (_, i) => makeItem(i));
/** The read-back rows of (b): every way to read, 1,000 canned items per page. */
export const READS = {
  page: 'read 1,000 items: await a page',
  iterate: 'read 1,000 items: for await',
  fetchAll: 'read 1,000 items: fetchAll()',
  segments: 'read 4 x 1,000 items: scan segments(4)',
};

const page = (n: number) => Array.from({ length: n }, (_, i) => makeItem(i));

export async function callScenario(
  adapters: Adapter[],
  rounds: number,
  batchMs: number,
  baseline: string,
): Promise<OpResult[]> {
  const sessions: { a: Adapter; s: Session; http: CannedHttp }[] = [];
  const skipped: OpResult['skipped'] = [];
  for (const a of adapters) {
    if (!a.session) continue;
    const http = new CannedHttp(makeItem(1));
    try {
      sessions.push({ a, s: a.session({ requestHandler: http, endpoint: 'http://127.0.0.1:9', prefix: '' }), http });
    } catch (e) {
      skipped.push({ name: a.name, reason: `could not connect: ${(e as Error).message}` });
    }
  }
  const page100 = page(100);
  const page1000 = page(1000);
  const ops: { op: string; pageOf?: object[]; run(s: Session, n: number): Promise<void> }[] = [
    {
      op: 'get',
      run: async (s, n) => {
        for (let i = 0; i < n; i++) keep(await s.get('u0', orderId(i & 63)));
      },
    },
    {
      op: 'put',
      run: async (s, n) => {
        for (let i = 0; i < n; i++) keep(await s.put(ITEMS[i & 63]!));
      },
    },
    {
      op: 'update',
      run: async (s, n) => {
        for (let i = 0; i < n; i++) keep(await s.update('u0', orderId(i & 63)));
      },
    },
    {
      op: 'query page of 100 items, hydrated',
      pageOf: page100,
      run: async (s, n) => {
        for (let i = 0; i < n; i++) keep(await s.page('u0'));
      },
    },
    // Reading 1,000 items every way dkmio offers (the raw baseline reads them its own way: a page,
    // the SDK's paginator, a page loop, a parallel scan). Same items, so the ratio is per item.
    {
      op: READS.page,
      pageOf: page1000,
      run: async (s, n) => {
        for (let i = 0; i < n; i++) keep(await s.page('u0'));
      },
    },
    {
      op: READS.iterate,
      pageOf: page1000,
      run: async (s, n) => {
        if (!s.iterate) throw new Error('no async iterator');
        for (let i = 0; i < n; i++) keep(await s.iterate('u0'));
      },
    },
    {
      op: READS.fetchAll,
      pageOf: page1000,
      run: async (s, n) => {
        for (let i = 0; i < n; i++) keep(await s.readAll('u0'));
      },
    },
    {
      op: READS.segments,
      pageOf: page1000,
      run: async (s, n) => {
        if (!s.scanSegments) throw new Error('no parallel scan');
        for (let i = 0; i < n; i++) keep(await s.scanSegments(4));
      },
    },
    // The client's side of a bulk write (40 BatchWriteItem requests): end to end, the server's side dominates.
    {
      op: 'batch write of 1,000 items',
      run: async (s, n) => {
        if (!s.bulkWrite) throw new Error('no batch write API');
        for (let i = 0; i < n; i++) await s.bulkWrite(page1000);
      },
    },
  ];
  const out: OpResult[] = [];
  // BENCH_CALL_OPS=get,read  runs only the ops whose name starts with one of these (a focused run).
  const pick = process.env.BENCH_CALL_OPS?.split(',').filter(Boolean);
  for (const { op, pageOf, run } of ops.filter((o) => !pick || pick.some((p) => o.op.startsWith(p)))) {
    process.stdout.write(`  call: ${op}\n`);
    const opSkipped = [...skipped];
    const contestants: Contestant[] = [];
    for (const { a, s, http } of sessions) {
      if (pageOf) http.setQueryPage(pageOf);
      // One probe call: an adapter that cannot do this op is reported, not crashed on.
      try {
        await run(s, 1);
        contestants.push({ name: a.name, run: (n) => run(s, n) });
      } catch (e) {
        opSkipped.push({ name: a.name, reason: (e as Error).message.split('\n')[0]! });
      }
    }
    out.push({
      scenario: 'call',
      op,
      unit: 'µs CPU/call',
      baseline,
      rows: await interleave(contestants, {
        rounds,
        batchMs,
        clock: 'cpu',
        baseline,
        minOps: 2,
        warmupMs: Number(process.env.BENCH_WARMUP_MS ?? 400),
        budgetMs: 8000,
      }),
      skipped: opSkipped,
    });
  }
  for (const { s } of sessions) s.close();
  return out;
}
