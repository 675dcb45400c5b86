import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../../errors/errors';
import { checkKeyValue, unmarshallKey } from '../../marshalling/keys';
import type { EntityMetadata, IndexMeta } from '../../metadata/entity-metadata';
import { marshallValue } from '../../marshalling/marshall';
import { isCanonicalNumber } from '../../marshalling/canonical-number';
import { cursorScope, type CursorSeal } from '../../runtime/cursor-seal';

/**
 * Pagination positions. `lastKey` is a plain key object with property names; `cursor` is the
 * same key as an opaque URL-safe string for HTTP APIs, tagged with the table and index so a
 * cursor from elsewhere is refused instead of sent.
 */

interface CursorBody {
  t: string;
  i?: string;
  k: Record<string, [type: 'S' | 'N' | 'B', value: string]>;
}

export function encodeCursor(
  meta: EntityMetadata,
  index: IndexMeta | undefined,
  key: Record<string, AttributeValue>,
  seal?: CursorSeal,
): string {
  const k: CursorBody['k'] = {};
  for (const [name, av] of Object.entries(key)) {
    if (av.S !== undefined) k[name] = ['S', av.S];
    else if (av.N !== undefined) k[name] = ['N', av.N];
    else if (av.B !== undefined) k[name] = ['B', Buffer.from(av.B).toString('base64')];
  }
  const body: CursorBody = { t: meta.tableName, k };
  if (index) body.i = index.name;
  if (seal) return seal.seal(JSON.stringify(body), cursorScope(meta.tableName, index?.name));
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

/**
 * One key cannot resume a parallel scan: a start key and `segments(n > 1)` refuse each other,
 * whichever comes first (entity and collection scans alike).
 */
export function checkParallelStart(parallel: number, startKey: unknown): void {
  if (parallel > 1 && startKey !== undefined && startKey !== null)
    throw new ValidationError(
      'startFrom() and segments() cannot be combined: one key cannot resume a parallel scan. Resume each segment with segment(i, n).startFrom(key) instead.',
    );
}

/** The ExclusiveStartKey of a `startFrom()` argument (plain key or cursor), validated. */
export function startKeyOf(
  meta: EntityMetadata,
  index: IndexMeta | undefined,
  from: unknown,
  seal?: CursorSeal,
): Record<string, AttributeValue> {
  const scope = index ? `index "${index.name}" of table "${meta.tableName}"` : `table "${meta.tableName}"`;
  const expected = index ? index.keyProperties : meta.keyProperties;
  const attrs = expected.map((p) => attributeOf(meta, index, p));
  if (typeof from === 'string') return fromCursor(meta, index, openCursor(meta, index, from, seal), attrs, scope);
  if (from === null || typeof from !== 'object' || Array.isArray(from)) {
    throw new ValidationError(`startFrom() takes a lastKey object or a cursor string from a page of ${scope}.`);
  }
  const key = from as Record<string, unknown>;
  checkNames(Object.keys(key), expected, scope);
  const out: Record<string, AttributeValue> = {};
  for (const a of attrs) {
    checkKeyValue(a, key[a.property], `the startFrom() key of ${scope}`);
    out[a.stored] = marshallValue(key[a.property], a.property);
  }
  return out;
}

function fromCursor(
  meta: EntityMetadata,
  index: IndexMeta | undefined,
  cursor: string,
  attrs: { property: string; stored: string; designType?: unknown }[],
  scope: string,
) {
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    throw new ValidationError(
      `startFrom(): the cursor is not a cursor dkmio made (malformed). Pass page.cursor unchanged.`,
    );
  }
  if (
    body === null ||
    typeof body !== 'object' ||
    typeof body.t !== 'string' ||
    body.k === null ||
    typeof body.k !== 'object'
  ) {
    throw new ValidationError(
      `startFrom(): the cursor is not a cursor dkmio made (malformed). Pass page.cursor unchanged.`,
    );
  }
  if (body.t !== meta.tableName || (body.i ?? undefined) !== index?.name) {
    throw new ValidationError(
      `startFrom(): the cursor belongs to ${body.i ? `index "${body.i}" of ` : ''}table "${body.t}", not to ${scope}.`,
    );
  }
  const storedToProp = new Map(attrs.map((a) => [a.stored, a.property]));
  checkNames(
    Object.keys(body.k).map((s) => storedToProp.get(s) ?? s),
    attrs.map((a) => a.property),
    scope,
  );
  const out: Record<string, AttributeValue> = {};
  for (const a of attrs) {
    const entry = body.k[a.stored];
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[1] !== 'string') {
      throw new ValidationError(`startFrom(): the cursor's "${a.property}" is malformed.`);
    }
    const [type, raw] = entry;
    let value: unknown;
    if (type === 'S') value = raw;
    else if (type === 'N' && isCanonicalNumber(raw)) value = Number(raw);
    else if (type === 'B') value = new Uint8Array(Buffer.from(raw, 'base64'));
    else throw new ValidationError(`startFrom(): the cursor's "${a.property}" is malformed.`);
    checkKeyValue(a, value, `the cursor of ${scope}`);
    out[a.stored] = type === 'N' ? { N: raw } : marshallValue(value, a.property);
  }
  return out;
}

/** The cursor as plain base64url JSON: unchanged without a seal, else opened (a ValidationError when it does not open). */
function openCursor(
  meta: EntityMetadata,
  index: IndexMeta | undefined,
  cursor: string,
  seal: CursorSeal | undefined,
): string {
  if (!seal) return cursor;
  const plain = seal.open(cursor, cursorScope(meta.tableName, index?.name));
  if (plain === undefined) {
    throw new ValidationError(
      `startFrom(): the cursor was not sealed for ${index ? `index "${index.name}" of ` : ''}table "${meta.tableName}" by this API ` +
        '(altered, forged, from another table or index, or sealed with a secret no longer configured). Pass page.cursor unchanged.',
    );
  }
  return Buffer.from(plain, 'utf8').toString('base64url');
}

function checkNames(given: string[], expected: readonly string[], scope: string): void {
  const extra = given.filter((g) => !expected.includes(g));
  const missing = expected.filter((e) => !given.includes(e));
  if (extra.length || missing.length) {
    throw new ValidationError(
      `startFrom(): the key does not fit ${scope}; it needs exactly (${expected.join(', ')})` +
        `${missing.length ? `, missing ${missing.join(', ')}` : ''}${extra.length ? `, unexpected ${extra.join(', ')}` : ''}.`,
    );
  }
}

function attributeOf(meta: EntityMetadata, index: IndexMeta | undefined, property: string) {
  if (property === meta.partitionKey.property) return meta.partitionKey;
  if (property === meta.sortKey?.property) return meta.sortKey;
  if (index && property === index.partitionKey.property) return index.partitionKey;
  if (index && property === index.sortKey?.property) return index.sortKey;
  return meta.attributes.get(property) ?? { property, stored: property };
}

/** The plain lastKey object of a LastEvaluatedKey. */
export function lastKeyOf(meta: EntityMetadata, raw: Record<string, AttributeValue>): Record<string, unknown> {
  return unmarshallKey(meta, raw);
}
