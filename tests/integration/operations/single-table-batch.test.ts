import 'reflect-metadata';
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { BatchWriteError, DkmioClient, Entity, Table } from '../../../src';
import { caught, localDb, rawClient, uniquePrefix } from '../helpers';

// A Page whose slug is 'PROFILE' composes exactly the Profile's key: the templates can collide.
@Table('site', { partitionKey: 'pk', sortKey: 'sk' })
class SiteTable {}

@Entity(SiteTable, { type: 'Profile', partitionKey: 'SITE#{siteId}', sortKey: 'PROFILE' })
class Profile {
  siteId!: string;
  title?: string;
}

@Entity(SiteTable, { type: 'Page', partitionKey: 'SITE#{siteId}', sortKey: '{slug}' })
class Page {
  siteId!: string;
  slug!: string;
  body?: string;
}

const prefix = uniquePrefix();
const table = `${prefix}site`;
let raw: DynamoDBClient;
let db: DkmioClient;

async function stored(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
  const out = await raw.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk }, sk: { S: sk } } }));
  return out.Item ? unmarshall(out.Item) : undefined;
}

beforeAll(async () => {
  raw = rawClient();
  db = localDb({ tableNamePrefix: prefix });
  await db.createTables([SiteTable]);
});

afterAll(async () => {
  await db.deleteTables([SiteTable]);
  db.destroy();
  raw.destroy();
});

describe('batchWrite never overwrites or deletes an item of another type', () => {
  it("a batch put whose key holds another type's item is refused and named; the rest is written", async () => {
    await db.getRepository(Profile).put({ siteId: 's1', title: 'Home' });
    const clash = { siteId: 's1', slug: 'PROFILE', body: 'not a profile' };
    const error = await caught(
      db.batchWrite((b) => {
        b.put(Page, clash);
        b.put(Page, { siteId: 's1', slug: 'about', body: 'About' });
      }),
    );
    expect(error).toBeInstanceOf(BatchWriteError);
    expect((error as BatchWriteError).unprocessed).toEqual([
      { kind: 'put', entity: Page, item: clash, maybeApplied: false, reason: 'otherType' },
    ]);
    expect(await stored('SITE#s1', 'PROFILE')).toEqual({
      pk: 'SITE#s1',
      sk: 'PROFILE',
      _type: 'Profile',
      siteId: 's1',
      title: 'Home',
    });
    expect(await stored('SITE#s1', 'about')).toMatchObject({ _type: 'Page', body: 'About' });
  });

  it("a batch delete whose key holds another type's item is refused and named; the rest is deleted", async () => {
    await db.getRepository(Profile).put({ siteId: 's2', title: 'Two' });
    await db.getRepository(Page).put({ siteId: 's2', slug: 'old' });
    const clash = { siteId: 's2', slug: 'PROFILE' };
    const error = await caught(
      db.batchWrite((b) => {
        b.delete(Page, clash);
        b.delete(Page, { siteId: 's2', slug: 'old' });
      }),
    );
    expect(error).toBeInstanceOf(BatchWriteError);
    expect((error as BatchWriteError).unprocessed).toEqual([
      { kind: 'delete', entity: Page, key: clash, maybeApplied: false, reason: 'otherType' },
    ]);
    expect(await stored('SITE#s2', 'PROFILE')).toMatchObject({ _type: 'Profile', title: 'Two' });
    expect(await stored('SITE#s2', 'old')).toBeUndefined();
  });

  it('a colliding key with no other type stored there (absent, or the same type) is written', async () => {
    await db.batchWrite((b) => {
      b.put(Page, { siteId: 's3', slug: 'PROFILE', body: 'v1' });
      b.put(Profile, { siteId: 's4', title: 'Four' });
    });
    expect(await stored('SITE#s3', 'PROFILE')).toMatchObject({ _type: 'Page', body: 'v1' });
    await db.batchWrite((b) => b.put(Page, { siteId: 's3', slug: 'PROFILE', body: 'v2' }));
    expect(await stored('SITE#s3', 'PROFILE')).toMatchObject({ _type: 'Page', body: 'v2' });
    // ...and the Profile put the other way round is refused by the Page stored there.
    const error = await caught(db.batchWrite((b) => b.put(Profile, { siteId: 's3', title: 'x' })));
    expect((error as BatchWriteError).unprocessed).toEqual([
      { kind: 'put', entity: Profile, item: { siteId: 's3', title: 'x' }, maybeApplied: false, reason: 'otherType' },
    ]);
    await db.batchWrite((b) => b.delete(Page, { siteId: 's3', slug: 'PROFILE' }));
    expect(await stored('SITE#s3', 'PROFILE')).toBeUndefined();
    expect(await stored('SITE#s4', 'PROFILE')).toMatchObject({ _type: 'Profile', title: 'Four' });
  });
});
