import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { testClientConfig } from '../../support/local';
import { createTable, rawClient, uniquePrefix } from '../helpers';

/**
 * The built-in logger reads NODE_DEBUG once, when the process starts, so these tests run a small
 * script in a child process: one with NODE_DEBUG=dkmio, one without.
 */

const run = promisify(execFile);
const SRC = resolve(__dirname, '../../../src');
const prefix = uniquePrefix();
const SECRET = 'SECRET-77e1';

// Plain JS (decorators applied by hand), loaded through ts-node so it uses the TypeScript sources.
const SCRIPT = `
const { DkmioClient, Table, PartitionKey } = require(${JSON.stringify(SRC)});
class Note {}
PartitionKey()(Note.prototype, 'id');
Table('notes')(Note);
(async () => {
  const db = new DkmioClient({ ...JSON.parse(process.env.DKMIO_CFG), tableNamePrefix: process.env.DKMIO_PREFIX });
  const notes = db.getRepository(Note);
  await notes.put({ id: '${SECRET}', body: '${SECRET}' });
  await notes.get({ id: '${SECRET}' });
  await notes.query({ id: '${SECRET}' }).filter({ body: '${SECRET}' }).fetchAll();
  db.destroy();
})().catch((e) => { console.error('FAILED', e); process.exit(1); });
`;

async function runScript(nodeDebug: string | undefined): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DKMIO_CFG: JSON.stringify(testClientConfig()),
    DKMIO_PREFIX: prefix,
    TS_NODE_TRANSPILE_ONLY: 'true',
    // TypeScript 6 wants rootDir spelled out when it emits.
    TS_NODE_COMPILER_OPTIONS: JSON.stringify({ rootDir: resolve(__dirname, '../../..') }),
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  };
  delete env['NODE_DEBUG'];
  if (nodeDebug !== undefined) env['NODE_DEBUG'] = nodeDebug;
  const { stderr } = await run(process.execPath, ['-r', 'ts-node/register', '-e', SCRIPT], {
    env,
    cwd: resolve(__dirname, '../../..'),
  });
  return stderr;
}

beforeAll(async () => {
  const raw = rawClient();
  await createTable(raw, { name: `${prefix}notes`, partitionKey: ['id', 'S'] });
  raw.destroy();
});

it('NODE_DEBUG=dkmio prints debug lines naming operation and table, never values', async () => {
  const stderr = await runScript('dkmio');
  const lines = stderr.split('\n').filter((l) => l.startsWith('DKMIO'));
  expect(lines.map((l) => l.replace(/^DKMIO \d+: /, ''))).toEqual([
    `put_item on ${prefix}notes`,
    `get_item on ${prefix}notes`,
    `query on ${prefix}notes`,
  ]);
  expect(stderr).not.toContain(SECRET);
}, 60_000);

it('without NODE_DEBUG dkmio is silent', async () => {
  const stderr = await runScript(undefined);
  expect(stderr).not.toMatch(/DKMIO/);
  expect(stderr).not.toContain(SECRET);
}, 60_000);
