import { DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DkmioClient, type ConditionInput } from '../../../src';
import { BLOG_ENTITIES, User } from '../../../samples/blog/entities';
import { testClientConfig, uniqueTableName } from '../../support/local';
import { buildSamplesOnce } from '../../support/samples-build';
import { startSampleServer, type SampleServer } from '../../support/sample-server';

// The blog API of the Express and NestJS samples, each run as `npm start` runs it (compiled,
// against the built package, in its own process) and exercised over real HTTP. The samples'
// entity classes are imported only to compare with hand-written dkmio reads of the same tables.

const SAMPLES = [
  ['Express', 'dist-samples/express/main.js', {}],
  ['Express wrapping an existing DocumentClient', 'dist-samples/express/main.js', { EXISTING_APP: '1' }],
  ['NestJS', 'dist-samples/nest/main.js', {}],
] as const;

beforeAll(async () => {
  await buildSamplesOnce();
}, 180_000);

describe.each(SAMPLES)('the %s blog API over HTTP', (_name, script, extraEnv) => {
  const prefix = `${uniqueTableName('blog')}-`;
  const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
  let server: SampleServer;
  let base: string;

  const call = async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${base}${route}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined, text };
  };
  const get = (route: string) => call('GET', route);
  /** Every item of every page of a listing, following the (sealed) cursor. */
  const all = async (route: string, limit = 4): Promise<Record<string, unknown>[]> => {
    const items: Record<string, unknown>[] = [];
    let cursor: string | undefined;
    do {
      const sep = route.includes('?') ? '&' : '?';
      const page = await get(`${route}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      items.push(...(page.body!['items'] as Record<string, unknown>[]));
      cursor = page.body!['cursor'] as string | undefined;
    } while (cursor);
    return items;
  };
  /** The requests the server sent to DynamoDB while `run` ran (read from its NODE_DEBUG lines). */
  const requestsDuring = async (run: () => Promise<unknown>): Promise<string[]> => {
    const before = server.output().length;
    await run();
    // A marker request whose line is sure to follow anything `run` logged (one ordered stream).
    const marker = `marker-${Math.random().toString(36).slice(2)}@example.com`;
    expect((await get(`/users/${marker}`)).status).toBe(404);
    await waitFor(() => server.output().includes(`get_item on ${prefix}users`, before));
    const lines = server
      .output()
      .slice(before)
      .split('\n')
      .filter((l) => / on /.test(l) && l.includes('DKMIO'));
    return lines.slice(
      0,
      lines.findIndex((l) => l.includes(`get_item on ${prefix}users`)),
    );
  };

  beforeAll(async () => {
    server = await startSampleServer(script, {
      NODE_DEBUG: 'dkmio',
      TABLE_PREFIX: prefix,
      CURSOR_SECRET: `secret of ${prefix}`,
      ...extraEnv,
    });
    base = server.url;
  }, 60_000);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    await db.deleteTables(BLOG_ENTITIES, { pollIntervalMs: 50 });
    db.destroy();
  });

  it('created the missing tables at start-up, TTL included', async () => {
    const raw = new DynamoDBClient(testClientConfig());
    try {
      const ttl = await raw.send(new DescribeTimeToLiveCommand({ TableName: `${prefix}sessions` }));
      expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    } finally {
      raw.destroy();
    }
  });

  it('users: 201, 409 for a taken email, 400 for a bad body, 200 as JSON-safe data (toPlain), 404', async () => {
    const ann = {
      email: 'ann@example.com',
      name: 'Ann',
      role: 'author',
      credits: 10,
      interests: ['ts', 'aws'],
      joinedAt: '2026-01-10T00:00:00.000Z',
    };
    expect((await call('POST', '/users', ann)).status).toBe(201);
    expect(
      (await call('POST', '/users', { email: 'bob@example.com', name: 'Bob', joinedAt: '2026-02-01T00:00:00.000Z' }))
        .status,
    ).toBe(201);
    const taken = await call('POST', '/users', ann);
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ statusCode: 409, error: 'CONDITION_FAILED' });
    expect((await call('POST', '/users', { name: 'no email' })).status).toBe(400);
    const found = await get('/users/ann@example.com');
    expect(found).toMatchObject({ status: 200, body: { ...ann, interests: expect.arrayContaining(ann.interests) } });
    expect(found.body!['interests']).toHaveLength(2); // a Set, answered as an array
    const missing = await get('/users/nobody@example.com');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'ITEM_NOT_FOUND' });
  });

  it('bulk import (batchWrite), then query-string filters give the same items as the hand-written filter', async () => {
    const imported = Array.from({ length: 30 }, (_, i) => ({
      email: `user${String(i).padStart(2, '0')}@example.com`,
      name: `${i % 2 ? 'Zoe' : 'Yan'} ${i}`,
      role: (['reader', 'author', 'admin'] as const)[i % 3],
      credits: i,
      joinedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    }));
    expect(await call('POST', '/users/import', imported)).toMatchObject({ status: 201, body: { imported: 30 } });
    expect((await call('POST', '/users/import', [{ email: 'bad' }])).status).toBe(400);

    const users = db.getRepository(User);
    const cases: [string, ConditionInput<User>][] = [
      ['role=author', { role: 'author' }],
      ['role__in=author,admin&credits__gte=10', { role__in: ['author', 'admin'], credits__gte: 10 }],
      ['role__in=reader&role__in=admin', { role__in: ['reader', 'admin'] }],
      ['credits__between=3,12&name__begins_with=Zoe', { credits__between: [3, 12], name__begins_with: 'Zoe' }],
      [
        'joinedAt__gte=2026-01-15&joinedAt__lt=2026-01-20T00:00:00Z',
        { joinedAt__gte: new Date('2026-01-15'), joinedAt__lt: new Date('2026-01-20') },
      ],
      ['credits__lt=0', { credits__lt: 0 }],
    ];
    for (const [qs, hand] of cases) {
      const viaHttp = (await all(`/users?${qs}`)).map((u) => u['email']).sort();
      const direct = (await users.scan().filter(hand).fetchAll()).items.map((u) => u.email).sort();
      expect({ qs, emails: viaHttp }).toEqual({ qs, emails: direct });
    }
    expect((await all('/users?role=author')).length).toBeGreaterThan(5);
  });

  it('a filter outside the allow-list, an operator not allowed, or a bad value is a 400 naming the parameter, and sends nothing', async () => {
    const refused: [string, RegExp][] = [
      ['email=ann@example.com', /"email" is not a filter here; filterable: role, credits, name, joinedAt/],
      ['interests__contains=ts', /"interests__contains" is not a filter here/],
      ['__proto__=x', /"__proto__" is not a filter here/],
      ['constructor__exists=true', /"constructor__exists" is not a filter here/],
      ['credits=7', /"eq" is not allowed on "credits"/],
      ['role__begins_with=a', /"begins_with" is not allowed on "role"/],
      ['credits__gt=lots', /"credits__gt" must be a number/],
      ['credits__gtt=1', /unknown operator/],
      ['joinedAt__gte=yesterday', /must be an ISO 8601 date/],
      ['role=a&role=b', /given more than once/],
    ];
    for (const [qs, message] of refused) {
      let answer: Awaited<ReturnType<typeof get>> | undefined;
      const sent = await requestsDuring(async () => (answer = await get(`/users?${qs}`)));
      expect({ qs, status: answer!.status, error: answer!.body?.['error'] }).toEqual({
        qs,
        status: 400,
        error: 'VALIDATION',
      });
      expect(answer!.body!['message']).toMatch(message);
      for (const value of ['ann@example.com', 'lots', 'yesterday']) expect(answer!.text).not.toContain(value);
      expect({ qs, sent }).toEqual({ qs, sent: [] });
    }
  });

  it('cursors are sealed: opaque, and a tampered or foreign cursor is a 400 that sends nothing', async () => {
    const first = await get('/users?limit=3');
    const cursor = first.body!['cursor'] as string;
    expect({ status: first.status, type: typeof cursor, body: first.text.slice(0, 300) }).toMatchObject({
      status: 200,
      type: 'string',
    });
    expect(first.body).not.toHaveProperty('lastKey');
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/example\.com|user\d/);
    expect((await get(`/users?limit=3&cursor=${cursor}`)).status).toBe(200);

    const raw = Buffer.from(cursor, 'base64url');
    const tampered = [
      Buffer.concat([raw.subarray(0, 20), Buffer.of(raw[20] ^ 1), raw.subarray(21)]).toString('base64url'),
      cursor.slice(0, -1),
      Buffer.from(JSON.stringify({ t: 'users', k: { email: ['S', 'ann@example.com'] } })).toString('base64url'), // a forged plain cursor
    ];
    await call('POST', '/users/ann@example.com/posts', { slug: 'p0', title: 'zero' });
    await call('POST', '/users/ann@example.com/posts', { slug: 'p1', title: 'one' });
    const foreign = [
      (await get('/users/ann@example.com/posts?limit=1')).body!['cursor'] as string, // the posts table
      (await get('/posts/by-status/DRAFT?limit=1')).body!['cursor'] as string, // an index
    ];
    for (const bad of [...tampered, ...foreign]) {
      expect(typeof bad).toBe('string');
      let answer: Awaited<ReturnType<typeof get>> | undefined;
      const sent = await requestsDuring(
        async () => (answer = await get(`/users?limit=3&cursor=${encodeURIComponent(bad)}`)),
      );
      expect(answer!.status).toBe(400);
      expect(answer!.body).toMatchObject({
        error: 'VALIDATION',
        message: expect.stringMatching(/cursor was not sealed for table "users"/),
      });
      expect(sent).toEqual([]);
    }
  });

  it('mustExist: renaming or deleting an unknown user is a 404, a known one is renamed', async () => {
    expect((await call('PATCH', '/users/ghost@example.com', { name: 'Ghost' })).status).toBe(404);
    expect((await call('DELETE', '/users/ghost@example.com')).status).toBe(404);
    expect(await db.getRepository(User).get({ email: 'ghost@example.com' })).toBeNull(); // no upsert
    expect(await call('PATCH', '/users/bob@example.com', { name: 'Robert' })).toMatchObject({
      status: 200,
      body: { email: 'bob@example.com', name: 'Robert' },
    });
    expect((await call('DELETE', '/users/user29@example.com')).status).toBe(204);
    expect((await get('/users/user29@example.com')).status).toBe(404);
  });

  it('transfer (transactWrite): both or neither; 409 for too few credits, 404 for an unknown user', async () => {
    const credits = async (email: string) => (await get(`/users/${email}`)).body!['credits'];
    expect(
      await call('POST', '/transfers', { from: 'ann@example.com', to: 'bob@example.com', amount: 4 }),
    ).toMatchObject({ status: 200 });
    expect([await credits('ann@example.com'), await credits('bob@example.com')]).toEqual([6, 4]);
    expect(
      (await call('POST', '/transfers', { from: 'ann@example.com', to: 'bob@example.com', amount: 7 })).status,
    ).toBe(409);
    expect(
      (await call('POST', '/transfers', { from: 'ann@example.com', to: 'ghost@example.com', amount: 1 })).status,
    ).toBe(404);
    expect(
      (await call('POST', '/transfers', { from: 'ghost@example.com', to: 'ann@example.com', amount: 1 })).status,
    ).toBe(404);
    expect(
      (await call('POST', '/transfers', { from: 'ann@example.com', to: 'ann@example.com', amount: 1 })).status,
    ).toBe(400);
    expect([await credits('ann@example.com'), await credits('bob@example.com')]).toEqual([6, 4]);
    expect(await db.getRepository(User).get({ email: 'ghost@example.com' })).toBeNull();
  });

  it('posts: drafts, publish (404 absent, 409 twice), likes, filters, and the status index paged by cursor', async () => {
    expect(
      (await call('POST', '/users/ann@example.com/posts', { slug: 'p2', title: 'Two', tags: ['aws', 'ts'] })).status,
    ).toBe(201);
    expect((await call('POST', '/users/ann@example.com/posts', { slug: 'p2', title: 'Again' })).status).toBe(409);
    expect((await call('POST', '/users/ghost@example.com/posts', { slug: 'p9', title: 'Nobody' })).status).toBe(404);
    expect((await call('POST', '/users/ann@example.com/posts', { slug: 'Bad Slug', title: 'x' })).status).toBe(400);

    const published = await call('PATCH', '/users/ann@example.com/posts/p2/publish');
    expect(published).toMatchObject({ status: 200, body: { slug: 'p2', status: 'PUBLISHED', tags: ['aws', 'ts'] } });
    expect((await call('PATCH', '/users/ann@example.com/posts/p2/publish')).status).toBe(409);
    expect((await call('PATCH', '/users/ann@example.com/posts/nope/publish')).status).toBe(404);
    expect((await call('POST', '/users/ann@example.com/posts/p2/like')).body).toMatchObject({ likes: 1 });
    expect((await call('POST', '/users/ann@example.com/posts/nope/like')).status).toBe(404);

    const slugs = async (qs: string) => (await all(`/users/ann@example.com/posts?${qs}`, 2)).map((p) => p['slug']);
    expect(await slugs('status=PUBLISHED')).toEqual(['p2']);
    expect(await slugs('status__in=DRAFT')).toEqual(['p0', 'p1']);
    expect(await slugs('tags__contains=aws&likes__gte=1')).toEqual(['p2']);
    expect(await slugs('title__begins_with=o')).toEqual(['p1']);
    expect((await get('/users/ann@example.com/posts?authorEmail=x')).status).toBe(400);

    const drafts = await all('/posts/by-status/DRAFT', 1);
    expect(drafts.map((p) => p['slug'])).toEqual(['p1', 'p0']);
    expect((await get('/posts/by-status/DRAFT?limit=0')).status).toBe(400);
  });

  it('sessions with a TTL: 201 with expiresAt an hour away, 200, 404 for an unknown token or user', async () => {
    const created = await call('POST', '/sessions', { email: 'ann@example.com' });
    expect(created.status).toBe(201);
    const { token, expiresAt } = created.body as { token: string; expiresAt: number };
    const now = Math.floor(Date.now() / 1000);
    expect(expiresAt).toBeGreaterThan(now + 3500);
    expect(expiresAt).toBeLessThanOrEqual(now + 3600);
    expect(await get(`/sessions/${token}`)).toMatchObject({ status: 200, body: { token, email: 'ann@example.com' } });
    expect((await get('/sessions/no-such-token')).status).toBe(404);
    expect((await call('POST', '/sessions', { email: 'ghost@example.com' })).status).toBe(404);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
