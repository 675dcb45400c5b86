/** What every contestant implements. Each adapter is one file in ./adapters. */
import type { OrderItem } from './model';

/** How a session reaches DynamoDB: the request handler (canned or counting) and the endpoint. */
export interface Setup {
  requestHandler: unknown;
  endpoint: string;
  /** Prefix of the table name (`raw-` -> `raw-orders`); '' for the canned scenarios. */
  prefix: string;
}

export const SDK_BASE = {
  region: 'us-east-1',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
};

/** One connected adapter. Every method sends through the SDK client built from `Setup`. */
export interface Session {
  put(item: OrderItem): Promise<unknown>;
  get(user: string, order: string): Promise<unknown>;
  /** The UPDATE of model.ts. */
  update(user: string, order: string): Promise<unknown>;
  /** The QUERY of model.ts: one page. */
  query(user: string): Promise<unknown[]>;
  /** A plain query of a partition, one page, as the adapter hands items to the app (class instances where it has them). */
  page(user: string): Promise<unknown[]>;
  /** Every item of a partition, page after page (dkmio: `fetchAll()`). */
  readAll(user: string): Promise<unknown[]>;
  /** Every item of a partition through the adapter's async iterator, item by item (dkmio: `for await`); raw pages with its paginator. */
  iterate?(user: string): Promise<number>;
  /** A parallel scan of the whole table in `n` segments, every item hydrated. */
  scanSegments?(n: number): Promise<number>;
  /** Writes many items with the adapter's batch API; undefined when it has none (the report says why). */
  bulkWrite?(items: OrderItem[], concurrency?: number): Promise<void>;
  close(): void;
}

export interface Adapter {
  name: string;
  /** Request building only, no client and no network. Each returns the request. */
  build?: {
    query(): unknown;
    update(order: string): unknown;
    put(item: OrderItem): unknown;
  };
  /** Connects; undefined for the builder-only floor. */
  session?(setup: Setup): Session;
  /** Why a scenario is not run for this adapter, per scenario key. */
  notes?: Record<string, string>;
}
