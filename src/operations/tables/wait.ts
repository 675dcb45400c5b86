import { DescribeTableCommand, type DescribeTableCommandOutput, type TableDescription } from '@aws-sdk/client-dynamodb';
import type { Executor } from '../../runtime/executor';
import { RequestTimeoutError, TableNotFoundError, ValidationError } from '../../errors/errors';
import { abortableSleep } from '../../runtime/retry';

/** How long table operations wait, and how often they look. */
export interface WaitOptions {
  /** Give up waiting for a table after this long. Default: 300000 (5 minutes). */
  waitTimeoutMs?: number;
  /** Time between two DescribeTable calls while waiting. Default: 1000 (DynamoDB Local answers at once). */
  pollIntervalMs?: number;
  /** Cancels the work (requests and waits); the promise rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/** Resolved wait settings, with the deadline fixed when the work starts. */
export interface Waiting {
  deadline: number;
  timeoutMs: number;
  intervalMs: number;
  signal?: AbortSignal;
}

export function waiting(options: WaitOptions | undefined, operation: string): Waiting {
  const timeoutMs = positive(options?.waitTimeoutMs, 300_000, 'waitTimeoutMs', operation);
  const intervalMs = positive(options?.pollIntervalMs, 1_000, 'pollIntervalMs', operation);
  return { deadline: Date.now() + timeoutMs, timeoutMs, intervalMs, signal: options?.signal };
}

function positive(value: number | undefined, fallback: number, name: string, operation: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ValidationError(
      `${operation}: "${name}" must be a positive number of milliseconds, got ${String(value)}.`,
    );
  }
  return value;
}

/** The table's description, or undefined when it does not exist. */
export async function describeTable(
  executor: Executor,
  table: string,
  signal?: AbortSignal,
): Promise<TableDescription | undefined> {
  try {
    const out = await executor.send<DescribeTableCommandOutput>(new DescribeTableCommand({ TableName: table }), {
      operation: 'describe_table',
      table,
      signal,
    });
    return out.Table;
  } catch (error) {
    if (error instanceof TableNotFoundError) return undefined;
    throw error;
  }
}

/** Polls until the table and every global index are ACTIVE. */
export async function waitUntilActive(
  executor: Executor,
  table: string,
  w: Waiting,
  first?: TableDescription,
): Promise<void> {
  let description = first;
  for (;;) {
    if (description && isActive(description)) return;
    if (description) await pause(w, table, `ACTIVE (${statusText(description)})`);
    description = await describeTable(executor, table, w.signal);
    if (!description) {
      throw new TableNotFoundError(`Table "${table}" disappeared while waiting for it to become ACTIVE.`, table);
    }
  }
}

/** Polls until DescribeTable says the table is gone. */
export async function waitUntilGone(executor: Executor, table: string, w: Waiting): Promise<void> {
  for (;;) {
    const description = await describeTable(executor, table, w.signal);
    if (!description) return;
    await pause(w, table, `deleted (${statusText(description)})`);
  }
}

function isActive(t: TableDescription): boolean {
  return t.TableStatus === 'ACTIVE' && (t.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
}

function statusText(t: TableDescription): string {
  const indexes = (t.GlobalSecondaryIndexes ?? [])
    .filter((i) => i.IndexStatus !== 'ACTIVE')
    .map((i) => `index ${i.IndexName}: ${i.IndexStatus}`);
  return [`status ${t.TableStatus}`, ...indexes].join('; ');
}

/** Sleeps one poll interval, failing once the deadline has passed or the signal fires. */
export async function pause(w: Waiting, table: string, waitingFor: string): Promise<void> {
  if (Date.now() >= w.deadline) {
    // A local deadline, not an error DynamoDB reported: a timeout (504), like requestTimeoutMs.
    throw new RequestTimeoutError(
      `Table "${table}" was not ${waitingFor} after ${w.timeoutMs} ms; raise waitTimeoutMs to wait longer.`,
      w.timeoutMs,
    );
  }
  await abortableSleep(Math.min(w.intervalMs, Math.max(0, w.deadline - Date.now())), w.signal);
}
