import { ValidationError } from '../errors/errors';

/** `value`, or `fallback` when it is undefined; anything but an integer >= 1 is a ValidationError naming `name`. */
export function positiveInteger(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1)
    throw new ValidationError(`${name} must be a positive integer, got ${String(value)}.`);
  return value;
}

/** `value`, or `fallback` when it is undefined; anything but a finite number >= 0 is a ValidationError naming `name`. */
export function milliseconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new ValidationError(`${name} must be a finite number of milliseconds >= 0, got ${String(value)}.`);
  return value;
}
