import 'reflect-metadata';
import { DkmioClient, GlobalIndex, InvalidProjectionError, PartitionKey, SortKey, Table } from '../../../src';

const byStatus = GlobalIndex('gsi-status', { partitionKey: 'status', projection: ['total'] });

@Table('token-orders')
@byStatus
class Order {
  @PartitionKey() userId!: string;
  @SortKey() orderId!: string;
  status?: string;
  total?: number;
  note?: string;
}

describe('an index decorator kept in a constant is a typed index reference', () => {
  const orders = new DkmioClient({ region: 'us-east-1' }).getRepository(Order);

  it('carries the index name', () => {
    expect(byStatus.indexName).toBe('gsi-status');
  });

  it('opens the same index as its name does', () => {
    const byToken = orders.index(byStatus).query({ status: 'NEW' }).select('total').explain();
    const byName = orders.index('gsi-status').query({ status: 'NEW' }).select('total').explain();
    expect(byToken.index).toBe('gsi-status');
    expect(byToken.request).toEqual(byName.request);
  });

  it('still refuses an unprojected attribute at run time', () => {
    expect(() =>
      orders
        .index(byStatus)
        .query({ status: 'NEW' })
        .select('note' as never),
    ).toThrow(InvalidProjectionError);
  });
});
