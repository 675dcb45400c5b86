/** The loop `profile.ts` runs under --cpu-prof: one adapter, one operation, for N seconds. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import { adapterByName } from './adapters';
import { keep } from './harness';
import { CannedHttp } from './http';
import { makeItem, orderId } from './model';

// The profiler starts after a warm-up, so module loading and JIT warm-up stay out of the profile.
const session = new inspector.Session();
session.connect();
const post = (method: string, params?: object) =>
  new Promise<any>((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
const WARMUP_MS = 1000;

async function main() {
  const [scenario, name, op, seconds, outFile] = process.argv.slice(2);
  let profiling = false;
  const startAt = Date.now() + WARMUP_MS;
  const maybeStart = async () => {
    if (!profiling && Date.now() >= startAt) {
      profiling = true;
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 200 });
      await post('Profiler.start');
    }
  };
  const adapter = adapterByName(name!);
  if (!adapter) throw new Error(`no adapter ${name}`);
  const items = Array.from({ length: 64 }, (_, i) => makeItem(i));
  const until = Date.now() + WARMUP_MS + Number(seconds) * 1000;
  if (scenario === 'build') {
    const b = adapter.build!;
    const f =
      op === 'query'
        ? () => b.query()
        : op === 'update'
          ? (i: number) => b.update(orderId(i & 63))
          : (i: number) => b.put(items[i & 63]!);
    for (let i = 0; Date.now() < until; i++) {
      await maybeStart();
      for (let j = 0; j < 100; j++) keep(f(i * 100 + j));
    }
    return stop(outFile!);
  }
  const http = new CannedHttp(makeItem(1));
  const s = adapter.session!({ requestHandler: http, endpoint: 'http://127.0.0.1:9', prefix: '' });
  const pageSize = op === 'page100' ? 100 : 1000;
  http.setQueryPage(Array.from({ length: pageSize }, (_, i) => makeItem(i)));
  const ops: Record<string, (i: number) => Promise<unknown>> = {
    get: (i) => s.get('u0', orderId(i & 63)),
    put: (i) => s.put(items[i & 63]!),
    update: (i) => s.update('u0', orderId(i & 63)),
    page100: () => s.page('u0'),
    page1000: () => s.page('u0'),
    iterate: () => s.iterate!('u0'),
    fetchAll: () => s.readAll('u0'),
    segments: () => s.scanSegments!(4),
  };
  const f = ops[op!];
  if (!f) throw new Error(`no op ${op}; one of ${Object.keys(ops).join(', ')}`);
  for (let i = 0; Date.now() < until; i++) {
    await maybeStart();
    keep(await f(i));
  }
  s.close();
  await stop(outFile!);
}

async function stop(outFile: string): Promise<void> {
  const { profile } = await post('Profiler.stop');
  fs.writeFileSync(outFile, JSON.stringify(profile));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
