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
    for (const [k, v] of Object.entries(a['M'] as Record<string, AttributeValue>)) n += 1 + utf8(k) + attributeValueSize(v);
    return n;
  }
  return 0;
}

function numberSize(n: string): number {
  const digits = n.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.floor(Math.max(digits.length, 1) / 2) + 1;
}

/** The size of a whole item: each attribute's name (UTF-8 bytes) plus its value. */
export function itemSize(item: Record<string, AttributeValue>): number {
  let n = 0;
  for (const [name, v] of Object.entries(item)) n += utf8(name) + attributeValueSize(v);
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
