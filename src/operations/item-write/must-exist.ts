import { ConditionError, ItemNotFoundError } from '../../errors/errors';
import { keyNamesOf } from '../../metadata/entity-keys';
import type { TableTarget } from '../targets/target';

/**
 * Sends an update or delete; with `mustExist`, a failed check is told apart: the condition is
 * `attribute_exists(pk)` alone (any failure means absent), or it has more clauses and asked for
 * the stored item (none returned means absent; one returned means present, failing the rest:
 * ConditionError).
 */
export async function sendMustExist<O>(
  target: TableTarget<unknown>,
  operation: 'update' | 'delete',
  key: unknown,
  input: { ReturnValuesOnConditionCheckFailure?: string },
  options: { mustExist?: boolean; returnItemOnConditionFail?: boolean } | undefined,
  send: () => Promise<O>,
): Promise<O> {
  if (!options?.mustExist) return send();
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof ConditionError)) throw error;
    const { metadata, tableName } = target;
    if (input.ReturnValuesOnConditionCheckFailure === undefined || error.item === undefined) {
      const shown = keyNamesOf(metadata).join(', ');
      throw new ItemNotFoundError(
        `No ${metadata.className} in "${tableName}" has that key (${shown}); nothing was ${operation === 'update' ? 'updated' : 'deleted'} (mustExist).`,
        tableName,
        { ...(key as object) },
      );
    }
    // The stored item was asked for only to tell the cases apart: hand it on only when asked.
    if (!options.returnItemOnConditionFail) throw new ConditionError(error.message, { cause: error.cause });
    throw error;
  }
}
