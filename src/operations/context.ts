import type { BatchSettings } from '../runtime/batch-settings';
import type { Executor } from '../runtime/executor';
import type { CursorSeal } from '../runtime/cursor-seal';

/** What every operation runs with, set up once by the client: how to send, batch tuning, cursor sealing. */
export interface OperationContext {
  readonly executor: Executor;
  /** Batch tuning defaults of the client. */
  readonly batchDefaults: BatchSettings;
  /** Seals and opens page cursors when the client has a `cursorSecret`. */
  readonly cursorSeal?: CursorSeal;
}

/** Options every operation takes. */
export interface BaseOptions {
  /** Cancels the operation. */
  signal?: AbortSignal;
}
