import type { BatchTuning } from '../../runtime/batch-settings';
import type { GetOptions } from '../get/options';

/** Options of `batchGet`: projection, consistency, tuning and cancellation. */
export interface BatchGetOptions<K extends string = string> extends GetOptions<K>, BatchTuning {}
