import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startLocalDynamo } from '../../../src/testing';
import { testClientConfig, testEndpoint, uniqueTableName } from '../../support/local';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('DynamoDB Local test harness', () => {
  it('serves the shared endpoint started by the global setup', async () => {
    const client = new DynamoDBClient(testClientConfig());
    try {
      const TableName = uniqueTableName('harness');
      await client.send(
        new CreateTableCommand({
          TableName,
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      await client.send(new PutItemCommand({ TableName, Item: { pk: { S: 'a' }, n: { N: '42' } } }));
      const { Item } = await client.send(
        new GetItemCommand({ TableName, Key: { pk: { S: 'a' } }, ConsistentRead: true }),
      );
      expect(Item).toEqual({ pk: { S: 'a' }, n: { N: '42' } });
    } finally {
      client.destroy();
    }
  });

  it('starts and stops an independent second instance', async () => {
    const second = await startLocalDynamo();
    const client = new DynamoDBClient({ ...testClientConfig(), endpoint: second.endpoint, maxAttempts: 1 });
    try {
      expect(new URL(second.endpoint).hostname).toBe('127.0.0.1');
      expect(second.endpoint).not.toBe(testEndpoint());
      expect(isAlive(second.pid)).toBe(true);
      await expect(client.send(new ListTablesCommand({}))).resolves.toMatchObject({ TableNames: [] });
    } finally {
      await second.stop();
    }

    expect(isAlive(second.pid)).toBe(false);
    await expect(client.send(new ListTablesCommand({}))).rejects.toThrow(/ECONNREFUSED/);
    await expect(second.stop()).resolves.toBeUndefined(); // idempotent
    client.destroy();
  });

  it('refuses to run against a non-loopback endpoint', () => {
    const saved = process.env['DKMIO_TEST_ENDPOINT'];
    try {
      for (const endpoint of [
        'https://dynamodb.us-east-1.amazonaws.com',
        'http://10.0.0.5:8000',
        'http://127.0.0.1.example.com:8000',
      ]) {
        process.env['DKMIO_TEST_ENDPOINT'] = endpoint;
        expect(() => testEndpoint()).toThrow(/Refusing to run tests/);
      }
      process.env['DKMIO_TEST_ENDPOINT'] = 'http://[::1]:8000';
      expect(testEndpoint()).toBe('http://[::1]:8000');
    } finally {
      if (saved === undefined) delete process.env['DKMIO_TEST_ENDPOINT'];
      else process.env['DKMIO_TEST_ENDPOINT'] = saved;
    }
    expect(testEndpoint()).toBe(saved);
  });
});
