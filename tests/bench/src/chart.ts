/**
 * results/chart.svg, drawn by hand (no chart dependency): one group of horizontal bars per
 * operation, one bar per adapter, on a log scale of the ratio to the group's baseline (1x line).
 */
import type { OpResult } from './results';

const COLORS: Record<string, string> = {
  'raw DocumentClient': '#7f8c8d',
  'raw (A/A control)': '#bdc3c7',
  'plain builder function': '#7f8c8d',
  'plain builder (A/A control)': '#bdc3c7',
  dkmio: '#e67e22',
  ElectroDB: '#2980b9',
  'dynamodb-toolbox v2': '#27ae60',
  Dynamoose: '#8e44ad',
  TypeDORM: '#c0392b',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderChart(results: OpResult[]): string {
  const rs = results.filter((r) => r.rows.length > 0);
  const bar = 11;
  const gap = 16;
  const left = 300;
  const width = 1000;
  const plotW = width - left - 90;
  const lo = 0.1;
  const hi = Math.max(10, ...rs.flatMap((r) => r.rows.map((m) => (Number.isFinite(m.ratio) ? m.ratio : 1))));
  const decades = Math.ceil(Math.log10(hi)) - Math.log10(lo);
  const x = (v: number) => left + (plotW * (Math.log10(Math.max(lo, v)) - Math.log10(lo))) / decades;
  let y = 70;
  const parts: string[] = [];
  const title = {
    build: '(a) request building, x plain builder',
    call: '(b) whole call CPU, x raw',
    e2e: '(c) DynamoDB Local, x raw',
    sweep: "(c') dkmio bulk write by concurrency, x concurrency 1",
  } as Record<string, string>;
  let lastScenario = '';
  for (const r of rs) {
    if (r.scenario !== lastScenario) {
      y += 10;
      parts.push(
        `<text x="10" y="${y + 4}" font-weight="bold" font-size="14">${esc(title[r.scenario] ?? r.scenario)}</text>`,
      );
      y += 18;
      lastScenario = r.scenario;
    }
    parts.push(
      `<text x="10" y="${y + 10}" font-size="12" fill="#333">${esc(r.op.length > 44 ? r.op.slice(0, 43) + '…' : r.op)}</text>`,
    );
    // The sweep labels each bar in the gutter: give the operation its own line.
    if (r.scenario === 'sweep') y += 16;
    for (const m of r.rows) {
      if (!Number.isFinite(m.ratio)) continue;
      const c = COLORS[m.name] ?? (m.name.startsWith('dkmio') ? COLORS['dkmio']! : '#555');
      const w = Math.max(1, x(m.ratio) - x(lo));
      if (r.scenario === 'sweep')
        parts.push(
          `<text x="${left - 8}" y="${y + bar - 3}" font-size="9" text-anchor="end" fill="#333">${esc(m.name.replace(/^dkmio, /, ''))}</text>`,
        );
      parts.push(
        `<rect x="${x(lo)}" y="${y}" width="${w.toFixed(1)}" height="${bar - 2}" fill="${c}"><title>${esc(m.name)}: ${m.ratio.toFixed(2)}x</title></rect>`,
      );
      parts.push(
        `<text x="${(x(lo) + w + 4).toFixed(1)}" y="${y + bar - 3}" font-size="9" fill="#333">${m.ratio < 10 ? m.ratio.toFixed(2) : m.ratio.toFixed(0)}x</text>`,
      );
      y += bar;
    }
    y += gap;
  }
  const axis: string[] = [];
  for (let d = Math.log10(lo); d <= Math.log10(lo) + decades + 1e-9; d++) {
    const v = 10 ** d;
    axis.push(
      `<line x1="${x(v)}" y1="60" x2="${x(v)}" y2="${y}" stroke="${v === 1 ? '#000' : '#ddd'}" stroke-width="${v === 1 ? 1.5 : 1}"/>`,
    );
    axis.push(
      `<text x="${x(v)}" y="55" font-size="11" text-anchor="middle">${v < 1 ? v.toFixed(1) : v.toFixed(0)}x</text>`,
    );
  }
  const entries: [string, string][] = [
    ['baseline (raw DocumentClient, or the plain builder in (a))', COLORS['raw DocumentClient']!],
    ['A/A control', COLORS['raw (A/A control)']!],
    ...Object.entries(COLORS).filter(
      ([n]) => !n.startsWith('raw') && !n.startsWith('plain') && rs.some((r) => r.rows.some((m) => m.name === n)),
    ),
  ];
  const legend: string[] = [];
  let lx = 10;
  let ly = y + 10;
  for (const [n, c] of entries) {
    const w = 28 + n.length * 6.2;
    if (lx + w > width) {
      lx = 10;
      ly += 16;
    }
    legend.push(
      `<rect x="${lx}" y="${ly}" width="10" height="10" fill="${c}"/><text x="${lx + 14}" y="${ly + 9}" font-size="10">${esc(n)}</text>`,
    );
    lx += w;
  }
  y = ly;
  const height = y + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="24" font-size="16" font-weight="bold">dkmio benchmark: ratio to the baseline (log scale, lower is better; 1x = baseline)</text>`,
    ...axis,
    ...parts,
    ...legend,
    '</svg>',
    '',
  ].join('\n');
}
