// Run by tests/integration/package.test.ts inside a fresh project that installed the packed
// dkmio next to NestJS 12 (ESM-only). ESM side: every entry point by `import`, the dual-package
// hazard guarded, and a real Nest 12 application context on DynamoDB Local.
import { createRequire } from 'node:module';
import * as dkmio from 'dkmio';
import * as nest from 'dkmio/nest';
import * as testing from 'dkmio/testing';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const require = createRequire(import.meta.url);
const cjs = require('dkmio');
const cjsNest = require('dkmio/nest');
const { Table, PartitionKey, SortKey, Attribute, DkmioError, InvalidDefinitionError, entityMetadata } = dkmio;

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

console.log(
  JSON.stringify({
    dkmioExports: Object.keys(dkmio).length,
    nestExports: Object.keys(nest).sort(),
    testingExports: Object.keys(testing),
    sameCoreForRequire: cjs.DkmioError === DkmioError && cjs.Repository === dkmio.Repository,
    metadataSharedWithRequire: cjs.entityMetadata(Thing) === entityMetadata(Thing),
    sameTokensForRequire:
      cjsNest.DKMIO_CLIENT === nest.DKMIO_CLIENT &&
      cjsNest.getRepositoryToken(Thing) === nest.getRepositoryToken(Thing),
    definitionError:
      definitionError instanceof InvalidDefinitionError && definitionError instanceof cjs.DkmioError
        ? definitionError.message
        : String(definitionError),
    nestMajor: require('@nestjs/common/package.json').version.split('.')[0],
    got: got instanceof Thing && got.at instanceof Date && got.at.getTime() === at.getTime(),
    queried: page.items.map((t) => t.n),
  }),
);
