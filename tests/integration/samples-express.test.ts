import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Express } from 'express';
import { createExistingApp } from '../../samples/express/existing-app';
import { createApp } from '../../samples/express/new-app';
import { User } from '../../samples/express/user.entity';
import { testClientConfig, uniqueTableName } from '../support/local';

async function listen(app: Express): Promise<{ server: Server; base: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));
const postUser = (base: string, body: unknown) =>
  fetch(`${base}/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('samples/express: a new app where dkmio owns the connection', () => {
  const prefix = `${uniqueTableName('express')}-`;
  const { app, db } = createApp({ ...testClientConfig(), tableNamePrefix: prefix });
  let server: Server;
  let base: string;

  beforeAll(async () => {
    await db.createTables([User]);
    ({ server, base } = await listen(app));
  });
  afterAll(async () => {
    await close(server);
    await db.deleteTables([User], { pollIntervalMs: 50 });
    db.destroy();
  });

  it('creates a user (201), refuses the same id again (409), reads it (200) and answers 404 for an unknown id', async () => {
    const created = await postUser(base, { userId: 'u1', name: 'Ana' });
    expect(created.status).toBe(201);

    const again = await postUser(base, { userId: 'u1', name: 'Someone else' });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: 'CONDITION_FAILED', message: expect.any(String) });

    const found = await fetch(`${base}/users/u1`);
    expect(found.status).toBe(200);
    expect(await found.json()).toEqual({ userId: 'u1', name: 'Ana' });

    const missing = await fetch(`${base}/users/nobody`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'ITEM_NOT_FOUND', message: expect.stringContaining('No User') });
  });

  it('answers 400 for a body without the required fields', async () => {
    const bad = await postUser(base, { name: 'no id' });
    expect(bad.status).toBe(400);
  });
});

describe('samples/express: an existing app that wraps its own DocumentClient', () => {
  const prefix = `${uniqueTableName('express-existing')}-`;
  const raw = new DynamoDBClient(testClientConfig());
  const documentClient = DynamoDBDocumentClient.from(raw);
  const { app, db } = createExistingApp(documentClient, prefix);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    await db.createTables([User]);
    ({ server, base } = await listen(app));
  });
  afterAll(async () => {
    await close(server);
    await db.deleteTables([User], { pollIntervalMs: 50 });
    raw.destroy();
  });

  it('serves dkmio routes and the legacy SDK route from the same client and table', async () => {
    expect((await postUser(base, { userId: 'u7', name: 'Bo', email: 'bo@example.com' })).status).toBe(201);
    expect((await postUser(base, { userId: 'u7', name: 'Bo' })).status).toBe(409);

    const viaDkmio = await fetch(`${base}/users/u7`);
    expect(await viaDkmio.json()).toEqual({ userId: 'u7', name: 'Bo', email: 'bo@example.com' });
    const viaLegacy = await fetch(`${base}/legacy/users/u7`);
    expect(await viaLegacy.json()).toEqual({ userId: 'u7', name: 'Bo', email: 'bo@example.com' });
    expect((await fetch(`${base}/users/u8`)).status).toBe(404);
    expect((await fetch(`${base}/legacy/users/u8`)).status).toBe(404);
  });

  it("never destroys the app's client", async () => {
    db.destroy();
    expect((await fetch(`${base}/legacy/users/u7`)).status).toBe(200);
    expect((await fetch(`${base}/users/u7`)).status).toBe(200);
  });
});
