import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);
const lock = path.join(root, 'dist-samples.lock');
const stamp = path.join(root, 'dist-samples', '.built-for');

/**
 * `npm run prestart` (build the package, compile the samples against it) once per Jest run,
 * however many test files (each in its own worker process) ask for it: a directory lock keeps
 * two builds from writing dist/ at once, and a stamp naming this run's DynamoDB Local endpoint
 * (set by the global setup, the same for every worker) tells later files it is done.
 */
export async function buildSamplesOnce(): Promise<void> {
  const runId = process.env['DKMIO_TEST_ENDPOINT'] ?? String(process.pid);
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    const built = await readFile(stamp, 'utf8').catch(() => '');
    if (built === runId) return;
    await run('npm', ['run', '--silent', 'prestart'], { cwd: root });
    await writeFile(stamp, runId);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
