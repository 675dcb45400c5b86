/** Turns the results into results/report.md: the tables, the targets, skips and profiles. */
import type { ColdResult } from './scenarios/cold';
import type { OpResult } from './results';

export interface Target {
  what: string;
  goal: string;
  measured: string;
  met: boolean;
  /** What stands in the way, when not met. */
  why?: string;
}

export interface ReportInput {
  date: string;
  machine: Record<string, string>;
  command: string;
  sizes: string;
  results: OpResult[];
  cold?: ColdResult;
  targets: Target[];
  notes: string[];
  profiles: string[];
}

const fmt = (x: number) =>
  !Number.isFinite(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const us = (x: number) =>
  x >= 10_000 ? `${(x / 1000).toFixed(0)} ms` : x >= 1000 ? `${(x / 1000).toFixed(1)} ms` : `${fmt(x)} µs`;

/** One table per scenario: a row per adapter, a column per operation, cells `ratio (absolute)`. */
export function scenarioTable(results: OpResult[]): string {
  const adapters: string[] = [];
  for (const r of results) for (const m of r.rows) if (!adapters.includes(m.name)) adapters.push(m.name);
  for (const r of results) for (const s of r.skipped) if (!adapters.includes(s.name)) adapters.push(s.name);
  const head = `| adapter | ${results.map((r) => r.op).join(' | ')} |`;
  const sep = `| --- | ${results.map(() => '---:').join(' | ')} |`;
  const rows = adapters.map((a) => {
    const cells = results.map((r) => {
      const m = r.rows.find((x) => x.name === a);
      if (m) return `**${fmt(m.ratio)}x** (${us(m.perOpUs)})`;
      return r.skipped.some((s) => s.name === a) ? 'skipped' : '';
    });
    return `| ${a} | ${cells.join(' | ')} |`;
  });
  return [head, sep, ...rows].join('\n');
}

function noise(results: OpResult[], control: string): string {
  if (!control) return '';
  const parts = results
    .map((r) => r.rows.find((m) => m.name === control))
    .filter((m): m is NonNullable<typeof m> => !!m)
    .map((m) => `${fmt(m.ratio)}x [${fmt(m.lo)}-${fmt(m.hi)}]`);
  let text = parts.length
    ? `A/A control (${control}), median [range over rounds] per column: ${parts.join(', ')}.`
    : '';
  const across = results.map((r) => (r.controls ?? []).map((m) => m.ratio));
  if (across.some((xs) => xs.length > 1)) {
    text += ` Each library ran in its own process with its own baseline and A/A control; the A/A medians over those processes span, per column: ${across.map((xs) => `${fmt(Math.min(...xs))}-${fmt(Math.max(...xs))}x`).join(', ')}.`;
  }
  return text;
}

export function renderReport(i: ReportInput): string {
  const by = (s: string) => i.results.filter((r) => r.scenario === s);
  const out: string[] = [];
  out.push('# dkmio benchmark report', '');
  out.push(`Run ${i.date}. Reproduce with \`${i.command}\` (from the repository root). Sizes: ${i.sizes}.`, '');
  out.push(
    'Machine: ' +
      Object.entries(i.machine)
        .map(([k, v]) => `${k} ${v}`)
        .join('; ') +
      '.',
    '',
  );
  out.push(
    'Every figure is a ratio to a baseline measured in the same run: each round runs one batch of every contestant in turn ' +
      '(rotated order), each contestant is divided by the baseline of the same round, and the median over rounds is shown, ' +
      'with the absolute median per operation in parentheses. Lower is better. The A/A control is the baseline measured again ' +
      'as if it were another contestant: its spread is the noise band of that column. The machine is shared (2 cores), so ' +
      'ratios inside the A/A band are ties.',
    '',
  );
  out.push('## Targets', '', '| target | goal | measured | met |', '| --- | --- | --- | :---: |');
  for (const t of i.targets) out.push(`| ${t.what} | ${t.goal} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`);
  const missed = i.targets.filter((t) => !t.met && t.why);
  if (missed.length) {
    out.push('', 'What stands in the way where a target is not met:', '');
    for (const t of missed) out.push(`- **${t.what}**: ${t.why}`);
  }
  const sections: [string, string, string][] = [
    [
      'build',
      '(a) Building the request (no client, no network), ratio to the plain builder function',
      'plain builder (A/A control)',
    ],
    [
      'call',
      '(b) The whole call, HTTP answered in-process (real SDK stack), CPU per call, ratio to the raw DocumentClient',
      'raw (A/A control)',
    ],
    ['e2e', '(c) End to end against DynamoDB Local on loopback, ratio to the raw DocumentClient', 'raw (A/A control)'],
    [
      'sweep',
      "(c') dkmio's batch-write concurrency against DynamoDB Local, ratio to concurrency 1 (median of the sweep rounds)",
      '',
    ],
  ];
  for (const [key, title, control] of sections) {
    const rs = by(key);
    if (!rs.length) continue;
    out.push('', `## ${title}`, '', scenarioTable(rs), '', noise(rs, control));
    const skips = rs.flatMap((r) => r.skipped.map((s) => `- ${s.name}, ${r.op}: ${s.reason}`));
    const extras = rs.flatMap((r) => Object.entries(r.extra ?? {}).map(([k, v]) => `- ${k}, ${r.op}: ${v}`));
    if (extras.length) out.push('', ...extras);
    if (skips.length) out.push('', 'Skipped:', '', ...[...new Set(skips)]);
  }
  if (i.cold) {
    const t = i.cold.timings;
    out.push('', '## (d) Cold start (fresh child process per figure; medians; CPU ms, wall ms in parentheses)', '');
    out.push(
      '| | require | define model + client | first query | first update | first put |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
    );
    const cell = (x: Record<string, number>, k: string) => `${fmt(x[k + 'Cpu']!)} (${fmt(x[k]!)})`;
    for (const n of [
      'raw DocumentClient',
      'dkmio',
      'dkmio, handed a DynamoDBClient',
      'dkmio, handed a DocumentClient',
    ]) {
      const x = t[n];
      if (x)
        out.push(
          `| ${n} | ${['require', 'define', 'firstQuery', 'firstUpdate', 'firstPut'].map((k) => cell(x, k)).join(' | ')} |`,
        );
    }
    out.push(
      '',
      'dkmio creates its SDK client on the first call (the connection is lazy), so its "define" is cheaper and its first query carries the client creation.',
    );
    out.push('', '| require only | CPU ms | wall ms |', '| --- | ---: | ---: |');
    for (const [n, x] of Object.entries(t))
      if (n.startsWith('require ')) out.push(`| ${n.slice(8)} | ${fmt(x.requireCpu!)} | ${fmt(x.require!)} |`);
    out.push(
      '',
      '| installed (dependency closure, required peers included) | packages | size | beyond lib-dynamodb + client-dynamodb |',
      '| --- | ---: | ---: | ---: |',
    );
    for (const s of i.cold.sizes)
      out.push(
        `| ${s.name} | ${s.packages} | ${(s.bytes / 1048576).toFixed(1)} MB | +${s.extraPackages} packages, +${(s.extraBytes / 1048576).toFixed(2)} MB |`,
      );
  }
  if (i.notes.length) out.push('', '## Notes', '', ...i.notes.map((n) => `- ${n}`));
  if (i.profiles.length) out.push('', '## Profiles', '', ...i.profiles.flatMap((p) => [p, '']));
  out.push('', '![ratios to the baseline](chart.svg)', '');
  return out.join('\n');
}
