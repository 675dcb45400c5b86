/** The loop `profile.ts` runs under --cpu-prof: one adapter, one operation, for N seconds. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import { ADAPTERS } from './adapters';
import { keep } from './harness';
import { CannedHttp } from './http';
import { makeItem, orderId } from './model';

async function main() {
  const [scenario, name, op, seconds] = process.argv.slice(2);
  const adapter = ADAPTERS.find((a) => a.name === name || a.name.split(' ')[0] === name);
  if (!adapter) throw new Error(`no adapter ${name}`);
  const items = Array.from({ length: 64 }, (_, i) => makeItem(i));
  const until = Date.now() + Number(seconds) * 1000;
  if (scenario === 'build') {
    const b = adapter.build!;
    const f = op === 'query' ? () => b.query() : op === 'update' ? (i: number) => b.update(orderId(i & 63)) : (i: number) => b.put(items[i & 63]!);
    for (let i = 0; Date.now() < until; i++) for (let j = 0; j < 100; j++) keep(f(i * 100 + j));
    return;
  }
  const http = new CannedHttp(makeItem(1));
  const s = adapter.session!({ requestHandler: http, endpoint: 'http://127.0.0.1:9', prefix: '' });
  const pageSize = op === 'page1000' ? 1000 : 100;
  http.setQueryPage(Array.from({ length: pageSize }, (_, i) => makeItem(i)));
  const f = op === 'get' ? (i: number) => s.get('u0', orderId(i & 63)) : op === 'put' ? (i: number) => s.put(items[i & 63]!) : op === 'update' ? (i: number) => s.update('u0', orderId(i & 63)) : () => s.page('u0');
  for (let i = 0; Date.now() < until; i++) keep(await f(i));
  s.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
