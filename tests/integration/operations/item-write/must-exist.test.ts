import 'reflect-metadata';
import {
  Attribute,
  ConditionError,
  DkmioClient,
  ItemNotFoundError,
  PartitionKey,
  SortKey,
  Table,
  TransactionError,
} from '../../../../src';
import { testClientConfig, uniqueTableName } from '../../../support/local';

@Table('accounts')
class Account {
  @PartitionKey() owner!: string;
  @SortKey() id!: string;
  @Attribute() status?: string;
  balance?: number;
}

const prefix = `${uniqueTableName('must-exist')}-`;
const db = new DkmioClient({ ...testClientConfig(), tableNamePrefix: prefix });
const accounts = db.getRepository(Account);
const present = { owner: 'ann', id: 'a1' };
const absent = { owner: 'ann', id: 'nope' };

beforeAll(async () => {
  await db.createTables([Account], { pollIntervalMs: 50 });
});
beforeEach(async () => {
  await accounts.put({ ...present, status: 'OPEN', balance: 10 });
  await accounts.delete(absent);
});
afterAll(async () => {
  await db.deleteTables([Account], { pollIntervalMs: 50 });
  db.destroy();
});

const failure = (run: () => Promise<unknown>) =>
  run().then(
    () => undefined,
    (e: unknown) => e,
  );

describe('mustExist on DynamoDB Local', () => {
  it('update of an absent item throws ItemNotFoundError and creates nothing', async () => {
    expect(
      await failure(() => accounts.update(absent, { set: { status: 'OPEN' } }, { mustExist: true })),
    ).toBeInstanceOf(ItemNotFoundError);
    expect(await accounts.get(absent)).toBeNull();
  });

  it('update of a present item applies it', async () => {
    const updated = await accounts.update(
      present,
      { add: { balance: 5 } },
      { mustExist: true, returnValues: 'ALL_NEW' },
    );
    expect(updated?.balance).toBe(15);
  });

  it('delete of an absent item throws ItemNotFoundError; of a present one deletes it', async () => {
    expect(await failure(() => accounts.delete(absent, { mustExist: true }))).toBeInstanceOf(ItemNotFoundError);
    await accounts.delete(present, { mustExist: true });
    expect(await accounts.get(present)).toBeNull();
  });

  it('with a condition: absent is ItemNotFoundError, present and failing is ConditionError, present and passing writes', async () => {
    const opts = { mustExist: true, condition: { status: 'OPEN' } } as const;
    expect(await failure(() => accounts.update(absent, { set: { balance: 0 } }, opts))).toBeInstanceOf(
      ItemNotFoundError,
    );
    expect(await failure(() => accounts.delete(absent, opts))).toBeInstanceOf(ItemNotFoundError);
    await accounts.update(present, { set: { status: 'CLOSED' } });
    const conflict = await failure(() => accounts.update(present, { set: { balance: 0 } }, opts));
    expect(conflict).toBeInstanceOf(ConditionError);
    expect((conflict as ConditionError).item).toBeUndefined();
    const asked = await failure(() => accounts.delete(present, { ...opts, returnItemOnConditionFail: true }));
    expect((asked as ConditionError<Account>).item).toMatchObject({ ...present, status: 'CLOSED' });
    await accounts.update(present, { set: { status: 'OPEN' } });
    expect(await accounts.update(present, { set: { balance: 0 } }, { ...opts, returnValues: 'ALL_NEW' })).toMatchObject(
      { balance: 0 },
    );
  });

  it('in a transaction: an absent mustExist item is ItemNotFoundError (cause: the TransactionError), nothing written', async () => {
    const error = await failure(() =>
      db.transactWrite((tx) => {
        tx.update(accounts, present, { add: { balance: -5 } });
        tx.update(accounts, absent, { add: { balance: 5 } }, { mustExist: true });
      }),
    );
    expect(error).toBeInstanceOf(ItemNotFoundError);
    expect((error as Error).cause).toBeInstanceOf(TransactionError);
    expect((await accounts.get(present))?.balance).toBe(10);

    await accounts.update(present, { set: { status: 'CLOSED' } });
    const conflict = await failure(() =>
      db.transactWrite((tx) => tx.delete(accounts, present, { mustExist: true, condition: { status: 'OPEN' } })),
    );
    expect(conflict).toBeInstanceOf(TransactionError);
    await db.transactWrite((tx) => tx.delete(accounts, present, { mustExist: true, condition: { status: 'CLOSED' } }));
    expect(await accounts.get(present)).toBeNull();
  });
});
