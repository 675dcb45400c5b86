/** Run sizes from env vars; defaults keep the whole suite to a few minutes on a shared 2-core machine. */
export const num = (k: string, d: number): number => (process.env[k] ? Number(process.env[k]) : d);

/** Concurrency given to every batch writer that has a knob (dkmio's default is 4). */
export const bulkConcurrency = (): number => num('BENCH_BULK_CONCURRENCY', 4);
