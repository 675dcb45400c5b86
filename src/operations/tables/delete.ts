import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import type { Executor } from '../../runtime/executor';
import { TableNotFoundError } from '../../errors/errors';
import { isInUse } from './create';
import { describeTable, waitUntilActive, waitUntilGone, waiting, type WaitOptions, type Waiting } from './wait';

/** Options of `db.deleteTables()`. */
export type DeleteTablesOptions = WaitOptions;

/** What `deleteTables` did, by full table name (prefix included). */
export interface DeleteTablesResult {
  /** Tables this call deleted. */
  deleted: string[];
  /** Tables that did not exist. */
  missing: string[];
}

/**
 * Deletes each table (missing ones are ignored) and waits until DynamoDB no longer knows it.
 * Tables are handled concurrently; the first failure is thrown once all are done.
 */
export async function deleteTables(
  executor: Executor,
  tables: readonly string[],
  options?: DeleteTablesOptions,
): Promise<DeleteTablesResult> {
  const w = waiting(options, 'deleteTables');
  const unique = [...new Set(tables)];
  const outcomes = await Promise.allSettled(unique.map((table) => dropTable(executor, table, w)));
  const result: DeleteTablesResult = { deleted: [], missing: [] };
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status === 'rejected') throw outcome.reason;
    result[outcome.value].push(unique[i]);
  }
  return result;
}

async function dropTable(executor: Executor, table: string, w: Waiting): Promise<'deleted' | 'missing'> {
  for (;;) {
    try {
      await executor.send(new DeleteTableCommand({ TableName: table }), {
        operation: 'delete_table',
        table,
        signal: w.signal,
      });
      break;
    } catch (error) {
      if (error instanceof TableNotFoundError) return 'missing';
      // Being created or updated: DynamoDB refuses the delete until the table settles.
      if (!isInUse(error)) throw error;
      const description = await describeTable(executor, table, w.signal);
      if (!description) return 'missing';
      if (description.TableStatus === 'DELETING') break;
      await waitUntilActive(executor, table, w);
    }
  }
  await waitUntilGone(executor, table, w);
  return 'deleted';
}
