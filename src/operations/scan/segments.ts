import { ValidationError } from '../../errors/errors';
import { checkParallelStart } from '../paged-read/cursor';

/** DynamoDB's limit on TotalSegments. */
const MAX_SEGMENTS = 1_000_000;

/** What a scan builder knows when asked for segments: a single segment, a start key, the parallel count. */
interface SegmentState {
  segment?: { index: number; total: number };
  startKey?: unknown;
  parallel: number;
}

/** Checks `segments(total)` (a parallel scan) against the builder's state; entity and collection scans share it. */
export function checkSegments(total: number, state: SegmentState): void {
  checkTotal(total);
  if (state.segment) throw new ValidationError('segments() and segment() cannot be combined; pick one.');
  checkParallelStart(total, state.startKey);
}

/** Checks `segment(index, total)` (one segment) against the builder's state. */
export function checkSegment(index: number, total: number, state: SegmentState): void {
  checkTotal(total);
  if (!Number.isInteger(index) || index < 0 || index >= total) {
    throw new ValidationError(
      `segment(index, total): index must be an integer from 0 to ${total - 1}, got ${String(index)}.`,
    );
  }
  if (state.parallel > 1) throw new ValidationError('segments() and segment() cannot be combined; pick one.');
}

function checkTotal(total: number): void {
  if (!Number.isInteger(total) || total < 1 || total > MAX_SEGMENTS) {
    throw new ValidationError(
      `The number of segments must be an integer from 1 to ${MAX_SEGMENTS}, got ${String(total)}.`,
    );
  }
}
