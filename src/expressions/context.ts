import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshallValue } from '../marshalling/marshall';

// Placeholder strings made once. A string built per request (`#n${i}`) must be hashed and
// looked up in V8's string table each time it becomes a property key; these are internalized
// on first use, so filling ExpressionAttributeNames/Values costs a plain property store.
const PRECOMPUTED = 64;
const NAME_IDS = Array.from({ length: PRECOMPUTED }, (_, i) => `#n${i}`);
const VALUE_IDS = Array.from({ length: PRECOMPUTED }, (_, i) => `:v${i}`);
const nameId = (i: number): string => (i < PRECOMPUTED ? NAME_IDS[i] : `#n${i}`);
const valueId = (i: number): string => (i < PRECOMPUTED ? VALUE_IDS[i] : `:v${i}`);
const SCAN_LIMIT = 16;

/**
 * Placeholders for one request. Names and values always go through placeholders taken from
 * counters (`#n0`, `:v0`), never from the attribute's text, so any name works: `order-id`,
 * `my attr`, `#x`, reserved words. A stored name used twice in one request reuses its placeholder.
 */
export class ExpressionContext {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttributeValue> = {};
  /** Stored names in placeholder order: `#n${i}` names `storedNames[i]`. */
  private readonly storedNames: string[] = [];
  /** Built only when a request names many attributes; a scan of a few beats a Map. */
  private nameIndex?: Map<string, number>;
  private valueCount = 0;

  /** The placeholder of a stored attribute name (one path segment). */
  name(stored: string): string {
    const list = this.storedNames;
    let i = this.nameIndex ? (this.nameIndex.get(stored) ?? -1) : list.indexOf(stored);
    if (i >= 0) return nameId(i);
    i = list.length;
    list.push(stored);
    if (this.nameIndex) this.nameIndex.set(stored, i);
    else if (list.length > SCAN_LIMIT) this.nameIndex = new Map(list.map((s, j) => [s, j]));
    const id = nameId(i);
    this.names[id] = stored;
    return id;
  }

  /** The placeholder of a value, marshalled now so a bad value fails here, naming `where`; `depth`: containers above it (an update path's). */
  value(value: unknown, where: string, depth = 0): string {
    const id = valueId(this.valueCount++);
    this.values[id] = marshallValue(value, where, depth);
    return id;
  }

  /** A value that is already an AttributeValue. */
  rawValue(av: AttributeValue): string {
    const id = valueId(this.valueCount++);
    this.values[id] = av;
    return id;
  }

  get hasNames(): boolean {
    return this.storedNames.length > 0;
  }

  get hasValues(): boolean {
    return this.valueCount > 0;
  }

  /** `ExpressionAttributeNames`/`Values` for the request, leaving out empty maps. */
  attributes(): {
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
  } {
    const out: {
      ExpressionAttributeNames?: Record<string, string>;
      ExpressionAttributeValues?: Record<string, AttributeValue>;
    } = {};
    if (this.storedNames.length > 0) out.ExpressionAttributeNames = this.names;
    if (this.valueCount > 0) out.ExpressionAttributeValues = this.values;
    return out;
  }
}
