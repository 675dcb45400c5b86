import 'reflect-metadata';
import { Attribute, BatchWriteError, DkmioClient, Entity, Table, entityMetadata } from '../../../../src';
import { keyRivals } from '../../../../src/metadata/key-rivals';
import { buildDeleteItem } from '../../../../src/operations/delete/build';
import { buildPutItem } from '../../../../src/operations/put/build';
import { RecordingClient, sdkConditionFailed, sdkServerError, type Responder } from '../../../support/recording-client';
import { AppTable, Line, Order, User } from '../../single-table-fixtures';
import { S } from '../../fixtures';

// Two entities whose templates meet: a Page with slug 'PROFILE' composes the Profile's key.
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

// Its partition key never meets the others'.
@Entity(SiteTable, { type: 'Visit', partitionKey: 'VISIT#{visitId}', sortKey: 'AT#{at}' })
class Visit {
  visitId!: string;
  at!: string;
}

const guard = 'attribute_not_exists(#n0) OR #n1 = :v0';

function setup(respond?: Responder) {
  const client = new RecordingClient(respond);
  const db = new DkmioClient({ client, batch: { maxAttempts: 3, baseDelayMs: 0 } });
  return { client, db };
}

describe('which entities of a table could compose one stored key', () => {
  it('templates with distinct literals are no rivals; a placeholder that can spell a constant is', () => {
    expect(keyRivals(entityMetadata(User).single!)).toEqual([]);
    expect(keyRivals(entityMetadata(Order).single!)).toEqual([]);
    expect(keyRivals(entityMetadata(Line).single!)).toEqual([]);
    expect(keyRivals(entityMetadata(Visit).single!)).toEqual([]);
    expect(keyRivals(entityMetadata(Profile).single!).map((r) => r.type)).toEqual(['Page']);
    expect(keyRivals(entityMetadata(Page).single!).map((r) => r.type)).toEqual(['Profile']);
    void AppTable;
  });

  it('distinct literal suffixes or a constant the other does not parse keep entities apart; keys decide the rest', async () => {
    @Table('shapes', { partitionKey: 'pk', sortKey: 'sk' })
    class Shapes {}
    @Entity(Shapes, { type: 'A', partitionKey: 'P#{id}', sortKey: 'A#{x}#END' })
    class A {
      id!: string;
      x!: string;
    }
    @Entity(Shapes, { type: 'B', partitionKey: 'P#{id}', sortKey: 'A#{y}#FIN' })
    class B {
      id!: string;
      y!: string;
    }
    @Entity(Shapes, { type: 'C', partitionKey: 'P#{id}', sortKey: '{seq:4}' })
    class C {
      id!: string;
      @Attribute() seq!: number;
    }
    @Entity(Shapes, { type: 'D', partitionKey: 'P#{id}', sortKey: 'ITEM' })
    class D {
      id!: string;
    }
    const rivals = (e: abstract new () => unknown) => keyRivals(entityMetadata(e).single!).map((r) => r.type);
    expect([A, B, C, D].map(rivals)).toEqual([['C'], ['C'], ['A', 'B'], []]);
    // A may meet C in principle, but 'A#1#END' is no '{seq:4}': it stays in the batch.
    const { client, db } = setup();
    await db.batchWrite((b) => {
      b.put(A, { id: 'i', x: '1' });
      b.put(D, { id: 'i' });
    });
    expect(client.names).toEqual(['BatchWriteItemCommand']);
    void Shapes;
  });

  it('an entity defined after the first use joins the rivals', () => {
    @Table('late', { partitionKey: 'pk', sortKey: 'sk' })
    class LateTable {}
    @Entity(LateTable, { type: 'A', partitionKey: 'X#{id}', sortKey: 'A' })
    class A {
      id!: string;
    }
    const a = entityMetadata(A).single!;
    expect(keyRivals(a)).toEqual([]);
    @Entity(LateTable, { type: 'B', partitionKey: 'X#{id}', sortKey: '{name}' })
    class B {
      id!: string;
      name!: string;
    }
    expect(keyRivals(a).map((r) => r.className)).toEqual([B.name]);
  });
});

describe('batchWrite of single-table entities', () => {
  it('a key no other entity composes stays in BatchWriteItem, unchanged', async () => {
    const { client, db } = setup();
    await db.batchWrite((b) => {
      b.put(Page, { siteId: 's1', slug: 'about' });
      b.put(Visit, { visitId: 'v1', at: '2026' });
      b.delete(Page, { siteId: 's1', slug: 'old' });
    });
    expect(client.names).toEqual(['BatchWriteItemCommand']);
    expect(client.sent[0].input).toEqual({
      RequestItems: {
        site: [
          {
            PutRequest: {
              Item: { siteId: S('s1'), slug: S('about'), pk: S('SITE#s1'), sk: S('about'), _type: S('Page') },
            },
          },
          {
            PutRequest: {
              Item: { visitId: S('v1'), at: S('2026'), pk: S('VISIT#v1'), sk: S('AT#2026'), _type: S('Visit') },
            },
          },
          { DeleteRequest: { Key: { pk: S('SITE#s1'), sk: S('old') } } },
        ],
      },
    });
  });

  it("a key another entity could own goes alone as put()'s / delete()'s guarded request", async () => {
    const { client, db } = setup();
    await db.batchWrite((b) => {
      b.put(Page, { siteId: 's1', slug: 'about' });
      b.put(Page, { siteId: 's1', slug: 'PROFILE', body: 'x' });
      b.put(Profile, { siteId: 's2', title: 'T' });
      b.delete(Page, { siteId: 's3', slug: 'PROFILE' });
    });
    expect(client.names).toEqual(['BatchWriteItemCommand', 'PutItemCommand', 'PutItemCommand', 'DeleteItemCommand']);
    expect(client.sent[0].input).toEqual({
      RequestItems: {
        site: [
          {
            PutRequest: {
              Item: { siteId: S('s1'), slug: S('about'), pk: S('SITE#s1'), sk: S('about'), _type: S('Page') },
            },
          },
        ],
      },
    });
    const page = entityMetadata(Page);
    const profile = entityMetadata(Profile);
    expect(client.sent[1].input).toEqual(buildPutItem(page, 'site', { siteId: 's1', slug: 'PROFILE', body: 'x' }));
    expect(client.sent[1].input).toEqual({
      TableName: 'site',
      Item: {
        siteId: S('s1'),
        slug: S('PROFILE'),
        body: S('x'),
        pk: S('SITE#s1'),
        sk: S('PROFILE'),
        _type: S('Page'),
      },
      ConditionExpression: guard,
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': '_type' },
      ExpressionAttributeValues: { ':v0': S('Page') },
    });
    expect(client.sent[2].input).toEqual(buildPutItem(profile, 'site', { siteId: 's2', title: 'T' }));
    expect(client.sent[3].input).toEqual({
      TableName: 'site',
      Key: { pk: S('SITE#s3'), sk: S('PROFILE') },
      ConditionExpression: guard,
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': '_type' },
      ExpressionAttributeValues: { ':v0': S('Page') },
    });
    expect(client.sent[3].input).toEqual(buildDeleteItem(page, 'site', { siteId: 's3', slug: 'PROFILE' }));
  });

  it("a failed guard lists exactly that write with reason 'otherType'; the rest of the batch is done", async () => {
    const { client, db } = setup((c) => {
      if (c.name === 'PutItemCommand' || c.name === 'DeleteItemCommand') throw sdkConditionFailed();
      return {};
    });
    const put = { siteId: 's1', slug: 'PROFILE' };
    const del = { siteId: 's2', slug: 'PROFILE' };
    const error = (await db
      .batchWrite((b) => {
        b.put(Page, put);
        b.put(Page, { siteId: 's1', slug: 'about' });
        b.delete(Page, del);
      })
      .catch((e: unknown) => e)) as BatchWriteError;
    expect(error).toBeInstanceOf(BatchWriteError);
    expect(error.unprocessed).toEqual([
      { kind: 'put', entity: Page, item: put, maybeApplied: false, reason: 'otherType' },
      { kind: 'delete', entity: Page, key: del, maybeApplied: false, reason: 'otherType' },
    ]);
    expect(error.message).toContain('2 of 3 writes were not done: 2 were refused by the single-table type guard');
    expect(error.message).not.toContain('Resending the listed writes');
    // Not retried: a condition that failed fails again.
    expect(client.names).toEqual(['BatchWriteItemCommand', 'PutItemCommand', 'DeleteItemCommand']);
  });

  it('a guarded write whose request failed (5xx) is retried like a chunk; maybeApplied says what is unknown', async () => {
    const { client, db } = setup((c) => {
      if (c.name === 'PutItemCommand') throw sdkServerError();
      throw sdkConditionFailed();
    });
    const put = { siteId: 's1', slug: 'PROFILE' };
    const del = { siteId: 's2', slug: 'PROFILE' };
    const error = (await db
      .batchWrite((b) => {
        b.put(Page, put);
        b.delete(Page, del);
      })
      .catch((e: unknown) => e)) as BatchWriteError;
    expect(client.names).toEqual(['PutItemCommand', 'DeleteItemCommand', 'PutItemCommand', 'PutItemCommand']);
    expect(error.unprocessed).toEqual([
      { kind: 'put', entity: Page, item: put, maybeApplied: true },
      { kind: 'delete', entity: Page, key: del, maybeApplied: false, reason: 'otherType' },
    ]);
    expect(error.message).toMatch(
      /1 was refused by the single-table type guard.*; 1 because they were still unprocessed after 3 attempts/,
    );
    expect(error.message).toContain("Resending the listed writes without reason 'otherType' is safe.");
  });
});
