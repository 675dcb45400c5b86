import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../errors/errors';

/** DynamoDB's maximum item size: 400 KB, attribute names and values included. */
export const MAX_ITEM_BYTES = 400 * 1024;

const utf8 = (s: string): number => Buffer.byteLength(s, 'utf8');

/**
 * The size DynamoDB accounts for a value, by AWS's documented rules: strings by UTF-8 bytes,
 * binaries by bytes, numbers about one byte per two significant digits plus one, booleans and
 * nulls one byte, lists and maps 3 bytes plus one per element plus their contents (and keys).
 * It never overestimates (numbers round down), so an item under the limit is never refused here;
 * one that is over it is refused before sending instead of failing at DynamoDB.
 */
export function attributeValueSize(av: AttributeValue): number {
  const a = av as unknown as Record<string, unknown>;
  if (a['S'] !== undefined) return utf8(a['S'] as string);
  if (a['N'] !== undefined) return numberSize(a['N'] as string);
  if (a['B'] !== undefined) return (a['B'] as Uint8Array).length;
  if (a['BOOL'] !== undefined || a['NULL'] !== undefined) return 1;
  if (a['SS'] !== undefined) return (a['SS'] as string[]).reduce((n, s) => n + utf8(s), 0);
  if (a['NS'] !== undefined) return (a['NS'] as string[]).reduce((n, s) => n + numberSize(s), 0);
  if (a['BS'] !== undefined) return (a['BS'] as Uint8Array[]).reduce((n, b) => n + b.length, 0);
  if (a['L'] !== undefined) return (a['L'] as AttributeValue[]).reduce((n, v) => n + 1 + attributeValueSize(v), 3);
  if (a['M'] !== undefined) {
    let n = 3;
    for (const [k, v] of Object.entries(a['M'] as Record<string, AttributeValue>))
      n += 1 + utf8(k) + attributeValueSize(v);
    return n;
  }
  return 0;
}

function numberSize(n: string): number {
  const digits = n
    .replace(/^-/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.floor(Math.max(digits.length, 1) / 2) + 1;
}

/** The size of a whole item: each attribute's name (UTF-8 bytes) plus its value. */
export function itemSize(item: Record<string, AttributeValue>): number {
  let n = 0;
  for (const [name, v] of Object.entries(item)) n += utf8(name) + attributeValueSize(v);
  return n;
}

/**
 * A cheap upper bound of {@link attributeValueSize}: no UTF-8 encoding, no number parsing. A UTF-16
 * code unit is at most 3 UTF-8 bytes, and a number's size never exceeds its text's length + 1.
 * Items almost always sit far below the limit, so the exact walk runs only when this bound could
 * pass it (it made a put's request building ~3.5x slower when it ran every time).
 */
export function sizeUpperBound(av: AttributeValue): number {
  const a = av as unknown as Record<string, unknown>;
  if (a['S'] !== undefined) return (a['S'] as string).length * 3;
  if (a['N'] !== undefined) return (a['N'] as string).length + 1;
  if (a['B'] !== undefined) return (a['B'] as Uint8Array).length;
  if (a['BOOL'] !== undefined || a['NULL'] !== undefined) return 1;
  const set = (a['SS'] ?? a['NS'] ?? a['BS']) as { length: number }[] | undefined;
  if (set !== undefined) {
    let n = 0;
    for (let i = 0; i < set.length; i++) n += set[i].length * 3 + 1;
    return n;
  }
  if (a['L'] !== undefined) {
    const l = a['L'] as AttributeValue[];
    let n = 3;
    for (let i = 0; i < l.length; i++) n += 1 + sizeUpperBound(l[i]);
    return n;
  }
  if (a['M'] !== undefined) return 3 + mapUpperBound(a['M'] as Record<string, AttributeValue>, 1);
  return 0;
}

/** Upper bound of a map's (or an item's) names and values; `perEntry` bytes of overhead each. */
export function mapUpperBound(m: Record<string, AttributeValue>, perEntry = 0): number {
  let n = 0;
  for (const k in m) n += perEntry + k.length * 3 + sizeUpperBound(m[k]);
  return n;
}

/** Throws a ValidationError naming the 400 KB limit when `bytes` is over it. */
export function checkItemSize(bytes: number, what: string): void {
  if (bytes > MAX_ITEM_BYTES) {
    throw new ValidationError(
      `${what} is at least ${Math.ceil(bytes / 1024)} KB (${bytes} bytes by DynamoDB's size rules), over DynamoDB's 400 KB item size limit. ` +
        `Store large values elsewhere (for example S3) and keep a reference, or split the item.`,
    );
  }
}
