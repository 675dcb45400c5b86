import { ValidationError } from '../errors/errors';

/** A duration for {@link fromNow}. */
export interface Duration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  weeks?: number;
}

/**
 * Epoch seconds `duration` from now: the value DynamoDB's TTL expects.
 * @example order.expiresAt = fromNow({ days: 7, hours: 12 });
 */
export function fromNow(duration: Duration, now: number = Date.now()): number {
  if (duration === null || typeof duration !== 'object')
    throw new ValidationError('fromNow() takes { weeks?, days?, hours?, minutes?, seconds? }.');
  let seconds = 0;
  const units: [keyof Duration, number][] = [
    ['weeks', 604800],
    ['days', 86400],
    ['hours', 3600],
    ['minutes', 60],
    ['seconds', 1],
  ];
  for (const [unit, factor] of units) {
    const v = duration[unit];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new ValidationError(`fromNow(): "${unit}" must be a finite number.`);
    seconds += v * factor;
  }
  return Math.floor(now / 1000 + seconds);
}
