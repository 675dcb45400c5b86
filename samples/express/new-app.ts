import express, { type Express } from 'express';
import { DkmioClient, dkmioErrorHandler, type DkmioClientOptions } from 'dkmio';
import { cursorSecret } from '../blog/entities';
import { blogRouter } from './blog.routes';

/**
 * A new app where dkmio owns the connection: it creates the DynamoDB client (lazily, on the
 * first request) and closes it in `db.destroy()`. Page cursors are sealed (`cursorSecret`), so
 * a client can neither read the emails in them nor forge one.
 */
export function createApp(options: DkmioClientOptions = {}): { app: Express; db: DkmioClient } {
  const db = new DkmioClient({ cursorSecret: cursorSecret(), ...options });
  const app = express();
  app.use(express.json());
  app.use(blogRouter(db));
  app.use(dkmioErrorHandler());
  return { app, db };
}
