import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { MissingKeyError, ValidationError } from '../errors/errors';
import type { AttributeMeta, EntityMetadata } from '../metadata/entity-metadata';
import { defineOwn, marshallValue, unmarshallValue } from './marshall';
import { describeValue } from '../errors/describe-value';
import { composePrimaryKey } from '../metadata/entity-keys';

function marshallMap(values: Record<string, unknown>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const k of Object.keys(values)) out[k] = marshallValue(values[k], k);
  return out;
}

/** Key attributes must be strings, numbers or binaries, matching the declared type when known. */
export function checkKeyValue(attr: AttributeMeta, value: unknown, scope: string): void {
  const kind =
    typeof value === 'string'
      ? String
      : typeof value === 'number' || typeof value === 'bigint'
        ? Number
        : value instanceof Uint8Array
          ? Uint8Array
          : undefined;
  if (kind === undefined) {
    throw new ValidationError(
      `Key attribute "${attr.property}" of ${scope} must be a string, number or binary, got ${describeValue(value)}.`,
    );
  }
  if (kind === Number && typeof value === 'number' && !Number.isFinite(value)) {
    throw new ValidationError(`Key attribute "${attr.property}" of ${scope} is ${value}; numbers must be finite.`);
  }
  if (kind === String && value === '') {
    throw new ValidationError(
      `Key attribute "${attr.property}" of ${scope} is an empty string; DynamoDB keys cannot be empty.`,
    );
  }
  const t = attr.designType;
  const expected =
    t === String ? String : t === Number ? Number : t === Uint8Array || t === Buffer ? Uint8Array : undefined;
  if (expected !== undefined && expected !== kind) {
    const name = expected === String ? 'string' : expected === Number ? 'number' : 'binary';
    throw new ValidationError(
      `Key attribute "${attr.property}" of ${scope} must be a ${name} (its declared type), got ${describeValue(value)}.`,
    );
  }
}

/**
 * The marshalled primary key of `key`, which must hold exactly the key properties.
 * A missing part is a {@link MissingKeyError}; an extra attribute is a ValidationError.
 */
export function marshallKey(meta: EntityMetadata, key: unknown, operation: string): Record<string, AttributeValue> {
  if (key === null || typeof key !== 'object' || Array.isArray(key)) {
    throw new ValidationError(
      `${operation} needs a key object like { ${meta.keyProperties.map((k) => `${k}: ...`).join(', ')} }, got ${describeValue(key)}.`,
    );
  }
  const k = key as Record<string, unknown>;
  if (meta.single) return marshallMap(composePrimaryKey(meta, k, operation, true));
  checkItemKey(meta, k, operation);
  for (const p of Object.keys(k)) {
    if (!meta.keyProperties.includes(p) && k[p] !== undefined) {
      throw new ValidationError(
        `${operation} on ${meta.className}: "${p}" is not part of the primary key (${meta.keyProperties.join(', ')}). Pass only the key; use filter() or a condition for other attributes.`,
      );
    }
  }
  const out: Record<string, AttributeValue> = {};
  for (const attr of meta.keyAttributes) out[attr.stored] = marshallValue(k[attr.property], attr.property);
  return out;
}

/** Checks that an item holds the full primary key (put). */
export function checkItemKey(meta: EntityMetadata, item: Record<string, unknown>, operation: string): void {
  if (meta.single) {
    composePrimaryKey(meta, item, operation, false);
    return;
  }
  for (const attr of meta.keyAttributes) {
    const v = item[attr.property];
    if (v === undefined || v === null) throw missingKey(meta, attr, operation);
    checkKeyValue(attr, v, meta.className);
  }
}

function missingKey(meta: EntityMetadata, attr: AttributeMeta, operation: string): MissingKeyError {
  const partitionOnly = meta.sortKey !== undefined && (operation === 'get' || operation === 'getOrThrow');
  return new MissingKeyError(
    `${operation} on ${meta.className} is missing key attribute "${attr.property}"; the primary key is (${meta.keyProperties.join(', ')}).` +
      (partitionOnly ? ` To read every item of a partition, use query({ ${meta.partitionKey.property}: ... }).` : ''),
    attr.property,
  );
}

/** A marshalled key back to a plain key object with property names. */
export function unmarshallKey(meta: EntityMetadata, raw: Record<string, AttributeValue>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const stored of Object.keys(raw))
    defineOwn(out, meta.toProperty.get(stored) ?? stored, unmarshallValue(raw[stored]));
  return out;
}
