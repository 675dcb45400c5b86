/**
 * Profiles one adapter operation in a fresh child process (V8's CPU profiler, started after a
 * one-second warm-up) and
 * summarises the profile to its top frames by self time (and self time per package), for the
 * report's "what stands in the way" notes.
 *   node dist/profile.js <scenario> <adapter> <op> [seconds]   (child mode: runs the loop)
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface ProfileSummary {
  title: string;
  totalMs: number;
  top: { frame: string; selfPct: number }[];
  byPackage: { pkg: string; selfPct: number }[];
}

function packageOf(url: string): string {
  if (!url) return '(native/gc)';
  if (url.startsWith('node:')) return 'node internals';
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (m) return m[m.length - 1]!.replace('node_modules/', '');
  return 'bench harness';
}

export function summarise(file: string, title: string, top = 12): ProfileSummary {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const hits = new Map<number, number>();
  for (const s of prof.samples) hits.set(s, (hits.get(s) ?? 0) + 1);
  const total = prof.samples.length;
  const byFrame = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const n of prof.nodes) {
    const h = hits.get(n.id) ?? 0;
    if (!h) continue;
    const f = n.callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const file = f.url ? f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\//, '') : '';
    const key = `${f.functionName || '(anonymous)'} ${file ? `${file}:${f.lineNumber + 1}` : `(${f.functionName})`}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + h);
    const pkg = f.functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(f.url);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + h);
  }
  const pct = (h: number) => Math.round((1000 * h) / total) / 10;
  const totalMs = prof.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
  return {
    title,
    totalMs,
    top: [...byFrame]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, h]) => ({ frame, selfPct: pct(h) })),
    byPackage: [...byPkg]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([pkg, h]) => ({ pkg, selfPct: pct(h) })),
  };
}

/** Runs `node profile-child.js scenario adapter op seconds` under --cpu-prof and summarises it. */
export function profile(scenario: string, adapter: string, op: string, seconds: number): ProfileSummary {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dkmio-prof-'));
  try {
    const file = path.join(dir, 'child.cpuprofile');
    execFileSync(
      process.execPath,
      [path.join(__dirname, 'profile-child.js'), scenario, adapter, op, String(seconds), file],
      { stdio: 'inherit', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
    );
    return summarise(file, `${adapter}: ${scenario} ${op}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function formatProfile(p: ProfileSummary): string {
  const lines = [
    `Profile of ${p.title} (${(p.totalMs / 1000).toFixed(1)} s sampled after a 1 s warm-up), self time:`,
    '',
  ];
  lines.push('| frame | self % |', '| --- | ---: |');
  for (const t of p.top) lines.push(`| \`${t.frame.replace(/\|/g, '\\|')}\` | ${t.selfPct} |`);
  lines.push('', 'By package: ' + p.byPackage.map((b) => `${b.pkg} ${b.selfPct}%`).join(', '));
  return lines.join('\n');
}

if (require.main === module) {
  const [scenario, adapter, op, seconds] = process.argv.slice(2);
  console.log(formatProfile(profile(scenario!, adapter!, op!, Number(seconds ?? 3))));
}
