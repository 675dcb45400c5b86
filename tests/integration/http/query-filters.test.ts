import 'reflect-metadata';
import fc from 'fast-check';
import { Attribute, DkmioClient, PartitionKey, SortKey, Table, queryFilters } from '../../../src';
import { testClientConfig, uniqueTableName } from '../../support/local';

@Table('posts')
class Post {
  @PartitionKey() author!: string;
  @SortKey() slug!: string;
  @Attribute() status?: string;
  @Attribute({ name: 'like_count' }) likes?: number;
  @Attribute() pinned?: boolean;
  @Attribute() publishedAt?: Date;
  tags?: Set<string>;
  note?: string;
}

const prefix = `${uniqueTableName('qf')}-`;
const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const posts = db.getRepository(Post);
const STATUSES = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
const allow = {
  status: ['eq', 'in', 'begins_with'],
  likes: ['eq', 'gt', 'gte', 'lt', 'lte', 'between', 'in'],
  pinned: ['eq'],
  publishedAt: ['gte', 'lt', 'between'],
  note: ['exists', 'not_exists'],
  tags: ['contains', 'size__gt'],
} as const;

beforeAll(async () => {
  await db.createTables([Post], { pollIntervalMs: 50 });
  await posts.batchWrite((batch) => {
    for (let i = 0; i < 40; i++) {
      batch.put({
        author: i % 2 ? 'ann' : 'bob',
        slug: `p${String(i).padStart(2, '0')}`,
        status: STATUSES[i % 3],
        likes: (i * 7) % 23,
        pinned: i % 5 === 0,
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        ...(i % 4 === 0 && { note: `n${i}` }),
        ...(i % 3 !== 1 && { tags: new Set(i % 2 ? ['ts', 'aws'] : ['ts']) }),
      });
    }
  });
});
afterAll(async () => {
  await db.deleteTables([Post], { pollIntervalMs: 50 });
  db.destroy();
});

const slugs = async (filter: Record<string, unknown>) =>
  (await posts.scan().filter(filter).fetchAll()).items.map((p) => p.slug).sort();
const day = (d: number) => new Date(Date.UTC(2026, 0, d));
const isoDay = (d: number) => day(d).toISOString().slice(0, 10);

describe('queryFilters on DynamoDB Local: the same items as the hand-written filter', () => {
  it('the README example', async () => {
    const qs = new URLSearchParams(
      'likes__gte=10&status__in=DRAFT,PUBLISHED&publishedAt__between=2026-01-05,2026-02-01&note__exists=true&limit=20',
    );
    const expected = await slugs({
      likes__gte: 10,
      status__in: ['DRAFT', 'PUBLISHED'],
      publishedAt__between: [day(5), day(32)],
      note__exists: true,
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(await slugs(queryFilters(Post, qs, { allow }))).toEqual(expected);
  });

  it('for random filters (property)', async () => {
    // Each generator yields the query-string form and the hand-written entry of one filter.
    type Part = [param: string, value: string | string[], key: string, hand: unknown];
    const likes = fc.integer({ min: 0, max: 22 });
    const part = fc.oneof(
      fc.constantFrom(...STATUSES).map((s): Part => ['status', s, 'status', s]),
      fc
        .subarray(STATUSES, { minLength: 1 })
        .chain((list) =>
          fc.boolean().map((repeated): Part => ['status__in', repeated ? list : list.join(','), 'status__in', list]),
        ),
      fc.constantFrom('D', 'PU', 'AR').map((p): Part => ['status__begins_with', p, 'status__begins_with', p]),
      fc
        .tuple(fc.constantFrom('eq', 'gt', 'gte', 'lt', 'lte'), likes)
        .map(([op, n]): Part => [`likes__${op}`, String(n), `likes__${op}`, n]),
      fc
        .tuple(likes, likes)
        .map(([a, b]): Part => [
          'likes__between',
          `${Math.min(a, b)},${Math.max(a, b)}`,
          'likes__between',
          [Math.min(a, b), Math.max(a, b)],
        ]),
      fc
        .subarray([1, 5, 14, 21], { minLength: 1 })
        .map((list): Part => ['likes__in', list.join(','), 'likes__in', list]),
      fc.boolean().map((b): Part => ['pinned', String(b), 'pinned', b]),
      fc.integer({ min: 1, max: 45 }).map((d): Part => ['publishedAt__gte', isoDay(d), 'publishedAt__gte', day(d)]),
      fc
        .integer({ min: 1, max: 45 })
        .map((d): Part => ['publishedAt__lt', `${isoDay(d)}T00:00:00Z`, 'publishedAt__lt', day(d)]),
      fc
        .boolean()
        .map((b): Part => [
          b ? 'note__exists' : 'note__not_exists',
          'true',
          b ? 'note__exists' : 'note__not_exists',
          true,
        ]),
      fc.constantFrom('ts', 'aws', 'x').map((t): Part => ['tags__contains', t, 'tags__contains', t]),
      fc.integer({ min: 0, max: 2 }).map((n): Part => ['tags__size__gt', String(n), 'tags__size__gt', n]),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(part, { minLength: 1, maxLength: 4, selector: (p) => p[2].split('__')[0] }),
        async (parts) => {
          const qs = new URLSearchParams();
          for (const [param, value] of parts)
            for (const v of Array.isArray(value) ? value : [value]) qs.append(param, v);
          const hand = Object.fromEntries(parts.map(([, , key, v]) => [key, v]));
          expect(await slugs(queryFilters(Post, qs, { allow }))).toEqual(await slugs(hand));
        },
      ),
      { numRuns: 40 },
    );
  });
});
