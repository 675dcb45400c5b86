import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { MissingKeyError, ValidationError } from '../errors/errors';
import type { SortKeyCondition } from '../expressions/key-condition';
import type { EntityMetadata, IndexMeta } from './entity-metadata';
import {
  composeTemplate,
  formatValue,
  literalPrefix,
  readTemplate,
  type KeyTemplate,
  type Placeholder,
} from './key-template';
import type { IndexTemplates, SingleTableMeta } from './single-table-meta';

/**
 * Keys of single-table entities: the stored key attributes composed from an entity's property
 * values on every write, and the property values parsed back from stored keys on every read.
 * Pure; values come back as plain JS values for the caller to marshall.
 */

/** Source properties of the primary key, in template order (what `get`/`delete` take as the key). */
export function primarySourceList(single: SingleTableMeta): string[] {
  return [...single.primarySources];
}

/** The property names a user gives as an entity's key, for messages: its key properties, or its primary sources. */
export function keyNamesOf(meta: EntityMetadata): readonly string[] {
  return meta.single ? primarySourceList(meta.single) : meta.keyProperties;
}

/**
 * The stored primary key (`{ pk, sk }`) of a key given as properties. A missing source is a
 * MissingKeyError; with `onlyKey`, a property that is no source is a ValidationError.
 */
export function composePrimaryKey(
  meta: EntityMetadata,
  key: Readonly<Record<string, unknown>>,
  operation: string,
  onlyKey: boolean,
): Record<string, string | number | bigint | Uint8Array> {
  const single = meta.single!;
  const scope = `${operation} on ${meta.className}`;
  if (onlyKey) {
    for (const p of Object.keys(key)) {
      if (!single.primarySources.has(p) && key[p] !== undefined) {
        throw new ValidationError(
          `${scope}: "${p}" is not part of the primary key, which is composed from (${primarySourceList(single).join(', ')}). Pass only those; use filter() or a condition for other attributes.`,
        );
      }
    }
  }
  const out: Record<string, string | number | bigint | Uint8Array> = {};
  for (const t of single.sortKey ? [single.partitionKey, single.sortKey] : [single.partitionKey]) {
    const v = composeTemplate(t, key, scope);
    if (v === undefined) {
      const missing = t.sources.find((s) => key[s] === undefined || key[s] === null)!;
      throw new MissingKeyError(
        `${scope} is missing "${missing}", which composes "${t.attribute}" ('${t.text}'); the primary key is composed from (${primarySourceList(single).join(', ')}).`,
        missing,
      );
    }
    out[t.attribute] = v;
  }
  return out;
}

/**
 * Everything a put adds to an entity's item: the composed primary key, every index key whose
 * sources are all present (an index key with a missing source is left out: a sparse index), and
 * the type attribute. The item must not hold those stored names itself.
 */
export function composeItemAttributes(
  meta: EntityMetadata,
  item: Readonly<Record<string, unknown>>,
  operation: string,
): Record<string, unknown> {
  const single = meta.single!;
  for (const name of single.hidden) {
    if (Object.prototype.hasOwnProperty.call(item, name) && item[name] !== undefined) {
      throw new ValidationError(
        `${operation} on ${meta.className}: "${name}" is composed by dkmio (${name === single.typeAttribute ? 'the entity type' : 'a key template'}); leave it out of the item and set the template's properties instead.`,
      );
    }
  }
  const out: Record<string, unknown> = composePrimaryKey(meta, item, operation, false);
  const scope = `${operation} on ${meta.className}`;
  for (const [, t] of single.indexes) {
    for (const template of [t.partitionKey, t.sortKey]) {
      if (!template || template.attribute in out) continue;
      const v = composeTemplate(template, item, scope);
      if (v !== undefined) out[template.attribute] = v;
    }
  }
  out[single.typeAttribute] = single.type;
  return out;
}

/** The text or value of a stored key attribute. */
function storedValue(av: AttributeValue | undefined): unknown {
  if (av === undefined) return undefined;
  if (av.S !== undefined) return av.S;
  if (av.N !== undefined) return Number(av.N);
  if (av.B !== undefined) return av.B;
  return undefined;
}

/** Sets the source properties `out` lacks from the stored keys of `raw` (a KEYS_ONLY index read). */
export function fillSourcesFromKeys(
  single: SingleTableMeta,
  raw: Record<string, AttributeValue>,
  out: Record<string, unknown>,
): void {
  for (const t of single.templates) {
    if (raw[t.attribute] === undefined || t.sources.every((s) => out[s] !== undefined)) continue;
    const values = readTemplate(t, storedValue(raw[t.attribute]), (p) => single.numeric.has(p));
    if (!values) continue;
    for (const [k, v] of Object.entries(values)) if (out[k] === undefined) out[k] = v;
  }
}

/**
 * True when a stored item belongs to this entity: its type attribute says so, or (where the type
 * attribute was not read) its primary key fits the entity's templates.
 */
export function ownsItem(single: SingleTableMeta, raw: Record<string, AttributeValue>): boolean {
  const type = raw[single.typeAttribute];
  if (type !== undefined) return type.S === single.type;
  return fits(single.partitionKey, raw) && (single.sortKey === undefined || fits(single.sortKey, raw));
}

function fits(t: KeyTemplate, raw: Record<string, AttributeValue>): boolean {
  const v = raw[t.attribute];
  return v !== undefined && readTemplate(t, storedValue(v), () => false) !== undefined;
}

/** True unless `meta` is a single-table entity the item does not belong to (`get` of another type's item: null). */
export function isOwnItem(meta: EntityMetadata, raw: Record<string, AttributeValue>): boolean {
  return meta.single === undefined || ownsItem(meta.single, raw);
}

/** A projection's names plus, for a single-table entity, its type attribute (to tell the item's type; never shown). */
export function withTypeAttribute(meta: EntityMetadata, names: readonly string[]): readonly string[] {
  return meta.single && !names.includes(meta.single.typeAttribute) ? [...names, meta.single.typeAttribute] : names;
}

/** What a query of a single-table entity sends for its key: the composed partition value and a sort-key condition. */
export interface TemplateQuery {
  partition: unknown;
  /** Every sort-key source given: the exact sort key (as `where({ eq })`). */
  where?: SortKeyCondition;
  /** Otherwise the literal prefix (and leading sources) of the sort template, replaced by an explicit `where()`. */
  defaultWhere?: SortKeyCondition;
}

/** The templates a query on the table (or an index) of this entity composes. */
export function queryTemplates(meta: EntityMetadata, index: IndexMeta | undefined): IndexTemplates {
  const single = meta.single!;
  if (!index) return { partitionKey: single.partitionKey, sortKey: single.sortKey };
  const t = single.indexes.get(index.name)!;
  return index.kind === 'local' ? { partitionKey: single.partitionKey, sortKey: t.sortKey } : t;
}

/**
 * The key condition of `query(key)` on a single-table entity: the partition template composed
 * from its sources (all required); sort-key sources given in template order narrow the query to
 * that prefix; with none, the sort template's leading literal keeps the query to this entity's items.
 */
export function templateQuery(
  meta: EntityMetadata,
  index: IndexMeta | undefined,
  key: Readonly<Record<string, unknown>>,
  scope: string,
): TemplateQuery {
  const { partitionKey: pk, sortKey: sk } = queryTemplates(meta, index);
  const allowed = [...pk!.sources, ...(sk?.sources ?? [])];
  for (const name of Object.keys(key)) {
    if (!allowed.includes(name) && key[name] !== undefined) {
      throw new ValidationError(
        `query() on ${scope}: "${name}" is not a source of its key templates ('${pk!.text}'${sk ? `, '${sk.text}'` : ''}); give ${allowed.map((a) => `"${a}"`).join(', ')} only. Use filter() for other attributes.`,
      );
    }
  }
  const partition = composeTemplate(pk!, key, `query() on ${scope}`);
  if (partition === undefined) {
    const missing = pk!.sources.find((s) => key[s] === undefined || key[s] === null)!;
    throw new MissingKeyError(
      `query() on ${scope} is missing "${missing}", which composes its partition key '${pk!.text}', e.g. query({ ${pk!.sources.map((s) => `${s}: ...`).join(', ')} }). To read everything, use scan().`,
      missing,
    );
  }
  if (!sk) return { partition };
  if (sk.type !== 'S') {
    const v = key[sk.sources[0]];
    return v === undefined ? { partition } : { partition, where: { eq: v as string } };
  }
  let prefix = '';
  let given = 0;
  for (const part of sk.parts) {
    if (typeof part === 'string') {
      prefix += part;
      continue;
    }
    const v = key[part.property];
    if (v === undefined || v === null) break;
    prefix += formatValue(sk, part, v, `query() on ${scope}`);
    given++;
  }
  const rest = sk.sources.slice(given).find((s) => key[s] !== undefined && key[s] !== null);
  if (rest !== undefined) {
    throw new ValidationError(
      `query() on ${scope}: "${rest}" comes after "${sk.sources[given]}" in sort key template '${sk.text}'; give the sort key's properties from the left (${sk.sources.join(', ')}).`,
    );
  }
  if (given === sk.sources.length) return { partition, where: { eq: prefix } };
  return prefix === '' ? { partition } : { partition, defaultWhere: { begins_with: prefix } };
}

/**
 * A `where()` on a single-table entity compares the sort key after its leading literal: the
 * operands are values of the template's first placeholder, formatted like it (`{seq:10}` pads).
 */
export function templateWhere(
  meta: EntityMetadata,
  index: IndexMeta | undefined,
  condition: SortKeyCondition,
  scope: string,
): SortKeyCondition {
  const sk = queryTemplates(meta, index).sortKey;
  if (!sk || condition === null || typeof condition !== 'object') return condition;
  const first = sk.parts.find((p): p is Placeholder => typeof p !== 'string');
  if (!first)
    throw new ValidationError(
      `where() on ${scope}: the sort key of ${meta.className} is the constant '${sk.text}', so there is nothing to compare; query() already reads exactly it.`,
    );
  if (sk.type !== 'S') return condition;
  const prefix = literalPrefix(sk);
  const format = (v: unknown): unknown =>
    v === undefined || v === null ? v : prefix + formatValue(sk, first, v, `where() on ${scope}`);
  const out: Record<string, unknown> = {};
  for (const [op, v] of Object.entries(condition))
    out[op] = op === 'between' && Array.isArray(v) ? v.map(format) : format(v);
  return out as SortKeyCondition;
}
