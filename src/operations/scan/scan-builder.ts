import { ScanCommand, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../../errors/errors';
import type { OperationContext } from '../context';
import { ReadBuilder } from '../paged-read/read-builder';
import type { ReadState } from '../paged-read/state';
import { buildScan } from './build';
import type { EntityMetadata, IndexMeta } from '../../metadata/entity-metadata';
import type { DocumentPathOf, Selected } from '../../expressions/path-types';

/** DynamoDB's limit on TotalSegments. */
const MAX_SEGMENTS = 1_000_000;

/**
 * A scan of a whole table or index. Scans are only ever explicit.
 *
 * @example
 * for await (const order of orders.scan().filter({ status: 'NEW' }).segments(4)) { ... }
 */
export class ScanBuilder<T, R = T, S extends string = DocumentPathOf<T>> extends ReadBuilder<T, R, S> {
  protected readonly operation = 'Scan' as const;

  /** @internal */
  protected buildInput(state: ReadState, countOnly: boolean): object {
    return buildScan(state, countOnly);
  }

  /** @internal */
  protected command(input: object): object {
    return new ScanCommand(input as ScanCommandInput);
  }
  private parallel = 1;

  /** @internal */
  constructor(meta: EntityMetadata<T>, table: string, index: IndexMeta | undefined, context: OperationContext) {
    super(meta, table, index, context);
  }

  protected segmentCount(): number {
    return this.parallel;
  }

  /**
   * Reads only these attributes; the result type narrows to `Pick<T, ...>` (through `await`,
   * `execute`, `for await` and `fetchAll`).
   */
  override select<K extends S>(...attributes: K[]): ScanBuilder<T, Selected<T, K>, S> {
    return super.select(...attributes) as unknown as ScanBuilder<T, Selected<T, K>, S>;
  }

  /** Parallel scan: reads all `total` segments concurrently (iteration, fetchAll, count, await). */
  segments(total: number): this {
    checkTotal(total);
    if (this.state.segment) throw new ValidationError('segments() and segment() cannot be combined; pick one.');
    if (total > 1 && this.state.startKey)
      throw new ValidationError(
        'startFrom() and segments() cannot be combined: one key cannot resume a parallel scan. Resume each segment with segment(i, n).startFrom(key) instead.',
      );
    this.parallel = total;
    return this;
  }

  /** Reads only segment `index` of `total` (for spreading one scan across workers). */
  segment(index: number, total: number): this {
    checkTotal(total);
    if (!Number.isInteger(index) || index < 0 || index >= total) {
      throw new ValidationError(
        `segment(index, total): index must be an integer from 0 to ${total - 1}, got ${String(index)}.`,
      );
    }
    if (this.parallel > 1) throw new ValidationError('segments() and segment() cannot be combined; pick one.');
    this.state.segment = { index, total };
    return this;
  }
}

function checkTotal(total: number): void {
  if (!Number.isInteger(total) || total < 1 || total > MAX_SEGMENTS) {
    throw new ValidationError(
      `The number of segments must be an integer from 1 to ${MAX_SEGMENTS}, got ${String(total)}.`,
    );
  }
}
