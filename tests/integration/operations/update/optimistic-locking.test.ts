import 'reflect-metadata';
import { ConditionError, DkmioClient, PartitionKey, Table, TransactionError, Version } from '../../../../src';
import { testClientConfig, uniqueTableName } from '../../../support/local';
import { createRawTable, rawClient } from '../../../support/raw-tables';

@Table('docs')
class Doc {
  @PartitionKey() id!: string;
  @Version() version?: number;
  body?: string;
}

const prefix = `${uniqueTableName('ol')}-`;
const raw = rawClient();
const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const docs = db.getRepository(Doc);

beforeAll(() => createRawTable(raw, `${prefix}docs`, ['id', 'S']));

afterAll(() => {
  db.destroy();
  raw.destroy();
});

describe('@Version() optimistic locking on DynamoDB Local', () => {
  it('a put without a version creates the item with version 1, and fails if it exists', async () => {
    await docs.put({ id: 'a', body: 'first' });
    expect(await docs.get({ id: 'a' })).toMatchObject({ version: 1, body: 'first' });
    await expect(docs.put({ id: 'a', body: 'again' })).rejects.toThrow(ConditionError);
    expect((await docs.get({ id: 'a' }))!.body).toBe('first');
  });

  it('a put with version n succeeds only when the stored version is n, and stores n + 1', async () => {
    await docs.put({ id: 'b', body: 'v1' });
    const current = (await docs.get({ id: 'b' }))!;
    await docs.put({ ...current, body: 'v2' });
    expect(await docs.get({ id: 'b' })).toMatchObject({ version: 2, body: 'v2' });
    // A second writer still holding version 1 loses.
    await expect(docs.put({ ...current, body: 'stale' })).rejects.toThrow(ConditionError);
    expect(await docs.get({ id: 'b' })).toMatchObject({ version: 2, body: 'v2' });
  });

  it('every update increments the version; expectedVersion checks it', async () => {
    await docs.put({ id: 'c', body: 'x' });
    await docs.update({ id: 'c' }, { set: { body: 'y' } });
    expect((await docs.get({ id: 'c' }))!.version).toBe(2);
    await docs.update({ id: 'c' }, { set: { body: 'z' } }, { expectedVersion: 2 });
    expect(await docs.get({ id: 'c' })).toMatchObject({ version: 3, body: 'z' });
    await expect(docs.update({ id: 'c' }, { set: { body: 'stale' } }, { expectedVersion: 2 })).rejects.toThrow(
      ConditionError,
    );
    expect(await docs.get({ id: 'c' })).toMatchObject({ version: 3, body: 'z' });
  });

  it('a stale write can hand back the stored item', async () => {
    await docs.put({ id: 'd', body: 'mine' });
    const error = (await docs
      .update({ id: 'd' }, { set: { body: 'theirs' } }, { expectedVersion: 7, returnItemOnConditionFail: true })
      .catch((e: unknown) => e)) as ConditionError<Doc>;
    expect(error).toBeInstanceOf(ConditionError);
    expect(error.item).toBeInstanceOf(Doc);
    expect(error.item).toMatchObject({ id: 'd', version: 1, body: 'mine' });
  });

  it('versions are checked and bumped inside transactions too', async () => {
    await docs.put({ id: 'e', body: 'one' });
    await db.transactWrite((tx) => void tx.put(docs, { id: 'e', version: 1, body: 'two' }));
    expect(await docs.get({ id: 'e' })).toMatchObject({ version: 2, body: 'two' });
    await expect(
      db.transactWrite((tx) => void tx.update(docs, { id: 'e' }, { set: { body: 'three' } }, { expectedVersion: 1 })),
    ).rejects.toThrow(TransactionError);
    await db.transactWrite(
      (tx) => void tx.update(docs, { id: 'e' }, { set: { body: 'three' } }, { expectedVersion: 2 }),
    );
    expect(await docs.get({ id: 'e' })).toMatchObject({ version: 3, body: 'three' });
  });
});
