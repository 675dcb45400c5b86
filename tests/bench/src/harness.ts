/**
 * Interleaved measurement. Every round runs one batch of every contestant (in a rotated order,
 * so nobody always goes first), and each contestant's figure in a round is divided by the raw
 * baseline's figure in the SAME round: machine noise that hits a round hits everyone in it.
 * The reported figure is the median of those per-round ratios; the A/A control (raw measured
 * as a second contestant) shows how far apart two identical contestants land.
 */

export interface Contestant {
  name: string;
  /** Runs `n` operations. */
  run(n: number): unknown;
}

export interface Measured {
  name: string;
  /** Median cost of one operation, in microseconds (wall or CPU, see `clock`). */
  perOpUs: number;
  /** Median of the per-round ratios to the baseline. */
  ratio: number;
  /** Smallest and largest per-round ratio. */
  lo: number;
  hi: number;
}

export type Clock = 'wall' | 'cpu';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function nowUs(clock: Clock): number {
  if (clock === 'cpu') {
    const u = process.cpuUsage();
    return u.user + u.system;
  }
  return Number(process.hrtime.bigint()) / 1000;
}

// No forced GC between batches: a full GC shrinks the young generation, and the next batch
// then pays for extra scavenges (measured: 2-4x slower building). Libraries are kept apart by
// running each in its own process instead (scenario-child.ts).
async function timeBatch(c: Contestant, n: number, clock: Clock): Promise<number> {
  const t0 = nowUs(clock);
  const r = c.run(n);
  if (r && typeof (r as Promise<unknown>).then === 'function') await r;
  return nowUs(clock) - t0;
}

export interface InterleaveOptions {
  rounds: number;
  /** Target duration of one batch, to size it (ms). */
  batchMs: number;
  clock: Clock;
  /** The contestant every other is divided by. */
  baseline: string;
  /** Upper bound on operations per batch (slow contestants get fewer, never fewer than `minOps`). */
  maxOps?: number;
  minOps?: number;
  /** Untimed warm-up per contestant before the rounds (ms). */
  warmupMs?: number;
  /** Time budget of the rounds (ms); at least 5 rounds run. */
  budgetMs?: number;
}

/** Sizes a batch per contestant from a warm-up, then runs interleaved rounds. */
export async function interleave(contestants: Contestant[], o: InterleaveOptions): Promise<Measured[]> {
  const ops = new Map<string, number>();
  for (const c of contestants) {
    // Warm-up doubles as calibration: grow the batch until it takes batchMs.
    let n = 1;
    for (;;) {
      const t = await timeBatch(c, n, 'wall');
      if (t >= o.batchMs * 1000 || n >= (o.maxOps ?? 1e7)) break;
      n = Math.min(o.maxOps ?? 1e7, Math.max(n * 2, Math.ceil((n * o.batchMs * 1000) / Math.max(t, 1))));
    }
    ops.set(c.name, Math.max(o.minOps ?? 1, n));
  }
  // Warm-up: the JIT needs a few hundred ms per contestant before its code settles (measured:
  // the first 4 batches of a 3 us builder ran 2-4x slower). Untimed, interleaved like the rounds.
  const until = Date.now() + (o.warmupMs ?? 0) * contestants.length;
  while (Date.now() < until) for (const c of contestants) await timeBatch(c, ops.get(c.name)!, 'wall');
  const perOp = new Map<string, number[]>(contestants.map((c) => [c.name, []]));
  const started = Date.now();
  for (let r = 0; r < o.rounds; r++) {
    // A very slow contestant (a second per batch) would stretch the run: past the time budget,
    // stop after at least 5 rounds.
    if (o.budgetMs !== undefined && r >= 5 && Date.now() - started > o.budgetMs) break;
    const order = contestants.map((_, i) => contestants[(i + r) % contestants.length]!);
    for (const c of order) {
      const n = ops.get(c.name)!;
      perOp.get(c.name)!.push((await timeBatch(c, n, o.clock)) / n);
    }
  }
  const base = perOp.get(o.baseline);
  if (!base) throw new Error(`baseline ${o.baseline} is not a contestant`);
  return contestants.map((c) => {
    const xs = perOp.get(c.name)!;
    const ratios = xs.map((x, i) => x / base[i]!);
    return {
      name: c.name,
      perOpUs: median(xs),
      ratio: median(ratios),
      lo: Math.min(...ratios),
      hi: Math.max(...ratios),
    };
  });
}

/** Keeps results alive so the optimiser cannot drop the work that made them. */
export let sink: unknown;
export function keep(x: unknown): void {
  sink = x;
}
