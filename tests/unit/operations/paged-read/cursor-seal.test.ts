import 'reflect-metadata';
import fc from 'fast-check';
import { DkmioClient, ValidationError, type SendingClient } from '../../../../src';
import { CursorSeal, cursorScope } from '../../../../src/runtime/cursor-seal';
import { RecordingClient } from '../../../support/recording-client';
import { Order } from '../../fixtures';

const SECRET = 'correct horse battery staple 42';
const lastKey = { userId: { S: 'ann@example.com' }, orderId: { S: 'o-7' } };

/** A client whose first query page ends at `lastKey`; records what is sent. */
function client(options: { cursorSecret?: ConstructorParameters<typeof CursorSeal>[0] } = {}) {
  const fake = new RecordingClient(() => ({ Items: [], LastEvaluatedKey: lastKey, Count: 0, ScannedCount: 0 }));
  const db = new DkmioClient({ client: fake as unknown as SendingClient, ...options });
  return { fake, orders: db.getRepository(Order) };
}

async function cursorFrom(
  options: { cursorSecret?: ConstructorParameters<typeof CursorSeal>[0] },
  index?: string,
): Promise<string> {
  const { orders } = client(options);
  const q = index
    ? orders.index(index).query(index === 'gsi-date' ? { userId: 'u1' } : { status: 'NEW' })
    : orders.query({ userId: 'u1' });
  return (await q).cursor!;
}

describe('cursorSecret: sealed cursors', () => {
  it('hides the key values (a plain cursor shows them)', async () => {
    const plain = await cursorFrom({});
    expect(Buffer.from(plain, 'base64url').toString()).toContain('ann@example.com');
    const sealed = await cursorFrom({ cursorSecret: SECRET });
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const encoding of ['utf8', 'latin1'] as const)
      expect(Buffer.from(sealed, 'base64url').toString(encoding)).not.toContain('ann@');
    expect(await cursorFrom({ cursorSecret: SECRET })).not.toBe(sealed); // random IV
  });

  it('round-trips: startFrom(sealed cursor) sends the original ExclusiveStartKey', async () => {
    const cursor = await cursorFrom({ cursorSecret: SECRET });
    const { fake, orders } = client({ cursorSecret: SECRET });
    await orders.query({ userId: 'u1' }).startFrom(cursor);
    expect(fake.sent[0].input['ExclusiveStartKey']).toEqual(lastKey);
  });

  it('refuses, before sending anything: any altered byte, a plain cursor, another secret, another index or table', async () => {
    const cursor = await cursorFrom({ cursorSecret: SECRET });
    const { fake, orders } = client({ cursorSecret: SECRET });
    const refused = (c: string) => expect(() => orders.query({ userId: 'u1' }).startFrom(c)).toThrow(ValidationError);
    const raw = Buffer.from(cursor, 'base64url');
    for (let i = 0; i < raw.length; i++) {
      const altered = Buffer.from(raw);
      altered[i] = altered[i] ^ 0x01;
      refused(altered.toString('base64url'));
    }
    refused(cursor.slice(0, -2));
    refused(`${cursor}AA`);
    refused('');
    refused('not a cursor!');
    refused(await cursorFrom({})); // plain: forgeable, so refused when a secret is set
    refused(await cursorFrom({ cursorSecret: 'another secret, just as long' }));
    refused(await cursorFrom({ cursorSecret: SECRET }, 'gsi-date'));
    expect(() => orders.query({ userId: 'u1' }).startFrom(cursor)).not.toThrow();
    expect(() => orders.index('gsi-date').query({ userId: 'u1' }).startFrom(cursor)).toThrow(
      /not sealed for index "gsi-date" of table "orders"/,
    );
    expect(fake.sent).toHaveLength(0);
  });

  it('never opens random strings (property)', () => {
    const seal = new CursorSeal(SECRET);
    fc.assert(
      fc.property(fc.string(), fc.uint8Array({ maxLength: 80 }), (s, bytes) => {
        expect(seal.open(s, cursorScope('orders', undefined))).toBeUndefined();
        expect(
          seal.open(Buffer.concat([Buffer.of(1), bytes]).toString('base64url'), cursorScope('orders', undefined)),
        ).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('the message says what to do and shows nothing of the cursor', async () => {
    const { orders } = client({ cursorSecret: SECRET });
    const bad = (await cursorFrom({ cursorSecret: SECRET })).replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    try {
      orders.query({ userId: 'u1' }).startFrom(bad);
      throw new Error('not refused');
    } catch (error) {
      expect((error as Error).message).toMatch(
        /^startFrom\(\): the cursor was not sealed for table "orders" by this API .* Pass page.cursor unchanged\.$/,
      );
      expect((error as Error).message).not.toContain(bad.slice(0, 12));
    }
  });

  it('rotation: a list seals with the first secret and opens with any', async () => {
    const old = await cursorFrom({ cursorSecret: SECRET });
    const rotated = ['a brand new secret of 32 chars!', SECRET];
    const { fake, orders } = client({ cursorSecret: rotated });
    await orders.query({ userId: 'u1' }).startFrom(old);
    expect(fake.sent).toHaveLength(1);
    const fresh = await cursorFrom({ cursorSecret: rotated });
    await client({ cursorSecret: ['a brand new secret of 32 chars!'] })
      .orders.query({ userId: 'u1' })
      .startFrom(fresh);
    expect(() =>
      client({ cursorSecret: [SECRET] })
        .orders.query({ userId: 'u1' })
        .startFrom(fresh),
    ).toThrow(ValidationError);
  });

  it('a plain lastKey object still works with a secret (server-side code)', async () => {
    const { fake, orders } = client({ cursorSecret: SECRET });
    await orders.query({ userId: 'u1' }).startFrom({ userId: 'u1', orderId: 'o1' });
    expect(fake.sent[0].input['ExclusiveStartKey']).toEqual({ userId: { S: 'u1' }, orderId: { S: 'o1' } });
  });

  it('checks the secret when the client is made', () => {
    expect(() => new DkmioClient({ cursorSecret: 'short' })).toThrow(/shorter than 16 bytes/);
    expect(() => new DkmioClient({ cursorSecret: [] })).toThrow(/non-empty list/);
    const notASecret: unknown = 5; // what JavaScript callers can pass
    expect(() => new DkmioClient({ cursorSecret: [SECRET, notASecret as string] })).toThrow(
      /entry 1\) must be a string or a Uint8Array/,
    );
    expect(() => new DkmioClient({ cursorSecret: new Uint8Array(32) })).not.toThrow();
  });
});
