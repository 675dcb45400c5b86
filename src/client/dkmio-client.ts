import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import type { Constructor } from '../metadata/records';
import { entityMetadata } from '../metadata/resolve';
import { BatchWriter } from '../operations/batch-write/writers';
import { ValidationError } from '../errors/errors';
import type { EntityTarget, TableTarget } from '../operations/targets/target';
import { Repository } from '../repository/repository';
import { Collection, collectionContext, type CollectionToken } from '../operations/collection/collection';
import type { BatchWriteOptions } from '../operations/batch-write/options';
import { batchWrite } from '../operations/batch-write/run';
import type { OperationContext } from '../operations/context';
import type { CreateTablesOptions, CreateTablesResult } from '../operations/tables/create';
import type { DeleteTablesOptions, DeleteTablesResult } from '../operations/tables/delete';
import {
  DEFAULT_BATCH_SETTINGS,
  resolveBatchSettings,
  type BatchSettings,
  type BatchTuning,
} from '../runtime/batch-settings';
import { CircuitBreaker, type CircuitBreakerOptions } from '../runtime/circuit-breaker';
import {
  runTransactGet,
  type TransactGet,
  type TransactGetOptions,
  type TransactGetResults,
  type TransactReader,
} from '../operations/transact-get/run';
import { runTransactWrite, type TransactWriteOptions, type TransactWriter } from '../operations/transact-write/run';
import { CursorSeal, type CursorSecret } from '../runtime/cursor-seal';
import { Executor, DEFAULT_REQUEST_TIMEOUT_MS, type RequestGuard } from '../runtime/executor';
import { TableBreakers, TableScopeView } from '../runtime/table-breakers';
import { createLog, type DkmioLogger } from '../runtime/logger';
import { milliseconds } from '../runtime/option-checks';
import { installProtoSafeResponses } from './proto-safe-responses';
import { withoutDiscardedLogFilter } from '../runtime/discarded-log-filter';
import { installSignalRouting } from '../runtime/routed-signals';

/** Anything that can send DynamoDB commands: a `DynamoDBClient` or a `DynamoDBDocumentClient`. */
export interface SendingClient {
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  destroy?(): void;
}

/** Options of {@link DkmioClient}. */
export interface DkmioClientOptions {
  region?: string;
  endpoint?: string;
  credentials?: DynamoDBClientConfig['credentials'];
  /** Wrap a client the app already has (DynamoDBClient or DynamoDBDocumentClient). dkmio never destroys it. */
  client?: SendingClient;
  /** Prepended to every table name (`'dev-'` turns `orders` into `dev-orders`). */
  tableNamePrefix?: string;
  /** Receives every debug line; without one, `NODE_DEBUG=dkmio` turns on the built-in one. */
  logger?: DkmioLogger;
  /** Any other DynamoDBClient settings (maxAttempts, requestHandler, ...). */
  clientConfig?: Omit<DynamoDBClientConfig, 'region' | 'endpoint' | 'credentials'>;
  /**
   * The circuit breaker, on by default (`failureThreshold: 5`, `recoveryTimeoutMs: 30000`);
   * `false` turns it off.
   */
  circuitBreaker?: CircuitBreakerOptions | false;
  /** Defaults of every batchGet/batchWrite (`maxAttempts: 8`, `baseDelayMs: 50`, `concurrency: 4`). */
  batch?: BatchTuning;
  /**
   * Seals page cursors (AES-256-GCM): API clients can neither read the key values in them nor
   * forge or alter one. A list rotates secrets: the first seals, every one opens.
   */
  cursorSecret?: CursorSecret;
  /**
   * How long a request may wait for DynamoDB's answer before it fails with
   * `RequestTimeoutError` (an infrastructure failure for the breaker). Default 10000; 0 turns it off.
   * Each attempt the SDK makes is inside it; a caller's own `signal` still applies.
   */
  requestTimeoutMs?: number;
}

// The SDK's default logger has an info() method, which makes it walk every input and output
// to filter sensitive data; a logger without info() skips that work.
const QUIET_SDK_LOGGER = { debug() {}, warn() {}, error() {}, trace() {} } as unknown as DynamoDBClientConfig['logger'];

/**
 * The entry point: owns (or wraps) the DynamoDB connection and hands out repositories.
 * Nothing touches the network until the first operation.
 *
 * @example
 * const db = new DkmioClient({ region: 'us-east-1' });
 * const orders = db.getRepository(Order);
 */
export class DkmioClient {
  /** @internal */
  readonly executor: Executor;
  /** @internal What every operation of this client runs with. */
  readonly context: OperationContext;
  /** @internal */
  readonly tableNamePrefix: string;
  /**
   * The client's circuit breaker: `state` and `reset()`. With `circuitBreaker: false` it is
   * disabled and stays closed. With `scope: 'table'` it is a view over every table's breaker:
   * `state` is the worst of them, `reset()` resets them all ({@link circuitBreakerOf} gives one).
   */
  readonly circuitBreaker: CircuitBreaker;
  private readonly tableBreakers?: TableBreakers;
  /** @internal */
  readonly batchDefaults: BatchSettings;
  private sdk?: SendingClient;
  private readonly ownsClient: boolean;
  private readonly repositories = new Map<Function, Repository<unknown>>();

  constructor(private readonly options: DkmioClientOptions = {}) {
    this.tableNamePrefix = options.tableNamePrefix ?? '';
    this.ownsClient = options.client === undefined;
    this.sdk = options.client;
    const log = createLog(options.logger);
    this.batchDefaults = resolveBatchSettings(DEFAULT_BATCH_SETTINGS, options.batch, 'batch');
    const breaker = options.circuitBreaker ?? {};
    let guard: RequestGuard | undefined;
    if (breaker !== false && breaker.scope === 'table') {
      this.tableBreakers = new TableBreakers(breaker, log);
      this.circuitBreaker = new TableScopeView(breaker, this.tableBreakers);
      guard = this.tableBreakers;
    } else {
      this.circuitBreaker = new CircuitBreaker(breaker, log);
      guard = this.circuitBreaker.enabled ? this.circuitBreaker : undefined;
    }
    this.executor = new Executor(
      () => this.connection(),
      log,
      guard,
      milliseconds(options.requestTimeoutMs, DEFAULT_REQUEST_TIMEOUT_MS, 'requestTimeoutMs'),
    );
    const cursorSeal = options.cursorSecret !== undefined ? new CursorSeal(options.cursorSecret) : undefined;
    this.context = { executor: this.executor, batchDefaults: this.batchDefaults, ...(cursorSeal && { cursorSeal }) };
    // A client handed over keeps its own settings; dkmio only spares its own commands the log
    // copy that the client's default (no-op) logger would discard.
    if (!this.ownsClient) this.executor.prepareCommand = withoutDiscardedLogFilter;
  }

  /**
   * The circuit breaker guarding an entity's table. With `circuitBreaker: { scope: 'table' }`
   * each table has its own; otherwise every table shares {@link circuitBreaker}.
   * @example
   * db.circuitBreakerOf(Order).state; // 'closed' | 'open' | 'half_open'
   */
  circuitBreakerOf(target: EntityTarget<unknown>): CircuitBreaker {
    return this.tableBreakers ? this.tableBreakers.of(this.resolveTarget(target).tableName) : this.circuitBreaker;
  }

  /** The SDK client requests are sent through, created on first use (the connection is lazy). */
  private connection(): SendingClient {
    if (!this.sdk) {
      const o = this.options;
      this.sdk = new DynamoDBClient({
        logger: QUIET_SDK_LOGGER,
        ...o.clientConfig,
        ...(o.region !== undefined && { region: o.region }),
        ...(o.endpoint !== undefined && { endpoint: o.endpoint }),
        ...(o.credentials !== undefined && { credentials: o.credentials }),
        // Resolve the middleware stack once per client instead of once per call.
        cacheMiddleware: true,
      });
      installProtoSafeResponses(this.sdk as DynamoDBClient);
      installSignalRouting(this.sdk as DynamoDBClient);
      this.executor.routeSignals = true;
    }
    return this.sdk;
  }

  /** The repository of an entity class, created once per class. Validates the class's decorators. */
  getRepository<T>(entity: Constructor<T>): Repository<T> {
    let repo = this.repositories.get(entity);
    if (!repo) {
      const meta = entityMetadata(entity);
      repo = new Repository<T>(meta, this.tableNamePrefix + meta.tableName, this.context);
      this.repositories.set(entity, repo);
    }
    return repo as Repository<T>;
  }

  /**
   * Reads several entity classes of one table class at once (single-table design): results are
   * instances of each class, in key order.
   * @example
   * const page = await db.collection([User, Order]).query({ userId: 'u1' });
   * for (const item of page.items) if (item instanceof Order) total += item.total ?? 0;
   */
  collection<const C extends readonly Constructor[]>(members: C): Collection<InstanceType<C[number]>>;
  collection<M>(token: CollectionToken<M>): Collection<M>;
  collection(members: readonly Constructor[] | CollectionToken): Collection<unknown> {
    return new Collection<unknown>(collectionContext(members, (c) => this.getRepository(c)));
  }

  /** The full table name of an entity class (prefix included). */
  tableNameOf(entity: Constructor): string {
    return this.getRepository(entity).tableName;
  }

  /**
   * Puts and deletes across tables in as few requests as possible (chunks of 25, bounded
   * concurrency, unprocessed writes retried with backoff). Nothing is sent when the callback
   * throws; two writes to one key are a ValidationError; what is still unwritten after the
   * retries is listed by {@link BatchWriteError}.
   * @example
   * await db.batchWrite(batch => { batch.put(orders, item); batch.delete(users, { userId: 'u9' }); });
   */
  async batchWrite(fn: (batch: BatchWriter) => unknown, options?: BatchWriteOptions): Promise<void> {
    return batchWrite(this.context, fn, (collector) => new BatchWriter(this.resolveTarget, collector), options);
  }

  /**
   * A write transaction across tables: every item is written or none. Up to 100 items; nothing
   * is sent when the callback throws; a cancelled transaction throws {@link TransactionError}
   * with one reason per item.
   * @example
   * await db.transactWrite(tx => {
   *   tx.put(orders, order, { condition: { userId__not_exists: true } });
   *   tx.update(users, { userId: 'u1' }, { add: { ordersCount: 1 } });
   * }, { clientRequestToken: requestId });
   */
  async transactWrite(fn: (tx: TransactWriter) => unknown, options?: TransactWriteOptions): Promise<void> {
    return runTransactWrite(this.context, this.resolveTarget, fn, options);
  }

  /**
   * Reads up to 100 items in one transaction: a typed tuple in the order returned by the callback,
   * `null` for absent items.
   * @example
   * const [order, user] = await db.transactGet(tx => [tx.get(orders, k1), tx.get(users, k2)] as const);
   */
  async transactGet<const R extends readonly TransactGet<unknown>[]>(
    fn: (tx: TransactReader) => R | PromiseLike<R>,
    options?: TransactGetOptions,
  ): Promise<TransactGetResults<R>> {
    return runTransactGet(this.context, this.resolveTarget, fn, options);
  }

  /** A repository (any `{ metadata, tableName }`), or an entity class's repository on this client. */
  private readonly resolveTarget = <T>(target: EntityTarget<T>): TableTarget<T> => {
    if (typeof target === 'function') return this.getRepository(target);
    if (
      target === null ||
      typeof target !== 'object' ||
      !('metadata' in target) ||
      typeof target.tableName !== 'string'
    ) {
      throw new ValidationError(
        `Expected a repository or an entity class as the first argument, got ${target === null ? 'null' : typeof target}.`,
      );
    }
    return target;
  };

  /**
   * Creates the tables of these entity classes from their decorators (keys, GSIs, LSIs,
   * projections; on-demand unless `provisioned` is given), waits until they are ACTIVE and
   * enables TTL on the `@Ttl()` attribute. Tables that already exist are left alone.
   *
   * @example
   * await db.createTables([Order, User]);
   * await db.createTables([Order], { provisioned: { read: 5, write: 5 } });
   */
  async createTables(entities: readonly Constructor[], options?: CreateTablesOptions): Promise<CreateTablesResult> {
    // Table management is loaded on first use: apps call it at deploy or test time, and its five
    // modules were a tenth of what `require('dkmio')` costs.
    const { planTables } = require('../operations/tables/plan') as typeof import('../operations/tables/plan');
    const { createTables } = require('../operations/tables/create') as typeof import('../operations/tables/create');
    const plans = planTables(
      entityList(entities, 'createTables').map((e) => entityMetadata(e)),
      this.tableNamePrefix,
      options,
    );
    return createTables(this.executor, plans, options);
  }

  /** Deletes the tables of these entity classes (missing ones are ignored) and waits until they are gone. */
  async deleteTables(entities: readonly Constructor[], options?: DeleteTablesOptions): Promise<DeleteTablesResult> {
    const tables = entityList(entities, 'deleteTables').map((e) => this.tableNameOf(e));
    const { deleteTables } = require('../operations/tables/delete') as typeof import('../operations/tables/delete');
    return deleteTables(this.executor, tables, options);
  }

  /** Closes the connection dkmio opened. A client passed in with `client` is left to its owner. */
  destroy(): void {
    if (this.ownsClient && this.sdk) {
      this.sdk.destroy?.();
      this.sdk = undefined;
    }
  }
}

function entityList(entities: readonly Constructor[], operation: string): readonly Constructor[] {
  const given: unknown = entities; // JavaScript callers can pass anything
  if (!Array.isArray(given)) {
    throw new ValidationError(`${operation} takes an array of entity classes, e.g. db.${operation}([Order, User]).`);
  }
  return entities;
}
