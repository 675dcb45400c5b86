import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

/** What the consumer project installs next to the packed dkmio: the latest NestJS 12 and what the samples need. */
export const CONSUMER_DEPENDENCIES = [
  '@nestjs/common@^12',
  '@nestjs/core@^12',
  '@nestjs/platform-express@^12',
  'reflect-metadata@^0.2.2',
  'rxjs@^7.8.2',
  'express@^5',
  '@types/express@^5',
  '@types/node@^20',
];

/**
 * A fresh project, as a user makes one: `npm pack` of this repository (dist/ must be built: `npm
 * test` builds first), installed with NestJS 12 by a plain `npm install` (no
 * --legacy-peer-deps; --prefer-offline, so the npm cache serves what it holds), plus
 * tests/consumers/app/ (an ESM and a CommonJS check) and the samples compiled against it to
 * dist-samples/. Built once per packed tarball (its hash names the directory in the OS temp
 * directory), so test files and runs share it; a lock directory serialises builders.
 */
export async function consumerProject(): Promise<string> {
  if (!existsSync(path.join(root, 'dist', 'esm', 'index.js')))
    throw new Error('dist/ is not built: run `npm run build` (npm test does) first.');
  const packDir = mkdtempSync(path.join(tmpdir(), 'dkmio-pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: root });
  const tarball = path.join(packDir, (JSON.parse(stdout) as { filename: string }[])[0].filename);
  const inputs = createHash('sha256').update(readFileSync(tarball));
  for (const f of ['check-esm.mjs', 'check-cjs.cjs'])
    inputs.update(readFileSync(path.join(root, 'tests/consumers/app', f)));
  inputs.update(CONSUMER_DEPENDENCIES.join(' '));
  const dir = path.join(tmpdir(), `dkmio-consumer-${inputs.digest('hex').slice(0, 16)}`);
  const ready = path.join(dir, '.ready');
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(ready)) {
      rmSync(packDir, { recursive: true, force: true });
      return dir;
    }
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500)); // another worker is building it
    }
  }
  try {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'dkmio-consumer', version: '1.0.0', private: true }, null, 2),
    );
    await run(
      'npm',
      ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, ...CONSUMER_DEPENDENCIES],
      { cwd: dir },
    );
    for (const f of ['check-esm.mjs', 'check-cjs.cjs'])
      cpSync(path.join(root, 'tests/consumers/app', f), path.join(dir, f));
    cpSync(path.join(root, 'samples'), path.join(dir, 'samples'), { recursive: true });
    const compilerOptions = {
      target: 'ES2022',
      lib: ['ES2022'],
      // CommonJS output that may require() the ESM-only Nest 12 (Node 20.19+), as TypeScript's
      // node20 module setting models it.
      module: 'node20',
      moduleResolution: 'node16',
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      useDefineForClassFields: false,
      esModuleInterop: true,
      skipLibCheck: true,
      types: ['node'],
      rootDir: 'samples',
      outDir: 'dist-samples',
    };
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['samples'] }, null, 2));
    await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
      cwd: dir,
    });
    writeFileSync(ready, '');
  } finally {
    rmSync(lock, { recursive: true, force: true });
    rmSync(packDir, { recursive: true, force: true });
  }
  return dir;
}
