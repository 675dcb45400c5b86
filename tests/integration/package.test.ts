import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { consumerProject } from '../support/consumer-project';
import { testEndpoint, uniqueTableName } from '../support/local';

// The package as users get it: packed, installed into a fresh project next to the latest NestJS 12
// (ESM-only) by a plain `npm install`, then used from an ESM and from a CommonJS module, and the
// samples compiled and served from that project, so they run on Nest 12.
const run = promisify(execFile);
const env = (prefix: string) => ({
  ...process.env,
  DKMIO_ENDPOINT: testEndpoint(),
  TABLE_PREFIX: prefix,
  PORT: '0',
  NODE_NO_WARNINGS: '1',
});
const EXPECTED_NEST_EXPORTS = [
  'DKMIO_CLIENT',
  'DkmioCoreModule',
  'DkmioExceptionFilter',
  'DkmioModule',
  'DkmioSerializerInterceptor',
  'InjectCollection',
  'InjectDkmioClient',
  'InjectRepository',
  'getCollectionToken',
  'getRepositoryToken',
];

describe('the packed package in a fresh project with NestJS 12', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await consumerProject();
  }, 240_000);

  it('installs next to the latest @nestjs/* 12 without --legacy-peer-deps, with a complete, valid tree', async () => {
    const version = (pkg: string) =>
      (JSON.parse(readFileSync(path.join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string })
        .version;
    expect(version('@nestjs/common')).toMatch(/^12\./);
    expect(version('@nestjs/core')).toMatch(/^12\./);
    expect(version('dkmio')).toBe(
      (JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version,
    );
    // `npm ls` exits non-zero on an invalid or missing peer.
    await expect(
      run('npm', ['ls', '--offline', 'dkmio', '@nestjs/common', '@nestjs/core'], { cwd: dir }),
    ).resolves.toBeDefined();
  });

  it.each([
    ['an ESM module', 'check-esm.mjs'],
    ['a CommonJS module', 'check-cjs.cjs'],
  ])(
    '%s imports every entry point and runs a Nest 12 app on DynamoDB Local',
    async (_name, script) => {
      const { stdout } = await run(process.execPath, [script], { cwd: dir, env: env(`${uniqueTableName('pkg')}-`) });
      const result = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
      expect(result).toMatchObject({
        nestExports: EXPECTED_NEST_EXPORTS,
        testingExports: ['startLocalDynamo'],
        nestMajor: '12',
        got: true,
        queried: [1, 2],
        definitionError: expect.stringMatching(
          /^@Attribute\(\) on "total" of Thing: it is a method; dkmio decorators go on instance data properties/,
        ),
      });
      expect(result['dkmioExports']).toBeGreaterThan(40);
      // One copy of the core for import and require: errors stay instanceof-checkable, metadata does not split.
      if (script.endsWith('.mjs'))
        expect(result).toMatchObject({
          sameCoreForRequire: true,
          metadataSharedWithRequire: true,
          sameTokensForRequire: true,
        });
      else expect(result).toMatchObject({ sameCoreForImport: true });
    },
    60_000,
  );

  it.each([
    ['NestJS', 'dist-samples/nest/main.js'],
    ['Express', 'dist-samples/express/main.js'],
  ])(
    'serves the %s sample, compiled against the installed package, until SIGTERM',
    async (_name, script) => {
      const child = spawn(process.execPath, [script], {
        cwd: dir,
        env: env(`${uniqueTableName('pkg-sample')}-`),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        const url = await listening(child, exited, script);
        // A route no sample serves: the app is up and answering (the samples' own routes are
        // exercised by samples-run.test.ts and the samples-*.test.ts files).
        expect((await fetch(`${url}/no-such-route-${Date.now()}`)).status).toBe(404);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
    },
    60_000,
  );
});

function listening(child: ChildProcess, exited: Promise<number | null>, script: string): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1].replace('[::1]', '127.0.0.1'));
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`${script} exited with ${code} before listening:\n${output}`)));
  });
}
