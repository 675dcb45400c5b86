import { checkSegment, checkSegments } from '../scan/segments';
import { CollectionRead } from './collection-read';
import type { AnyMemberProperty } from './options';

/** A collection scan: the whole table (or index), the members' items only; parallel when asked. */
export class CollectionScan<M, K extends string = never> extends CollectionRead<M, K> {
  /** Parallel scan: reads all `total` segments concurrently (iteration, fetchAll, count, await). */
  segments(total: number): this {
    return this.split(total);
  }

  /** Reads only segment `index` of `total` (for spreading one scan across workers). */
  segment(index: number, total: number): this {
    return this.split(total, index);
  }

  /** Both forms, checked as entity scans check them (scan/segments.ts). */
  private split(total: number, index?: number): this {
    const now = { segment: this.state.segment, startKey: this.state.startKey, parallel: this.parallel };
    if (index === undefined) {
      checkSegments(total, now);
      this.parallel = total;
    } else {
      checkSegment(index, total, now);
      this.state.segment = { index, total };
    }
    return this;
  }

  override select<S extends AnyMemberProperty<M>>(...selected: S[]): CollectionScan<M, S> {
    return super.select(...selected) as unknown as CollectionScan<M, S>;
  }
}
