import 'reflect-metadata';
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  DkmioClient,
  PartitionKey,
  SortKey,
  Table,
  ValidationError,
  type Repository,
} from '../../../../src';
import { caught, createTable, localDb, rawClient, recordingClient, uniquePrefix } from '../../helpers';

interface LineItem {
  sku: string;
  qty: number;
}

@Table('profiles')
class Profile {
  @PartitionKey() id!: string;
  @SortKey() kind!: string;
  address?: { city?: string; zip?: string };
  items?: LineItem[];
  history?: unknown[];
  log?: string[];
  visits?: number;
  tags?: Set<string>;
  scores?: Set<number>;
  @Attribute({ name: 'created_at' }) createdAt?: string;
  tempNotes?: string;
  status?: string;
}

const prefix = uniquePrefix();
let raw: DynamoDBClient;
let db: DkmioClient;
let profiles: Repository<Profile>;
let n = 0;

beforeAll(async () => {
  raw = rawClient();
  await createTable(raw, { name: `${prefix}profiles`, partitionKey: ['id', 'S'], sortKey: ['kind', 'S'] });
  db = localDb({ tableNamePrefix: prefix });
  profiles = db.getRepository(Profile);
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

/** A fresh item with a unique key, so tests never share state. */
async function seed(data: Partial<Profile>): Promise<{ id: string; kind: string }> {
  const key = { id: `p${++n}`, kind: 'main' };
  await profiles.put({ ...key, ...data });
  return key;
}

const read = async (key: { id: string; kind: string }) => profiles.get(key, { consistent: true });

describe('set', () => {
  it('sets a nested map attribute when the map exists, keeping its other keys', async () => {
    const key = await seed({ address: { city: 'Quito', zip: '170' } });
    await profiles.update(key, { set: { 'address.city': 'Lima' } });
    expect((await read(key))!.address).toEqual({ city: 'Lima', zip: '170' });
  });

  it('a nested path under a missing map is a ValidationError hinting to set the whole map', async () => {
    const key = await seed({});
    const err = await caught(profiles.update(key, { set: { 'address.city': 'Lima' } }));
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toContain('set the whole map first');
  });

  it('sets an element of a list of maps: items[0].qty', async () => {
    const key = await seed({
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 2 },
      ],
    });
    await profiles.update(key, { set: { 'items[0].qty': 5 } });
    expect((await read(key))!.items).toEqual([
      { sku: 'a', qty: 5 },
      { sku: 'b', qty: 2 },
    ]);
  });

  it('sets a renamed attribute under its stored name', async () => {
    const key = await seed({});
    await profiles.update(key, { set: { createdAt: '2024-05-05' } });
    const stored = await raw.send(
      new GetItemCommand({ TableName: `${prefix}profiles`, Key: { id: { S: key.id }, kind: { S: key.kind } } }),
    );
    expect(stored.Item!['created_at']).toEqual({ S: '2024-05-05' });
    expect(stored.Item!['createdAt']).toBeUndefined();
  });

  it('creates the item when it is absent (DynamoDB upsert) with no condition', async () => {
    const key = { id: 'upsert', kind: 'main' };
    await profiles.update(key, { set: { status: 'NEW' } });
    expect(await read(key)).toEqual({ ...key, status: 'NEW' });
  });
});

describe('remove', () => {
  it('removes top-level attributes, nested map keys and list elements', async () => {
    const key = await seed({
      tempNotes: 'x',
      address: { city: 'Lima', zip: '150' },
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 2 },
      ],
    });
    await profiles.update(key, { remove: ['tempNotes', 'address.zip', 'items[0]'] });
    const p = (await read(key))!;
    expect(p.tempNotes).toBeUndefined();
    expect(p.address).toEqual({ city: 'Lima' });
    expect(p.items).toEqual([{ sku: 'b', qty: 2 }]);
  });
});

describe('append and prepend', () => {
  it('append adds one element (or each element of an array) to the end of an existing list', async () => {
    const key = await seed({ history: ['created'] });
    await profiles.update(key, { append: { history: { action: 'shipped' } } });
    await profiles.update(key, { append: { history: ['a', 'b'] } });
    expect((await read(key))!.history).toEqual(['created', { action: 'shipped' }, 'a', 'b']);
  });

  it('append to a missing list creates it', async () => {
    const key = await seed({});
    await profiles.update(key, { append: { history: 'first' } });
    expect((await read(key))!.history).toEqual(['first']);
  });

  it('prepend adds to the front of an existing list, and creates a missing one', async () => {
    const key = await seed({ history: ['b'] });
    await profiles.update(key, { prepend: { history: 'a' } });
    await profiles.update(key, { prepend: { history: ['x', 'y'] } });
    expect((await read(key))!.history).toEqual(['x', 'y', 'a', 'b']);
    const fresh = await seed({});
    await profiles.update(fresh, { prepend: { history: 'only' } });
    expect((await read(fresh))!.history).toEqual(['only']);
  });
});

describe('add and delete', () => {
  it('add increments a number (creating it from 0 when missing), negative steps included', async () => {
    const key = await seed({});
    await profiles.update(key, { add: { visits: 3 } });
    await profiles.update(key, { add: { visits: 4 } });
    await profiles.update(key, { add: { visits: -2 } });
    expect((await read(key))!.visits).toBe(5);
  });

  it('add unions a Set or an array into a set, creating it when missing', async () => {
    const key = await seed({});
    await profiles.update(key, { add: { tags: new Set(['a']) } });
    await profiles.update(key, { add: { tags: ['b', 'a'] } });
    await profiles.update(key, { add: { scores: [1, 2] } });
    await profiles.update(key, { add: { scores: new Set([2, 3]) } });
    const p = (await read(key))!;
    expect(p.tags).toEqual(new Set(['a', 'b']));
    expect(p.scores).toEqual(new Set([1, 2, 3]));
  });

  it('delete subtracts a Set or an array from a set; deleting every element removes the attribute', async () => {
    const key = await seed({ tags: new Set(['a', 'b', 'c', 'd']), scores: new Set([1, 2]) });
    await profiles.update(key, { delete: { tags: new Set(['a']) } });
    await profiles.update(key, { delete: { tags: ['b', 'zzz'] } });
    await profiles.update(key, { delete: { scores: [1, 2] } });
    const p = (await read(key))!;
    expect(p.tags).toEqual(new Set(['c', 'd']));
    expect('scores' in p).toBe(false);
  });
});

describe('setIfNotExists', () => {
  it('sets a missing attribute and keeps an existing one (renamed attributes included)', async () => {
    const key = await seed({ status: 'OLD' });
    await profiles.update(key, { setIfNotExists: { status: 'NEW', createdAt: 'c1' } });
    await profiles.update(key, { setIfNotExists: { createdAt: 'c2' } });
    const p = (await read(key))!;
    expect(p.status).toBe('OLD');
    expect(p.createdAt).toBe('c1');
  });
});

describe('every action in one update', () => {
  it('applies set, remove, append, prepend, add, delete and setIfNotExists together', async () => {
    const key = await seed({
      status: 'NEW',
      tempNotes: 't',
      history: ['h'],
      log: ['older'],
      items: [{ sku: 'a', qty: 1 }],
      tags: new Set(['old', 'deprecated']),
      address: { city: 'Quito' },
    });
    const out = await profiles.update(
      key,
      {
        set: { status: 'SHIPPED', 'address.city': 'Lima', 'items[0].qty': 5 },
        remove: ['tempNotes'],
        append: { history: { action: 'shipped' } },
        prepend: { log: 'newest' },
        add: { visits: 1 },
        delete: { tags: new Set(['deprecated']) },
        setIfNotExists: { createdAt: 'now' },
      },
      { returnValues: 'ALL_NEW' },
    );
    expect(out).toBeInstanceOf(Profile);
    expect(out).toEqual({
      ...key,
      status: 'SHIPPED',
      address: { city: 'Lima' },
      items: [{ sku: 'a', qty: 5 }],
      history: ['h', { action: 'shipped' }],
      log: ['newest', 'older'],
      visits: 1,
      tags: new Set(['old']),
      createdAt: 'now',
    });
  });
});

describe('refused before sending', () => {
  it('an update that touches a key attribute, or has no action, is a ValidationError and nothing is sent', async () => {
    const rec = recordingClient(raw);
    const repo = new DkmioClient({ client: rec, tableNamePrefix: prefix }).getRepository(Profile);
    const key = { id: 'k', kind: 'main' };
    for (const actions of [
      { set: { id: 'other' } },
      { remove: ['kind'] },
      { setIfNotExists: { kind: 'x' } },
      { add: { id: 1 } },
      { set: { status: 'ok' }, append: { kind: 'x' } },
      {},
    ]) {
      const err = await caught(repo.update(key, actions as never)); // invalid on purpose: the runtime check is under test
      expect(err).toBeInstanceOf(ValidationError);
    }
    const keyErr = await caught(repo.update(key, { set: { id: 'other' } }));
    expect((keyErr as Error).message).toContain('"id" is part of the primary key');
    expect(rec.sent).toEqual([]);
    expect(await read(key)).toBeNull();
  });
});
