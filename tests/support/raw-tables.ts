import { CreateTableCommand, DynamoDBClient, type ScalarAttributeType } from '@aws-sdk/client-dynamodb';
import { testClientConfig } from './local';

/** Creates an on-demand table with the raw SDK (the library's createTables is another feature). */
export async function createRawTable(
  client: DynamoDBClient,
  TableName: string,
  partitionKey: [name: string, type: ScalarAttributeType],
  sortKey?: [name: string, type: ScalarAttributeType],
): Promise<void> {
  const keys = sortKey ? [partitionKey, sortKey] : [partitionKey];
  await client.send(
    new CreateTableCommand({
      TableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
      KeySchema: keys.map(([AttributeName], i) => ({ AttributeName, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    }),
  );
}

/** A raw SDK client on the shared test DynamoDB Local. */
export function rawClient(): DynamoDBClient {
  return new DynamoDBClient(testClientConfig());
}
