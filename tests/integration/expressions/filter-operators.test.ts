import { and, not, or, type ConditionInput } from '../../../src';
import { EVENTS, U1, eventsTable, ids, type Event, type EventsTable } from '../events-fixture';

/**
 * Every filter operator against real data: DynamoDB Local evaluates the filter, and the
 * expected items are computed from the fixture in plain JS.
 */

let t: EventsTable;

beforeAll(async () => {
  t = await eventsTable();
});

afterAll(() => t.close());

type Case = [label: string, filter: ConditionInput<Event>, expected: (e: Event) => boolean];

const size = (v: unknown): number =>
  v instanceof Set ? v.size : Array.isArray(v) ? v.length : typeof v === 'string' ? v.length : -1;

const CASES: Case[] = [
  ['implicit eq', { status: 'PAID' }, (e) => e.status === 'PAID'],
  ['eq', { status__eq: 'NEW' }, (e) => e.status === 'NEW'],
  ['neq', { status__neq: 'PAID' }, (e) => e.status !== 'PAID'],
  ['gt', { total__gt: 250 }, (e) => e.total! > 250],
  ['gte', { total__gte: 250 }, (e) => e.total! >= 250],
  ['lt', { total__lt: 30 }, (e) => e.total! < 30],
  ['lte', { total__lte: 30 }, (e) => e.total! <= 30],
  ['between numbers', { total__between: [50, 120] }, (e) => e.total! >= 50 && e.total! <= 120],
  [
    'between strings',
    { createdAt__between: ['2024-01-05', '2024-01-09'] },
    (e) => e.createdAt! >= '2024-01-05' && e.createdAt! <= '2024-01-09',
  ],
  ['begins_with', { title__begins_with: 'special' }, (e) => e.title!.startsWith('special')],
  ['not_begins_with', { title__not_begins_with: 'special' }, (e) => !e.title!.startsWith('special')],
  ['contains on a string', { title__contains: 'der 1' }, (e) => e.title!.includes('der 1')],
  ['contains on a string set', { tags__contains: 'odd' }, (e) => e.tags!.has('odd')],
  ['contains on a list', { codes__contains: 'c1' }, (e) => e.codes!.includes('c1')],
  ['not_contains', { tags__not_contains: 'odd' }, (e) => !e.tags!.has('odd')],
  ['exists', { address__exists: true }, (e) => e.address !== undefined],
  ['exists: false', { address__exists: false }, (e) => e.address === undefined],
  ['not_exists', { flag__not_exists: true }, (e) => e.flag === undefined],
  ['not_exists: false', { flag__not_exists: false }, (e) => e.flag !== undefined],
  ['in (strings)', { status__in: ['NEW', 'SHIPPED'] }, (e) => e.status === 'NEW' || e.status === 'SHIPPED'],
  ['in (numbers)', { total__in: [10, 20, 999] }, (e) => [10, 20].includes(e.total!)],
  ['type N', { note__type: 'N' }, (e) => typeof e.note === 'number'],
  ['type S', { note__type: 'S' }, (e) => typeof e.note === 'string'],
  ['type SS', { tags__type: 'SS' }, () => true],
  ['type L', { codes__type: 'L' }, () => true],
  ['type M', { address__type: 'M' }, (e) => e.address !== undefined],
  ['type BOOL', { flag__type: 'BOOL' }, (e) => e.flag !== undefined],
  ['size of a string', { title__size__lt: 8 }, (e) => size(e.title) < 8],
  ['size of a set', { tags__size__gt: 1 }, (e) => size(e.tags) > 1],
  ['size of a list', { codes__size__eq: 2 }, (e) => size(e.codes) === 2],
  ['size between', { items__size__between: [1, 2] }, (e) => size(e.items) >= 1 && size(e.items) <= 2],
  ['size in', { codes__size__in: [0, 2] }, (e) => [0, 2].includes(size(e.codes))],
  ['size neq', { items__size__neq: 0 }, (e) => size(e.items) !== 0],
  ['size gte/lte ANDed', { items__size__gte: 1, codes__size__lte: 1 }, (e) => size(e.items) >= 1 && size(e.codes) <= 1],
  ['nested map path', { 'address.city__eq': 'Lima' }, (e) => e.address?.city === 'Lima'],
  [
    'nested map path begins_with',
    { 'address.city__begins_with': 'Q' },
    (e) => e.address?.city.startsWith('Q') === true,
  ],
  ['list element path', { 'items[0].qty__gt': 20 }, (e) => (e.items![0]?.qty ?? -1) > 20],
  ['list element exists', { 'items[2]__exists': true }, (e) => e.items!.length > 2],
  [
    'several entries ANDed',
    { status: 'NEW', total__gt: 100, flag__exists: true },
    (e) => e.status === 'NEW' && e.total! > 100 && e.flag !== undefined,
  ],
  [
    'or/and/not',
    or({ status: 'NEW' }, and({ total__gt: 200 }, not({ tags__contains: 'odd' }))),
    (e) => e.status === 'NEW' || (e.total! > 200 && !e.tags!.has('odd')),
  ],
  ['not of an or', not(or({ status: 'NEW' }, { status: 'PAID' })), (e) => e.status === 'SHIPPED'],
];

describe('filter() on a query', () => {
  it.each(CASES)('%s', async (label, filter, expected) => {
    const page = await t.events.query({ userId: 'u1' }).filter(filter).limit(7).fetchAll();
    const want = ids(U1.filter(expected));
    expect(ids(page.items)).toEqual(want);
    // The filter matters: every case keeps some items and drops others, except the always-true types.
    if (label !== 'type SS' && label !== 'type L') {
      expect(want.length).toBeGreaterThan(0);
      expect(want.length).toBeLessThan(U1.length);
    }
  });
});

describe('filter() on a scan', () => {
  it.each(
    CASES.filter(([label]) =>
      [
        'neq',
        'between numbers',
        'contains on a list',
        'exists: false',
        'size in',
        'list element path',
        'or/and/not',
      ].includes(label),
    ),
  )('%s', async (_label, filter, expected) => {
    const page = await t.events.scan().filter(filter).limit(6).fetchAll();
    expect(ids(page.items).sort()).toEqual(ids(EVENTS.filter(expected)).sort());
  });
});

describe('repeated filter() calls', () => {
  it('are ANDed', async () => {
    const page = await t.events
      .query({ userId: 'u1' })
      .filter({ status: 'PAID' })
      .filter({ total__gt: 100 })
      .filter(not({ flag__exists: true }))
      .fetchAll();
    expect(ids(page.items)).toEqual(
      ids(U1.filter((e) => e.status === 'PAID' && e.total! > 100 && e.flag === undefined)),
    );
  });

  it('a filter dropping most items still pages to the end (scannedCount exceeds count)', async () => {
    const page = await t.events
      .query({ userId: 'u1' })
      .filter({ total__in: [290] })
      .limit(4);
    expect(page.items).toEqual([]);
    expect(page.scannedCount).toBe(4);
    expect(page.lastKey).toBeDefined();
    const all = await t.events
      .query({ userId: 'u1' })
      .filter({ total__in: [290] })
      .limit(4)
      .fetchAll();
    expect(ids(all.items)).toEqual(['u1#e029']);
    expect(all.scannedCount).toBe(30);
  });
});
