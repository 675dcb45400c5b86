/**
 * Compile-only type tests for batches, transactions and the breaker (checked by `tsc --noEmit`,
 * never run): what must compile does, and each `@ts-expect-error` line must fail to compile.
 */
import 'reflect-metadata';
import {
  BatchWriteError,
  DkmioClient,
  PartitionKey,
  SortKey,
  Table,
  TransactionError,
  type CircuitState,
} from '../../src';

@Table('orders')
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  total?: number;
  status?: string;
}

@Table('users')
class User {
  @PartitionKey() userId!: string;
  name?: string;
}

export async function typeChecks(db: DkmioClient): Promise<void> {
  const orders = db.getRepository(Order);
  const users = db.getRepository(User);

  // transactGet: a typed tuple, with or without `as const`, repositories or classes.
  const [o, u] = await db.transactGet(
    (tx) => [tx.get(orders, { userId: 'a', orderId: 'b' }), tx.get(User, { userId: 'x' })] as const,
  );
  const order: Order | null = o;
  const user: User | null = u;
  // @ts-expect-error the second entry is a User, not an Order
  const wrong: Order | null = u;
  const [picked] = await db.transactGet((tx) => [tx.get(orders, { userId: 'a', orderId: 'b' }, { select: ['total'] })]);
  const total: number | undefined = picked?.total;
  // @ts-expect-error not selected
  void picked?.status;
  // @ts-expect-error select names properties of the entity
  await db.transactGet((tx) => [tx.get(orders, { userId: 'a', orderId: 'b' }, { select: ['nope'] })]);

  // batchGet: select narrows, results may be null.
  const rows = await orders.batchGet([{ userId: 'a', orderId: 'b' }], { select: ['total'], concurrency: 2 });
  const first: Pick<Order, 'total'> | null = rows[0]!;
  // @ts-expect-error a batchGet result can be null
  const notNull: Order = (await orders.batchGet([{ userId: 'a', orderId: 'b' }]))[0];

  // batchWrite: both forms; one-line callbacks returning the batch are fine.
  await orders.batchWrite((b) => b.put({ userId: 'a', orderId: 'b', total: 1 }));
  await db.batchWrite((b) => {
    b.put(orders, { userId: 'a', orderId: 'b' });
    b.delete(User, { userId: 'u' });
    // @ts-expect-error `total` is a number on Order
    b.put(orders, { userId: 'a', orderId: 'c', total: 'x' });
  });

  // Resending what a BatchWriteError lists compiles as documented.
  try {
    await db.batchWrite(() => {});
  } catch (error) {
    if (error instanceof BatchWriteError) {
      await db.batchWrite((batch) => {
        for (const w of error.unprocessed) {
          if (w.kind === 'put') batch.put(w.entity, w.item);
          else batch.delete(w.entity, w.key);
        }
      });
    }
    if (error instanceof TransactionError) {
      const codes: string[] = error.reasons.map((r) => r.code);
      void codes;
    }
  }

  // transactWrite: every item kind; conditionCheck needs options.
  await db.transactWrite(
    (tx) => {
      tx.put(users, { userId: 'u', name: 'n' }, { condition: { userId__not_exists: true } });
      tx.update(orders, { userId: 'a', orderId: 'b' }, { set: { status: 'X' } }, { returnItemOnConditionFail: true });
      tx.delete(Order, { userId: 'a', orderId: 'c' });
      // @ts-expect-error conditionCheck takes its condition
      tx.conditionCheck(users, { userId: 'u' });
    },
    { clientRequestToken: 't' },
  );

  const state: CircuitState = db.circuitBreaker.state;
  // @ts-expect-error the breaker's state is read-only from the outside
  db.circuitBreaker.state = 'open';
  void [order, user, wrong, total, first, notNull, state];
}
