import express, { type Express } from 'express';
import { DkmioClient, type DkmioClientOptions } from 'dkmio';
import { dkmioErrorHandler, usersRouter } from './users.routes';

/**
 * A new app where dkmio owns the connection: it creates the DynamoDB client (lazily, on the
 * first request) and closes it in `db.destroy()`.
 */
export function createApp(options: DkmioClientOptions = {}): { app: Express; db: DkmioClient } {
  const db = new DkmioClient(options);
  const app = express();
  app.use(express.json());
  app.use(usersRouter(db));
  app.use(dkmioErrorHandler);
  return { app, db };
}
