import { DkmioClient, ValidationError } from '../../../../src';
import { EVENTS, Event, U1, eventsTable, ids, type EventsTable } from '../../events-fixture';
import { caught, recordingClient } from '../../helpers';

let t: EventsTable;

beforeAll(async () => {
  t = await eventsTable();
});

afterAll(() => t.close());

const U1_IDS = ids(U1);

describe('pagination', () => {
  it('execute() pages through a partition with startFrom(lastKey) and startFrom(cursor), skipping and repeating nothing', async () => {
    for (const via of ['lastKey', 'cursor'] as const) {
      const seen: string[] = [];
      let pages = 0;
      let from: Record<string, unknown> | string | undefined;
      do {
        const page = await t.events.query({ userId: 'u1' }).limit(7).startFrom(from);
        pages++;
        expect(page.count).toBe(page.items.length);
        seen.push(...ids(page.items));
        from = via === 'lastKey' ? page.lastKey : page.cursor;
        if (page.lastKey) expect(page.lastKey).toEqual({ userId: 'u1', seq: page.items[page.items.length - 1].seq });
      } while (from !== undefined);
      expect(pages).toBeGreaterThanOrEqual(5);
      expect(seen).toEqual(U1_IDS);
    }
  });

  it('for await yields every item of every page, fetching page by page', async () => {
    const rec = recordingClient(t.raw);
    const events = new DkmioClient({ client: rec, tableNamePrefix: t.prefix }).getRepository(Event);
    const seen: string[] = [];
    for await (const e of events.query({ userId: 'u1' }).limit(4)) {
      expect(e).toBeInstanceOf(Event);
      seen.push(e.label);
    }
    expect(seen).toEqual(U1_IDS);
    expect(rec.sent.length).toBeGreaterThanOrEqual(8);
    expect(new Set(rec.sent)).toEqual(new Set(['QueryCommand']));
  });

  it('fetchAll reads every page into one result', async () => {
    const all = await t.events.query({ userId: 'u1' }).limit(7).fetchAll();
    expect(ids(all.items)).toEqual(U1_IDS);
    expect(all.count).toBe(30);
    expect(all.lastKey).toBeUndefined();
    expect(all.cursor).toBeUndefined();
    const scanned = await t.events.scan().limit(6).fetchAll();
    expect(ids(scanned.items).sort()).toEqual(ids(EVENTS).sort());
  });

  it('fetchAll({ maxItems }) stopping inside a page resumes at the next item via lastKey or cursor', async () => {
    for (const max of [1, 10, 14, 29]) {
      const first = await t.events.query({ userId: 'u1' }).limit(7).fetchAll({ maxItems: max });
      expect(first.items).toHaveLength(max);
      expect(first.lastKey).toBeDefined();
      const viaKey = await t.events.query({ userId: 'u1' }).limit(7).startFrom(first.lastKey).fetchAll();
      const viaCursor = await t.events.query({ userId: 'u1' }).startFrom(first.cursor).fetchAll();
      expect([...ids(first.items), ...ids(viaKey.items)]).toEqual(U1_IDS);
      expect(ids(viaCursor.items)).toEqual(ids(viaKey.items));
    }
    const everything = await t.events.query({ userId: 'u1' }).fetchAll({ maxItems: 100 });
    expect(everything.items).toHaveLength(30);
    expect(everything.lastKey).toBeUndefined();
  });

  it('fetchAll({ maxItems }) resumes correctly with a filter, a projection, descending order and on a scan', async () => {
    const paid = U1.filter((e) => e.status === 'PAID');
    const q = () =>
      t.events.query({ userId: 'u1' }).filter({ status: 'PAID' }).select('total').limit(4).scanForward(false);
    const first = await q().fetchAll({ maxItems: 3 });
    expect(first.items).toEqual(
      paid
        .slice()
        .reverse()
        .slice(0, 3)
        .map((e) => ({ total: e.total })),
    );
    const rest = await q().startFrom(first.cursor).fetchAll();
    expect([...first.items, ...rest.items].map((e) => e.total)).toEqual(paid.map((e) => e.total).reverse());

    const scanFirst = await t.events.scan().limit(4).fetchAll({ maxItems: 9 });
    const scanRest = await t.events.scan().limit(4).startFrom(scanFirst.lastKey).fetchAll();
    const all = [...ids(scanFirst.items), ...ids(scanRest.items)];
    expect(all).toHaveLength(EVENTS.length);
    expect(new Set(all)).toEqual(new Set(ids(EVENTS)));
  });

  it('count() totals every page, with and without a filter', async () => {
    expect(await t.events.query({ userId: 'u1' }).limit(4).count()).toBe(30);
    expect(await t.events.query({ userId: 'u1' }).limit(4).filter({ total__gte: 100 }).count()).toBe(
      U1.filter((e) => e.total! >= 100).length,
    );
    expect(await t.events.scan().limit(3).count()).toBe(EVENTS.length);
    expect(await t.events.scan().limit(3).filter({ status: 'NEW' }).count()).toBe(
      EVENTS.filter((e) => e.status === 'NEW').length,
    );
  });

  it('a page of a projection still carries a lastKey that resumes', async () => {
    const page = await t.events.query({ userId: 'u1' }).select('total').limit(5);
    expect(page.items).toEqual(U1.slice(0, 5).map((e) => ({ total: e.total })));
    expect(page.lastKey).toEqual({ userId: 'u1', seq: 'e004' });
    const next = await t.events.query({ userId: 'u1' }).select('total').limit(5).startFrom(page.lastKey);
    expect(next.items.map((e) => e.total)).toEqual([50, 60, 70, 80, 90]);
  });
});

describe('where() on the sort key', () => {
  const seqs = (pred: (s: string) => boolean) => U1.map((e) => e.seq).filter(pred);
  it.each([
    ['eq', { eq: 'e005' }, (s: string) => s === 'e005'],
    ['gt', { gt: 'e025' }, (s: string) => s > 'e025'],
    ['gte', { gte: 'e025' }, (s: string) => s >= 'e025'],
    ['lt', { lt: 'e003' }, (s: string) => s < 'e003'],
    ['lte', { lte: 'e003' }, (s: string) => s <= 'e003'],
    ['between', { between: ['e010', 'e013'] }, (s: string) => s >= 'e010' && s <= 'e013'],
    ['begins_with', { begins_with: 'e01' }, (s: string) => s.startsWith('e01')],
  ])('%s', async (_label, where, pred) => {
    const page = await t.events
      .query({ userId: 'u1' })
      .where(where as never)
      .fetchAll();
    expect(page.items.map((e) => e.seq)).toEqual(seqs(pred));
  });

  it('the sort key in query() is an equality; a second where() is a ValidationError', async () => {
    const page = await t.events.query({ userId: 'u1', seq: 'e007' });
    expect(ids(page.items)).toEqual(['u1#e007']);
    expect(() => t.events.query({ userId: 'u1', seq: 'e007' }).where({ gt: 'e001' })).toThrow(ValidationError);
    expect(() => t.events.query({ userId: 'u1' }).where({ gt: 'e001' }).where({ lt: 'e009' })).toThrow(ValidationError);
  });

  it('scanForward(false) reads in descending order', async () => {
    const page = await t.events.query({ userId: 'u1' }).where({ lt: 'e005' }).scanForward(false);
    expect(page.items.map((e) => e.seq)).toEqual(['e004', 'e003', 'e002', 'e001', 'e000']);
    const all = await t.events.query({ userId: 'u1' }).scanForward(false).limit(6).fetchAll();
    expect(ids(all.items)).toEqual(U1_IDS.slice().reverse());
  });
});

describe('select', () => {
  it('narrows what comes back to the selected attributes (renamed ones mapped back), as instances', async () => {
    const page = await t.events.query({ userId: 'u2' }).select('total', 'createdAt', 'address');
    expect(page.items).toHaveLength(5);
    for (const [i, e] of page.items.entries()) {
      expect(e).toBeInstanceOf(Event);
      const src = EVENTS.filter((x) => x.userId === 'u2')[i];
      expect(e).toEqual({ total: src.total, createdAt: src.createdAt, ...(src.address && { address: src.address }) });
    }
  });
});

describe('explain()', () => {
  it('describes exactly the request that is sent', async () => {
    const rec = recordingClient(t.raw);
    const events = new DkmioClient({ client: rec, tableNamePrefix: t.prefix }).getRepository(Event);
    const q = events
      .query({ userId: 'u1' })
      .where({ between: ['e008', 'e019'] })
      .filter({ total__gte: 100, 'address.city': 'Lima' })
      .select('total', 'createdAt')
      .limit(3)
      .scanForward(false)
      .consistent();
    const explained = q.explain();
    expect(explained).toMatchObject({
      operation: 'Query',
      table: `${t.prefix}events`,
      limit: 3,
      scanForward: false,
      consistent: true,
    });
    expect(explained.expressionAttributeValues).toEqual(expect.objectContaining({ ':v0': 'u1' }));
    expect(Object.values(explained.expressionAttributeNames)).toEqual(
      expect.arrayContaining(['created_at', 'address', 'city']),
    );
    const page = await q;
    expect(rec.inputs).toEqual([explained.request]);
    expect(page.items).toEqual([]);
    expect(page.lastKey).toEqual({ userId: 'u1', seq: 'e017' });
    const rest = await q.startFrom(page.lastKey).fetchAll();
    expect(rest.items).toEqual([{ total: 100, createdAt: '2024-01-11' }]);
    rec.inputs.length = 0;
    const scan = events
      .scan()
      .filter({ status__in: ['NEW'] })
      .segment(1, 3);
    const scanExplained = scan.explain();
    await scan;
    expect(rec.inputs).toEqual([scanExplained.request]);
    expect(scanExplained).toMatchObject({ operation: 'Scan', segment: 1, totalSegments: 3, filter: '#n0 IN (:v0)' });
  });
});

describe('empty results', () => {
  it('a partition with no items gives an empty page, an empty fetchAll, no iterations and a zero count', async () => {
    const q = () => t.events.query({ userId: 'nobody' });
    const page = await q();
    expect(page).toEqual({ items: [], count: 0, scannedCount: 0 });
    expect((await q().fetchAll()).items).toEqual([]);
    let n = 0;
    for await (const _ of q()) n++;
    expect(n).toBe(0);
    expect(await q().count()).toBe(0);
    expect((await t.events.scan().filter({ status: 'NO SUCH' }).limit(5).fetchAll()).items).toEqual([]);
  });
});

describe('re-running a builder', () => {
  it('gives the same results twice, and fresh results after it is changed', async () => {
    const q = t.events.query({ userId: 'u1' }).where({ lt: 'e010' });
    const a = await q;
    const b = await q.execute();
    expect(ids(b.items)).toEqual(ids(a.items));
    expect(a.items).toHaveLength(10);
    q.filter({ status: 'NEW' });
    const c = await q;
    expect(c.items.map((e) => e.seq)).toEqual(['e000', 'e003', 'e006', 'e009']);
    q.limit(2);
    const d = await q;
    expect(d.items.map((e) => e.seq)).toEqual(['e000']);
    q.startFrom(d.lastKey);
    expect((await q.fetchAll()).items.map((e) => e.seq)).toEqual(['e003', 'e006', 'e009']);
    expect(await q.count()).toBe(3);
    q.startFrom(undefined);
    expect(await q.count()).toBe(4);
  });

  it('a filter on a key attribute of the query is refused at the call', async () => {
    const err = await caught(() => t.events.query({ userId: 'u1' }).filter({ seq__gt: 'e001' }));
    expect(err).toBeInstanceOf(ValidationError);
  });
});

describe('parallel scan', () => {
  const ALL = new Set(ids(EVENTS));

  it('segments(4) yields every item exactly once with for await, fetchAll, await and count', async () => {
    const iterated: string[] = [];
    for await (const e of t.events.scan().segments(4).limit(3)) iterated.push(e.label);
    expect(iterated).toHaveLength(EVENTS.length);
    expect(new Set(iterated)).toEqual(ALL);
    const fetched = await t.events.scan().segments(4).limit(3).fetchAll();
    expect(fetched.items).toHaveLength(EVENTS.length);
    expect(new Set(ids(fetched.items))).toEqual(ALL);
    const awaited = await t.events.scan().segments(4).limit(5);
    expect(new Set(ids(awaited.items))).toEqual(ALL);
    expect(awaited.items).toHaveLength(EVENTS.length);
    expect(await t.events.scan().segments(4).limit(2).count()).toBe(EVENTS.length);
    expect(await t.events.scan().segments(4).filter({ status: 'PAID' }).count()).toBe(
      EVENTS.filter((e) => e.status === 'PAID').length,
    );
  });

  it('segment(i, n) slices are disjoint and their union is the whole table', async () => {
    const slices = await Promise.all([0, 1, 2, 3].map((i) => t.events.scan().segment(i, 4).limit(4).fetchAll()));
    const union = slices.flatMap((s) => ids(s.items));
    expect(union).toHaveLength(EVENTS.length);
    expect(new Set(union)).toEqual(ALL);
  });

  it('fetchAll({ maxItems }) with segments(n) caps the result and stops reading (regression: the cap was ignored)', async () => {
    const rec = recordingClient(t.raw);
    const events = new DkmioClient({ client: rec, tableNamePrefix: t.prefix }).getRepository(Event);
    const full = await events.scan().segments(4).limit(2).fetchAll();
    const fullRequests = rec.sent.length;
    expect(full.items).toHaveLength(EVENTS.length);
    rec.sent.length = 0;
    const capped = await events.scan().segments(4).limit(2).fetchAll({ maxItems: 5 });
    expect(capped.items).toHaveLength(5);
    expect(new Set(ids(capped.items)).size).toBe(5);
    for (const id of ids(capped.items)) expect(ALL.has(id)).toBe(true);
    expect(capped.count).toBe(5);
    expect(capped.scannedCount).toBeGreaterThanOrEqual(5);
    expect(rec.sent.length).toBeLessThan(fullRequests);
  });

  it('breaking out of a parallel for await early stops cleanly', async () => {
    let n = 0;
    for await (const _ of t.events.scan().segments(4).limit(2)) if (++n === 3) break;
    expect(n).toBe(3);
  });
});
