import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { testEndpoint, uniqueTableName } from '../../support/local';
import { buildSamplesOnce } from '../../support/samples-build';
import { startSampleServer } from '../../support/sample-server';

// `npm start` = build the package, compile the samples against it, run them. This file does the
// same build, then runs each compiled sample the way a user would, against the test DynamoDB
// Local (DKMIO_ENDPOINT set, so no sample starts a JVM of its own).
const root = path.resolve(__dirname, '../../..');
const run = promisify(execFile);
const env = (prefix: string) => ({
  ...process.env,
  DKMIO_ENDPOINT: testEndpoint(),
  TABLE_PREFIX: prefix,
  PORT: '0',
  NODE_NO_WARNINGS: '1',
});

describe('samples run as built by npm start', () => {
  beforeAll(async () => {
    await buildSamplesOnce();
  }, 180_000);

  it('runs the standalone walkthrough to the end', async () => {
    const prefix = `${uniqueTableName('run-standalone')}-`;
    const { stdout } = await run(process.execPath, ['dist-samples/standalone.js'], { cwd: root, env: env(prefix) });
    expect(stdout).toContain(`createTables: created [${prefix}orders]`);
    expect(stdout).toContain('conditional put o1 (only if absent): refused, CONDITION_FAILED -> HTTP 409');
    expect(stdout).toContain(`deleteTables: deleted [${prefix}orders]`);
  }, 60_000);

  it('runs the Lambda handler locally with API Gateway-like events', async () => {
    const { stdout } = await run(process.execPath, ['dist-samples/lambda/handler.js'], {
      cwd: root,
      env: env(`${uniqueTableName('run-lambda')}-`),
    });
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => line.split(' {')[0]),
    ).toEqual([
      'POST /orders -> 201',
      'POST /orders -> 409',
      'GET /orders/{userId}/{orderId} -> 200',
      'GET /orders/{userId}/{orderId} -> 404',
      'GET /orders/{userId} -> 200',
    ]);
  }, 60_000);

  it.each([
    [
      'Express',
      'dist-samples/express/main.js',
      '/users',
      { email: 'ana@example.com', name: 'Ana' },
      '/users/ana@example.com',
    ],
    [
      'NestJS',
      'dist-samples/nest/main.js',
      '/users',
      { email: 'ana@example.com', name: 'Ana' },
      '/users/ana@example.com',
    ],
  ])(
    'serves the %s sample until SIGTERM',
    async (_name, script, createPath, body, getPath) => {
      const { child, url, exited } = await startSampleServer(script, {
        TABLE_PREFIX: `${uniqueTableName('run-server')}-`,
      });
      try {
        const create = () =>
          fetch(`${url}${createPath}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        expect((await create()).status).toBe(201);
        expect((await create()).status).toBe(409);
        expect((await fetch(`${url}${getPath}`)).status).toBe(200);
        expect((await fetch(`${url}${getPath}x`)).status).toBe(404);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
    },
    60_000,
  );
});
