import express, { type Express } from 'express';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { DkmioClient, dkmioErrorHandler } from 'dkmio';
import { cursorSecret } from '../blog/entities';
import { blogRouter } from './blog.routes';

/**
 * An app that already talks to DynamoDB through the AWS SDK (here a DocumentClient, as most
 * tutorials set up) and adopts dkmio route by route: dkmio wraps the client the app has, so
 * there is one connection pool, and never destroys it (the app still owns it).
 */
export function createExistingApp(
  documentClient: DynamoDBDocumentClient,
  tableNamePrefix = '',
): { app: Express; db: DkmioClient } {
  const app = express();
  app.use(express.json());

  // The route the app had before dkmio: plain SDK calls, untouched.
  app.get('/legacy/users/:email', async (req, res) => {
    const out = await documentClient.send(
      new GetCommand({ TableName: `${tableNamePrefix}users`, Key: { email: req.params['email'] } }),
    );
    if (!out.Item) res.status(404).json({ error: 'User does not exist' });
    else res.json({ email: out.Item['email'] as string, name: out.Item['name'] as string | undefined });
  });

  const db = new DkmioClient({ client: documentClient, tableNamePrefix, cursorSecret: cursorSecret() });
  app.use(blogRouter(db));
  app.use(dkmioErrorHandler());
  return { app, db };
}

/** The SDK clients such an app typically builds at start-up. */
export function createDocumentClient(config: ConstructorParameters<typeof DynamoDBClient>[0]): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(new DynamoDBClient(config ?? {}));
}
