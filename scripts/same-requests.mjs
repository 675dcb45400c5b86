// `node scripts/same-requests.mjs [git-ref]` (default: main): proves a change left the wire
// untouched. Builds `git-ref` in a temporary folder and the working tree here, sends one fixed
// list of calls (scripts/request-calls.cjs: every operation, conditions, indexes, pages, batches,
// transactions, failed conditions, table management) through a recording client with each, and
// compares every request (command name and input) and every result or error. Exit code 1 on any
// difference, printed as a diff.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const ref = process.argv[2] ?? 'main';
const scratch = mkdtempSync(path.join(tmpdir(), 'dkmio-same-requests-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
const env = { ...process.env, NODE_PATH: path.join(root, 'node_modules') };
const record = (dist) =>
  execFileSync(process.execPath, [path.join(root, 'scripts', 'request-calls.cjs'), dist], {
    encoding: 'utf8',
    env,
    maxBuffer: 64 << 20,
  });
try {
  const base = path.join(scratch, 'base');
  run('mkdir', ['-p', base]);
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} | tar -x -C ${JSON.stringify(base)}`], { cwd: root });
  symlinkSync(path.join(root, 'node_modules'), path.join(base, 'node_modules'));
  run(process.execPath, ['scripts/build.mjs'], base);
  run(process.execPath, ['scripts/build.mjs'], root);
  const before = record(path.join(base, 'dist'));
  const after = record(path.join(root, 'dist'));
  const calls = JSON.parse(after);
  const requests = calls.reduce((n, c) => n + c.requests.length, 0);
  if (before === after) {
    console.log(`same requests as ${ref}: ${calls.length} calls, ${requests} requests, results and errors identical`);
  } else {
    writeFileSync(path.join(scratch, 'before.json'), before);
    writeFileSync(path.join(scratch, 'after.json'), after);
    try {
      run('diff', [path.join(scratch, 'before.json'), path.join(scratch, 'after.json')]);
    } catch (e) {
      console.log(e.stdout);
    }
    console.log(`requests differ from ${ref}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
