/**
 * What a value is, for error messages: its kind (`a string`, `an array of 3`, `null`, ...),
 * never the value itself, since messages end up in logs.
 */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (v instanceof Set) return 'a Set';
  if (v instanceof Uint8Array) return 'binary';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'object') return 'an object';
  if (v === undefined) return 'undefined';
  // Numbers and booleans are values too: name their type only (NaN/Infinity are no one's data).
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? 'a number' : 'an infinite number';
  return `a ${typeof v}`;
}
