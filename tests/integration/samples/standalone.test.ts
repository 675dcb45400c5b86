import { main } from '../../../samples/standalone';
import { testEndpoint, uniqueTableName } from '../../support/local';

describe('samples/standalone.ts', () => {
  it('walks through create, put, get, query, update, a conditional conflict, delete and table removal', async () => {
    const lines: string[] = [];
    const prefix = `${uniqueTableName('sample')}-`;
    await main({ endpoint: testEndpoint(), tableNamePrefix: prefix, log: (line) => lines.push(line) });
    expect(lines).toEqual([
      `DynamoDB endpoint: ${testEndpoint()}`,
      `createTables: created [${prefix}orders], already there []`,
      'put: 3 orders for u1 (o1, o2, o3)',
      'get o2: status=SHIPPED total=1800 isBig=true (an Order instance: true)',
      'query u1 with filter total > 100: o1, o2',
      'query index gsi-status for PENDING: o1 (250), o3 (40)',
      'update o1: status=SHIPPED total=260 items[0].qty=6',
      'conditional put o1 (only if absent): refused, CONDITION_FAILED -> HTTP 409',
      'delete o3: removed the order created 2024-05-03',
      'getOrThrow o3: ITEM_NOT_FOUND -> HTTP 404',
      'count u1: 2 orders left',
      `deleteTables: deleted [${prefix}orders]`,
    ]);
  });
});
