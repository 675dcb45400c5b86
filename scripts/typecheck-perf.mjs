// Type-check cost of the 30-entity fixture (tests/types/fixtures/thirty-entities.ts), next to the
// cost of the library alone, so the difference is what 30 entities and their queries add.
// Runs `tsc --noEmit --extendedDiagnostics` on each tsconfig (best of RUNS, default 3; wall-clock
// times vary with machine load, instantiation counts do not).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const runs = Number(process.env.RUNS ?? 3);
const projects = {
  library: 'tests/types/fixtures/tsconfig.library.json',
  'library + 30 entities': 'tests/types/fixtures/tsconfig.json',
};

function measure(project) {
  let best;
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [tsc, '-p', project, '--noEmit', '--extendedDiagnostics'], { encoding: 'utf8' });
    const num = (label) => Number(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm').exec(out)?.[1]);
    const m = { check: num('Check time'), total: num('Total time'), instantiations: num('Instantiations'), types: num('Types') };
    if (!best || m.check < best.check) best = m;
  }
  return best;
}

const results = Object.fromEntries(Object.entries(projects).map(([name, p]) => [name, measure(p)]));
for (const [name, m] of Object.entries(results)) {
  console.log(`${name.padEnd(24)} check ${m.check.toFixed(2)}s  total ${m.total.toFixed(2)}s  instantiations ${m.instantiations}  types ${m.types}`);
}
const a = results.library;
const b = results['library + 30 entities'];
console.log(`${'30 entities add'.padEnd(24)} check ${(b.check - a.check).toFixed(2)}s  instantiations ${b.instantiations - a.instantiations} (${Math.round((b.instantiations - a.instantiations) / 30)} per entity)`);
