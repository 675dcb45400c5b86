/** What the scenarios produce and the report and chart read. */
import type { Measured } from './harness';

export interface OpResult {
  scenario: string;
  op: string;
  /** What perOpUs measures. */
  unit: string;
  /** What the ratio is taken against (normally the raw DocumentClient). */
  baseline: string;
  rows: Measured[];
  /** Adapters left out of this op, with the reason. */
  skipped: { name: string; reason: string }[];
  /** Extra figures per adapter (requests sent, most in flight, ...). */
  extra?: Record<string, string>;
  /** A/A controls measured in other processes (one per library), for the noise line. */
  controls?: Measured[];
}
