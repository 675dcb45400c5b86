import { CreateTableCommand, UpdateTimeToLiveCommand, type CreateTableCommandOutput } from '@aws-sdk/client-dynamodb';
import type { Executor } from '../../runtime/executor';
import { DkmioError } from '../../errors/errors';
import type { TableBuildOptions } from './build';
import type { TablePlan } from './plan';
import { describeTable, pause, waitUntilActive, waitUntilGone, waiting, type WaitOptions, type Waiting } from './wait';

/** Options of `db.createTables()`. */
export interface CreateTablesOptions extends TableBuildOptions, WaitOptions {}

/** What `createTables` did, by full table name (prefix included). */
export interface CreateTablesResult {
  /** Tables this call created (and enabled TTL on). */
  created: string[];
  /** Tables that already existed and were left alone. */
  existing: string[];
}

/**
 * Creates every planned table that does not exist, waits until each is ACTIVE (global indexes
 * included) and enables TTL on the ones it created. Tables are handled concurrently; when one
 * fails the others are still seen through, then the first failure is thrown.
 */
export async function createTables(
  executor: Executor,
  plans: readonly TablePlan[],
  options?: CreateTablesOptions,
): Promise<CreateTablesResult> {
  const w = waiting(options, 'createTables');
  const outcomes = await Promise.allSettled(plans.map((plan) => ensureTable(executor, plan, w)));
  const result: CreateTablesResult = { created: [], existing: [] };
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === 'rejected') throw outcome.reason;
    result[outcome.value].push(plans[i].tableName);
  }
  return result;
}

async function ensureTable(executor: Executor, plan: TablePlan, w: Waiting): Promise<'created' | 'existing'> {
  const table = plan.tableName;
  let description = await describeTable(executor, table, w.signal);
  // A table being deleted cannot be created again until it is gone.
  if (description?.TableStatus === 'DELETING') {
    await pause(w, table, 'deleted');
    await waitUntilGone(executor, table, w);
    description = undefined;
  }
  let created = false;
  if (!description) {
    try {
      const out = await executor.send<CreateTableCommandOutput>(new CreateTableCommand(plan.input), {
        operation: 'create_table',
        table,
        signal: w.signal,
      });
      description = out.TableDescription;
      created = true;
    } catch (error) {
      // Someone else created it between our DescribeTable and CreateTable: it exists.
      if (!isInUse(error)) throw error;
    }
  }
  await waitUntilActive(executor, table, w, description);
  if (created && plan.ttlAttribute !== undefined) {
    await executor.send(
      new UpdateTimeToLiveCommand({
        TableName: table,
        TimeToLiveSpecification: { AttributeName: plan.ttlAttribute, Enabled: true },
      }),
      { operation: 'update_time_to_live', table, signal: w.signal },
    );
  }
  return created ? 'created' : 'existing';
}

/** ResourceInUseException: the table exists already, or is being created, updated or deleted. */
export function isInUse(error: unknown): boolean {
  return error instanceof DkmioError && error.awsName === 'ResourceInUseException';
}
