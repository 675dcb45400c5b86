/**
 * The spread of several bench runs: for every target, the figure of each run, and the smallest,
 * median and largest. Each run is a directory holding the results.json that `npm run bench`
 * writes (BENCH_OUT=dir picks the directory).
 *   node tests/bench/dist/spread.js <out.md> <run dir>...
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median } from './harness';
import type { Target } from './report';

interface Run {
  name: string;
  machine: Record<string, string>;
  targets: Target[];
}

/** The ratio (or ms) a target's `measured` text starts with; NaN when it was not measured. */
const figure = (t: Target) => Number.parseFloat(t.measured);

function main() {
  const [out, ...dirs] = process.argv.slice(2);
  if (!out || dirs.length === 0) throw new Error('usage: spread.js <out.md> <run dir>...');
  const runs: Run[] = dirs.map((d) => ({
    name: path.basename(d),
    ...JSON.parse(fs.readFileSync(path.join(d, 'results.json'), 'utf8')),
  }));
  const names: string[] = [];
  for (const r of runs) for (const t of r.targets) if (!names.includes(t.what)) names.push(t.what);
  const lines = [
    '# Spread over runs',
    '',
    `${runs.length} runs of \`npm run bench\` on the same machine; each figure is that run's median ratio to the raw DocumentClient in the same run (or ms, for the cold-start rows). Met: in how many runs the target was met.`,
    '',
    ...runs.map(
      (r) =>
        `- ${r.name}: load average ${r.machine['load average at start (1/5/15 min)']} at start, ${r.machine['load average at end (1/5/15 min)']} at end`,
    ),
    '',
    `| target | goal | ${runs.map((r) => r.name).join(' | ')} | min | median | max | met |`,
    `| --- | --- | ${runs.map(() => '---:').join(' | ')} | ---: | ---: | ---: | :---: |`,
  ];
  for (const what of names) {
    const ts = runs.map((r) => r.targets.find((t) => t.what === what));
    const xs = ts
      .filter((t): t is Target => !!t)
      .map(figure)
      .filter(Number.isFinite);
    const goal = ts.find(Boolean)!.goal;
    const met = ts.filter((t) => t?.met).length;
    const cell = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(2));
    lines.push(
      `| ${what} | ${goal} | ${ts.map((t) => cell(t ? figure(t) : undefined)).join(' | ')} | ${cell(xs.length ? Math.min(...xs) : undefined)} | ${cell(xs.length ? median(xs) : undefined)} | ${cell(xs.length ? Math.max(...xs) : undefined)} | ${met}/${runs.length} |`,
    );
  }
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`wrote ${out}`);
}

main();
