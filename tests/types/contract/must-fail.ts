/**
 * The must-fail contract: every line marked `// must-fail` is a mistake the compiler catches in
 * the default type mode, and nothing else in this file is an error. Compiled against the BUILT
 * package (dist/*.d.ts, through ./tsconfig.json's paths), as a user's code is; checked by
 * tests/unit/type-contract.test.ts (exactly one error on each marked line, 17 lines, no other).
 */
import 'reflect-metadata';
import { GlobalIndex, PartitionKey, SortKey, Table, and, not, or, type Repository } from 'dkmio';

export class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  status?: 'NEW' | 'SHIPPED';
  total?: number;
  address?: { city: string; zip?: string };
  items?: { sku: string; qty: number }[];
  tags?: Set<string>;
  history?: { action: string }[];
  version?: number;
}

declare const orders: Repository<Order>;
const k = { userId: 'u1', orderId: 'o1' };
const item = { userId: 'u1', orderId: 'o1' };

export function mustFail(): void {
  orders.scan().filter({ totl__gt: 5 }); // must-fail: misspelled property in a filter
  orders.scan().filter({ total__greater: 5 }); // must-fail: unknown operator
  orders.scan().filter({ total__begins_with: 1 }); // must-fail: begins_with on a declared number
  orders.update(k, { remove: ['adress'] }); // must-fail: misspelled path in remove
  orders.put(item, { condition: { userid__not_exists: true } }); // must-fail: misspelled property in a condition
  orders.delete(k, { conditionOr: [{ status: 'NEW' }, { totl__lt: 1 }] }); // must-fail: misspelled property in conditionOr
  orders.scan().filter(or({ status: 'NEW' }, and({ total__gt: 1 }, not({ tags__contains: 5 })))); // must-fail: wrong value inside and/or/not
  orders.get({ userID: 'u1', orderId: 'o1' }); // must-fail: misspelled key property in get
  orders.query({ usrId: 'u1' }); // must-fail: misspelled key property in query
  orders.query({ userId: 'u1' }).select('total', 'totl'); // must-fail: misspelled name in select
  orders.update(k, { set: { 'address.cty': 'Lima' } }); // must-fail: misspelled nested path in set
  orders.update(k, { append: { histroy: { action: 'x' } } }); // must-fail: misspelled list in append
  orders.update(k, { prepend: { history: { acton: 'x' } } }); // must-fail: wrong element shape in prepend
  orders.update(k, { add: { versoin: 1 } }); // must-fail: misspelled property in add
  orders.update(k, { delete: { tags: new Set([1]) } }); // must-fail: wrong set element type in delete
  orders.update(k, { setIfNotExists: { totl: 0 } }); // must-fail: misspelled property in setIfNotExists
}

@Table('bad-index')
@GlobalIndex('gsi-status', { partitionKey: 'staus' }) // must-fail: an index decorator naming an undeclared property
export class BadIndex {
  @PartitionKey() id!: string;
  status?: string;
}
