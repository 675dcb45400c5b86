import { ScanCommand, type ScanCommandInput } from '@aws-sdk/client-dynamodb';
import type { OperationContext } from '../context';
import { ReadBuilder } from '../paged-read/read-builder';
import type { ReadState } from '../paged-read/state';
import { buildScan } from './build';
import { checkSegment, checkSegments } from './segments';
import type { EntityMetadata, IndexMeta } from '../../metadata/entity-metadata';
import type { DocumentPathOf, Selected } from '../../expressions/path-types';

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
    checkSegments(total, { segment: this.state.segment, startKey: this.state.startKey, parallel: this.parallel });
    this.parallel = total;
    return this;
  }

  /** Reads only segment `index` of `total` (for spreading one scan across workers). */
  segment(index: number, total: number): this {
    checkSegment(index, total, { segment: this.state.segment, parallel: this.parallel });
    this.state.segment = { index, total };
    return this;
  }
}
