// `npm run typecheck:consumers`: an app's view of the PUBLISHED types. Compiles
// tests/consumers/types/ (shared.ts with an entity defined in each decorator dialect) against the
// built package (dist/, reached by name through "exports"), with TypeScript 6 (the repo's) and
// TypeScript 7 (the native compiler, from the tests/ts7 workspace), under node16 resolution as
// ESM and as CommonJS, and under bundler resolution. Each case is a throw-away project in the
// OS temp directory whose node_modules links to this repository.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = path.join(root, 'tests', 'consumers', 'types');
const compilers = {
  'TypeScript 6': path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
  'TypeScript 7': path.join(root, 'tests', 'ts7', 'node_modules', 'typescript', 'bin', 'tsc'),
};
const modes = {
  'node16 ESM': { type: 'module', module: 'node16', moduleResolution: 'node16' },
  'node16 CJS': { type: 'commonjs', module: 'node16', moduleResolution: 'node16' },
  bundler: { module: 'preserve', moduleResolution: 'bundler' },
};
const dialects = { legacy: true, standard: false };

const work = mkdtempSync(path.join(tmpdir(), 'dkmio-consumer-types-'));
const cases = [];
for (const [modeName, mode] of Object.entries(modes)) {
  for (const [dialect, legacy] of Object.entries(dialects)) {
    const dir = path.join(work, `${modeName.replace(/\W+/g, '-')}-${dialect}`);
    mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
    symlinkSync(root, path.join(dir, 'node_modules', 'dkmio'), 'dir');
    symlinkSync(
      path.join(root, 'node_modules', 'reflect-metadata'),
      path.join(dir, 'node_modules', 'reflect-metadata'),
      'dir',
    );
    writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, ...(mode.type ? { type: mode.type } : {}) }),
    );
    copyFileSync(path.join(sources, 'shared.ts'), path.join(dir, 'shared.ts'));
    copyFileSync(path.join(sources, `entity.${dialect}.ts`), path.join(dir, 'entity.ts'));
    const compilerOptions = {
      target: 'ES2022',
      lib: ['ES2022'],
      module: mode.module,
      moduleResolution: mode.moduleResolution,
      strict: true,
      noEmit: true,
      // Our .d.ts files are checked too; the dependencies' are not ours to check.
      skipLibCheck: false,
      experimentalDecorators: legacy,
      emitDecoratorMetadata: legacy,
      types: ['node'],
      typeRoots: [path.join(root, 'node_modules', '@types')],
    };
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['shared.ts', 'entity.ts'] }, null, 2),
    );
    for (const [compiler, tsc] of Object.entries(compilers))
      cases.push({ name: `${compiler}, ${modeName}, ${dialect} decorators`, tsc, dir });
  }
}

const run = promisify(execFile);
const failures = [];
// Two at a time: the machine may be shared; each compile is single-threaded anyway.
for (let i = 0; i < cases.length; i += 2) {
  await Promise.all(
    cases.slice(i, i + 2).map(async (c) => {
      const started = Date.now();
      try {
        await run(process.execPath, [c.tsc, '-p', path.join(c.dir, 'tsconfig.json')], { cwd: c.dir });
        console.log(`ok   ${c.name} (${Date.now() - started} ms)`);
      } catch (error) {
        failures.push(c.name);
        console.log(`FAIL ${c.name}\n${error.stdout}${error.stderr}`);
      }
    }),
  );
}
rmSync(work, { recursive: true, force: true });
if (failures.length) {
  console.error(`${failures.length} consumer type check(s) failed.`);
  process.exit(1);
}
