/**
 * `npm run bench` (from the repository root) runs this. Sizes come from env vars so the default
 * run stays short on a shared 2-core machine; BENCH_SCALE multiplies every round count.
 *   BENCH_ONLY=build,call,e2e,cold   which scenarios (default: all)
 *   BENCH_ROUNDS (default 9)  BENCH_BATCH_MS (default 15)  BENCH_E2E_OPS (default 40)
 *   BENCH_BULK_ITEMS (default 5000)  BENCH_BULK_ROUNDS (default 3)  BENCH_COLD_RUNS (default 7)
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Adapter } from './adapter';
import { ADAPTERS } from './adapters';
import { plain } from './adapters/plain';
import { raw } from './adapters/raw';
import type { OpResult } from './results';
import { buildScenario } from './scenarios/build';
import { callScenario } from './scenarios/call';

const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);
const scale = env('BENCH_SCALE', 1);
const only = (process.env.BENCH_ONLY ?? 'build,call,e2e,cold').split(',');
const ROUNDS = Math.round(env('BENCH_ROUNDS', 9) * scale);
const BATCH_MS = env('BENCH_BATCH_MS', 15);

async function main() {
  const adapters: Adapter[] = ADAPTERS;
  const results: OpResult[] = [];
  const t0 = Date.now();
  if (only.includes('build')) results.push(...(await buildScenario(adapters, ROUNDS, BATCH_MS, plain.name)));
  if (only.includes('call')) results.push(...(await callScenario(adapters, ROUNDS, BATCH_MS * 2, raw.name)));
  const dir = path.join(__dirname, '..', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify({ results }, null, 1));
  for (const r of results) {
    console.log(`\n${r.scenario}: ${r.op}`);
    for (const m of r.rows) console.log(`  ${m.name.padEnd(28)} ${m.perOpUs.toFixed(2).padStart(10)} µs  x${m.ratio.toFixed(2)} [${m.lo.toFixed(2)}-${m.hi.toFixed(2)}]`);
    for (const s of r.skipped) console.log(`  ${s.name}: skipped (${s.reason})`);
  }
  console.log(`\ndone in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
