import 'reflect-metadata';
import { GetItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  GlobalIndex,
  LocalIndex,
  PartitionKey,
  SortKey,
  Table,
  type DkmioClient,
  type Repository,
} from '../../../src';
import { createTable, localDb, rawClient, uniquePrefix } from '../helpers';

/**
 * Keys whose stored names differ from their property names (single-table designs use `pk`/`sk`):
 * every request must use the stored names, and every lastKey/cursor must speak property names.
 */
@Table('single')
@GlobalIndex('gsi1', { partitionKey: 'group', sortKey: 'rank', projection: ['label'] })
@LocalIndex('lsi-rank', { sortKey: 'rank', projection: 'KEYS_ONLY' })
class Row {
  @PartitionKey({ name: 'pk' }) owner!: string;
  @SortKey({ name: 'sk' }) seq!: string;
  @Attribute({ name: 'gsi1pk' }) group?: string;
  @Attribute({ name: 'gsi1sk' }) rank?: number;
  label?: string;
  hidden?: string;
}

const prefix = uniquePrefix();
let raw: DynamoDBClient;
let db: DkmioClient;
let rows: Repository<Row>;

const ROWS: Row[] = Array.from({ length: 20 }, (_, i) => ({
  owner: 'o1',
  seq: `s${String(i).padStart(2, '0')}`,
  group: i % 2 ? 'odd' : 'even',
  rank: 100 - i,
  label: `L${i}`,
  hidden: 'h',
}));

beforeAll(async () => {
  raw = rawClient();
  await createTable(raw, {
    name: `${prefix}single`,
    partitionKey: ['pk', 'S'],
    sortKey: ['sk', 'S'],
    globalIndexes: [{ name: 'gsi1', partitionKey: ['gsi1pk', 'S'], sortKey: ['gsi1sk', 'N'], projection: ['label'] }],
    localIndexes: [{ name: 'lsi-rank', sortKey: ['gsi1sk', 'N'], projection: 'KEYS_ONLY' }],
  });
  db = localDb({ tableNamePrefix: prefix });
  rows = db.getRepository(Row);
  for (const r of ROWS) await rows.put(r);
});

afterAll(() => {
  db.destroy();
  raw.destroy();
});

it('stores keys under their stored names', async () => {
  const out = await raw.send(
    new GetItemCommand({ TableName: `${prefix}single`, Key: { pk: { S: 'o1' }, sk: { S: 's03' } } }),
  );
  expect(Object.keys(out.Item!).sort()).toEqual(['gsi1pk', 'gsi1sk', 'hidden', 'label', 'pk', 'sk']);
});

it('table pages resume from property-named lastKeys and cursors, with select and maxItems', async () => {
  const first = await rows
    .query({ owner: 'o1' })
    .where({ gte: 's05' })
    .select('label')
    .limit(4)
    .fetchAll({ maxItems: 6 });
  expect(first.items).toEqual(ROWS.slice(5, 11).map((r) => ({ label: r.label })));
  expect(first.lastKey).toEqual({ owner: 'o1', seq: 's10' });
  const viaKey = await rows
    .query({ owner: 'o1' })
    .where({ gte: 's05' })
    .select('label')
    .startFrom(first.lastKey)
    .fetchAll();
  const viaCursor = await rows
    .query({ owner: 'o1' })
    .where({ gte: 's05' })
    .select('label')
    .startFrom(first.cursor)
    .fetchAll();
  expect(viaKey.items).toEqual(ROWS.slice(11).map((r) => ({ label: r.label })));
  expect(viaCursor.items).toEqual(viaKey.items);
  const page = await rows.scan().limit(3);
  expect(page.lastKey).toEqual({ owner: 'o1', seq: 's02' });
});

it('a global index on renamed attributes queries, filters, pages and resumes', async () => {
  const q = () => rows.index('gsi1').query({ group: 'even' }).where({ lte: 96 }).filter({ label__begins_with: 'L' });
  const evens = ROWS.filter((r) => r.group === 'even' && r.rank! <= 96).sort((a, b) => a.rank! - b.rank!);
  const first = await q().limit(3).fetchAll({ maxItems: 4 });
  expect(first.items.map((r) => r.seq)).toEqual(evens.slice(0, 4).map((r) => r.seq));
  expect(first.lastKey).toEqual({ owner: 'o1', seq: evens[3].seq, group: 'even', rank: evens[3].rank });
  const rest = await q().startFrom(first.cursor).fetchAll();
  expect(rest.items.map((r) => r.seq)).toEqual(evens.slice(4).map((r) => r.seq));
  expect(Object.keys(rest.items[0]).sort()).toEqual(['group', 'label', 'owner', 'rank', 'seq']);
  expect(await rows.index('gsi1').query({ group: 'odd' }).limit(2).count()).toBe(10);
});

it('a KEYS_ONLY local index on a renamed attribute reads consistently and pages', async () => {
  const all = await rows
    .index('lsi-rank')
    .query({ owner: 'o1' })
    .where({ between: [85, 95] })
    .consistent()
    .limit(4)
    .fetchAll();
  expect(all.items.map((r) => r.rank)).toEqual([85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95]);
  expect(Object.keys(all.items[0]).sort()).toEqual(['owner', 'rank', 'seq']);
  const page = await rows.index('lsi-rank').query({ owner: 'o1' }).limit(2);
  expect(page.lastKey).toEqual({ owner: 'o1', seq: 's18', rank: 82 });
  const next = await rows.index('lsi-rank').query({ owner: 'o1' }).limit(2).startFrom(page.lastKey);
  expect(next.items.map((r) => r.rank)).toEqual([83, 84]);
});
