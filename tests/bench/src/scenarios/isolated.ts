/**
 * Scenarios (a) and (b), one child process per library (see scenario-child.ts), merged into one
 * table: the baseline row and the A/A control come from the dkmio process; the noise line of the
 * report lists the A/A control of every process.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { OpResult } from '../results';

const LIBRARIES = () =>
  process.env.BENCH_PEERS === '0' ? ['dkmio'] : ['dkmio', 'electrodb', 'toolbox', 'dynamoose', 'typedorm'];

export function isolatedScenario(scenario: 'build' | 'call', rounds: number, batchMs: number): OpResult[] {
  let merged: OpResult[] | undefined;
  for (const lib of LIBRARIES()) {
    process.stdout.write(`  ${scenario}: ${lib} (own process)\n`);
    let res: OpResult[];
    try {
      const out = execFileSync(
        process.execPath,
        [path.join(__dirname, '..', 'scenario-child.js'), scenario, lib, String(rounds), String(batchMs)],
        { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      res = JSON.parse(out.slice(out.indexOf('@@RESULTS@@') + 11));
    } catch (e) {
      if (merged)
        for (const r of merged)
          r.skipped.push({ name: lib, reason: `its process failed: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    if (!merged) {
      merged = res;
      for (const r of merged)
        r.controls = r.rows
          .filter((m) => m.name.includes('A/A'))
          .map((m) => ({ ...m, name: `${m.name} in the ${lib} process` }));
      continue;
    }
    for (const r of res) {
      const into = merged.find((m) => m.op === r.op)!;
      into.rows.push(...r.rows.filter((m) => !m.name.startsWith('raw') && !m.name.startsWith('plain')));
      into.skipped.push(...r.skipped.filter((s) => !into.skipped.some((x) => x.name === s.name)));
      into.controls!.push(
        ...r.rows.filter((m) => m.name.includes('A/A')).map((m) => ({ ...m, name: `${m.name} in the ${lib} process` })),
      );
    }
  }
  return merged ?? [];
}
