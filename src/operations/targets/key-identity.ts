import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { EntityMetadata } from '../../metadata/entity-metadata';

/**
 * A string that is equal for two keys exactly when DynamoDB sees the same item: used to find
 * duplicates before sending and to match BatchGetItem answers (which come back unordered) to the
 * keys asked for. Numbers are compared by value (`1.50`, `1.5` and `15e-1` are one key, as in
 * DynamoDB), binaries by their bytes.
 */
export function keyIdentity(meta: EntityMetadata, table: string, key: Record<string, AttributeValue>): string {
  const parts = [table, part(key[meta.partitionKey.stored])];
  if (meta.sortKey) parts.push(part(key[meta.sortKey.stored]));
  return JSON.stringify(parts);
}

function part(av: AttributeValue | undefined): string {
  if (!av) return '-';
  if (av.S !== undefined) return `S${av.S}`;
  if (av.N !== undefined) return `N${canonicalNumber(av.N)}`;
  if (av.B !== undefined) return `B${Buffer.from(av.B).toString('base64')}`;
  return '?';
}

/**
 * A decimal number string in one canonical form: `[-]digits e exponent` with no leading or
 * trailing zeros in the digits, and `0` for every zero.
 */
export function canonicalNumber(text: string): string {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!m) return text;
  const [, sign, whole = '', fraction = '', exp = '0'] = m;
  let digits = whole + fraction;
  let exponent = Number(exp) - fraction.length;
  const lead = digits.search(/[1-9]/);
  if (lead < 0) return '0';
  digits = digits.slice(lead);
  const trail = digits.length - digits.replace(/0+$/, '').length;
  digits = digits.slice(0, digits.length - trail);
  exponent += trail;
  return `${sign === '-' ? '-' : ''}${digits}e${exponent}`;
}
