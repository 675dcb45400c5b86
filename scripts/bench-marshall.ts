/**
 * A micro-benchmark of the marshalling fast path: one nested item (strings, numbers, a set, a
 * map of maps, a list of ten maps holding lists) marshalled 200,000 times per sample, 7 samples
 * after 3 warm-ups; prints the median and min ns per item. Compare two trees of `src`:
 *
 *   TS_NODE_TRANSPILE_ONLY=1 TS_NODE_PROJECT=tsconfig.jest.json node -r ts-node/register scripts/bench-marshall.ts ./src
 *
 * (for a baseline: `git archive <rev> src | tar -x -C .base` and pass `./.base/src`).
 */
import 'reflect-metadata';
import * as path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'src');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { marshallValue } = require(path.join(root, 'marshalling', 'marshall')) as {
  marshallValue: (v: unknown, p: string) => unknown;
};
const item = {
  userId: 'u1',
  orderId: 'o1',
  status: 'NEW',
  total: 250,
  tags: new Set(['a', 'b']),
  address: { city: 'Lima', zip: '15001', geo: { lat: -12.04, lng: -77.03 } },
  items: Array.from({ length: 10 }, (_, i) => ({ sku: `sku-${i}`, qty: i, price: 9.99, flags: [true, false, null] })),
};
const N = 200_000;
const sample = (): number => {
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) marshallValue(item, 'item');
  return Number(process.hrtime.bigint() - t) / N;
};
for (let i = 0; i < 3; i++) sample();
const samples = Array.from({ length: 7 }, sample).sort((a, b) => a - b);
console.log(`${root}: median ${samples[3].toFixed(0)} ns per nested item (min ${samples[0].toFixed(0)})`);
