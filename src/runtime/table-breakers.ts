import type { Request, RequestGuard } from './executor';
import type { Log } from './logger';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './circuit-breaker';

/**
 * `circuitBreaker: { scope: 'table' }`: one breaker per table, so one throttled table does not
 * refuse the calls of every other table. A request naming several tables (a batch or a
 * transaction across tables) must be admitted by each of their breakers, and its outcome
 * counts for each: DynamoDB does not say which table a failed multi-table request failed on.
 */
export class TableBreakers implements RequestGuard {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly options: CircuitBreakerOptions,
    private readonly log?: Log,
  ) {}

  /** The breaker of one (full, prefixed) table name, created on first use. */
  of(table: string): CircuitBreaker {
    let b = this.breakers.get(table);
    if (b === undefined) {
      b = new CircuitBreaker(this.options, this.log);
      this.breakers.set(table, b);
    }
    return b;
  }

  /** Every breaker created so far. */
  all(): IterableIterator<CircuitBreaker> {
    return this.breakers.values();
  }

  admit(request: Request): unknown {
    const tables = tablesOf(request);
    if (tables.length === 1) return [[this.of(tables[0]), this.of(tables[0]).admit(request)]];
    const tickets: [CircuitBreaker, unknown][] = [];
    try {
      for (const t of tables) {
        const b = this.of(t);
        tickets.push([b, b.admit(request)]);
      }
    } catch (refused) {
      // Not sent after all: a probe slot taken by an earlier table is given back.
      for (const [b, ticket] of tickets) b.release(ticket);
      throw refused;
    }
    return tickets;
  }

  settle(token: unknown, error: unknown): void {
    for (const [b, ticket] of token as [CircuitBreaker, unknown][]) b.settle(ticket, error);
  }

  release(token: unknown): void {
    for (const [b, ticket] of token as [CircuitBreaker, unknown][]) b.release(ticket);
  }
}

/**
 * The tables of a request. Multi-table requests name theirs joined by ", " (as logs show them);
 * DynamoDB table names hold only letters, digits, `_`, `-` and `.`, so the split is exact.
 */
function tablesOf(request: Request): string[] {
  return request.table.includes(', ') ? [...new Set(request.table.split(', '))] : [request.table];
}

/**
 * `db.circuitBreaker` in table scope: a view over every table's breaker. `state` is the worst
 * of them (`'open'` if any is open, else `'half_open'` if any is, else `'closed'`); `reset()`
 * resets them all. It guards no request itself; `db.circuitBreakerOf(Entity)` gives one table's.
 */
export class TableScopeView extends CircuitBreaker {
  /** @internal */
  constructor(
    options: CircuitBreakerOptions,
    private readonly tables: TableBreakers,
  ) {
    super(options);
  }

  override get state(): CircuitState {
    let worst: CircuitState = 'closed';
    for (const b of this.tables.all()) {
      const s = b.state;
      if (s === 'open') return 'open';
      if (s === 'half_open') worst = 'half_open';
    }
    return worst;
  }

  override reset(): void {
    for (const b of this.tables.all()) b.reset();
  }
}
