import 'reflect-metadata';
import { DkmioClient, GlobalIndex, PartitionKey, RequestTimeoutError, Table, Ttl, Attribute } from '../../../../src';

@Table('events')
@GlobalIndex('gsi-kind', { partitionKey: 'kind' })
class Event {
  @PartitionKey() id!: string;
  @Attribute() kind?: string;
  @Ttl() expiresAt?: number;
}

type Reply = unknown | ((input: Record<string, unknown>) => unknown);

/** A client that records each command and answers from a per-command script (errors are thrown). */
function scripted(script: Record<string, Reply[]>) {
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  const client = {
    async send(command: never) {
      const { constructor, input } = command as { constructor: { name: string }; input: Record<string, unknown> };
      const name = constructor.name.replace(/Command$/, '');
      sent.push({ command: name, input });
      const queue = script[name];
      if (!queue || queue.length === 0) throw new Error(`unscripted ${name}`);
      const reply = queue.length > 1 ? queue.shift() : queue[0];
      const value = typeof reply === 'function' ? (reply as (i: Record<string, unknown>) => unknown)(input) : reply;
      if (value instanceof Error) throw value;
      return value;
    },
  };
  return { sent, db: new DkmioClient({ client, tableNamePrefix: 'dev-' }) };
}

function awsError(name: string, status = 400): Error {
  return Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
}

const table = (status: string, gsi = 'ACTIVE') => ({
  Table: {
    TableName: 'dev-events',
    TableStatus: status,
    GlobalSecondaryIndexes: [{ IndexName: 'gsi-kind', IndexStatus: gsi }],
  },
});
const fast = { pollIntervalMs: 1 };

describe('createTables sending', () => {
  it('creates a missing table, waits for the table and its GSIs, then enables TTL', async () => {
    const { sent, db } = scripted({
      DescribeTable: [awsError('ResourceNotFoundException'), table('ACTIVE', 'CREATING'), table('ACTIVE')],
      CreateTable: [{ TableDescription: { TableName: 'dev-events', TableStatus: 'CREATING' } }],
      UpdateTimeToLive: [{}],
    });
    await expect(db.createTables([Event], fast)).resolves.toEqual({ created: ['dev-events'], existing: [] });
    expect(sent.map((s) => s.command)).toEqual([
      'DescribeTable',
      'CreateTable',
      'DescribeTable',
      'DescribeTable',
      'UpdateTimeToLive',
    ]);
    expect(sent[1].input['TableName']).toBe('dev-events');
    expect(sent[4].input).toEqual({
      TableName: 'dev-events',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
  });

  it('leaves an existing table alone (no CreateTable, no TTL change)', async () => {
    const { sent, db } = scripted({ DescribeTable: [table('ACTIVE')] });
    await expect(db.createTables([Event, Event], fast)).resolves.toEqual({ created: [], existing: ['dev-events'] });
    expect(sent.map((s) => s.command)).toEqual(['DescribeTable']);
  });

  it('treats ResourceInUseException from CreateTable as "someone else created it" and waits for it', async () => {
    const { sent, db } = scripted({
      DescribeTable: [awsError('ResourceNotFoundException'), table('CREATING'), table('ACTIVE')],
      CreateTable: [awsError('ResourceInUseException')],
    });
    await expect(db.createTables([Event], fast)).resolves.toEqual({ created: [], existing: ['dev-events'] });
    expect(sent.map((s) => s.command)).toEqual(['DescribeTable', 'CreateTable', 'DescribeTable', 'DescribeTable']);
  });

  it('waits for a table being deleted to be gone before creating it again', async () => {
    const { sent, db } = scripted({
      DescribeTable: [table('DELETING'), awsError('ResourceNotFoundException'), table('ACTIVE')],
      CreateTable: [{ TableDescription: { TableName: 'dev-events', TableStatus: 'CREATING' } }],
      UpdateTimeToLive: [{}],
    });
    await expect(db.createTables([Event], fast)).resolves.toEqual({ created: ['dev-events'], existing: [] });
    expect(sent.map((s) => s.command)).toEqual([
      'DescribeTable',
      'DescribeTable',
      'CreateTable',
      'DescribeTable',
      'UpdateTimeToLive',
    ]);
  });

  it('gives up after waitTimeoutMs naming the table and what it waited for', async () => {
    const { db } = scripted({ DescribeTable: [table('ACTIVE', 'CREATING')] });
    const error = await db.createTables([Event], { waitTimeoutMs: 5, pollIntervalMs: 1 }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /Table "dev-events" was not ACTIVE \(status ACTIVE; index gsi-kind: CREATING\) after 5 ms/,
    );
    // A wait that ran out here is a timeout (504), not an error DynamoDB reported.
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(error).toMatchObject({ code: 'REQUEST_TIMEOUT', timeoutMs: 5 });
  });

  it('stops waiting when the signal aborts, rejecting with its reason', async () => {
    const controller = new AbortController();
    const { db } = scripted({
      DescribeTable: [
        () => {
          controller.abort(new Error('shutting down'));
          return table('CREATING');
        },
      ],
    });
    await expect(db.createTables([Event], { signal: controller.signal, pollIntervalMs: 60_000 })).rejects.toThrow(
      'shutting down',
    );
  });

  it('maps other failures through the executor (AccessDenied is a DkmioError naming the operation)', async () => {
    const { db } = scripted({ DescribeTable: [awsError('AccessDeniedException')] });
    await expect(db.createTables([Event], fast)).rejects.toMatchObject({
      code: 'DYNAMODB_ERROR',
      awsName: 'AccessDeniedException',
      message: expect.stringContaining('describe_table on dev-events'),
    });
  });
});

describe('deleteTables sending', () => {
  it('deletes, waits until DescribeTable no longer finds the table, and ignores missing tables', async () => {
    const { sent, db } = scripted({
      DeleteTable: [{}],
      DescribeTable: [table('DELETING'), awsError('ResourceNotFoundException')],
    });
    await expect(db.deleteTables([Event], fast)).resolves.toEqual({ deleted: ['dev-events'], missing: [] });
    expect(sent.map((s) => s.command)).toEqual(['DeleteTable', 'DescribeTable', 'DescribeTable']);

    const gone = scripted({ DeleteTable: [awsError('ResourceNotFoundException')] });
    await expect(gone.db.deleteTables([Event], fast)).resolves.toEqual({ deleted: [], missing: ['dev-events'] });
  });

  it('waits for a table still being created before deleting it', async () => {
    const { sent, db } = scripted({
      DeleteTable: [awsError('ResourceInUseException'), {}],
      DescribeTable: [table('CREATING'), table('CREATING'), table('ACTIVE'), awsError('ResourceNotFoundException')],
    });
    await expect(db.deleteTables([Event], fast)).resolves.toEqual({ deleted: ['dev-events'], missing: [] });
    expect(sent.map((s) => s.command)).toEqual([
      'DeleteTable',
      'DescribeTable',
      'DescribeTable',
      'DescribeTable',
      'DeleteTable',
      'DescribeTable',
    ]);
  });
});
