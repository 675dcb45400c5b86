import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../errors/errors';
import type { EntityMetadata } from '../metadata/entity-metadata';
import { composeItemAttributes, fillSourcesFromKeys } from '../metadata/entity-keys';
import { PROTO_NAME_REASON, defineOwn, marshallValue, unmarshallValue } from './marshall';

/**
 * An entity (plain object or class instance) to a stored item: property names mapped to stored
 * names, `undefined` properties left out, getters and methods (on the prototype) never stored.
 * An own property holding a function is refused like any value DynamoDB cannot store.
 */
export function marshallItem(meta: EntityMetadata, item: unknown): Record<string, AttributeValue> {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new ValidationError(
      `put on ${meta.className} needs an item object, got ${item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item}.`,
    );
  }
  const src = item as Record<string, unknown>;
  const out: Record<string, AttributeValue> = {};
  const renames = meta.toStored;
  for (const k in src) {
    if (!Object.prototype.hasOwnProperty.call(src, k)) continue;
    const v = src[k];
    if (v === undefined) continue;
    if (k === '__proto__') throw new ValidationError(`put on ${meta.className}: "${k}": ${PROTO_NAME_REASON}.`);
    if (k === '')
      throw new ValidationError(
        `put on ${meta.className}: the item has an attribute with an empty name; DynamoDB attribute names cannot be empty strings.`,
      );
    let stored = k;
    if (renames.size > 0) {
      const renamed = renames.get(k);
      if (renamed !== undefined) stored = renamed;
      else if (meta.toProperty.has(k)) {
        // Writing it would overwrite (or be overwritten by) the renamed property's value.
        const owner = meta.toProperty.get(k)!;
        throw new ValidationError(
          `put on ${meta.className}: "${k}" is the stored name of property "${owner}"; use the property name "${owner}".`,
        );
      }
    }
    out[stored] = marshallValue(v, k);
  }
  // Single-table entities: the composed keys and the type attribute (entity-keys.ts).
  if (meta.single) {
    const composed = composeItemAttributes(meta, src, 'put');
    for (const k of Object.keys(composed)) out[k] = marshallValue(composed[k], k);
  }
  return out;
}

/**
 * A stored item to an instance of the entity class: created with `Object.create(prototype)`
 * (the constructor does not run, so field initialisers never overwrite stored values), stored
 * names mapped back to property names, Date properties revived.
 */
export function hydrate<T>(
  meta: EntityMetadata<T>,
  raw: Record<string, AttributeValue>,
  omit?: ReadonlySet<string>,
): T {
  const out = Object.create(meta.target.prototype as object) as Record<string, unknown>;
  const names = meta.toProperty;
  const hidden = meta.single?.hidden;
  for (const stored in raw) {
    if (omit !== undefined && omit.has(stored)) continue;
    if (hidden !== undefined && hidden.has(stored)) continue;
    const property = names.size === 0 ? stored : (names.get(stored) ?? stored);
    // `__proto__` (written by another client) must stay data, not become the instance's prototype.
    if (property === '__proto__') defineOwn(out, property, unmarshallValue(raw[stored]));
    else out[property] = unmarshallValue(raw[stored]);
  }
  // After select() (an `omit` set), the result holds what was selected: sources are not filled in.
  if (meta.single && omit === undefined) fillSourcesFromKeys(meta.single, raw, out);
  if (meta.dateProperties.size > 0) {
    for (const p of meta.dateProperties) {
      const v = out[p];
      if (typeof v === 'string') out[p] = new Date(v);
    }
  }
  return out as T;
}
