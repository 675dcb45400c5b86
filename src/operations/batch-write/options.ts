import type { BatchTuning } from '../../runtime/batch-settings';

/** Options of `batchWrite` (repository or client): tuning and cancellation. */
export interface BatchWriteOptions extends BatchTuning {
  /** Cancels the batch: no new request is sent; chunks already written stay written. */
  signal?: AbortSignal;
}
