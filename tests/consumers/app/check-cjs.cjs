// Run by tests/integration/package.test.ts inside a fresh project that installed the packed
// dkmio next to NestJS 12 (ESM-only). CommonJS side: every entry point by `require` (Node 20.19+
// can require() the ESM-only Nest 12), and a real Nest 12 application context on DynamoDB Local.
const dkmio = require('dkmio');
const nest = require('dkmio/nest');
const testing = require('dkmio/testing');
const { Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { Table, PartitionKey, SortKey, Attribute, InvalidDefinitionError } = dkmio;

class Thing {}
Table('things')(Thing);
PartitionKey({ type: 'S' })(Thing.prototype, 'id');
SortKey({ type: 'N' })(Thing.prototype, 'n');
Attribute({ type: Date })(Thing.prototype, 'at');

let definitionError;
try {
  Attribute()(Thing.prototype, 'total', { value() {} });
} catch (error) {
  definitionError = error;
}

async function main() {
  const endpoint = process.env.DKMIO_ENDPOINT;
  const prefix = process.env.TABLE_PREFIX;
  class AppModule {}
  Module({
    imports: [
      nest.DkmioModule.forRoot({
        endpoint,
        region: 'us-east-1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        tableNamePrefix: prefix,
      }),
      nest.DkmioModule.forFeature([Thing]),
    ],
  })(AppModule);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  const db = app.get(nest.DKMIO_CLIENT);
  const things = app.get(nest.getRepositoryToken(Thing));
  await db.createTables([Thing], { pollIntervalMs: 50 });
  const at = new Date('2026-01-02T03:04:05.000Z');
  await things.put({ id: 'a', n: 1, at });
  await things.put({ id: 'a', n: 2 });
  const got = await things.get({ id: 'a', n: 1 });
  const page = await things.query({ id: 'a' }).where({ gte: 1 });
  await db.deleteTables([Thing], { pollIntervalMs: 50 });
  await app.close();
  const esm = await import('dkmio');
  console.log(
    JSON.stringify({
      dkmioExports: Object.keys(dkmio).filter((k) => k !== '__esModule').length,
      nestExports: Object.keys(nest)
        .filter((k) => k !== '__esModule')
        .sort(),
      testingExports: Object.keys(testing).filter((k) => k !== '__esModule'),
      sameCoreForImport: esm.DkmioError === dkmio.DkmioError && esm.Repository === dkmio.Repository,
      definitionError:
        definitionError instanceof InvalidDefinitionError ? definitionError.message : String(definitionError),
      nestMajor: require('@nestjs/common/package.json').version.split('.')[0],
      got: got instanceof Thing && got.at instanceof Date && got.at.getTime() === at.getTime(),
      queried: page.items.map((t) => t.n),
    }),
  );
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
