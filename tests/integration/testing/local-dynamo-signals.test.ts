/**
 * startLocalDynamo()'s JVM never outlives the Node process that started it: a child Node process
 * starts DynamoDB Local (tests/support/jvm-child.ts), reports the java pid, and is then sent
 * SIGTERM or SIGINT, or throws an uncaught error. Each test checks how the child ended (the same
 * signal or exit code as Node without dkmio) and that the java pid is gone.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const child = path.join(__dirname, '..', '..', 'support', 'jvm-child.ts');

/** True while `pid` is a live process (a zombie awaiting its reaper counts as gone). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S ..."; Z is a zombie, X dead.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\)\s+[ZX]\s/.test(stat);
  } catch {
    return process.platform !== 'linux';
  }
}

async function untilGone(pid: number): Promise<boolean> {
  // The JVM is killed with SIGKILL before the child dies; allow the kernel a moment to reap it.
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
  return !isAlive(pid);
}

interface Run {
  report: { pid: number; java: number; [k: string]: unknown };
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): void;
}

function start(mode: string): Promise<Run> {
  const proc = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', child, mode], {
    cwd: path.join(__dirname, '..', '..', '..'),
    env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', '..', '..', 'tsconfig.jest.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let out = '';
  let err = '';
  proc.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    proc.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ report: JSON.parse(line) as Run['report'], ended, kill: (s) => proc.kill(s) });
    });
    void ended.then(({ code, signal }) =>
      reject(new Error(`child ended (${code ?? signal}) before reporting: ${err}`)),
    );
  });
}

jest.setTimeout(60_000);

describe('startLocalDynamo(): the JVM never outlives its Node process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to the Node process only: Node dies of that signal, as without dkmio, and the JVM is gone',
    async (signal) => {
      const run = await start('wait');
      expect(isAlive(run.report.java)).toBe(true);
      run.kill(signal);
      const end = await run.ended;
      expect(end).toEqual({ code: null, signal });
      expect(await untilGone(run.report.java)).toBe(true);
    },
  );

  it('an uncaught error: Node exits with code 1 as usual, and the JVM is gone', async () => {
    const run = await start('throw');
    const end = await run.ended;
    expect(end).toEqual({ code: 1, signal: null });
    expect(await untilGone(run.report.java)).toBe(true);
  });

  it('an application with its own SIGTERM listener keeps its semantics (exit code 7); the JVM still goes on exit', async () => {
    const run = await start('own-handler');
    run.kill('SIGTERM');
    const end = await run.ended;
    expect(end).toEqual({ code: 7, signal: null });
    expect(await untilGone(run.report.java)).toBe(true);
  });

  it('stop() removes every listener it added', async () => {
    const run = await start('stop');
    const { before, running, after } = run.report as unknown as Record<
      'before' | 'running' | 'after',
      Record<string, number>
    >;
    expect(running['SIGTERM']).toBe(before['SIGTERM'] + 1);
    expect(running['SIGINT']).toBe(before['SIGINT'] + 1);
    expect(running['exit']).toBe(before['exit'] + 1);
    expect(after).toEqual(before);
    expect(await untilGone(run.report.java)).toBe(true);
    await run.ended;
  });
});
